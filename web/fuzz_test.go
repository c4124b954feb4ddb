package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/db"
)

// fuzzHandler is one server shared by all inputs of a fuzz test (opening
// SQLite per input would measure SQLite, not the handlers).
func fuzzHandler(f *testing.F) http.Handler {
	store, err := db.Open(context.Background(), filepath.Join(f.TempDir(), db.FileName))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	s, err := New(Options{Course: testCourse(f), Store: store})
	if err != nil {
		f.Fatal(err)
	}
	return s.Handler()
}

// Whatever a learner types into the search box, the answer is a page, never
// a server error, and the query never comes back unescaped.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", "partition", "Functions first", "<script>alert(1)</script>", "\xff\xfe", strings.Repeat("a ", 300), "\"'&<>"} {
		f.Add(s)
	}
	h := fuzzHandler(f)
	f.Fuzz(func(t *testing.T, q string) {
		req := httptest.NewRequest(http.MethodGet, "/search?q="+url.QueryEscape(q), nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("search %q: status %d", q, rec.Code)
		}
		if strings.Contains(q, "<script") && strings.Contains(rec.Body.String(), "<script>alert") {
			t.Fatalf("search %q: query echoed unescaped", q)
		}
	})
}

// Any path under /learn/ answers a page or a not-found page, never a crash.
func FuzzLearnPaths(f *testing.F) {
	for _, s := range []string{"basics", "basics/functions", "basics/functions/flow.svg", "../../etc/passwd",
		"basics/functions/..%2f..%2fsecret", "%00", "basics//functions", "a/b/c/d/e"} {
		f.Add(s)
	}
	h := fuzzHandler(f)
	f.Fuzz(func(t *testing.T, p string) {
		target := "/learn/" + p
		if _, err := url.ParseRequestURI(target); err != nil || strings.ContainsAny(p, " \t\r\n#?") {
			return // not a request a client can send
		}
		req := httptest.NewRequest(http.MethodGet, target, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusMovedPermanently, http.StatusNotFound:
		default:
			t.Fatalf("GET %s: status %d", target, rec.Code)
		}
	})
}
