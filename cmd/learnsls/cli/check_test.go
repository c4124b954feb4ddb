package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/sandbox/build"
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
	"00-a/02-y/exercise/checks.yaml":          "checks:\n  - name: clean\n    message: No errors.\n    expect: {findings: {forbid: [ERROR]}}\n",
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
		{"valid course", []string{"check", "--skip-build", "--content", good}, 0, good + " OK: 1 path, 2 lessons, 1 exercise\n", false, ""},
		{"every problem listed", []string{"check", "-skip-build", "-content", bad}, 1,
			filepath.Join(bad, "00-a/01-x/lesson.md") + ":1: missing title (hint: add 'title: …' to the front matter)\n" +
				filepath.Join(bad, "00-a/01-x/lesson.md") + ":5: broken link \"../02-gone/\": no lesson, path or file at 00-a/02-gone (hint: link to a lesson folder, e.g. ../02-regions-and-arns/ or ../../01-iam/01-authn/)\n" +
				filepath.Join(bad, "00-a/path.md") + ":3: unknown front-matter key \"author\" (hint: allowed keys are outcomes, summary, title)\n",
			false, bad + ": 3 problems"},
		{"missing folder", []string{"check", "--content", filepath.Join(good, "nope")}, 1, "", false, "course folder"},
		{"stray argument", []string{"check", "extra"}, 2, "", false, `unexpected argument "extra"`},
		{"built-in course", []string{"check", "--skip-build"}, 0, "built-in course OK: ", true, ""},
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

// sharedGoCache is the GOCACHE sandbox/build's tests use: content addressed,
// so sharing it is safe, and warm after the first run.
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

// TestCheckBuildsSnippets proves check compiles go compile blocks and
// reports compiler errors at their line in the lesson.
func TestCheckBuildsSnippets(t *testing.T) {
	dir := writeCourse(t, map[string]string{
		"00-a/path.md": "---\ntitle: A\n---\n",
		"00-a/01-x/lesson.md": "---\ntitle: X\nminutes: 5\n---\n\n" +
			"```go compile\npackage main\n\nfunc main() {}\n```\n\n" +
			"```go compile\npackage main\n\nfunc main() {\n\tundefinedThing()\n}\n```\n\n" +
			"```go\nnot compiled at all\n```\n",
	})
	data := t.TempDir()
	var out, errb bytes.Buffer
	code := checkCourse(context.Background(), checkOptions{
		Content: dir, DataDir: data,
		Build: build.Options{CacheDir: filepath.Join(data, "build"), GoCacheDir: sharedGoCache()},
	}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stdout %q stderr %q", code, out.String(), errb.String())
	}
	// The second block's code starts on file line 13, so its line 4 is line 16.
	want := filepath.Join(dir, "00-a/01-x/lesson.md") + ":16: go compile block: undefined: undefinedThing\n"
	if out.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), want)
	}
	if !strings.Contains(errb.String(), "building go compile blocks") {
		t.Errorf("stderr %q does not name the step", errb.String())
	}
}
