package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox"
)

var streamURLRE = regexp.MustCompile(`data-stream-url="([^"]+)"`)

var invokeURLRE = regexp.MustCompile(`href="(http://127\.0\.0\.1:\d+/_aws/([A-Za-z0-9_-]{22})/[a-z0-9]+/Prod/)"`)

// callAPI sends a request the way curl would: no cookies, no CSRF token.
func callAPI(t *testing.T, method, u, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestPlaygroundDeployCallReplace(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	c := newClient(t, true)
	c.Timeout = 3 * time.Minute // a cold build cache takes a while on a busy machine
	page := ts.URL + "/learn/basics/hello/exercise"
	_, body := get(t, c, page)
	if !strings.Contains(body, `formaction="/learn/basics/hello/exercise/playground"`) || !strings.Contains(body, "Deploy to my playground") {
		t.Fatal("handler exercise page has no deploy button")
	}
	if invokeURLRE.MatchString(body) {
		t.Fatal("page shows an invoke URL before any deploy")
	}
	token := csrfRE.FindStringSubmatch(body)[1]
	solution, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "solution.go"))
	if err != nil {
		t.Fatal(err)
	}
	deploy := func(code string) (int, string) {
		t.Helper()
		resp, body := formPost(t, c, page+"/playground", token, url.Values{"action": {"deploy"}, "file:main.go": {code}})
		return resp.StatusCode, body
	}
	const ada = `{"first_name":"Ada","last_name":"Lovelace"}`

	// Deploy the solution, read the invoke URL from the page, call it.
	status, body := deploy(string(solution))
	m := invokeURLRE.FindStringSubmatch(body)
	if status != http.StatusOK || m == nil {
		t.Fatalf("deploy: %d, no invoke URL in page:\n%s", status, body)
	}
	first, firstSecret := m[1], m[2]
	if !strings.Contains(body, "curl -i -X POST &#39;"+first+"hello&#39;") {
		t.Errorf("page lacks the curl example for POST %shello", first)
	}
	code, hdr, resp := callAPI(t, http.MethodPost, first+"hello", ada)
	if code != 200 || resp != `{"message":"Hello Ada Lovelace!"}` {
		t.Fatalf("POST %shello: %d %s", first, code, resp)
	}
	if hdr.Get("X-Content-Type-Options") != "nosniff" || hdr.Get("x-amzn-RequestId") == "" || hdr.Get("Content-Security-Policy") != playgroundCSP {
		t.Errorf("API response headers: %v", hdr)
	}
	// Paths keep their trailing slash: the stage root is not redirected.
	noFollow := newClient(t, false)
	if resp, body := get(t, noFollow, first); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Missing Authentication Token") {
		t.Errorf("GET %s: %d %s, want REST's 403 for a route it lacks", first, resp.StatusCode, body)
	}
	// The logs panel shows the invocation after a refresh.
	_, body = get(t, c, page)
	if !strings.Contains(body, `id="playground-logs"`) || !strings.Contains(body, "REPORT RequestId:") {
		t.Errorf("logs panel lacks the REPORT line:\n%s", body)
	}

	// Live logs: a stream from the page's position gets the next call's
	// lines, then "replaced" when a newer deploy replaces the playground.
	sm := streamURLRE.FindStringSubmatch(body)
	if sm == nil {
		t.Fatal("logs panel has no stream URL")
	}
	streamed := make(chan [][2]string, 1)
	openStream := func(u string) {
		resp, err := c.Get(u)
		if err != nil {
			t.Errorf("GET %s: %v", u, err)
			streamed <- nil
			return
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
			t.Errorf("log stream content type %q", ct)
		}
		streamed <- sseEvents(t, resp.Body)
	}
	go openStream(ts.URL + sm[1])

	// Code that does not compile: diagnostics, and the old playground stays.
	status, body = deploy("package main\n\nfunc main() {\n\tnope()\n}\n")
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "the playground was not updated") || !strings.Contains(body, "main.go:4") {
		t.Fatalf("compile error deploy: %d\n%s", status, body)
	}
	if code, _, resp := callAPI(t, http.MethodPost, first+"hello", ada); code != 200 {
		t.Fatalf("after a failed deploy the playground is gone: %d %s", code, resp)
	}

	// A second deploy replaces the first: a new address, the old one 404s.
	status, body = deploy(string(solution))
	m = invokeURLRE.FindStringSubmatch(body)
	if status != http.StatusOK || m == nil || m[2] == firstSecret {
		t.Fatalf("redeploy: %d, match %v", status, m)
	}
	if code, _, resp := callAPI(t, http.MethodPost, m[1]+"hello", ada); code != 200 || resp != `{"message":"Hello Ada Lovelace!"}` {
		t.Fatalf("new playground: %d %s", code, resp)
	}
	evs := <-streamed
	var sawReport bool
	for _, e := range evs {
		var line string
		if e[0] == "log" && json.Unmarshal([]byte(e[1]), &line) == nil {
			sawReport = sawReport || strings.HasPrefix(line, "REPORT RequestId:")
		}
	}
	if !sawReport || len(evs) == 0 || evs[len(evs)-1][0] != "replaced" {
		t.Errorf("log stream: want log lines with a REPORT, then replaced; got %v", evs)
	}
	code, hdr, resp = callAPI(t, http.MethodPost, first+"hello", ada)
	var msg map[string]string
	if code != 404 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(resp), &msg) != nil || !strings.Contains(msg["message"], "No playground") {
		t.Errorf("replaced playground: %d %q %s", code, hdr.Get("Content-Type"), resp)
	}
	// Unknown API ID behind a live secret: the stack's own 404.
	if code, _, _ := callAPI(t, http.MethodGet, ts.URL+"/_aws/"+m[2]+"/nosuchapi/Prod/hello", ""); code != 404 {
		t.Errorf("unknown API id: %d", code)
	}

	// A log stream open at shutdown ends, and the playgrounds close.
	_, body = get(t, c, page)
	sm = streamURLRE.FindStringSubmatch(body)
	if sm == nil {
		t.Fatal("no stream URL after redeploy")
	}
	go openStream(ts.URL + sm[1])
	time.Sleep(200 * time.Millisecond) // let the stream start
	ts.Stop()
	select {
	case <-streamed:
	case <-time.After(15 * time.Second):
		t.Fatal("log stream still open after shutdown")
	}
	if ts.Server.pg.of(1) != nil {
		t.Error("playground still live after shutdown")
	}
}

func TestPlaygroundUnknownSecret(t *testing.T) {
	ts := startServer(t, exerciseCourse(t), t.TempDir(), func(o *Options) { o.Grader = testGrader(t) })
	for _, p := range []string{"/_aws/AAAAAAAAAAAAAAAAAAAAAA/abc/Prod/hello", "/_aws/x", "/_aws/x/"} {
		for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
			code, hdr, body := callAPI(t, method, ts.URL+p, "{}")
			if code != 404 || !strings.Contains(body, `"message"`) || hdr.Get("Content-Security-Policy") == "" {
				t.Errorf("%s %s: %d %v %s", method, p, code, hdr, body)
			}
		}
	}
	// The quiz exercise has no playground.
	c := newClient(t, true)
	_, body := get(t, c, ts.URL+"/learn/basics/styles/exercise")
	if strings.Contains(body, "Deploy to my playground") {
		t.Error("quiz exercise offers a playground")
	}
	resp, _ := formPost(t, c, ts.URL+"/learn/basics/styles/exercise/playground", formToken(t, body), url.Values{})
	if resp.StatusCode != 404 {
		t.Errorf("deploy of a quiz: %d", resp.StatusCode)
	}
}

// tableOnly deploys without building code, so state tests stay fast.
const tableOnly = `Transform: AWS::Serverless-2016-10-31
Resources:
  Items:
    Type: AWS::Serverless::SimpleTable
`

func TestPlaygroundsReplaceAndEvictLRU(t *testing.T) {
	ctx := context.Background()
	pg := newPlaygrounds(sandbox.Options{}, 2)
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	pg.now = func() time.Time { now = now.Add(time.Second); return now }
	deploy := func(learner int64) *playground {
		t.Helper()
		p, diags, err := pg.deploy(ctx, learner, "basics/hello", []byte(tableOnly), nil)
		if err != nil || diags != nil {
			t.Fatalf("deploy for %d: %v %v", learner, diags, err)
		}
		return p
	}
	live := func(p *playground) bool {
		_, done, ok := pg.acquire(p.secret)
		if ok {
			done()
		}
		return ok
	}
	a1 := deploy(1)
	a2 := deploy(1)
	if live(a1) || !live(a2) || pg.of(1) != a2 {
		t.Fatal("a learner's second deploy did not replace the first")
	}
	b := deploy(2)
	live(a2) // learner 1 is now more recent than learner 2
	c := deploy(3)
	if live(b) || !live(a2) || !live(c) || pg.of(2) != nil {
		t.Errorf("over the cap, the least recently used was not the one closed: b=%v a2=%v c=%v", live(b), live(a2), live(c))
	}
	if len(a1.secret) != 22 || strings.ContainsAny(a1.secret, "+/=") {
		t.Errorf("secret %q is not 128 bits, URL-safe", a1.secret)
	}

	// A broken template is a diagnostic, and keeps the playground.
	_, diags, err := pg.deploy(ctx, 3, "basics/hello", []byte("Resources:\n  X:\n    Type: AWS::Nope::Thing\n"), nil)
	if err != nil || len(diags) == 0 || diags[0].File != "template.yaml" || !live(c) {
		t.Errorf("bad template: %v %v, still live %v", diags, err, live(c))
	}

	if err := pg.closeAll(ctx); err != nil {
		t.Fatal(err)
	}
	if live(a2) || live(c) {
		t.Error("closeAll left playgrounds reachable")
	}
	if _, _, err := pg.deploy(ctx, 1, "basics/hello", []byte(tableOnly), nil); err != errPlaygroundsClosed {
		t.Errorf("deploy after close: %v", err)
	}
}

func TestCurlExample(t *testing.T) {
	base := "http://127.0.0.1:8080/_aws/s3cr3t/abc123/Prod/"
	tests := []struct {
		routes apiRoutes
		want   string
	}{
		{apiRoutes{{"POST", "/hello"}}, "curl -i -X POST '" + base + "hello' -H 'Content-Type: application/json' -d '{}'"},
		{apiRoutes{{"GET", "/users/{id}"}, {"PUT", "/users/{id}"}}, "curl -i '" + base + "users/1'"},
		{apiRoutes{{"ANY", "/{proxy+}"}}, "curl -i '" + base + "anything'"},
		{apiRoutes{{"DELETE", "/users/{id}"}}, "curl -i -X DELETE '" + base + "users/1'"},
		{apiRoutes{{"ANY", "$default"}}, "curl -i '" + base + "'"},
		{nil, "curl -i '" + base + "'"},
		{apiRoutes{{"GET", "/it's"}}, "curl -i '" + base + "it'\\''s'"},
	}
	for _, tt := range tests {
		if got := curlExample(base, tt.routes); got != tt.want {
			t.Errorf("curlExample(%v)\n got %s\nwant %s", tt.routes, got, tt.want)
		}
	}
	for uri, want := range map[string]string{
		"/_aws/s3cr3t/abc/Prod/hello?x=1": "/_aws/<secret>/abc/Prod/hello?x=1",
		"/_aws/s3cr3t":                    "/_aws/<secret>",
		"/_aws/s3cr3t?x":                  "/_aws/<secret>",
	} {
		if got := redactPlaygroundSecret(uri); got != want {
			t.Errorf("redactPlaygroundSecret(%s) = %s, want %s", uri, got, want)
		}
	}
	for aws, want := range map[string]string{
		"https://abc123.execute-api.us-east-1.amazonaws.com/Prod/": "http://h/_aws/s/abc123/Prod/",
		"https://xyz.execute-api.us-east-1.amazonaws.com/":         "http://h/_aws/s/xyz/",
	} {
		if got := localInvokeURL("http://h/_aws/s/", aws); got != want {
			t.Errorf("localInvokeURL(%s) = %s, want %s", aws, got, want)
		}
	}
}

func TestAPIResponseWriterSecuresHeaders(t *testing.T) {
	tests := []struct {
		name       string
		setCookies []string
		wantCookie []string
	}{
		{"no cookies", nil, nil},
		{"root path is the API's root", []string{"session=x; Path=/; Domain=example.com; HttpOnly"}, []string{"session=x; Path=/_aws/s/api1/; HttpOnly"}},
		{"no path", []string{"a=1"}, []string{"a=1; Path=/_aws/s/api1/"}},
		{"deeper path", []string{"b=2; Path=/Prod/users; Secure"}, []string{"b=2; Path=/_aws/s/api1/Prod/users; Secure"}},
		{"unparseable dropped", []string{"=novalue", "c=3"}, []string{"c=3; Path=/_aws/s/api1/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			w := &apiResponseWriter{ResponseWriter: rec, cookiePath: "/_aws/s/api1"}
			// What a learner's function might answer with.
			w.Header().Set("Content-Security-Policy", "script-src *")
			w.Header().Set("X-Frame-Options", "ALLOWALL")
			for _, c := range tt.setCookies {
				w.Header().Add("Set-Cookie", c)
			}
			w.Write([]byte("<script>alert(1)</script>"))
			h := rec.Result().Header
			if h.Get("Content-Security-Policy") != playgroundCSP || h.Get("X-Frame-Options") != "DENY" || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("headers: %v", h)
			}
			if got := h.Values("Set-Cookie"); strings.Join(got, "|") != strings.Join(tt.wantCookie, "|") {
				t.Errorf("Set-Cookie = %q, want %q", got, tt.wantCookie)
			}
		})
	}
}

func TestPlaygroundSource(t *testing.T) {
	handler := &lessons.Exercise{Kind: lessons.KindHandler, Files: []string{"main.go"},
		Template: []byte("T"), Starter: map[string][]byte{"main.go": []byte("starter"), "template.yaml": []byte("T"), "events/e.json": []byte("{}")}}
	tmpl := &lessons.Exercise{Kind: lessons.KindTemplate, Files: []string{"template.yaml"},
		Starter: map[string][]byte{"template.yaml": []byte("starter template"), "main.go": []byte("code")}}
	tests := []struct {
		name         string
		ex           *lessons.Exercise
		files        map[string]string
		wantTemplate string
		wantFiles    map[string]string
		wantProblem  bool
	}{
		{"handler: learner code over the starter", handler, map[string]string{"main.go": "mine", "template.yaml": "hacked"},
			"T", map[string]string{"main.go": "mine", "template.yaml": "T", "events/e.json": "{}"}, false},
		{"handler: nothing sent keeps the starter", handler, nil,
			"T", map[string]string{"main.go": "starter", "template.yaml": "T", "events/e.json": "{}"}, false},
		{"template: the learner's template", tmpl, map[string]string{"template.yaml": "mine"},
			"mine", map[string]string{"template.yaml": "mine", "main.go": "code"}, false},
		{"template: empty is a problem", tmpl, map[string]string{"template.yaml": " \n"}, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range tt.files {
				files[k] = []byte(v)
			}
			template, overlay, problem := playgroundSource(tt.ex, files)
			if (problem != "") != tt.wantProblem {
				t.Fatalf("problem %q, want problem %v", problem, tt.wantProblem)
			}
			if tt.wantProblem {
				return
			}
			if string(template) != tt.wantTemplate {
				t.Errorf("template %q, want %q", template, tt.wantTemplate)
			}
			got := map[string]string{}
			for k, v := range overlay {
				got[k] = string(v)
			}
			if len(got) != len(tt.wantFiles) {
				t.Errorf("files %v, want %v", got, tt.wantFiles)
			}
			for k, v := range tt.wantFiles {
				if got[k] != v {
					t.Errorf("file %s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}
