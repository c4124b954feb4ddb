package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
)

// hostileCase is one file of testdata/hostile (see its README).
type hostileCase struct {
	want, match, note string
	files             map[string][]byte
}

// parseHostile reads the small archive format of testdata/hostile:
// "key: value" header lines, then files introduced by "-- name --".
func parseHostile(data string) (hostileCase, error) {
	c := hostileCase{files: map[string][]byte{}}
	var cur string
	var body strings.Builder
	flush := func() {
		if cur != "" {
			c.files[cur] = []byte(body.String())
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) >= 6 {
			flush()
			cur = trimmed[3 : len(trimmed)-3]
			continue
		}
		if cur != "" {
			body.WriteString(line)
			continue
		}
		if k, v, ok := strings.Cut(trimmed, ":"); ok {
			switch k {
			case "want":
				c.want = strings.TrimSpace(v)
			case "match":
				c.match = strings.TrimSpace(v)
			case "note":
				c.note = strings.TrimSpace(v)
			}
		}
	}
	flush()
	if c.want == "" || len(c.files) == 0 {
		return c, errors.New("missing want: header or files")
	}
	return c, nil
}

var sentinels = map[string]error{
	"ErrSourceTooLarge": build.ErrSourceTooLarge,
	"ErrTooManyFiles":   build.ErrTooManyFiles,
	"ErrTimeout":        build.ErrTimeout,
	"ErrCompilerMemory": build.ErrCompilerMemory,
	"ErrOutputTooLarge": build.ErrOutputTooLarge,
}

// TestHostileCorpus builds every hostile input and requires the error it
// names, a message containing its match text, no server path in the
// message, and an end well within the wall-time limit (no hang).
func TestHostileCorpus(t *testing.T) {
	paths, err := filepath.Glob("testdata/hostile/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	cases := map[string]hostileCase{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c, err := parseHostile(string(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		cases[strings.TrimSuffix(filepath.Base(p), ".txt")] = c
	}
	// Inputs too large or too odd to keep as files.
	cases["source-10MB"] = hostileCase{want: "ErrSourceTooLarge", match: "main.go is 10.0 MB, the limit is 1.0 MB",
		files: map[string][]byte{"main.go": []byte("package main\n\nfunc main() {}\n//" + strings.Repeat("A", 10<<20-18) + "\n")}}
	cases["long-identifier"] = hostileCase{want: "diagnostics", match: "(message cut)",
		files: map[string][]byte{"main.go": []byte("package main\n\nfunc main() { " + strings.Repeat("x", 500<<10) + "() }\n")}}
	cases["too-many-files"] = hostileCase{want: "ErrTooManyFiles", match: "40 files, the limit is 32", files: manyFiles(40)}
	cases["name-with-newline"] = hostileCase{want: "diagnostics", match: `"main.go\nmain.go"`,
		files: map[string][]byte{"main.go\nmain.go": []byte("package main\n")}}
	cases["name-with-nul"] = hostileCase{want: "diagnostics", match: `may not contain`,
		files: map[string][]byte{"a\x00/../b.go": []byte("package main\n")}}

	cache := t.TempDir()
	const timeout = 8 * time.Second
	b := newBuilder(t, build.Options{CacheDir: cache, Timeout: timeout, MaxMemoryBytes: 512 << 20})
	// Warm first, so the time limit only ever stops a bomb.
	if err := b.Warm(context.Background(), nil); err != nil {
		t.Fatalf("warm: %v", err)
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			art, err := b.Build(context.Background(), build.Source{Files: c.files})
			if took := time.Since(start); took > timeout+10*time.Second {
				t.Errorf("took %s: the limit did not stop it", took)
			}
			switch c.want {
			case "ok":
				if err != nil || len(art.Wasm) == 0 {
					t.Fatalf("want a module, got %v", err)
				}
				return
			case "diagnostics":
				var de *build.DiagnosticsError
				if !errors.As(err, &de) {
					t.Fatalf("err = %v, want *DiagnosticsError", err)
				}
			default:
				// "ErrA|ErrB": either limit may stop a bomb first on a
				// loaded machine; each must say clearly what happened.
				matched := false
				for _, name := range strings.Split(c.want, "|") {
					s, ok := sentinels[name]
					if !ok {
						t.Fatalf("unknown want %q", name)
					}
					matched = matched || errors.Is(err, s)
				}
				if !matched {
					t.Fatalf("err = %v, want %v", err, c.want)
				}
			}
			if left := processesUsing(cache); len(left) > 0 {
				t.Errorf("processes still running after the build returned: %v", left)
			}
			if !matchAny(err.Error(), c.match) {
				t.Errorf("message does not contain %q:\n%v", c.match, err)
			}
			if len(err.Error()) > 4000 {
				t.Errorf("message is %d bytes; a learner needs a short one", len(err.Error()))
			}
			assertNoServerPaths(t, err.Error(), cache, sharedGoCache())
		})
	}
	assertWorkClean(t, cache)
}

// processesUsing lists processes whose command line mentions dir (on
// Linux; elsewhere it finds none): after a build returns, including one
// killed for its time limit, no compiler may be left running.
func processesUsing(dir string) []string {
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	var found []string
	for _, p := range procs {
		data, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(data), dir) {
			found = append(found, strings.ReplaceAll(string(data), "\x00", " "))
		}
	}
	return found
}

// matchAny reports whether text contains one of the "|"-separated parts.
func matchAny(text, match string) bool {
	for _, m := range strings.Split(match, "|") {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

func manyFiles(n int) map[string][]byte {
	m := map[string][]byte{}
	for i := range n {
		m[strings.Repeat("f", 1+i%5)+string(rune('a'+i%26))+string(rune('a'+i/26))+".go"] = []byte("package main\n")
	}
	return m
}

func TestParseHostile(t *testing.T) {
	c, err := parseHostile("want: diagnostics\nmatch: x: y\nnote: n\n-- a.go --\npackage main\n-- ../b.go --\n\nx\n")
	if err != nil {
		t.Fatal(err)
	}
	if c.want != "diagnostics" || c.match != "x: y" || c.note != "n" ||
		string(c.files["a.go"]) != "package main\n" || string(c.files["../b.go"]) != "\nx\n" || len(c.files) != 2 {
		t.Errorf("parsed %+v", c)
	}
	if _, err := parseHostile("-- a.go --\n"); err == nil {
		t.Error("a case without want: must be rejected")
	}
}
