package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// playgroundAPI serves a playground's APIs at
// /_aws/<secret>/<api-id>/<stage>/<path>, the invoke URL's path behind the
// playground's secret. No cookie or CSRF token is needed (it is an API for
// curl); the secret is the learner's scope. An unknown or replaced secret
// gets a JSON 404.
func (s *Server) playgroundAPI(c echo.Context) error {
	secret := c.Param("secret")
	var pl *playground
	var done func()
	ok := false
	if s.pg != nil {
		pl, done, ok = s.pg.acquire(secret)
	}
	if !ok {
		return c.JSON(http.StatusNotFound, map[string]string{
			"message": "No playground at this address: it was replaced by a newer deploy or closed, or the address is mistyped. " +
				"Deploy again from the exercise page and use the URL it shows.",
		})
	}
	defer done()
	r := c.Request()
	r2 := r.Clone(r.Context())
	r2.URL.Path = "/" + strings.TrimPrefix(r.URL.Path, playgroundPrefix+secret+"/")
	if r.URL.Path == playgroundPrefix+secret {
		r2.URL.Path = "/"
	}
	r2.URL.RawPath = ""
	apiID, _, _ := strings.Cut(strings.TrimPrefix(r2.URL.Path, "/"), "/")
	w := &apiResponseWriter{ResponseWriter: c.Response(), cookiePath: playgroundPrefix + secret + "/" + apiID}
	pl.stack.Mux().ServeHTTP(w, r2)
	return nil
}

// playgroundCSP replaces the app's policy on everything a learner's API
// answers: the app's origin serves it, so an HTML page from a function must
// not run scripts or reach the app (the sandbox directive gives it an
// opaque origin).
const playgroundCSP = "default-src 'none'; frame-ancestors 'none'; sandbox"

// apiResponseWriter enforces the playground's security headers on a
// function's response, whatever headers the function set, and confines its
// cookies to its own API's path, so one learner's API cannot set cookies
// the app (or another playground) reads.
type apiResponseWriter struct {
	http.ResponseWriter
	cookiePath  string // /_aws/<secret>/<api-id>
	wroteHeader bool
}

func (w *apiResponseWriter) WriteHeader(code int) {
	if !w.wroteHeader {
		w.wroteHeader = true
		w.secure()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *apiResponseWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flushes).
func (w *apiResponseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *apiResponseWriter) secure() {
	h := w.Header()
	h.Set("Content-Security-Policy", playgroundCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	cookies := h.Values("Set-Cookie")
	h.Del("Set-Cookie")
	for _, line := range cookies {
		ck, err := http.ParseSetCookie(line)
		if err != nil {
			continue // a cookie the browser could not parse either
		}
		ck.Domain = ""
		ck.Path = w.cookiePath + "/" + strings.TrimPrefix(ck.Path, "/")
		if v := ck.String(); v != "" {
			h.Add("Set-Cookie", v)
		}
	}
}

// isPlaygroundAPI is true for requests to a playground's APIs, which skip
// the page-only middleware (CSRF, trailing-slash redirects, identity).
func isPlaygroundAPI(path string) bool {
	return strings.HasPrefix(path, playgroundPrefix)
}

// redactPlaygroundSecret hides the secret of a playground URL, for logs
// that someone other than the learner may read.
func redactPlaygroundSecret(uri string) string {
	rest := strings.TrimPrefix(uri, playgroundPrefix)
	_, after, found := strings.Cut(rest, "/")
	if !found {
		return playgroundPrefix + "<secret>"
	}
	return playgroundPrefix + "<secret>/" + after
}
