package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// contentSecurityPolicy allows nothing from outside the app's own origin,
// no inline script and no inline style (templ components write neither).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY") // for browsers without frame-ancestors
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		return next(c)
	}
}

// recoverPanics turns a panic in a handler into a 500 page and a logged
// stack, so nothing a learner sends can take the process down.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panic in handler", "method", c.Request().Method, "uri", c.Request().RequestURI,
					"panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}

// logRequests logs one structured line per request; static files and
// health checks at debug level so they do not drown the rest.
func (s *Server) logRequests() echo.MiddlewareFunc {
	logger := middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod:    true,
		LogURI:       true,
		LogStatus:    true,
		LogLatency:   true,
		LogError:     true,
		LogRequestID: true,
		HandleError:  true, // run the error handler first so the status is the one sent
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			switch {
			case v.Status >= 500:
				level = slog.LevelError
			case strings.HasPrefix(v.URI, "/static/") || v.URI == "/healthz":
				level = slog.LevelDebug
			}
			uri := v.URI
			if isPlaygroundAPI(uri) {
				if level == slog.LevelInfo {
					level = slog.LevelDebug // learners' own API traffic; can be a load test
				}
				uri = redactPlaygroundSecret(uri)
			}
			attrs := []slog.Attr{
				slog.String("method", v.Method),
				slog.String("uri", uri),
				slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency),
				slog.String("request_id", v.RequestID),
			}
			if v.Error != nil {
				attrs = append(attrs, slog.String("error", v.Error.Error()))
			}
			s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
			return nil
		},
	})
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		h := logger(next)
		return func(c echo.Context) error {
			// The logger already sent the error page (HandleError); passing
			// the error on would make echo handle it a second time.
			_ = h(c)
			return nil
		}
	}
}

// csrfContextKey is where the CSRF middleware leaves the token for forms.
const csrfContextKey = "csrf"

// csrf protects every state-changing request. Browsers that send
// Sec-Fetch-Site are judged by it; others must echo the token from the
// _csrf cookie in the form field _csrf or the X-CSRF-Token header (for
// fetch calls from exercise pages).
func (s *Server) csrf() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf,header:" + echo.HeaderXCSRFToken,
		ContextKey:     csrfContextKey,
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSecure:   s.opts.SecureCookies,
		CookieSameSite: http.SameSiteStrictMode,
		Skipper: func(c echo.Context) bool {
			// Static files and health checks need no token and should not set cookies.
			// Playground APIs are for curl: the secret in the URL is their scope.
			p := c.Path()
			return p == "/static/*" || p == "/healthz" || isPlaygroundAPI(c.Request().URL.Path)
		},
	})
}

// learnerKey is the echo context key of the learner id.
const learnerKey = "learner"

// identify decides which learner a request acts for.
func (s *Server) identify(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if isPlaygroundAPI(c.Request().URL.Path) {
			return next(c) // scoped by the playground's secret, not a session
		}
		id, err := s.opts.Identify(c)
		if err != nil {
			return fmt.Errorf("identify learner: %w", err)
		}
		c.Set(learnerKey, id)
		return next(c)
	}
}

// learnerID is the learner the request acts for (set by identify).
func learnerID(c echo.Context) int64 {
	id, _ := c.Get(learnerKey).(int64)
	return id
}

// csrfToken is the token to put in forms.
func csrfToken(c echo.Context) string {
	t, _ := c.Get(csrfContextKey).(string)
	return t
}
