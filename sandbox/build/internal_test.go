package build

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestAcquireQueue(t *testing.T) {
	b, err := New(Options{CacheDir: t.TempDir(), MaxConcurrent: 1, MaxQueued: 1, Modules: fstest.MapFS{}})
	if err != nil {
		t.Fatal(err)
	}
	release, err := b.acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// One waiter fits in the queue; it gives up when its context ends.
	waited := make(chan error)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		_, err := b.acquire(ctx)
		waited <- err
	}()
	for b.queued.Load() != 1 {
		time.Sleep(time.Millisecond)
	}
	// A second waiter does not fit: ErrBusy at once.
	if _, err := b.acquire(context.Background()); !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "1 builds are waiting") {
		t.Errorf("second waiter: %v, want ErrBusy", err)
	}
	cancel()
	if err := <-waited; !errors.Is(err, ErrQueueWait) || !errors.Is(err, context.Canceled) {
		t.Errorf("waiter: %v, want ErrQueueWait wrapping context.Canceled", err)
	}
	// Releasing the slot lets the next caller in.
	release()
	r2, err := b.acquire(context.Background())
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	r2()
}

func TestGoModGolden(t *testing.T) {
	g, err := scanGuest(fstest.MapFS{
		"github.com/aws/aws-lambda-go/go.mod.embed":                       {Data: []byte("module github.com/aws/aws-lambda-go\n\ngo 1.24\n")},
		"github.com/aws/aws-lambda-go/events/apigw.go":                    {Data: []byte("package events\n")},
		"github.com/aws/aws-sdk-go-v2/go.mod.embed":                       {Data: []byte("// comment\nmodule github.com/aws/aws-sdk-go-v2 // trailing\n")},
		"github.com/aws/aws-sdk-go-v2/internal/endpoints/v2/go.mod.embed": {Data: []byte("module github.com/aws/aws-sdk-go-v2/internal/endpoints/v2\n")},
		"github.com/aws/aws-sdk-go-v2/aws/aws.go":                         {Data: []byte("package aws\n")},
		"github.com/aws/aws-sdk-go-v2/aws/aws_test.go":                    {Data: []byte("package aws\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantPkgs := []string{"github.com/aws/aws-lambda-go/events", "github.com/aws/aws-sdk-go-v2/aws"}
	if !reflect.DeepEqual(g.pkgs, wantPkgs) {
		t.Errorf("pkgs = %v, want %v", g.pkgs, wantPkgs)
	}
	got := g.goMod("../../guest/0123")
	golden := filepath.Join("testdata", "go.mod.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("go.mod:\n%s\nwant:\n%s", got, want)
	}
}

func TestScanGuestRejectsModuleWithoutPath(t *testing.T) {
	_, err := scanGuest(fstest.MapFS{"x/go.mod.embed": {Data: []byte("go 1.24\n")}})
	if err == nil || !strings.Contains(err.Error(), "no module line") {
		t.Errorf("err = %v", err)
	}
}

// TestExtractConcurrent runs many extractions of the same tree at once (as
// several builders or processes would) and requires one complete tree.
func TestExtractConcurrent(t *testing.T) {
	g, err := scanGuest(fstest.MapFS{
		"example.com/m/go.mod.embed": {Data: []byte("module example.com/m\n")},
		"example.com/m/a/a.go":       {Data: []byte("package a\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var wg sync.WaitGroup
	dirs := make([]string, 8)
	errs := make([]error, 8)
	for i := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dirs[i], errs[i] = g.extract(root)
		}()
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil || dirs[i] != dirs[0] {
			t.Fatalf("extract %d: %q %v", i, dirs[i], errs[i])
		}
	}
	for _, f := range []string{"example.com/m/go.mod", "example.com/m/a/a.go", ".complete"} {
		if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dirs[0], "example.com/m/go.mod.embed")); err == nil {
		t.Error("go.mod.embed should be written as go.mod only")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("temporary trees left behind: %v", entries)
	}
}

func TestParseDiagnostics(t *testing.T) {
	out := "# handler\n" +
		"./main.go:4:10: undefined: x\n" +
		"helper.go:7: missing return\n" +
		"main.go:2:8: instantiation cycle:\n\tmain.go:2:31: P instantiated as [2]P\n" +
		"go: finding module for package example.com/x\n" +
		"go: updates to go.mod needed\n" +
		"github.com/aws/aws-lambda-go/events/x.go:1:1: guest bug\n"
	want := []Diagnostic{
		{File: "main.go", Line: 4, Col: 10, Message: "undefined: x"},
		{File: "helper.go", Line: 7, Message: "missing return"},
		{File: "main.go", Line: 2, Col: 8, Message: "instantiation cycle:\nmain.go:2:31: P instantiated as [2]P"},
		{Message: "updates to go.mod needed"},
		{File: "github.com/aws/aws-lambda-go/events/x.go", Line: 1, Col: 1, Message: "guest bug"},
	}
	if got := parseDiagnostics(out); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestSanitizer(t *testing.T) {
	s := newSanitizer(
		"/data/cache/work/b-1/src/", "",
		"/data/cache/work/b-1/src", ".",
		"/data/cache/guest/abc/", "",
		"../../guest/abc/", "",
		"/data/cache", "$CACHE",
		"/usr/local/go", "$GOROOT",
	)
	tests := []struct{ in, want string }{
		{"/data/cache/work/b-1/src/main.go:1:2: x", "main.go:1:2: x"},
		{"/data/cache/guest/abc/github.com/aws/aws-lambda-go/events/a.go:3: y", "github.com/aws/aws-lambda-go/events/a.go:3: y"},
		{"replaced by ../../guest/abc/github.com/aws/aws-sdk-go-v2", "replaced by github.com/aws/aws-sdk-go-v2"},
		{"open /data/cache/gocache/xx: denied", "open $CACHE/gocache/xx: denied"},
		{"/usr/local/go/src/fmt/print.go:1: z", "$GOROOT/src/fmt/print.go:1: z"},
		{"in /data/cache/work/b-1/src", "in ."},
	}
	for _, tt := range tests {
		if got := s.clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAddHints(t *testing.T) {
	files := []sourceFile{{name: "main.go", imports: map[string]string{
		"events": "github.com/aws/aws-lambda-go/events", "dynamodb": "github.com/aws/aws-sdk-go-v2/service/dynamodb", "strings": "strings",
	}}}
	tests := []struct {
		d        Diagnostic
		wantHint string
	}{
		{Diagnostic{File: "main.go", Message: "undefined: events.CognitoEvent"}, "events.CognitoEvent is not part"},
		{Diagnostic{File: "main.go", Message: "client.Scan undefined (type *dynamodb.Client has no field or method Scan)"}, "dynamodb.Client.Scan is not part"},
		{Diagnostic{File: "main.go", Message: "unknown field Foo in struct literal of type dynamodb.GetItemInput"}, "field Foo of dynamodb.GetItemInput is not part"},
		{Diagnostic{File: "main.go", Message: "undefined: strings.Foo"}, ""},
		{Diagnostic{File: "main.go", Message: "undefined: x"}, ""},
		{Diagnostic{File: "main.go", Message: "cannot find module providing package github.com/aws/aws-sdk-go/aws: module lookup disabled by GOPROXY=off"}, "subset of the AWS packages"},
		{Diagnostic{File: "main.go", Message: "cannot find module providing package github.com/x/y: module lookup disabled by GOPROXY=off"}, "offline"},
		{Diagnostic{File: "main.go", Message: "module github.com/aws/aws-sdk-go-v2@latest found (v0.0.0, replaced by github.com/aws/aws-sdk-go-v2), but does not contain package github.com/aws/aws-sdk-go-v2/service/s3"}, "/docs/guest-sdk"},
		{Diagnostic{File: "other.go", Message: "undefined: events.CognitoEvent"}, ""}, // other.go does not import events
	}
	for _, tt := range tests {
		d := []Diagnostic{tt.d}
		addHints(d, files, "/docs/guest-sdk")
		if (tt.wantHint == "") != (d[0].Hint == "") || !strings.Contains(d[0].Hint, tt.wantHint) {
			t.Errorf("%q: hint %q, want containing %q", tt.d.Message, d[0].Hint, tt.wantHint)
		}
	}
}

func TestGoMinor(t *testing.T) {
	tests := []struct {
		v    string
		want int
		ok   bool
	}{{"go1.26.8", 26, true}, {"go1.24rc1", 24, true}, {"go1.9", 9, true}, {"devel go1.27-abc", 0, false}}
	for _, tt := range tests {
		if got, ok := goMinor(tt.v); got != tt.want || ok != tt.ok {
			t.Errorf("goMinor(%q) = %d, %v", tt.v, got, ok)
		}
	}
}

func FuzzParseDiagnostics(f *testing.F) {
	f.Add("# handler\n./main.go:4:10: undefined: x\n\tcontinued\n")
	f.Add("go: updates to go.mod needed\nmain.go:1: x\n")
	f.Add("\t\n:::\n.go:1:1:\n")
	f.Fuzz(func(t *testing.T, out string) {
		for _, d := range parseDiagnostics(out) {
			if d.Line < 0 || d.Col < 0 || (d.File != "" && !strings.HasSuffix(d.File, ".go")) || len(d.Message) > maxMessage+20 {
				t.Errorf("bad diagnostic %+v", d)
			}
		}
	})
}

func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"main.go", "../x.go", "a/b.go", "x.txt", "_x.go", "a\x00.go", strings.Repeat("a", 70) + ".go"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		d, ok := checkName(name)
		if ok && (strings.ContainsAny(name, "/\\\x00\n") || strings.Contains(name, "..") || !strings.HasSuffix(name, ".go") || len(name) > maxNameLen) {
			t.Errorf("accepted %q", name)
		}
		if !ok && (d.Message == "" || len(d.Message) > 300) {
			t.Errorf("message for %q: %q", name, d.Message)
		}
	})
}
