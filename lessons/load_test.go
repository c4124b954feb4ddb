package lessons

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking the change):\n%s", name, diff(string(want), got))
	}
}

// diff shows the first differing line of two texts.
func diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %q\ngot:  %q", i+1, w, g)
		}
	}
	return "(no line differs)"
}

// dump writes everything Load produced for a course, in a stable order.
func dump(c *Course) string {
	var b strings.Builder
	name := func(l *Lesson) string {
		if l == nil {
			return "-"
		}
		return l.Path.Slug + "/" + l.Slug
	}
	for _, p := range c.Paths {
		fmt.Fprintf(&b, "=== path %s (%s) minutes=%d url=%s\ntitle: %s\nsummary: %s\noutcomes: %q\n--- intro\n%s\n",
			p.Slug, p.Dir, p.Minutes(), p.URL(), p.Title, p.Summary, p.Outcomes, p.Intro)
		for _, l := range p.Lessons {
			fmt.Fprintf(&b, "=== lesson %s (%s) url=%s prev=%s next=%s\ntitle: %s\nsummary: %s\nminutes: %d\nobjectives: %q\nassets: %q\n",
				name(l), l.Dir, l.URL(), name(l.Prev), name(l.Next), l.Title, l.Summary, l.Minutes, l.Objectives, l.Assets)
			for _, h := range l.Headings {
				fmt.Fprintf(&b, "heading: h%d #%s %q\n", h.Level, h.ID, h.Text)
			}
			for _, s := range l.Snippets {
				fmt.Fprintf(&b, "snippet: %s:%d lang=%q compile=%v code=%q\n", s.File, s.Line, s.Lang, s.Compile, s.Code)
			}
			fmt.Fprintf(&b, "--- html\n%s\n", l.HTML)
			if ex := l.Exercise; ex != nil {
				fmt.Fprintf(&b, "--- exercise %s kind=%s title=%q files=%q readonly=%q settings=%v\n",
					ex.Dir, ex.Kind, ex.Title, ex.Files, ex.ReadOnly, ex.Settings)
				for _, k := range sortedKeys(ex.Starter) {
					fmt.Fprintf(&b, "starter %s: %q\n", k, ex.Starter[k])
				}
				for _, k := range sortedKeys(ex.Solution) {
					fmt.Fprintf(&b, "solution %s: %q\n", k, ex.Solution[k])
				}
				for _, k := range sortedKeys(ex.ReadOnlyContent) {
					fmt.Fprintf(&b, "readonly %s: %q\n", k, ex.ReadOnlyContent[k])
				}
				fmt.Fprintf(&b, "template: %q\nchecks: %q\n", ex.Template, ex.Checks)
				for i, h := range ex.Hints {
					fmt.Fprintf(&b, "--- hint %d\n%s", i+1, h)
				}
			}
		}
	}
	return b.String()
}

func TestLoadGolden(t *testing.T) {
	c, err := Load(os.DirFS("testdata/courses/basic"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	golden(t, "basic.txt", dump(c))
}

// mapFS builds a course file system from file contents.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return m
}

func itoa(n int) string { return strconv.Itoa(n) }
