package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
)

// FuzzPlaygroundPath sends arbitrary paths and methods under /_aws/: the
// server must answer (never panic), with 404 JSON for secrets it does not
// know (a redirect or 405 is fine for paths a client would not send).
func FuzzPlaygroundPath(f *testing.F) {
	for _, seed := range []string{"", "x", "x/", "AAAAAAAAAAAAAAAAAAAAAA/abc/Prod/hello", "%2e%2e/%2e%2e/learn", "../learn/basics", "x/../../healthz", "x//y", "x/%ff", "x?y=1"} {
		f.Add("GET", seed)
	}
	f.Add("POST", "a/b/c")
	store, err := db.Open(context.Background(), filepath.Join(f.TempDir(), db.FileName))
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	s, err := New(Options{Course: exerciseCourse(f), Store: store, Grader: testGrader(f)})
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Fuzz(func(t *testing.T, method, p string) {
		if method == "" || strings.ContainsAny(method, " \t\r\n()<>@,;:\\\"/[]?={}") || strings.ContainsAny(p, " \t\r\n#") {
			return // not a request line a client can send
		}
		req, err := http.NewRequest(method, "http://127.0.0.1/_aws/"+p, nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound && rec.Code != http.StatusMovedPermanently && rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s /_aws/%s: %d %s", method, p, rec.Code, rec.Body)
		}
	})
}

// BenchmarkPlaygroundRequest is a warm request through the playground
// route over loopback HTTP: /_aws/<secret>/… → API Gateway → Lambda.
func BenchmarkPlaygroundRequest(b *testing.B) {
	ts := startServer(b, exerciseCourse(b), b.TempDir(), func(o *Options) { o.Grader = testGrader(b) })
	solution, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "solution.go"))
	if err != nil {
		b.Fatal(err)
	}
	files := map[string][]byte{"main.go": solution}
	ex := mustExercise(b, ts.Server, "basics", "hello")
	template, overlay, _ := playgroundSource(ex, files)
	pl, diags, err := ts.Server.pg.deploy(context.Background(), 1, "basics/hello", template, overlay)
	if err != nil || diags != nil {
		b.Fatal(diags, err)
	}
	aws, _ := pl.stack.URL("")
	u := localInvokeURL(ts.URL+playgroundPrefix+pl.secret+"/", aws) + "hello"
	client := &http.Client{}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Post(u, "application/json", strings.NewReader(`{"first_name":"Ada","last_name":"Lovelace"}`))
			if err != nil {
				b.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
}

func mustExercise(tb testing.TB, s *Server, path, lesson string) *lessons.Exercise {
	tb.Helper()
	l, err := s.opts.Course.Lesson(path, lesson)
	if err != nil || l.Exercise == nil {
		tb.Fatalf("exercise %s/%s: %v", path, lesson, err)
	}
	return l.Exercise
}
