package web

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
)

// The trailing-slash redirect must never send a browser to another site
// (//evil.example/ would become a protocol-relative Location).
func TestNoOpenRedirect(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, target := range []string{"//evil.example/", "///evil.example/", `/\evil.example/`, "/%2Fevil.example/", "/learn//evil.example/"} {
		// A raw request: Go's client would clean the path first.
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		_, err = conn.Write([]byte("GET " + target + " HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\n\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		resp.Body.Close()
		conn.Close()
		loc := resp.Header.Get("Location")
		if loc != "" && (strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, `/\`) || strings.Contains(loc, "://")) {
			t.Errorf("GET %s redirects to %q", target, loc)
		}
		t.Logf("GET %s: %d %q", target, resp.StatusCode, loc)
	}
}
