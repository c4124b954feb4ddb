package web

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
)

// exerciseCourse is a course with a quiz and a handler exercise (the
// grader's own greeting handler behind a REST API).
func exerciseCourse(t testing.TB) *lessons.Course {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fsys := fstest.MapFS{
		"00-basics/path.md":                          {Data: []byte("---\ntitle: Basics\n---\n\nStart here.\n")},
		"00-basics/01-styles/lesson.md":              {Data: []byte("---\ntitle: Styles\nminutes: 5\n---\n\nThree styles.\n")},
		"00-basics/01-styles/exercise/exercise.yaml": {Data: []byte("kind: quiz\nfiles: [answers.json]\n")},
		"00-basics/01-styles/exercise/checks.yaml": {Data: []byte(`checks:
  - name: thumbnails
    message: Nobody waits for a thumbnail, so it is asynchronous.
    question: Making a thumbnail when a photo is uploaded is…
    choices: [asynchronous, synchronous, streaming]
    answer: asynchronous
  - name: clicks
    message: A click stream never ends; that is streaming.
    question: Processing a click stream is…
    choices: [asynchronous, synchronous, streaming]
    answer: streaming
`)},
		"00-basics/01-styles/exercise/starter/answers.json":  {Data: []byte("{}\n")},
		"00-basics/01-styles/exercise/solution/answers.json": {Data: []byte(`{"thumbnails":"asynchronous","clicks":"streaming"}`)},
		"00-basics/02-hello/lesson.md":                       {Data: []byte("---\ntitle: Hello\nminutes: 5\n---\n\nGreet through an API.\n")},
		"00-basics/02-hello/exercise/exercise.yaml":          {Data: []byte("kind: handler\nfiles: [main.go]\nreadonly: [template.yaml]\n")},
		"00-basics/02-hello/exercise/template.yaml":          {Data: read("template.yaml")},
		"00-basics/02-hello/exercise/checks.yaml":            {Data: read("checks.yaml")},
		"00-basics/02-hello/exercise/hints.md":               {Data: []byte("## Hint 1\n\nDecode `req.Body`.\n\n## Hint 2\n\nSet Content-Type.\n")},
		"00-basics/02-hello/exercise/starter/main.go":        {Data: read("starter.go")},
		"00-basics/02-hello/exercise/solution/main.go":       {Data: read("solution.go")},
	}
	c, err := lessons.Load(fsys)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return c
}

func testGrader(t testing.TB) *grade.Grader {
	t.Helper()
	g, err := grade.NewGrader(filepath.Join(os.TempDir(), "learnsls-web-test-cache"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var csrfRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// formPost posts a form with the page's CSRF token.
func formPost(t *testing.T, c *http.Client, u, token string, vals url.Values) (*http.Response, string) {
	t.Helper()
	vals.Set("_csrf", token)
	resp, err := c.PostForm(u, vals)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestExerciseQuizWithoutJavaScript(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	c := newClient(t, true)
	page := ts.URL + "/learn/basics/styles/exercise"

	// The lesson links to its exercise.
	_, lesson := get(t, c, ts.URL+"/learn/basics/styles")
	if !strings.Contains(lesson, `href="/learn/basics/styles/exercise"`) {
		t.Fatal("lesson page does not link to its exercise")
	}
	resp, body := get(t, c, page)
	if resp.StatusCode != 200 || !strings.Contains(body, "Making a thumbnail when a photo is uploaded is…") {
		t.Fatalf("exercise page: %d\n%s", resp.StatusCode, body)
	}
	if strings.Contains(body, "Nobody waits") {
		t.Fatal("the page leaks a check's message before any attempt")
	}
	token := csrfRE.FindStringSubmatch(body)[1]

	// One wrong answer: the page comes back with the verdict.
	resp, body = formPost(t, c, page, token, url.Values{"action": {"submit"}, "q:thumbnails": {"asynchronous"}, "q:clicks": {"synchronous"}})
	if resp.StatusCode != 200 || !strings.Contains(body, "1 of 2 checks passed") || !strings.Contains(body, "A click stream never ends") {
		t.Fatalf("wrong answer: %d\n%s", resp.StatusCode, body)
	}
	// The draft keeps the answers: the page shows them picked.
	_, body = get(t, c, page)
	if !regexp.MustCompile(`value="synchronous" checked`).MatchString(body) {
		t.Error("draft answers not shown after reload")
	}
	// Right answers pass and mark the lesson done.
	_, body = formPost(t, c, page, token, url.Values{"action": {"submit"}, "q:thumbnails": {"asynchronous"}, "q:clicks": {"streaming"}})
	if !strings.Contains(body, "All 2 checks passed") {
		t.Fatalf("right answers:\n%s", body)
	}
	_, lesson = get(t, c, ts.URL+"/learn/basics/styles")
	if !strings.Contains(lesson, "You finished this lesson.") {
		t.Error("passing the exercise did not mark the lesson done")
	}
	// Home and path pages show exercise status.
	_, pathPage := get(t, c, ts.URL+"/learn/basics")
	if !strings.Contains(pathPage, "Exercise passed") || !strings.Contains(pathPage, "Exercise to do") {
		t.Error("path page does not show each lesson's exercise status")
	}
	_, home := get(t, c, ts.URL+"/")
	if !strings.Contains(home, "1 of 2 exercises passed") {
		t.Error("home page does not count passed exercises")
	}
	subs, err := ts.DB.Submissions(t.Context(), 1, "basics/styles", 10)
	if err != nil || len(subs) != 2 || !subs[0].Passed && !subs[1].Passed {
		t.Errorf("submissions: %+v, %v", subs, err)
	}
	// Reset throws the draft away.
	formPost(t, c, page+"/reset", token, url.Values{})
	_, body = get(t, c, page)
	if strings.Contains(body, `checked`) {
		t.Error("reset kept the draft")
	}
}

// sseEvents reads a server-sent event stream into (event, data) pairs.
func sseEvents(t *testing.T, r io.Reader) [][2]string {
	t.Helper()
	var out [][2]string
	var ev, data string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 8<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev = line[7:]
		case strings.HasPrefix(line, "data: "):
			data += line[6:]
		case line == "":
			out = append(out, [2]string{ev, data})
			ev, data = "", ""
		}
	}
	return out
}

func TestExerciseStreamGradesHandler(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	c := newClient(t, true)
	c.Timeout = 3 * time.Minute // a cold build cache takes a while on a busy machine
	page := ts.URL + "/learn/basics/hello/exercise"
	_, body := get(t, c, page)
	for _, want := range []string{`data-lang="go"`, "template.yaml", "(read-only)", "Hint 2", "Reset to the starter code"} {
		if !strings.Contains(body, want) {
			t.Errorf("exercise page lacks %q", want)
		}
	}
	if strings.Contains(body, "Hello %s %s!") {
		t.Error("the reference solution is shown before any attempt")
	}
	token := csrfRE.FindStringSubmatch(body)[1]
	solution, _ := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "solution.go"))

	stream := func(action, code string) [][2]string {
		t.Helper()
		vals := url.Values{"_csrf": {token}, "action": {action}, "file:main.go": {code}}
		resp, err := c.PostForm(page+"/grade", vals)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
			t.Fatalf("content type %q", ct)
		}
		return sseEvents(t, resp.Body)
	}
	last := func(evs [][2]string) (string, map[string]any) {
		e := evs[len(evs)-1]
		var d map[string]any
		json.Unmarshal([]byte(e[1]), &d)
		return e[0], d
	}

	// A compile error: diagnostics at the line, not an attempt.
	evs := stream("submit", "package main\n\nfunc main() {\n\tnope()\n}\n")
	kind, d := last(evs)
	v, _ := d["verdict"].(map[string]any)
	diags, _ := v["diagnostics"].([]any)
	if kind != "verdict" || len(diags) == 0 || diags[0].(map[string]any)["line"].(float64) != 4 {
		t.Fatalf("compile error: %s %v", kind, d)
	}
	// The solution passes, with progress along the way.
	evs = stream("submit", string(solution))
	var stages []string
	for _, e := range evs {
		if e[0] == "progress" {
			var p grade.Progress
			json.Unmarshal([]byte(e[1]), &p)
			stages = append(stages, p.Stage)
		}
	}
	if strings.Join(stages, ",") != "building,checking,checking,done" {
		t.Errorf("progress stages %v", stages)
	}
	kind, d = last(evs)
	if v, _ := d["verdict"].(map[string]any); kind != "verdict" || v["passed"] != true || !strings.Contains(d["html"].(string), "All 2 checks passed") {
		t.Fatalf("solution: %s %v", kind, d)
	}
	subs, err := ts.DB.Submissions(t.Context(), 1, "basics/hello", 10)
	if err != nil || len(subs) != 1 || !subs[0].Passed {
		t.Fatalf("only the compiled submission counts: %+v %v", subs, err)
	}
	// After a pass the solution is offered and the draft is the code.
	_, body = get(t, c, page)
	if !strings.Contains(body, "Compare with the reference solution") || !strings.Contains(body, "Hello %s %s!") {
		t.Error("solution not offered after a pass")
	}
}

func TestExerciseShowsSampleEvents(t *testing.T) {
	fsys := fstest.MapFS{
		"00-q/path.md":                             {Data: []byte("---\ntitle: Queues\n---\n")},
		"00-q/01-worker/lesson.md":                 {Data: []byte("---\ntitle: Worker\nminutes: 5\n---\n\nConsume a batch.\n")},
		"00-q/01-worker/exercise/exercise.yaml":    {Data: []byte("kind: handler\nfiles: [main.go]\n")},
		"00-q/01-worker/exercise/template.yaml":    {Data: []byte("Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: ., Handler: bootstrap, Runtime: provided.al2023}\n")},
		"00-q/01-worker/exercise/checks.yaml":      {Data: []byte("checks:\n  - name: batch\n    message: Handle the batch.\n    steps:\n      - invoke: {sample: sqs}\n    expect: {noError: true}\n")},
		"00-q/01-worker/exercise/starter/main.go":  {Data: []byte("package main\n\nfunc main() {}\n")},
		"00-q/01-worker/exercise/solution/main.go": {Data: []byte("package main\n\nfunc main() {}\n")},
	}
	c, err := lessons.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, c, t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	_, body := get(t, newClient(t, true), ts.URL+"/learn/q/worker/exercise")
	if !strings.Contains(body, "events/sqs.json") || !strings.Contains(body, "receiptHandle") {
		t.Error("the sample event the checks use is not shown read-only")
	}
}
