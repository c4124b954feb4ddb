package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

// lessonAsset serves a file that sits beside a lesson (an image or diagram
// the lesson shows), e.g. /learn/foundations/regions/map.svg.
func (s *Server) lessonAsset(c echo.Context) error {
	data, ctype, err := s.opts.Course.Asset(c.Param("path"), c.Param("lesson"), c.Param("*"))
	if err != nil {
		return fmt.Errorf("lesson asset: %w", err)
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-cache")
	if ctype == "image/svg+xml" {
		// An SVG opened on its own is a document: forbid its scripts.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	return c.Blob(http.StatusOK, ctype, data)
}
