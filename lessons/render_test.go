package lessons

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

func loadBasic(t testing.TB) *Course {
	t.Helper()
	c, err := Load(os.DirFS("testdata/courses/basic"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

// TestNoInlineStyles guards the CSP: rendered HTML must never carry style
// attributes or elements, nor scripts.
func TestNoInlineStyles(t *testing.T) {
	c := loadBasic(t)
	bad := regexp.MustCompile(`(?i)style=|<style|<script|on[a-z]+=`)
	check := func(where, html string) {
		if m := bad.FindString(html); m != "" {
			t.Errorf("%s: rendered HTML contains %q", where, m)
		}
	}
	for _, p := range c.Paths {
		check(p.Dir, string(p.Intro))
	}
	for _, l := range c.Lessons() {
		check(l.Dir, string(l.HTML))
		if l.Exercise != nil {
			for _, h := range l.Exercise.Hints {
				check(l.Dir+" hint", string(h))
			}
		}
	}
}

func TestHighlightCSS(t *testing.T) {
	css := HighlightCSS()
	light, dark, _ := strings.Cut(css, "[data-theme=dark] .chroma { color-scheme: dark; }")
	forced, media, ok := strings.Cut(dark, "@media (prefers-color-scheme: dark) {")
	if !ok {
		t.Fatalf("no prefers-color-scheme block in:\n%s", css)
	}
	count := func(s, sel string) int { return strings.Count(s, sel) }
	tests := []struct {
		name, part, selector string
	}{
		{"light keyword rule", light, "\n/* Keyword */ .chroma .k {"},
		{"forced dark keyword rule", forced, "/* Keyword */ [data-theme=dark] .chroma .k {"},
		{"system dark keyword rule", media, "/* Keyword */ :root:not([data-theme=light]) .chroma .k {"},
		{"light background", light, ".chroma {"},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.part, tt.selector) {
			t.Errorf("%s: missing %q", tt.name, tt.selector)
		}
	}
	// Every dark rule is scoped; none may leak into the light theme.
	if n, m := count(forced, " .chroma ."), count(forced, "[data-theme=dark] .chroma ."); n != m || n == 0 {
		t.Errorf("forced dark block: %d token rules, %d scoped", n, m)
	}
	if n, m := count(media, " .chroma ."), count(media, ":root:not([data-theme=light]) .chroma ."); n != m || n == 0 {
		t.Errorf("media dark block: %d token rules, %d scoped", n, m)
	}
	if strings.Contains(css, ".bg") {
		t.Error("stylesheet defines the generic .bg class")
	}
	if HighlightCSS() != css {
		t.Error("HighlightCSS is not stable between calls")
	}
}

func TestAsset(t *testing.T) {
	c := loadBasic(t)
	tests := []struct {
		path, lesson, name string
		wantType           string // "" = not found
	}{
		{"start", "hello", "images/box.svg", "image/svg+xml"},
		{"start", "hello", "lesson.md", ""},
		{"start", "hello", "../next/lesson.md", ""},
		{"start", "hello", "images/../images/box.svg", ""},
		{"start", "hello", "/images/box.svg", ""},
		{"start", "nope", "images/box.svg", ""},
		{"more", "exercise", "exercise/solution/main.go", ""},
		{"more", "exercise", "exercise/exercise.yaml", ""},
	}
	for _, tt := range tests {
		data, ctype, err := c.Asset(tt.path, tt.lesson, tt.name)
		if tt.wantType == "" {
			if !errors.Is(err, ErrNotFound) {
				t.Errorf("Asset(%s, %s, %s) error = %v, want ErrNotFound", tt.path, tt.lesson, tt.name, err)
			}
			continue
		}
		if err != nil || ctype != tt.wantType || !strings.HasPrefix(string(data), "<svg") {
			t.Errorf("Asset(%s, %s, %s) = %.20q, %q, %v; want svg data, %q", tt.path, tt.lesson, tt.name, data, ctype, err, tt.wantType)
		}
	}
}

func TestLookups(t *testing.T) {
	c := loadBasic(t)
	if p, err := c.Path("more"); err != nil || p.Title != "More" {
		t.Errorf("Path(more) = %v, %v", p, err)
	}
	if _, err := c.Path("01-more"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Path(01-more) error = %v, want ErrNotFound (slugs drop the number)", err)
	}
	if l, err := c.Lesson("start", "next"); err != nil || l.Title != "Next" {
		t.Errorf("Lesson(start, next) = %v, %v", l, err)
	}
	if _, err := c.Lesson("more", "next"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Lesson(more, next) error = %v, want ErrNotFound", err)
	}
	var order []string
	for _, l := range c.Lessons() {
		order = append(order, l.URL())
	}
	if got, want := strings.Join(order, " "), "/learn/start/hello /learn/start/next /learn/more/exercise"; got != want {
		t.Errorf("Lessons() = %s, want %s", got, want)
	}
	if ex, err := c.Exercise("more/exercise"); err != nil || ex.Kind != KindHandler {
		t.Errorf("Exercise(more/exercise) = %v, %v", ex, err)
	}
	for _, id := range []string{"start/hello", "more", "more/nope"} {
		if _, err := c.Exercise(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Exercise(%s) error = %v, want ErrNotFound", id, err)
		}
	}
	if n := len(c.Exercises()); n != 1 {
		t.Errorf("Exercises() has %d, want 1", n)
	}
}

func TestSearch(t *testing.T) {
	c := loadBasic(t)
	tests := []struct {
		q    string
		want []string // URL and snippet prefix
	}{
		{"", nil},
		{"   ", nil},
		{"hello", []string{"/learn/start/hello|A first lesson."}},
		{"SOME code", []string{"/learn/start/hello#some-code|", "/learn/start/hello#some-code-1|Same heading twice"}},
		{"the end", []string{"/learn/start/next#the-end|Done."}},
		// Body text ranks after titles and headings.
		{"table", []string{"/learn/start/hello#a-table|", "/learn/start/hello|A first lesson."}},
		{"heading twice", []string{"/learn/start/hello#some-code-1|Same heading twice"}},
		{"zebra", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range c.Search(tt.q) {
			got = append(got, r.URL+"|"+r.Snippet)
			if r.Lesson == nil || !strings.HasPrefix(r.URL, r.Lesson.URL()) {
				t.Errorf("Search(%q): result %q does not belong to its lesson", tt.q, r.URL)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.q, got, tt.want)
			continue
		}
		for i := range got {
			url, snip, _ := strings.Cut(tt.want[i], "|")
			gu, gs, _ := strings.Cut(got[i], "|")
			if gu != url || !strings.HasPrefix(gs, snip) {
				t.Errorf("Search(%q)[%d] = %q, want %q…", tt.q, i, got[i], tt.want[i])
			}
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		src      string
		fm, body string
		line     int
		ok       bool
	}{
		{"---\ntitle: x\n---\nbody\n", "title: x\n", "body\n", 4, true},
		{"---\r\ntitle: x\r\n---\r\nbody", "title: x\r\n", "body", 4, true},
		{"---\n---\n", "", "", 3, true},
		{"---\ntitle: x\n---", "title: x\n", "", 4, true},
		{"\ufeff---\ntitle: x\n---\nb", "title: x\n", "b", 4, true},
		{"---\ntitle: x\n", "", "---\ntitle: x\n", 1, false},
		{"title: x\n", "", "title: x\n", 1, false},
		{"", "", "", 1, false},
	}
	for _, tt := range tests {
		fm, body, line, ok, _ := splitFrontMatter([]byte(tt.src))
		if string(fm) != tt.fm || string(body) != tt.body || line != tt.line || ok != tt.ok {
			t.Errorf("splitFrontMatter(%q) = %q, %q, %d, %v; want %q, %q, %d, %v",
				tt.src, fm, body, line, ok, tt.fm, tt.body, tt.line, tt.ok)
		}
	}
}

func TestSplitHints(t *testing.T) {
	src := "intro\n## One\nfirst\n```\n## code\n```\n## Two\nsecond\n"
	got := splitHints([]byte(src))
	want := []hintSection{
		{"", 1, []byte("intro\n")},
		{"One", 3, []byte("first\n```\n## code\n```\n")},
		{"Two", 8, []byte("second\n")},
	}
	if len(got) != len(want) {
		t.Fatalf("splitHints = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].heading != want[i].heading || got[i].line != want[i].line || string(got[i].body) != string(want[i].body) {
			t.Errorf("section %d = {%q %d %q}, want {%q %d %q}", i, got[i].heading, got[i].line, got[i].body,
				want[i].heading, want[i].line, want[i].body)
		}
	}
}

// TestLoadConcurrently loads two courses at once: Load shares only
// read-only state (lexers, stylesheet) between calls. Run with -race.
func TestLoadConcurrently(t *testing.T) {
	done := make(chan string, 4)
	for i := 0; i < 4; i++ {
		go func() {
			c, err := Load(os.DirFS("testdata/courses/basic"))
			if err != nil {
				done <- err.Error()
				return
			}
			done <- string(c.Lessons()[0].HTML)
		}()
	}
	first := <-done
	for i := 1; i < 4; i++ {
		if got := <-done; got != first {
			t.Errorf("concurrent loads rendered differently:\n%s\n---\n%s", first, got)
		}
	}
}
