package web

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
)

// testCourse is a small course in the real format: two paths, three
// lessons, an image beside a lesson, headings to search for.
func testCourse(t testing.TB) *lessons.Course {
	t.Helper()
	fsys := fstest.MapFS{
		"00-basics/path.md": {Data: []byte(`---
title: Basics
summary: Where everyone starts.
outcomes:
  - Explain what a function is
---

Welcome to the **basics**.
`)},
		"00-basics/01-functions/lesson.md": {Data: []byte(`---
title: Functions first
summary: What a function is.
minutes: 7
objectives:
  - Say what a handler does
  - Name two event sources
---

A function runs when an event arrives.

## Handlers and events

A handler receives the event.

![Flow of an event](flow.svg)

## Cold starts

The first call is slower.

## Summary

Functions react to events.
`)},
		"00-basics/01-functions/flow.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`)},
		"00-basics/02-state/lesson.md": {Data: []byte(`---
title: Keeping no state
summary: Why functions forget.
minutes: 5
objectives:
  - Explain why globals are not shared
---

Execution environments come and go.

## Where state lives

In a table.
`)},
		"01-data/path.md": {Data: []byte(`---
title: Data
summary: Tables and items.
outcomes:
  - Store an item
---

Tables.
`)},
		"01-data/01-tables/lesson.md": {Data: []byte(`---
title: Tables and keys
summary: Partition keys.
minutes: 10
objectives:
  - Choose a partition key
---

Items live in tables.

## Partition keys

Spread the load.
`)},
	}
	c, err := lessons.Load(fsys)
	if err != nil {
		t.Fatalf("load test course: %v", err)
	}
	return c
}

// testServer is a running server on a loopback port.
type testServer struct {
	URL    string
	Server *Server
	DB     *db.DB
	stop   func()
}

// Stop shuts the server down gracefully and closes its database.
func (ts *testServer) Stop() { ts.stop() }

// startServer starts a server over real HTTP on 127.0.0.1:0 with its
// database in dataDir. It is stopped when the test ends (or by Stop).
func startServer(t testing.TB, course *lessons.Course, dataDir string, mod func(*Options)) *testServer {
	t.Helper()
	store, err := db.Open(context.Background(), filepath.Join(dataDir, db.FileName))
	if err != nil {
		t.Fatalf("open db: %v", err)
	}
	opts := Options{Course: course, Store: store, Version: "test", Logger: testLogger(t)}
	if mod != nil {
		mod(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve returned %v after shutdown, want nil", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("Serve did not return after its context was cancelled")
		}
		store.Close()
	}
	t.Cleanup(stop)
	return &testServer{URL: "http://" + ln.Addr().String(), Server: s, DB: store, stop: stop}
}

// testLogger writes the server's logs to the test log, shown on failure.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// newClient is a browser-like client: it keeps cookies and, unless
// follow is false, follows redirects.
func newClient(t testing.TB, follow bool) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	if !follow {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	return c
}

// get fetches a URL and returns the response and its body.
func get(t testing.TB, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", u, err)
	}
	return resp, string(b)
}

// postForm posts a form and returns the response and its body.
func postForm(t testing.TB, c *http.Client, u string, form url.Values, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

var csrfField = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// formToken extracts the CSRF token from a page's form.
func formToken(t testing.TB, page string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no _csrf form field")
	}
	return m[1]
}
