package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
)

func TestPages(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		wantType   string
		want       []string // substrings of the body
		notWant    []string
	}{
		{"home", "/", 200, "text/html", []string{
			"<title>learnsls</title>", ">Basics</a>", ">Data</a>", "Where everyone starts.",
			"2 lessons · about 12 minutes", "0 of 2 done", "1 lesson · about 10 minutes",
			`href="/learn/basics/functions"`, "Start: Functions first", `href="#main"`,
		}, []string{"Resume:"}},
		{"path", "/learn/basics", 200, "text/html", []string{
			"<title>Basics · learnsls</title>", "Welcome to the <strong>basics</strong>", "Explain what a function is",
			`href="/learn/basics/functions"`, "Functions first", "7 minutes", "Keeping no state", "Not started", "0 of 2 done",
		}, []string{"status-done", "Continue:"}},
		{"lesson", "/learn/basics/functions", 200, "text/html", []string{
			"<title>Functions first · learnsls</title>", "<h1>Functions first</h1>", "7 minutes",
			"Say what a handler does", "Name two event sources", "A function runs when an event arrives.",
			`id="mark-done-next" name="then" value="next"`,
			`id="handlers-and-events"`, `method="post" action="/learn/basics/functions"`, "Mark as done",
			`rel="next" href="/learn/basics/state"`, `href="/learn/basics"`,
			"On this page", `<a href="#handlers-and-events">Handlers and events</a>`, `<a href="#summary">Summary</a>`,
		}, []string{`rel="prev"`}},
		{"short lesson has no contents", "/learn/basics/state", 200, "text/html", []string{"Where state lives"}, []string{"On this page"}},
		{"lesson across paths", "/learn/data/tables", 200, "text/html", []string{
			`rel="prev" href="/learn/basics/state"`, "Partition keys",
		}, []string{`rel="next"`}},
		{"lesson asset", "/learn/basics/functions/flow.svg", 200, "image/svg+xml", []string{"<svg"}, nil},
		{"search hits", "/search?q=partition", 200, "text/html", []string{
			`value="partition"`, `href="/learn/data/tables#partition-keys"`, "Partition keys — Tables and keys", "results for “partition”",
		}, nil},
		{"search lesson title", "/search?q=functions+first", 200, "text/html", []string{`href="/learn/basics/functions"`}, nil},
		{"search no hits", "/search?q=kubernetes", 200, "text/html", []string{"No lesson matches “kubernetes”"}, nil},
		{"search empty", "/search", 200, "text/html", []string{"Type words"}, nil},
		{"search escapes", "/search?q=%3Cscript%3E", 200, "text/html", []string{"&lt;script&gt;"}, []string{"<script>"}},
		{"unknown path", "/learn/nope", 404, "text/html", []string{"Page not found", "/learn/nope", `action="/search"`, `href="/"`}, nil},
		{"unknown lesson", "/learn/basics/nope", 404, "text/html", []string{"Page not found"}, nil},
		{"unknown asset", "/learn/basics/functions/secret.txt", 404, "text/html", []string{"Page not found"}, nil},
		{"asset outside lesson", "/learn/basics/functions/..%2F02-state%2Flesson.md", 404, "text/html", nil, nil},
		{"unknown route", "/admin", 404, "text/html", []string{"Page not found"}, nil},
		{"static css", "/static/app.css", 200, "text/css", []string{"--bg:"}, nil},
		{"highlight css", "/static/highlight.css", 200, "text/css", []string{".chroma"}, nil},
		{"theme js", "/static/theme.js", 200, "text/javascript", []string{"localStorage"}, nil},
		{"unknown static", "/static/nope.js", 404, "text/html", nil, nil},
		{"trailing slash", "/learn/basics/", 301, "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(t, c, ts.URL+tt.path)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d\n%s", resp.StatusCode, tt.wantStatus, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.wantType) {
				t.Errorf("Content-Type = %q, want %q", ct, tt.wantType)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body contains %q", w)
				}
			}
		})
	}
}

func TestTrailingSlashRedirects(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	resp, _ := get(t, newClient(t, false), ts.URL+"/learn/basics/functions/")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/learn/basics/functions" {
		t.Errorf("status %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	for _, path := range []string{"/", "/learn/basics/functions", "/learn/nope", "/static/app.css", "/healthz"} {
		resp, _ := get(t, c, ts.URL+path)
		for header, want := range map[string]string{
			"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"X-Frame-Options":         "DENY",
		} {
			if got := resp.Header.Get(header); got != want {
				t.Errorf("%s: %s = %q, want %q", path, header, got, want)
			}
		}
	}
	// An SVG opened on its own may not run script.
	resp, _ := get(t, c, ts.URL+"/learn/basics/functions/flow.svg")
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("asset CSP = %q", csp)
	}
}

func TestStaticCaching(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	versioned := ts.Server.StaticURL("app.css")
	if !strings.HasPrefix(versioned, "/static/app.css?v=") {
		t.Fatalf("StaticURL = %q", versioned)
	}
	if ts.Server.StaticURL("nope.css") != "" {
		t.Error("StaticURL of a missing file is not empty")
	}
	_, home := get(t, c, ts.URL+"/")
	if !strings.Contains(home, `href="`+versioned+`"`) {
		t.Errorf("home page does not link %s", versioned)
	}
	tests := []struct {
		path      string
		wantCache string
	}{
		{versioned, "public, max-age=31536000, immutable"},
		{"/static/app.css", "no-cache"},
		{"/static/app.css?v=stale", "no-cache"},
	}
	for _, tt := range tests {
		resp, _ := get(t, c, ts.URL+tt.path)
		if got := resp.Header.Get("Cache-Control"); got != tt.wantCache {
			t.Errorf("%s: Cache-Control = %q, want %q", tt.path, got, tt.wantCache)
		}
		req, _ := http.NewRequest(http.MethodGet, ts.URL+tt.path, nil)
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		resp2, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp2.Body.Close()
		if resp2.StatusCode != http.StatusNotModified {
			t.Errorf("%s with matching ETag: status %d, want 304", tt.path, resp2.StatusCode)
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	resp, body := get(t, c, ts.URL+"/healthz")
	var got map[string]string
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != 200 || got["status"] != "ok" || got["version"] != "test" {
		t.Errorf("healthz = %d %s (%v)", resp.StatusCode, body, err)
	}
	if len(resp.Cookies()) != 0 {
		t.Errorf("healthz sets cookies: %v", resp.Cookies())
	}
	head, err := c.Head(ts.URL + "/healthz")
	if err != nil || head.StatusCode != 200 {
		t.Errorf("HEAD /healthz: %v, %v", head, err)
	} else {
		head.Body.Close()
	}
	ts.DB.Close() // the database goes away
	resp, body = get(t, c, ts.URL+"/healthz")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "unavailable") {
		t.Errorf("healthz with closed db = %d %s", resp.StatusCode, body)
	}
}

func TestMarkDoneWithoutJavaScript(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	lesson := ts.URL + "/learn/basics/functions"
	_, page := get(t, c, lesson)
	token := formToken(t, page)

	resp, _ := postForm(t, c, lesson, url.Values{"_csrf": {token}, "done": {"true"}}, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/learn/basics/functions#done-status" {
		t.Fatalf("mark done: status %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = get(t, c, lesson)
	for _, want := range []string{"You finished this lesson.", "Mark as not done", `name="done" value="false"`, "status-done"} {
		if !strings.Contains(page, want) {
			t.Errorf("lesson after marking done lacks %q", want)
		}
	}
	_, home := get(t, c, ts.URL+"/")
	if !strings.Contains(home, "1 of 2 done") || !strings.Contains(home, "0 of 1 done") {
		t.Error("home does not count the finished lesson")
	}
	_, path := get(t, c, ts.URL+"/learn/basics")
	if strings.Count(path, `class="status status-done"`) != 1 || !strings.Contains(path, "1 of 2 done") {
		t.Error("path page does not show the finished lesson")
	}
	if !strings.Contains(path, `id="continue" href="/learn/basics/state">Continue: Keeping no state</a>`) {
		t.Error("path page does not offer to continue with the first unfinished lesson")
	}
	done, err := ts.DB.IsDone(t.Context(), db.LocalLearnerID, "basics/functions")
	if err != nil || !done {
		t.Errorf("database: IsDone = %v, %v", done, err)
	}

	// And back.
	resp, _ = postForm(t, c, lesson, url.Values{"_csrf": {token}, "done": {"false"}}, nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("mark not done: status %d", resp.StatusCode)
	}
	if done, _ := ts.DB.IsDone(t.Context(), db.LocalLearnerID, "basics/functions"); done {
		t.Error("lesson still done after marking it not done")
	}

	// "Mark as done and go to the next lesson".
	resp, _ = postForm(t, c, lesson, url.Values{"_csrf": {token}, "done": {"true"}, "then": {"next"}}, nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/learn/basics/state" {
		t.Errorf("mark done then next: status %d Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if done, _ := ts.DB.IsDone(t.Context(), db.LocalLearnerID, "basics/functions"); !done {
		t.Error("then=next did not mark the lesson done")
	}
	_, last := get(t, c, ts.URL+"/learn/data/tables")
	if strings.Contains(last, "mark-done-next") {
		t.Error("the last lesson offers to go to a next lesson")
	}

	resp, body := postForm(t, c, lesson, url.Values{"_csrf": {token}, "done": {"maybe"}}, nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "must be true or false") {
		t.Errorf("bad done value: %d", resp.StatusCode)
	}
	resp, _ = postForm(t, c, ts.URL+"/learn/basics/nope", url.Values{"_csrf": {token}}, nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("mark unknown lesson: %d, want 404", resp.StatusCode)
	}
}

func TestCSRF(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	lesson := ts.URL + "/learn/basics/functions"
	tests := []struct {
		name       string
		withCookie bool // fetch the page first so the client holds the _csrf cookie
		token      string
		header     http.Header
		wantStatus int
		want       string
	}{
		{"no cookie, no token", false, "", nil, http.StatusForbidden, "Reload the page"},
		{"cookie, no token", true, "", nil, http.StatusForbidden, "Reload the page"},
		{"cookie, wrong token", true, "forged", nil, http.StatusForbidden, "Reload the page"},
		{"cookie, right token", true, "<from page>", nil, http.StatusSeeOther, ""},
		{"token in header", true, "", http.Header{"X-Csrf-Token": {"<from page>"}}, http.StatusSeeOther, ""},
		{"cross-site browser", true, "<from page>", http.Header{"Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden, "Reload the page"},
		{"same-origin browser", false, "", http.Header{"Sec-Fetch-Site": {"same-origin"}}, http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, false)
			token := tt.token
			if tt.withCookie {
				_, page := get(t, c, lesson)
				if token == "<from page>" {
					token = formToken(t, page)
				}
				for k, v := range tt.header {
					if v[0] == "<from page>" {
						tt.header = http.Header{k: {formToken(t, page)}}
					}
				}
			}
			form := url.Values{"done": {"true"}}
			if token != "" {
				form.Set("_csrf", token)
			}
			resp, body := postForm(t, c, lesson, form, tt.header)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d\n%s", resp.StatusCode, tt.wantStatus, body)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
			done, _ := ts.DB.IsDone(t.Context(), db.LocalLearnerID, "basics/functions")
			if done != (tt.wantStatus == http.StatusSeeOther) {
				t.Errorf("done = %v after status %d", done, resp.StatusCode)
			}
			ts.DB.MarkNotDone(t.Context(), db.LocalLearnerID, "basics/functions")
		})
	}
}

func TestResume(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	c := newClient(t, false)
	get(t, c, ts.URL+"/learn/basics/functions")
	get(t, c, ts.URL+"/learn/data/tables")
	_, home := get(t, c, ts.URL+"/")
	if !strings.Contains(home, `id="resume" href="/learn/data/tables">Resume: Tables and keys</a>`) {
		t.Errorf("home does not resume at the last lesson:\n%s", home)
	}
	if strings.Contains(home, "Start:") {
		t.Error("home offers Start as well as Resume")
	}
	// A lesson that left the course is not offered.
	if err := ts.DB.RecordVisit(t.Context(), db.LocalLearnerID, "gone/lesson"); err != nil {
		t.Fatal(err)
	}
	_, home = get(t, c, ts.URL+"/")
	if strings.Contains(home, "Resume:") || !strings.Contains(home, "Start: Functions first") {
		t.Error("home resumes at a lesson that no longer exists")
	}
}

func TestStatusBanner(t *testing.T) {
	var lines []StatusLine
	ts := startServer(t, testCourse(t), t.TempDir(), func(o *Options) {
		o.Status = func() []StatusLine { return lines }
	})
	c := newClient(t, false)
	_, page := get(t, c, ts.URL+"/")
	if strings.Contains(page, "status-banner") {
		t.Error("banner shown with no status lines")
	}
	lines = []StatusLine{
		{Text: "Preparing the Go build cache for exercises", Done: 3, Total: 7},
		{Text: "Go toolchain not found: exercises cannot run", Problem: true},
	}
	for _, path := range []string{"/", "/learn/basics", "/learn/basics/functions", "/search?q=x", "/nope"} {
		_, page = get(t, c, ts.URL+path)
		for _, want := range []string{`class="status-banner" role="status"`, "Preparing the Go build cache for exercises",
			`<progress max="7" value="3">42%</progress>`, `class="status-problem"`, "Go toolchain not found"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: banner lacks %q", path, want)
			}
		}
	}
}

func TestErrorHandling(t *testing.T) {
	panicky := false
	ts := startServer(t, testCourse(t), t.TempDir(), func(o *Options) {
		o.BodyLimit = "1K"
		o.Identify = func(c echo.Context) (int64, error) {
			if panicky {
				panic("learner input we did not expect")
			}
			return db.LocalLearnerID, nil
		}
	})
	c := newClient(t, false)

	resp, body := postForm(t, c, ts.URL+"/learn/basics/functions",
		url.Values{"x": {strings.Repeat("a", 4096)}}, http.Header{"Sec-Fetch-Site": {"same-origin"}})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "larger than learnsls accepts") {
		t.Errorf("large body: %d", resp.StatusCode)
	}

	resp, body = postForm(t, c, ts.URL+"/healthz", nil, nil)
	if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(body, "Not allowed") {
		t.Errorf("POST /healthz: %d", resp.StatusCode)
	}

	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/learn/nope", nil)
	req.Header.Set("Accept", "application/json")
	jr, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var msg map[string]string
	json.NewDecoder(jr.Body).Decode(&msg)
	jr.Body.Close()
	if jr.StatusCode != 404 || !strings.Contains(msg["error"], "no page at /learn/nope") {
		t.Errorf("JSON 404 = %d %v", jr.StatusCode, msg)
	}

	panicky = true
	resp, body = get(t, c, ts.URL+"/")
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "Something went wrong") ||
		strings.Contains(body, "learner input we did not expect") {
		t.Errorf("panic: status %d, body leaks details or lacks the 500 page", resp.StatusCode)
	}
	if id := resp.Header.Get("X-Request-Id"); id == "" || !strings.Contains(body, `<code id="request-id">`+id+`</code>`) {
		t.Errorf("500 page does not show the request id %q", id)
	}
	panicky = false
	if resp, _ := get(t, c, ts.URL+"/"); resp.StatusCode != 200 {
		t.Errorf("server unhealthy after a panic: %d", resp.StatusCode)
	}
}

func TestNewRequiresCourseAndStore(t *testing.T) {
	if _, err := New(Options{Store: &db.DB{}}); err == nil {
		t.Error("New without a course succeeded")
	}
	if _, err := New(Options{Course: testCourse(t)}); err == nil {
		t.Error("New without a store succeeded")
	}
}
