package lessons_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/learnsls/learnsls/content"
	"github.com/learnsls/learnsls/lessons"
)

// TestEmbeddedCourse loads the real course: any problem fails the build.
func TestEmbeddedCourse(t *testing.T) {
	c, err := lessons.Load(content.FS())
	if err != nil {
		var ve *lessons.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				t.Error(p)
			}
			return
		}
		t.Fatal(err)
	}
	bad := regexp.MustCompile(`(?i)style=|<style|<script|(src|href)="(https?:)?//`)
	for _, l := range c.Lessons() {
		if m := bad.FindString(string(l.HTML)); m != "" && !strings.HasPrefix(m, "href") {
			t.Errorf("%s: rendered HTML contains %q (CSP forbids inline styles, scripts and outside resources)", l.Dir, m)
		}
		if len(l.Objectives) == 0 || l.Summary == "" {
			t.Errorf("%s: every lesson of the course needs a summary and objectives", l.Dir)
		}
		// The course's own conventions (see CURRICULUM.md): a recap section,
		// at least one admonition, and a link onwards.
		recap := false
		for _, h := range l.Headings {
			recap = recap || h.ID == "recap"
		}
		if !recap {
			t.Errorf("%s: no '## Recap' section", l.Dir)
		}
		if !strings.Contains(string(l.HTML), `<div class="admonition `) {
			t.Errorf("%s: no admonition (> [!NOTE], [!TIP], [!IMPORTANT] or [!WARNING])", l.Dir)
		}
		if !strings.Contains(string(l.HTML), `href="/learn/`) {
			t.Errorf("%s: links to no other lesson or path", l.Dir)
		}
	}
	for _, p := range c.Paths {
		if len(p.Outcomes) == 0 || p.Summary == "" || p.Intro == "" {
			t.Errorf("%s: every path needs a summary, outcomes and an introduction", p.Dir)
		}
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	fsys := content.FS()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lessons.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	c, err := lessons.Load(content.FS())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Search("lambda function")
	}
}

func ExampleLoad() {
	course := fstest.MapFS{
		"00-intro/path.md":            {Data: []byte("---\ntitle: Intro\nsummary: Start here.\n---\nWelcome.\n")},
		"00-intro/01-hello/lesson.md": {Data: []byte("---\ntitle: Hello\nminutes: 5\n---\n\n## First steps\n\n> [!TIP]\n> Read on.\n")},
	}
	c, err := lessons.Load(course)
	if err != nil {
		fmt.Println(err)
		return
	}
	l, _ := c.Lesson("intro", "hello")
	fmt.Println(l.URL(), l.Title, l.Minutes)
	fmt.Println(l.HTML)
	// Output:
	// /learn/intro/hello Hello 5
	// <h2 id="first-steps">First steps <a class="anchor" href="#first-steps" aria-hidden="true" tabindex="-1">#</a></h2>
	// <div class="admonition tip" role="note">
	// <p class="admonition-title">Tip</p>
	// <p>Read on.</p>
	// </div>
}

func ExampleLoad_problems() {
	course := fstest.MapFS{
		"00-intro/path.md":            {Data: []byte("---\ntitle: Intro\n---\n")},
		"00-intro/01-hello/lesson.md": {Data: []byte("---\ntitle: Hello\nminutes: soon\n---\n\nSee [next](../02-next/).\n")},
	}
	_, err := lessons.Load(course)
	fmt.Println(err)
	// Output:
	// 00-intro/01-hello/lesson.md:3: minutes must be a whole number from 1 to 240, not "soon" (hint: estimated reading and exercise time as a whole number, e.g. minutes: 10)
	// 00-intro/01-hello/lesson.md:6: broken link "../02-next/": no lesson, path or file at 00-intro/02-next (hint: link to a lesson folder, e.g. ../02-regions-and-arns/ or ../../01-iam/01-authn/)
}

func ExampleCourse_Search() {
	c, err := lessons.Load(fstest.MapFS{
		"00-intro/path.md":            {Data: []byte("---\ntitle: Intro\n---\n")},
		"00-intro/01-keys/lesson.md":  {Data: []byte("---\ntitle: Keys\nsummary: Partition and sort keys.\nminutes: 5\n---\n\n## Sort keys\n\nA sort key orders the items of one partition.\n")},
		"00-intro/02-other/lesson.md": {Data: []byte("---\ntitle: Other\nminutes: 5\n---\n\nNothing about keys here.\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range c.Search("sort key") {
		fmt.Printf("%s | %s | %s\n", r.URL, r.Heading, r.Snippet)
	}
	// Output:
	// /learn/intro/keys#sort-keys | Sort keys | A sort key orders the items of one partition.
	// /learn/intro/keys |  | Partition and sort keys.
}

func ExampleCourse_Asset() {
	c, err := lessons.Load(fstest.MapFS{
		"00-intro/path.md":           {Data: []byte("---\ntitle: Intro\n---\n")},
		"00-intro/01-flow/lesson.md": {Data: []byte("---\ntitle: Flow\nminutes: 5\n---\n\n![Requests flow left to right](flow.svg)\n")},
		"00-intro/01-flow/flow.svg":  {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"00-intro/01-flow/notes.txt": {Data: []byte("author notes")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	l, _ := c.Lesson("intro", "flow")
	fmt.Print(l.HTML)
	_, ctype, err := c.Asset("intro", "flow", "flow.svg")
	fmt.Println(ctype, err)
	_, _, err = c.Asset("intro", "flow", "notes.txt") // only images are served
	fmt.Println(errors.Is(err, lessons.ErrNotFound))
	// Output:
	// <p><img src="/learn/intro/flow/flow.svg" alt="Requests flow left to right"></p>
	// image/svg+xml <nil>
	// true
}
