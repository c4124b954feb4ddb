package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/learnsls/learnsls/db"
)

// benchServer is a server over a real SQLite file, used in-process.
func benchServer(b *testing.B) *Server {
	b.Helper()
	store, err := db.Open(context.Background(), filepath.Join(b.TempDir(), db.FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	s, err := New(Options{Course: testCourse(b), Store: store})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// benchPage serves the paths in turn through the echo handler b.N times
// and reports the median and 99th percentile latency besides the mean.
func benchPage(b *testing.B, paths ...string) {
	s := benchServer(b)
	h := s.Handler()
	var reqs []*http.Request
	for _, path := range paths {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Sec-Fetch-Site", "same-origin") // a browser following a link
		req.AddCookie(&http.Cookie{Name: "_csrf", Value: "0123456789abcdef0123456789abcdef"})
		reqs = append(reqs, req)
	}
	var samples []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		req := reqs[i%len(reqs)]
		i++
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		samples = append(samples, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", req.URL, rec.Code)
		}
	}
	slices.Sort(samples)
	b.ReportMetric(float64(samples[len(samples)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(samples[len(samples)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkLessonPage: target p50 ≤ 1 ms. It alternates between two
// lessons, so every request reads the lesson's status and writes the visit
// to SQLite (the worst case; reloading one lesson skips the write).
func BenchmarkLessonPage(b *testing.B) {
	benchPage(b, "/learn/basics/functions", "/learn/basics/state")
}

// BenchmarkLessonReload: the same lesson again, as after "Mark as done".
func BenchmarkLessonReload(b *testing.B) { benchPage(b, "/learn/basics/functions") }

// BenchmarkHomePage: the overview with progress and resume.
func BenchmarkHomePage(b *testing.B) { benchPage(b, "/") }

// BenchmarkStaticCSS: a static file, for comparison.
func BenchmarkStaticCSS(b *testing.B) { benchPage(b, "/static/app.css") }
