package web

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// healthz answers load balancers and `docker` health checks: 200 when the
// database answers, 503 otherwise.
func (s *Server) healthz(c echo.Context) error {
	if err := s.opts.Store.Ping(c.Request().Context()); err != nil {
		s.log.Error("health check: database", "error", err.Error())
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "not answering"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok", "version": s.opts.Version})
}
