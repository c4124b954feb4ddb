package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

// exerciseDraft saves the learner's files as they type (the page's script
// posts the form a moment after each change), so a reload, a crash or a
// restart loses nothing.
func (s *Server) exerciseDraft(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	files, err := filesFromForm(c, ex)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	if err := s.ex.store.SaveDrafts(c.Request().Context(), learnerID(c), lessonKey(l), stringFiles(files)); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return c.NoContent(http.StatusNoContent)
}

// exerciseReset throws the draft away: the page shows the starter again.
func (s *Server) exerciseReset(c echo.Context) error {
	l, _, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	if err := s.ex.store.DeleteDrafts(c.Request().Context(), learnerID(c), lessonKey(l)); err != nil {
		return fmt.Errorf("reset exercise: %w", err)
	}
	return c.Redirect(http.StatusSeeOther, s.exerciseURL(l))
}
