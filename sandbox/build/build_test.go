package build_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

// sharedGoCache is a GOCACHE that survives test runs: it is content
// addressed, so sharing it is safe, and it keeps go test well under a
// minute after the first run.
func sharedGoCache() string {
	if d := os.Getenv("LEARNSLS_TEST_GOCACHE"); d != "" {
		return d
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "learnsls-test-gocache")
}

func newBuilder(t testing.TB, opts build.Options) *build.Builder {
	t.Helper()
	if opts.CacheDir == "" {
		opts.CacheDir = t.TempDir()
	}
	if opts.GoCacheDir == "" {
		opts.GoCacheDir = sharedGoCache()
	}
	b, err := build.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const hello = `package main

import "fmt"

func main() { fmt.Println("hello from wasm") }
`

func src(files ...string) build.Source {
	s := build.Source{Files: map[string][]byte{}}
	for i := 0; i+1 < len(files); i += 2 {
		s.Files[files[i]] = []byte(files[i+1])
	}
	return s
}

// assertNoServerPaths fails if text mentions a directory of this server.
func assertNoServerPaths(t *testing.T, text string, dirs ...string) {
	t.Helper()
	goroot, _ := exec.Command("go", "env", "GOROOT").Output()
	dirs = append(dirs, strings.TrimSpace(string(goroot)))
	for _, d := range dirs {
		if d != "" && strings.Contains(text, d) {
			t.Errorf("message leaks server path %q:\n%s", d, text)
		}
	}
}

func TestBuildWasmAndCache(t *testing.T) {
	cache := t.TempDir()
	b := newBuilder(t, build.Options{CacheDir: cache})
	ctx := context.Background()
	art, err := b.Build(ctx, src("main.go", hello))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(art.Wasm, []byte("\x00asm")) {
		t.Fatalf("not a wasm module: % x", art.Wasm[:8])
	}
	if art.Cached || art.Target != build.WASIP1 || len(art.Hash) != 64 {
		t.Errorf("first build: Cached=%v Target=%v Hash=%q", art.Cached, art.Target, art.Hash)
	}
	// The module must not carry server paths (trimpath, relative replace).
	goroot, _ := exec.Command("go", "env", "GOROOT").Output()
	for _, p := range []string{cache, sharedGoCache(), strings.TrimSpace(string(goroot))} {
		if bytes.Contains(art.Wasm, []byte(p)) {
			t.Errorf("module contains the server path %s", p)
		}
	}
	again, err := b.Build(ctx, src("main.go", hello))
	if err != nil {
		t.Fatal(err)
	}
	if !again.Cached || again.Hash != art.Hash || !bytes.Equal(again.Wasm, art.Wasm) {
		t.Errorf("second build: Cached=%v same hash=%v same bytes=%v", again.Cached, again.Hash == art.Hash, bytes.Equal(again.Wasm, art.Wasm))
	}
	// A second Builder on the same cache dir (another process) reuses it.
	other := newBuilder(t, build.Options{CacheDir: cache})
	third, err := other.Build(ctx, src("main.go", hello))
	if err != nil || !third.Cached {
		t.Errorf("other builder: cached=%v err=%v", third != nil && third.Cached, err)
	}
	// Any change in the source is a different artifact.
	changed, err := b.Build(ctx, src("main.go", hello+"// edit\n"))
	if err != nil || changed.Cached || changed.Hash == art.Hash {
		t.Errorf("changed source: err=%v cached=%v", err, changed != nil && changed.Cached)
	}
	assertWorkClean(t, cache)
}

// assertWorkClean checks that no throw-away build directory is left.
func assertWorkClean(t *testing.T, cache string) {
	t.Helper()
	var left []string
	_ = filepath.WalkDir(filepath.Join(cache, "work"), func(p string, d os.DirEntry, err error) error {
		if err == nil && p != filepath.Join(cache, "work") {
			info, _ := d.Info()
			left = append(left, fmt.Sprintf("%s %v", strings.TrimPrefix(p, cache), info.Mode()))
		}
		return nil
	})
	if len(left) != 0 {
		t.Errorf("work dir not cleaned: %v", left)
	}
}

func TestBuildNativeRuns(t *testing.T) {
	b := newBuilder(t, build.Options{})
	art, err := b.BuildNative(context.Background(), src(
		"main.go", "package main\n\nfunc main() { println(greeting()) }\n",
		"greet.go", "package main\n\nfunc greeting() string { return \"hi from two files\" }\n"))
	if err != nil {
		t.Fatal(err)
	}
	if art.Target != build.Native() {
		t.Errorf("target = %v", art.Target)
	}
	out, err := exec.Command(art.Path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "hi from two files" {
		t.Errorf("run: %v %q", err, out)
	}
}

func TestBuildDiagnostics(t *testing.T) {
	cache := t.TempDir()
	b := newBuilder(t, build.Options{CacheDir: cache})
	tests := []struct {
		name string
		src  build.Source
		want []build.Diagnostic // Message is matched as a substring, Hint as a substring ("" = none)
	}{
		{
			name: "undefined name",
			src:  src("main.go", "package main\n\nfunc main() {\n\tprintln(x)\n}\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 4, Col: 10, Message: "undefined: x"}},
		},
		{
			name: "syntax error in second file",
			src:  src("main.go", "package main\n\nfunc main() { helper() }\n", "helper.go", "package main\n\nfunc helper() {\n\treturn 1 +\n}\n"),
			want: []build.Diagnostic{{File: "helper.go", Line: 5, Col: 1, Message: "syntax error"}},
		},
		{
			name: "AWS package we do not implement",
			src:  src("main.go", "package main\n\nimport \"github.com/aws/aws-sdk-go-v2/service/s3\"\n\nfunc main() { _ = s3.New }\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 3, Col: 8, Message: "package github.com/aws/aws-sdk-go-v2/service/s3 is not available here", Hint: "/docs/guest-sdk"}},
		},
		{
			name: "AWS symbol we do not implement",
			src:  src("main.go", "package main\n\nimport \"github.com/aws/aws-lambda-go/events\"\n\nfunc main() { var e events.CognitoEvent; _ = e }\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 5, Col: 28, Message: "undefined: events.CognitoEvent", Hint: "events.CognitoEvent is not part of the AWS API subset"}},
		},
		{
			name: "AWS symbol with renamed import",
			src:  src("main.go", "package main\n\nimport ev \"github.com/aws/aws-lambda-go/events\"\n\nfunc main() { var e ev.S3Event; _ = e }\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 5, Col: 24, Message: "undefined: ev.S3Event", Hint: "/docs/guest-sdk"}},
		},
		{
			name: "AWS method we do not implement",
			src:  src("main.go", "package main\n\nimport \"github.com/aws/aws-sdk-go-v2/service/dynamodb\"\n\nfunc main() {\n\tvar c *dynamodb.Client\n\tc.NoSuchOperation()\n}\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 7, Col: 4, Message: "c.NoSuchOperation undefined (type *dynamodb.Client has no field or method NoSuchOperation)", Hint: "dynamodb.Client.NoSuchOperation is not part of the AWS API subset"}},
		},
		{
			name: "third-party module",
			src:  src("main.go", "package main\n\nimport \"golang.org/x/text/cases\"\n\nfunc main() { _ = cases.Title }\n"),
			want: []build.Diagnostic{{File: "main.go", Line: 3, Col: 8, Message: "golang.org/x/text/cases", Hint: "offline"}},
		},
		{
			name: "wrong package and cgo found before compiling",
			src:  src("main.go", "package lambda\n\nimport \"C\"\n"),
			want: []build.Diagnostic{
				{File: "main.go", Line: 1, Col: 9, Message: "package lambda: a Lambda handler must be package main"},
				{File: "main.go", Line: 3, Col: 8, Message: "cgo is not available"},
			},
		},
		{
			name: "no files",
			src:  build.Source{},
			want: []build.Diagnostic{{Message: "no Go files"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.Build(context.Background(), tt.src)
			var de *build.DiagnosticsError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want *DiagnosticsError", err)
			}
			if len(de.Diagnostics) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(de.Diagnostics), len(tt.want), err)
			}
			for i, w := range tt.want {
				g := de.Diagnostics[i]
				if g.File != w.File || g.Line != w.Line || g.Col != w.Col || !strings.Contains(g.Message, w.Message) {
					t.Errorf("diagnostic %d = %+v, want %+v", i, g, w)
				}
				if (w.Hint == "") != (g.Hint == "") || !strings.Contains(g.Hint, w.Hint) {
					t.Errorf("diagnostic %d hint = %q, want containing %q", i, g.Hint, w.Hint)
				}
			}
			assertNoServerPaths(t, err.Error(), cache, sharedGoCache())
		})
	}
}

func TestLimits(t *testing.T) {
	b := newBuilder(t, build.Options{MaxSourceBytes: 1000, MaxFiles: 2})
	big := "package main\n\nfunc main() {}\n//" + strings.Repeat("x", 1000) + "\n"
	tests := []struct {
		name  string
		src   build.Source
		want  error
		match string
	}{
		{"one file too large", src("main.go", big), build.ErrSourceTooLarge, "main.go is 1.0 KB, the limit is 1000 bytes"},
		{"files too large together", src("a.go", big[:600], "b.go", big[:600]), build.ErrSourceTooLarge, "the files add up to 1.2 KB"},
		{"too many files", src("a.go", "", "b.go", "", "c.go", ""), build.ErrTooManyFiles, "3 files, the limit is 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.Build(context.Background(), tt.src)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.match) {
				t.Errorf("err = %v, want %v containing %q", err, tt.want, tt.match)
			}
		})
	}
}

func TestTimeout(t *testing.T) {
	cache := t.TempDir()
	b := newBuilder(t, build.Options{CacheDir: cache, Timeout: 10 * time.Millisecond})
	_, err := b.Build(context.Background(), src("main.go", hello+"// timeout test\n"))
	if !errors.Is(err, build.ErrTimeout) || !strings.Contains(err.Error(), "stopped after 10ms") {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	assertWorkClean(t, cache)
}

func TestCallerContextEndsBuild(t *testing.T) {
	b := newBuilder(t, build.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := b.Build(ctx, src("main.go", hello+"// cancelled\n"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestNoToolchain(t *testing.T) {
	dir := t.TempDir()
	oldGo := filepath.Join(dir, "go")
	if err := os.WriteFile(oldGo, []byte("#!/bin/sh\necho go1.21.13\necho /opt/go\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ bin, match string }{
		{filepath.Join(dir, "no-go-here"), "cannot be run"},
		{"/bin/false", "env failed"},
		{oldGo, "is go1.21.13, too old"},
	}
	if v, err := newBuilder(t, build.Options{}).GoVersion(context.Background()); err != nil || !strings.HasPrefix(v, "go1.") {
		t.Errorf("GoVersion = %q, %v", v, err)
	}
	for _, tt := range tests {
		b := newBuilder(t, build.Options{GoBin: tt.bin})
		if _, err := b.GoVersion(context.Background()); !errors.Is(err, build.ErrNoToolchain) {
			t.Errorf("GoVersion with %s: %v, want ErrNoToolchain", tt.bin, err)
		}
		_, err := b.Build(context.Background(), src("main.go", hello))
		if !errors.Is(err, build.ErrNoToolchain) || !strings.Contains(err.Error(), "install Go 1.24 or newer") || !strings.Contains(err.Error(), tt.match) {
			t.Errorf("GoBin %s: err = %v, want ErrNoToolchain with %q and what to install", tt.bin, err, tt.match)
		}
	}
}

func TestConcurrentSameSourceBuildsOnce(t *testing.T) {
	goBin, runs := countingGo(t)
	b := newBuilder(t, build.Options{GoBin: goBin})
	const n = 6
	var wg sync.WaitGroup
	arts := make([]*build.Artifact, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			arts[i], errs[i] = b.Build(context.Background(), src("main.go", hello+"// concurrent\n"))
		}()
	}
	wg.Wait()
	built := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("build %d: %v", i, errs[i])
		}
		if !arts[i].Cached {
			built++
		}
		if arts[i].Hash != arts[0].Hash {
			t.Errorf("build %d: different hash", i)
		}
	}
	if built != 1 || runs() != 1 {
		t.Errorf("%d uncached results and %d go build runs for one source, want 1 and 1", built, runs())
	}
}

// TestGuestModulesFromFS checks discovery of guest modules by their
// go.mod.embed files, their extraction as go.mod, and the replace wiring,
// with a tree that is not the real guest.
func TestGuestModulesFromFS(t *testing.T) {
	fsys := fstest.MapFS{
		"example.com/greet/go.mod.embed":       {Data: []byte("module example.com/greet\n\ngo 1.24\n")},
		"example.com/greet/greet.go":           {Data: []byte("package greet\n\nfunc Hello() string { return \"hello from a guest module\" }\n")},
		"example.com/greet/v2/go.mod.embed":    {Data: []byte("module \"example.com/greet/v2\"\n\ngo 1.24\n")},
		"example.com/greet/v2/greet.go":        {Data: []byte("package greet\n\nfunc Hello() string { return \"v2\" }\n")},
		"example.com/greet/internal/x/x.go":    {Data: []byte("package x\n")},
		"example.com/greet/testdata/ignore.md": {Data: []byte("not go")},
	}
	cache := t.TempDir()
	b := newBuilder(t, build.Options{CacheDir: cache, Modules: fsys})
	if got := strings.Join(b.GuestModules(), ","); got != "example.com/greet,example.com/greet/v2" {
		t.Errorf("GuestModules = %s", got)
	}
	art, err := b.BuildNative(context.Background(), src("main.go", `package main

import (
	"fmt"

	"example.com/greet"
	g2 "example.com/greet/v2"
)

func main() { fmt.Println(greet.Hello(), g2.Hello()) }
`))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(art.Path).Output()
	if err != nil || string(out) != "hello from a guest module v2\n" {
		t.Errorf("run: %v %q", err, out)
	}
	gomod, err := os.ReadFile(filepath.Join(cache, "guest", b.GuestHash()[:20], "example.com/greet/go.mod"))
	if err != nil || !strings.HasPrefix(string(gomod), "module example.com/greet\n") {
		t.Errorf("extracted go.mod: %v %q", err, gomod)
	}
}

func TestWarm(t *testing.T) {
	b := newBuilder(t, build.Options{})
	var calls, lastDone, lastTotal int
	err := b.Warm(context.Background(), func(done, total int, msg string) {
		calls++
		if done > total || msg == "" {
			t.Errorf("progress(%d, %d, %q)", done, total, msg)
		}
		lastDone, lastTotal = done, total
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 2 || lastDone != lastTotal || lastTotal < 20 {
		t.Errorf("progress: %d calls, last %d/%d", calls, lastDone, lastTotal)
	}
}

func ExampleBuilder_Build() {
	dir, err := os.MkdirTemp("", "learnsls-example-build-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	b, err := build.New(build.Options{CacheDir: dir, GoCacheDir: sharedGoCache()})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = b.Build(context.Background(), build.Source{Files: map[string][]byte{
		"main.go": []byte("package main\n\nfunc main() { undefinedFunc() }\n"),
	}})
	fmt.Println(err)
	// Output:
	// build failed:
	// main.go:3:15: undefined: undefinedFunc
}

func TestPrune(t *testing.T) {
	cache := t.TempDir()
	// A build directory left by a crashed process long ago goes at New.
	crashed := filepath.Join(cache, "work", "b-crashed")
	if err := os.MkdirAll(filepath.Join(crashed, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	long := time.Now().Add(-7 * 24 * time.Hour)
	if err := os.Chtimes(crashed, long, long); err != nil {
		t.Fatal(err)
	}
	b := newBuilder(t, build.Options{CacheDir: cache})
	if _, err := os.Stat(crashed); !os.IsNotExist(err) {
		t.Errorf("stale build dir survived New: %v", err)
	}
	art, err := b.Build(context.Background(), src("main.go", hello+"// prune\n"))
	if err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(cache, "guest", "0000000000oldguest")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	// Fresh artifacts survive.
	if n, err := b.Prune(24 * time.Hour); err != nil || n != 1 {
		t.Errorf("Prune = %d, %v; want only the stale guest tree removed", n, err)
	}
	if _, err := os.Stat(art.Path); err != nil {
		t.Errorf("fresh artifact removed: %v", err)
	}
	if err := os.Chtimes(art.Path, old, old); err != nil {
		t.Fatal(err)
	}
	if n, err := b.Prune(24 * time.Hour); err != nil || n != 1 {
		t.Errorf("Prune = %d, %v; want the old artifact removed", n, err)
	}
	again, err := b.Build(context.Background(), src("main.go", hello+"// prune\n"))
	if err != nil || again.Cached {
		t.Errorf("after prune: cached=%v err=%v, want a rebuild", again != nil && again.Cached, err)
	}
	if _, err := os.Stat(filepath.Join(cache, "guest", b.GuestHash()[:20], ".complete")); err != nil {
		t.Errorf("current guest tree removed: %v", err)
	}
}

// TestEmbeddedGoModShowsNoServerPath: a learner may embed the generated
// go.mod (it sits in their module root) and print it; it must not reveal
// where the server keeps its files.
func TestEmbeddedGoModShowsNoServerPath(t *testing.T) {
	cache := t.TempDir()
	b := newBuilder(t, build.Options{CacheDir: cache})
	art, err := b.BuildNative(context.Background(), src("main.go", `package main

import (
	_ "embed"
	"fmt"
	"runtime/debug"
)

//go:embed go.mod
var gomod string

func main() {
	info, _ := debug.ReadBuildInfo()
	fmt.Println(gomod, info)
}
`))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(art.Path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "module handler") || !strings.Contains(string(out), "github.com/aws/aws-lambda-go =>") {
		t.Fatalf("unexpected output:\n%s", out)
	}
	for _, d := range []string{cache, sharedGoCache()} {
		if strings.Contains(string(out), d) {
			t.Errorf("output reveals %s:\n%s", d, out)
		}
	}
}

// countingGo returns a go command that logs each run of "go build", and a
// function counting those runs.
func countingGo(t *testing.T) (string, func() int) {
	t.Helper()
	real, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go on PATH")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "runs.log")
	script := fmt.Sprintf("#!/bin/sh\nif [ \"$1\" = build ]; then echo run >> %q; fi\nexec %q \"$@\"\n", log, real)
	bin := filepath.Join(dir, "go")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin, func() int {
		data, _ := os.ReadFile(log)
		return strings.Count(string(data), "run\n")
	}
}

func TestCompileErrorsRemembered(t *testing.T) {
	goBin, runs := countingGo(t)
	b := newBuilder(t, build.Options{GoBin: goBin})
	broken := src("main.go", "package main\n\nfunc main() { nope() }\n")
	_, err1 := b.Build(context.Background(), broken)
	_, err2 := b.Build(context.Background(), broken)
	var d1, d2 *build.DiagnosticsError
	if !errors.As(err1, &d1) || !errors.As(err2, &d2) || err1.Error() != err2.Error() {
		t.Fatalf("errors differ: %v / %v", err1, err2)
	}
	// Mutating a returned error must not change what the next caller sees.
	d2.Diagnostics[0].Message = "changed"
	_, err3 := b.Build(context.Background(), broken)
	if err3.Error() != err1.Error() {
		t.Errorf("remembered error was mutated: %v", err3)
	}
	if n := runs(); n != 1 {
		t.Errorf("go build ran %d times for one broken source, want 1", n)
	}
}

func TestBuildTests(t *testing.T) {
	b := newBuilder(t, build.Options{})
	files := src(
		"main.go", "package main\n\nfunc add(a, b int) int { return a + b }\n\nfunc main() { println(add(1, 2)) }\n",
		"main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestAdd(t *testing.T) {\n\tif add(2, 2) != 4 {\n\t\tt.Fatal(\"add\")\n\t}\n}\n\nfunc TestWrong(t *testing.T) {\n\tif add(2, 2) != 5 {\n\t\tt.Errorf(\"add(2, 2) = %d, want 5\", add(2, 2))\n\t}\n}\n")
	files.Test = true
	native := files
	native.Target = build.Native()
	art, err := b.Build(context.Background(), native)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(art.Path, "-test.v").CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("test binary exit: %v, want exit status 1", err)
	}
	for _, want := range []string{"--- PASS: TestAdd", "--- FAIL: TestWrong", "add(2, 2) = 4, want 5"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("test output lacks %q:\n%s", want, out)
		}
	}
	// The same files without Test build the program, a different artifact.
	prog, err := b.BuildNative(context.Background(), src("main.go", string(files.Files["main.go"]), "main_test.go", string(files.Files["main_test.go"])))
	if err != nil || prog.Hash == art.Hash {
		t.Errorf("program build: %v (same hash as tests: %v)", err, prog != nil && prog.Hash == art.Hash)
	}
	wasm, err := b.Build(context.Background(), files)
	if err != nil || !bytes.HasPrefix(wasm.Wasm, []byte("\x00asm")) {
		t.Errorf("wasip1 test build: %v", err)
	}
	_, err = b.Build(context.Background(), build.Source{Files: map[string][]byte{"main.go": files.Files["main.go"]}, Test: true})
	var de *build.DiagnosticsError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "no tests to build") {
		t.Errorf("no test files: %v", err)
	}
}

func TestOutputTooLarge(t *testing.T) {
	b := newBuilder(t, build.Options{MaxOutputBytes: 100 << 10})
	_, err := b.Build(context.Background(), src("main.go", hello))
	if !errors.Is(err, build.ErrOutputTooLarge) || !strings.Contains(err.Error(), "the limit is 100.0 KB") {
		t.Errorf("err = %v, want ErrOutputTooLarge naming the limit", err)
	}
}
