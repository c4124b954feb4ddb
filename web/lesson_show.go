package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/web/views"
)

// lessonShow renders a lesson (its HTML was rendered at course load) and
// records the visit so the home page can offer to resume here.
func (s *Server) lessonShow(c echo.Context) error {
	l, err := s.opts.Course.Lesson(c.Param("path"), c.Param("lesson"))
	if err != nil {
		return fmt.Errorf("show lesson: %w", err)
	}
	ctx := c.Request().Context()
	learner := learnerID(c)
	key := lessonKey(l)
	done, err := s.opts.Store.IsDone(ctx, learner, key)
	if err != nil {
		return fmt.Errorf("show lesson %s: %w", key, err)
	}
	// Reloading the lesson that is already the resume point (as after
	// "Mark as done") needs no write: reads in WAL mode never wait, writes may.
	if last, err := s.opts.Store.LastVisited(ctx, learner); err != nil || last.LessonKey != key {
		if err := s.opts.Store.RecordVisit(ctx, learner, key); err != nil {
			return fmt.Errorf("show lesson %s: %w", key, err)
		}
	}
	p := views.LessonPage{
		Page:        s.page(c, l.Title),
		PathTitle:   l.Path.Title,
		PathURL:     l.Path.URL(),
		Title:       l.Title,
		Summary:     l.Summary,
		Minutes:     l.Minutes,
		Objectives:  l.Objectives,
		HTML:        l.HTML,
		Done:        done,
		CSRFToken:   csrfToken(c),
		ActionURL:   l.URL(),
		Prev:        link(l.Prev),
		Next:        link(l.Next),
		ExerciseURL: s.exerciseURL(l),
	}
	for _, h := range l.Headings {
		if h.Level == 2 && h.ID != "" {
			p.Contents = append(p.Contents, views.Heading{ID: h.ID, Text: h.Text})
		}
	}
	return render(c, http.StatusOK, views.Lesson(p))
}

// exerciseURL is the address of a lesson's exercise page, or "" when the
// lesson has none or this server grades nothing.
func (s *Server) exerciseURL(l *lessons.Lesson) string {
	if l.Exercise == nil || s.ex == nil {
		return ""
	}
	return l.URL() + "/exercise"
}
