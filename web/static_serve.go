package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/static"
	"github.com/learnsls/learnsls/web/views"
)

// staticFile is one file served under /static/, held in memory.
type staticFile struct {
	data  []byte
	gz    func() []byte // gzip of data, made on first use; nil when compressing does not pay
	ctype string
	hash  string // short content hash: the ?v= of its URL and its ETag
}

// minGzip is the smallest file worth compressing once at start.
const minGzip = 1024

// staticFiles is every file under /static/ and the versioned URLs pages use.
type staticFiles struct {
	files  map[string]staticFile
	assets views.Assets
}

// highlightName is the generated stylesheet for highlighted code.
const highlightName = "highlight.css"

// loadStatic reads the embedded static files and the code-highlighting CSS.
func loadStatic() (*staticFiles, error) {
	st := &staticFiles{files: map[string]staticFile{}}
	err := fs.WalkDir(static.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(static.FS(), name)
		if err != nil {
			return err
		}
		st.add(name, data)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	st.add(highlightName, []byte(lessons.HighlightCSS()))
	st.assets = views.Assets{
		AppCSS:       st.url("app.css"),
		HighlightCSS: st.url(highlightName),
		ThemeJS:      st.url("theme.js"),
		Icon:         st.url("icon.svg"),
	}
	return st, nil
}

func (st *staticFiles) add(name string, data []byte) {
	sum := sha256.Sum256(data)
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) { // do not depend on the host's mime tables
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	case ".svg":
		ctype = "image/svg+xml"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	f := staticFile{data: data, ctype: ctype, hash: hex.EncodeToString(sum[:6])}
	if len(data) >= minGzip && (strings.HasPrefix(ctype, "text/") || ctype == "image/svg+xml") {
		// Compressed on first request, not at start: the editor bundle alone
		// would add tens of milliseconds to every start.
		f.gz = sync.OnceValue(func() []byte {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data) // writes to a bytes.Buffer cannot fail
			zw.Close()
			return buf.Bytes()
		})
	}
	st.files[name] = f
}

// url is the address of a static file with its content version, so
// browsers may cache it for good and still see a new build's files.
func (st *staticFiles) url(name string) string {
	return "/static/" + name + "?v=" + st.files[name].hash
}

// StaticURL returns the versioned address of a static file (for other pages,
// e.g. the exercise page's editor.js), or "" if there is no such file.
func (s *Server) StaticURL(name string) string {
	if _, ok := s.static.files[name]; !ok {
		return ""
	}
	return s.static.url(name)
}

// staticServe serves /static/<name>.
func (s *Server) staticServe(c echo.Context) error {
	name := c.Param("*")
	f, ok := s.static.files[name]
	if !ok {
		return fmt.Errorf("static file %q: %w", name, lessons.ErrNotFound)
	}
	h := c.Response().Header()
	etag := `"` + f.hash + `"`
	h.Set("ETag", etag)
	if c.QueryParam("v") == f.hash {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	if f.gz != nil {
		h.Add("Vary", "Accept-Encoding")
	}
	if match := c.Request().Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		return c.NoContent(http.StatusNotModified)
	}
	if f.gz != nil && acceptsGzip(c.Request()) {
		h.Set("Content-Encoding", "gzip")
		return c.Blob(http.StatusOK, f.ctype, f.gz())
	}
	return c.Blob(http.StatusOK, f.ctype, f.data)
}

// acceptsGzip reports whether the client accepts gzip-encoded responses
// (Accept-Encoding lists gzip with a q-value above zero).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return false
			}
			q = f
		}
		return q > 0
	}
	return false
}
