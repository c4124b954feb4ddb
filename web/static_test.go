package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"gzip, deflate, br", true},
		{"br;q=1.0, gzip;q=0.8", true},
		{"gzip;q=0", false},
		{"gzip;q=0.0", false},
		{"gzip;q=0.001", true},
		{"GZIP", true},
		{"deflate", false},
		{"gzip;q=nonsense", false},
		{"x-gzip", false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Header.Set("Accept-Encoding", tt.header)
		if got := acceptsGzip(r); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestStaticGzip(t *testing.T) {
	ts := startServer(t, testCourse(t), t.TempDir(), nil)
	// Go's client adds Accept-Encoding: gzip and decompresses on its own;
	// ask explicitly to see the encoded bytes.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	for _, tc := range []struct {
		name, file, accept, wantEncoding string
	}{
		{"css gzipped", "/static/app.css", "gzip", "gzip"},
		{"css plain when not accepted", "/static/app.css", "", ""},
		{"tiny icon never gzipped", "/static/icon.svg", "gzip", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, ts.URL+tc.file, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if got := resp.Header.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Fatalf("Content-Encoding = %q, want %q", got, tc.wantEncoding)
			}
			var body io.Reader = resp.Body
			if tc.wantEncoding == "gzip" {
				zr, err := gzip.NewReader(resp.Body)
				if err != nil {
					t.Fatalf("not gzip: %v", err)
				}
				body = zr
			}
			b, err := io.ReadAll(body)
			if err != nil {
				t.Fatal(err)
			}
			want := ts.Server.static.files[tc.file[len("/static/"):]].data
			if string(b) != string(want) {
				t.Errorf("decoded body differs from the file (%d vs %d bytes)", len(b), len(want))
			}
		})
	}
}
