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
	pl.stack.Mux().ServeHTTP(c.Response(), r2)
	return nil
}

// isPlaygroundAPI is true for requests to a playground's APIs, which skip
// the page-only middleware (CSRF, trailing-slash redirects, identity).
func isPlaygroundAPI(path string) bool {
	return strings.HasPrefix(path, playgroundPrefix)
}
