package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCourse writes files (name -> content) under a temporary folder.
func writeCourse(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var goodCourse = map[string]string{
	"00-a/path.md":                            "---\ntitle: A\n---\n",
	"00-a/01-x/lesson.md":                     "---\ntitle: X\nminutes: 5\n---\n\nText.\n",
	"00-a/02-y/lesson.md":                     "---\ntitle: Y\nminutes: 5\n---\n\n[back](../01-x/)\n",
	"00-a/02-y/exercise/exercise.yaml":        "kind: policy\ntitle: Allow one table\nfiles: [policy.json]\n",
	"00-a/02-y/exercise/starter/policy.json":  "{}\n",
	"00-a/02-y/exercise/solution/policy.json": "{}\n",
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheck(t *testing.T) {
	good := writeCourse(t, goodCourse)
	bad := writeCourse(t, map[string]string{
		"00-a/path.md":        "---\ntitle: A\nauthor: me\n---\n",
		"00-a/01-x/lesson.md": "---\nminutes: 5\n---\n\n[gone](../02-gone/)\n",
	})
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		prefix    bool // stdout need only start with the text
		stderrHas string
	}{
		{"valid course", []string{"check", "--content", good}, 0, good + " OK: 1 path, 2 lessons, 1 exercise\n", false, ""},
		{"every problem listed", []string{"check", "-content", bad}, 1,
			filepath.Join(bad, "00-a/01-x/lesson.md") + ":1: missing title (hint: add 'title: …' to the front matter)\n" +
				filepath.Join(bad, "00-a/01-x/lesson.md") + ":5: broken link \"../02-gone/\": no lesson, path or file at 00-a/02-gone (hint: link to a lesson folder, e.g. ../02-regions-and-arns/ or ../../01-iam/01-authn/)\n" +
				filepath.Join(bad, "00-a/path.md") + ":3: unknown front-matter key \"author\" (hint: allowed keys are outcomes, summary, title)\n",
			false, bad + ": 3 problems"},
		{"missing folder", []string{"check", "--content", filepath.Join(good, "nope")}, 1, "", false, "course folder"},
		{"stray argument", []string{"check", "extra"}, 2, "", false, `unexpected argument "extra"`},
		{"built-in course", []string{"check"}, 0, "built-in course OK: ", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.code, errs)
			}
			if (tt.prefix && !strings.HasPrefix(out, tt.stdout)) || (!tt.prefix && out != tt.stdout) {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tt.stdout)
			}
			if !strings.Contains(errs, tt.stderrHas) {
				t.Errorf("stderr %q does not contain %q", errs, tt.stderrHas)
			}
		})
	}
}

func TestExercises(t *testing.T) {
	good := writeCourse(t, goodCourse)
	code, out, errs := run(t, "exercises", "--content", good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "EXERCISE  KIND    TITLE\na/y       policy  Allow one table\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	noEx := writeCourse(t, map[string]string{"00-a/path.md": "---\ntitle: A\n---\n"})
	if code, out, errs := run(t, "exercises", "--content", noEx); code != 0 || out != "" || !strings.Contains(errs, "no exercises") {
		t.Errorf("course without exercises: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	broken := writeCourse(t, map[string]string{"00-a/path.md": "no front matter\n"})
	if code, _, errs := run(t, "exercises", "--content", broken); code != 1 || !strings.Contains(errs, filepath.Join(broken, "00-a/path.md")+":1: missing front matter") {
		t.Errorf("broken course: exit %d, stderr %q", code, errs)
	}
}
