package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidationErrors loads one broken course per kind of problem and
// asserts the exact report an author sees.
func TestValidationErrors(t *testing.T) {
	tests := []struct {
		course string
		want   []string
	}{
		{"unknown-key", []string{
			`00-a/01-l/lesson.md:4: unknown front-matter key "author" (hint: allowed keys are minutes, objectives, summary, title)`}},
		{"missing-title", []string{
			`00-a/01-l/lesson.md:1: missing title (hint: add 'title: …' to the front matter)`}},
		{"bad-minutes", []string{
			`00-a/01-l/lesson.md:3: minutes must be a whole number from 1 to 240, not "ten" (hint: estimated reading and exercise time as a whole number, e.g. minutes: 10)`}},
		{"missing-minutes", []string{
			`00-a/01-l/lesson.md:1: missing minutes (hint: add 'minutes: N', the estimated time of the lesson)`}},
		{"missing-front-matter", []string{
			`00-a/01-l/lesson.md:1: missing front matter (hint: start the file with a line '---', then 'title: …' and the other keys, then a closing '---')`}},
		{"bad-yaml", []string{
			`00-a/01-l/lesson.md:3: front matter is not valid YAML: found a tab character that violates indentation (hint: front matter is YAML: one 'key: value' per line, lists as '- item' lines)`}},
		{"duplicate-lesson-slug", []string{
			`00-a/02-intro/lesson.md:1: duplicate lesson slug "intro" in path "a" (also 00-a/01-intro) (hint: rename one of the folders)`}},
		{"duplicate-path-slug", []string{
			`01-a/path.md:1: duplicate path slug "a" (also 00-a) (hint: rename one of the folders)`}},
		{"bad-folder-name", []string{
			`00-a/Intro: folder name "Intro" is not NN-slug (hint: name lesson folders NN-slug, e.g. 01-what-serverless-means (lower-case letters, digits, dashes))`}},
		{"missing-path-md", []string{
			`00-a/path.md: missing path.md (hint: every path folder needs a path.md with title, summary and outcomes)`}},
		{"missing-lesson-md", []string{
			`00-a/01-l/lesson.md: missing lesson.md (hint: every lesson folder needs a lesson.md with front matter and prose)`}},
		{"broken-link", []string{
			`00-a/01-l/lesson.md:8: broken link "../02-nowhere/": no lesson, path or file at 00-a/02-nowhere (hint: link to a lesson folder, e.g. ../02-regions-and-arns/ or ../../01-iam/01-authn/)`}},
		{"broken-anchor", []string{
			`00-a/01-l/lesson.md:10: broken link: no heading #nope in 00-a/02-m (hint: headings of 00-a/02-m: #only)`}},
		{"missing-image", []string{
			`00-a/01-l/lesson.md:6: missing image "diagram.svg" (hint: check the file name; it is relative to the lesson folder)`}},
		{"image-without-alt", []string{
			`00-a/01-l/lesson.md:6: image "d.svg" has no alt text (hint: describe what the picture shows: ![Request flow from API Gateway to Lambda](flow.svg))`}},
		{"remote-image", []string{
			`00-a/01-l/lesson.md:6: image "https://example.com/logo.png" is not a file of the lesson (hint: put the image file in the lesson folder and refer to it by name; pages load nothing from other sites)`}},
		{"unknown-admonition", []string{
			`00-a/01-l/lesson.md:6: unknown admonition "[!DANGER]" (hint: use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING])`}},
		{"h1-heading", []string{
			`00-a/01-l/lesson.md:6: level-1 heading in the body (hint: the title comes from the front matter; start sections with '## ')`}},
		{"raw-html", []string{
			`00-a/01-l/lesson.md:6: raw HTML in Markdown (hint: use Markdown instead; raw HTML is not rendered)`}},
		{"unknown-code-language", []string{
			`00-a/01-l/lesson.md:6: unknown code language "javascrpt" (hint: use one of bash, console, diff, dockerfile, go, golang, html, http, ini, javascript, js, json, makefile, markdown, md, plaintext, py, python, sh, shell, sql, text, toml, ts, txt, typescript, xml, yaml, yml, or no language for plain text)`}},
		{"compile-not-go", []string{
			"00-a/01-l/lesson.md:6: \"python\" code block marked compile (hint: only Go blocks can be compiled: write ```go compile)"}},
		{"empty-course", []string{
			`.: the course has no paths (hint: create a folder such as 00-foundations with a path.md and lesson folders)`}},
		{"exercise-unknown-kind", []string{
			`00-a/01-l/exercise/exercise.yaml:1: unknown exercise kind "essay" (hint: kind is one of handler, policy, template, pattern, quiz)`}},
		{"exercise-unknown-key", []string{
			`00-a/01-l/exercise/exercise.yaml:3: unknown key "timeout" (hint: allowed keys are kind, title, files, readonly, settings)`}},
		{"exercise-missing-files", []string{
			`00-a/01-l/exercise/exercise.yaml:3: missing starter file "main.go" (hint: put the learner's starting version at 00-a/01-l/exercise/starter/main.go)`,
			`00-a/01-l/exercise/exercise.yaml:3: missing solution file "main.go" (hint: put the reference solution at 00-a/01-l/exercise/solution/main.go)`,
			`00-a/01-l/exercise/exercise.yaml:5: missing read-only file "template.yaml" (hint: read-only files live in the exercise folder itself, e.g. 00-a/01-l/exercise/template.yaml)`}},
		{"exercise-missing-yaml", []string{
			`00-a/01-l/exercise/exercise.yaml: missing exercise.yaml (hint: an exercise folder needs exercise.yaml with at least kind and files)`}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.course] = true
		t.Run(tt.course, func(t *testing.T) {
			c, err := Load(os.DirFS(filepath.Join("testdata", "courses", "errors", tt.course)))
			if c != nil {
				t.Errorf("Load returned a course despite problems")
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Load error = %v (%T), want *ValidationError", err, err)
			}
			got := strings.Split(ve.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
	// Every broken course in testdata must be covered by the table.
	entries, err := os.ReadDir(filepath.Join("testdata", "courses", "errors"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !seen[e.Name()] {
			t.Errorf("testdata/courses/errors/%s has no test case", e.Name())
		}
	}
}

// TestAllProblemsReported proves Load keeps going after the first problem.
func TestAllProblemsReported(t *testing.T) {
	fsys := mapFS(map[string]string{
		"00-a/path.md":        "---\ntitle: P\n---\n",
		"00-a/01-x/lesson.md": "---\ntitle: X\nminutes: 0\ncolour: red\n---\n\n[gone](../09-gone/)\n",
		"00-a/02-y/lesson.md": "---\nminutes: 3\n---\n\n![pic](nope.png)\n",
	})
	_, err := Load(fsys)
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Load error = %v, want *ValidationError", err)
	}
	var where []string
	for _, p := range ve.Problems {
		where = append(where, p.File+":"+itoa(p.Line)+" "+p.Msg)
	}
	want := []string{
		`00-a/01-x/lesson.md:3 minutes must be a whole number from 1 to 240, not "0"`,
		`00-a/01-x/lesson.md:4 unknown front-matter key "colour"`,
		`00-a/01-x/lesson.md:7 broken link "../09-gone/": no lesson, path or file at 00-a/09-gone`,
		`00-a/02-y/lesson.md:1 missing title`,
		`00-a/02-y/lesson.md:5 missing image "nope.png"`,
	}
	if strings.Join(where, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got: %s\nwant: %s", strings.Join(where, "\n      "), strings.Join(want, "\n      "))
	}
}
