package lessons

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzFrontMatter(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: T\nminutes: 5\nobjectives:\n  - a\n---\nbody\n",
		"---\ntitle: [x\n---\n",
		"---\n- a\n---\n",
		"---\ntitle: T\ntitle: U\n---\n",
		"---\nminutes: 1e9\nobjectives: {a: b}\n---\n",
		"---\r\ntitle: T\r\n---\r\n",
		"no front matter",
		"---\n&a [*a]\n---\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var ps problems
		fm, body, line := parseFrontMatter("x.md", src, lessonKeys, &ps)
		if line < 1 {
			t.Fatalf("body line %d < 1", line)
		}
		if len(body) > len(src) {
			t.Fatalf("body longer than source")
		}
		if len(ps.list) == 0 {
			if fm.strings["title"] == "" || fm.minutes < 1 || fm.minutes > maxMinutes {
				t.Fatalf("no problem reported but title=%q minutes=%d", fm.strings["title"], fm.minutes)
			}
		}
		for _, p := range ps.list {
			if p.File != "x.md" || p.Line < 0 || p.Msg == "" {
				t.Fatalf("malformed problem %+v", p)
			}
		}
	})
}

// FuzzLoad feeds arbitrary Markdown, front matter and exercise YAML to Load.
// Load must never panic, and must return either a course or a
// *ValidationError whose every problem names a file of the course.
func FuzzLoad(f *testing.F) {
	f.Add("---\ntitle: P\n---\n[a](01-a/)\n", "---\ntitle: A\nminutes: 3\n---\n# H\n\n> [!NOTE]\n> n\n\n```go compile\npackage main\n```\n![x](d.svg)\n", "kind: handler\nfiles: [main.go]\n")
	f.Add("---\ntitle: P\n---\n", "---\ntitle: A\nminutes: 3\n---\n> [!TIP]\n\n[x](../../) [y](#h) <b>x</b>\n| a |\n|---|\n| b |\n", "kind: quiz\nfiles: [x\n")
	f.Add("", "", "")
	f.Add("---\n", "> [!\n", "[]")
	f.Fuzz(func(t *testing.T, pathMD, lessonMD, exerciseYAML string) {
		fsys := fstest.MapFS{
			"00-p/path.md":                        {Data: []byte(pathMD)},
			"00-p/01-a/lesson.md":                 {Data: []byte(lessonMD)},
			"00-p/01-a/d.svg":                     {Data: []byte("<svg/>")},
			"00-p/01-a/exercise/exercise.yaml":    {Data: []byte(exerciseYAML)},
			"00-p/01-a/exercise/starter/main.go":  {Data: []byte("package main\n")},
			"00-p/01-a/exercise/solution/main.go": {Data: []byte("package main\n")},
			"00-p/01-a/exercise/hints.md":         {Data: []byte(lessonMD)},
		}
		c, err := Load(fsys)
		if err == nil {
			if c == nil || len(c.Lessons()) != 1 {
				t.Fatalf("Load = %v, nil; want one lesson", c)
			}
			return
		}
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			t.Fatalf("Load error %v (%T), want *ValidationError with problems", err, err)
		}
		for _, p := range ve.Problems {
			if !strings.HasPrefix(p.File, "00-p") {
				t.Fatalf("problem outside the course: %s", p)
			}
		}
	})
}
