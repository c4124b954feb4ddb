package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/web/views"
)

// exerciseShow renders an exercise with the learner's draft.
func (s *Server) exerciseShow(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	if err := s.opts.Store.RecordVisit(c.Request().Context(), learnerID(c), lessonKey(l)); err != nil {
		return fmt.Errorf("show exercise: %w", err)
	}
	p, err := s.exercisePage(c, l, ex, nil, nil, "")
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.Exercise(p))
}
