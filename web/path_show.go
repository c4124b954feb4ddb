package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/web/views"
)

// pathShow renders a path: its introduction, outcomes and lessons in order
// with the learner's status for each.
func (s *Server) pathShow(c echo.Context) error {
	path, err := s.opts.Course.Path(c.Param("path"))
	if err != nil {
		return fmt.Errorf("show path: %w", err)
	}
	done, err := s.opts.Store.Progress(c.Request().Context(), learnerID(c))
	if err != nil {
		return fmt.Errorf("show path %s: %w", path.Slug, err)
	}
	passed, err := s.passedExercises(c.Request().Context(), learnerID(c))
	if err != nil {
		return fmt.Errorf("show path %s: %w", path.Slug, err)
	}
	p := views.PathPage{
		Page:     s.page(c, path.Title),
		Title:    path.Title,
		Summary:  path.Summary,
		Intro:    path.Intro,
		Outcomes: path.Outcomes,
		Minutes:  path.Minutes(),
	}
	for _, l := range path.Lessons {
		_, ok := done[lessonKey(l)]
		if ok {
			p.Done++
		} else if p.Continue == nil && len(done) > 0 {
			p.Continue = link(l) // the learner has started the course: offer the next step here
		}
		p.Lessons = append(p.Lessons, views.LessonRow{Title: l.Title, Summary: l.Summary, URL: l.URL(), Minutes: l.Minutes, Done: ok,
			Exercise: s.exerciseStatus(l, passed)})
	}
	return render(c, http.StatusOK, views.Path(p))
}
