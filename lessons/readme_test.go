package lessons

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadmeExample loads the "complete small course" of content/README.md
// exactly as written there, so the instructors' example cannot rot.
func TestReadmeExample(t *testing.T) {
	src, err := os.ReadFile("../content/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, example, ok := strings.Cut(string(src), "## A complete small course")
	if !ok {
		t.Fatal("README has no complete example section")
	}
	// The exercise reference that follows has examples of its own.
	if i := strings.Index(example, "\n## Exercises and checks"); i >= 0 {
		example = example[:i]
	}
	// Each file is introduced by a line "`name`:" and followed by a fenced
	// block of three or four backticks.
	file := regexp.MustCompile("(?m)^`([^`]+)`:\n\n(````?)[a-z]*\n")
	fsys := fstest.MapFS{}
	for _, m := range file.FindAllStringSubmatchIndex(example, -1) {
		name := example[m[2]:m[3]]
		fence := example[m[4]:m[5]]
		body, _, ok := strings.Cut(example[m[1]:], "\n"+fence+"\n")
		if !ok {
			t.Fatalf("unterminated block for %s", name)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(body + "\n")}
	}
	if len(fsys) != 3 {
		t.Fatalf("found %d example files, want 3: %v", len(fsys), fsys)
	}
	fsys["00-basics/01-hello/flow.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	c, err := Load(fsys)
	if err != nil {
		t.Fatalf("the README example does not load:\n%v", err)
	}
	if n, ex := len(c.Lessons()), len(c.Exercises()); n != 2 || ex != 0 {
		t.Errorf("example has %d lessons and %d exercises, want 2 and 0", n, ex)
	}
	l, err := c.Lesson("basics", "hello")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Snippets) != 1 || !l.Snippets[0].Compile {
		t.Errorf("hello lesson snippets = %+v, want one compilable block", l.Snippets)
	}
	if !strings.Contains(string(l.HTML), `href="/learn/basics/next-steps#what-to-read"`) {
		t.Errorf("link to the next lesson not rewritten:\n%s", l.HTML)
	}
	if !strings.Contains(string(c.Paths[0].Intro), `href="/learn/basics/hello"`) {
		t.Errorf("path intro link not rewritten:\n%s", c.Paths[0].Intro)
	}
	if !strings.Contains(example, "OK: 1 path, 2 lessons, 0 exercises") {
		t.Error("README no longer states the check summary for the example")
	}
}
