package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/web/views"
)

// handleError is echo's HTTPErrorHandler: every handler error ends here and
// becomes a page (or, for API calls that ask for JSON, a JSON object) with
// the right status. Details of server errors are logged, never shown.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		s.log.Error("error after response started", "uri", c.Request().RequestURI, "error", err.Error())
		return
	}
	p := views.ErrorPage{Status: http.StatusInternalServerError}
	var he *echo.HTTPError
	switch {
	case errors.Is(err, lessons.ErrNotFound), errors.Is(err, echo.ErrNotFound):
		p.Status = http.StatusNotFound
		p.Heading = "Page not found"
		p.Message = "There is no page at " + c.Request().URL.Path + ". The lesson may have moved or the address may be mistyped."
	case errors.Is(err, echo.ErrMethodNotAllowed):
		p.Status = http.StatusMethodNotAllowed
		p.Heading = "Not allowed"
		p.Message = "This page cannot be used that way. Follow the links and buttons on the page instead."
	case errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge:
		p.Status = he.Code
		p.Heading = "Too much at once"
		p.Message = "What you sent is larger than learnsls accepts (" + s.opts.BodyLimit + "B). Send less and try again."
	case errors.As(err, &he) && isCSRF(he):
		p.Status = http.StatusForbidden
		p.Heading = "Please try again"
		p.Message = "The form could not be checked (it may be from an old or another tab). Reload the page and submit it again."
	case errors.As(err, &he) && he.Code < 500:
		p.Status = he.Code
		p.Heading = http.StatusText(he.Code)
		if msg, ok := he.Message.(string); ok {
			p.Message = msg
		}
	default:
		p.RequestID = c.Response().Header().Get(echo.HeaderXRequestID)
		s.log.Error("handler failed", "method", c.Request().Method, "uri", c.Request().RequestURI,
			"request_id", p.RequestID, "error", err.Error())
		p.Heading = "Something went wrong"
		p.Message = "learnsls could not show this page because of an error on its side; it has been logged. " +
			"Try again, or go back to the course home."
	}

	if c.Request().Method == http.MethodHead {
		c.NoContent(p.Status)
		return
	}
	if wantsJSON(c.Request()) {
		c.JSON(p.Status, map[string]string{"error": p.Message})
		return
	}
	p.Page = s.page(c, p.Heading)
	if rerr := render(c, p.Status, views.Error(p)); rerr != nil {
		s.log.Error("render error page", "error", rerr.Error())
		c.String(p.Status, p.Heading+": "+p.Message)
	}
}

// isCSRF recognises the errors of echo's CSRF middleware.
func isCSRF(he *echo.HTTPError) bool {
	msg, _ := he.Message.(string)
	return strings.Contains(strings.ToLower(msg), "csrf")
}

// wantsJSON is true for fetch/XHR calls that accept JSON but not HTML.
func wantsJSON(r *http.Request) bool {
	accept := r.Header.Get(echo.HeaderAccept)
	return strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html")
}
