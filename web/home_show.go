package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/web/views"
)

// homeShow renders the course overview with the learner's progress and a
// link to resume where they left off.
func (s *Server) homeShow(c echo.Context) error {
	ctx := c.Request().Context()
	learner := learnerID(c)
	done, err := s.opts.Store.Progress(ctx, learner)
	if err != nil {
		return fmt.Errorf("home: %w", err)
	}
	passed, err := s.passedExercises(ctx, learner)
	if err != nil {
		return fmt.Errorf("home: %w", err)
	}
	p := views.HomePage{Page: s.page(c, "")}
	p.MainIsWide = true
	for _, path := range s.opts.Course.Paths {
		sum := views.PathSummary{Title: path.Title, Summary: path.Summary, URL: path.URL(),
			Lessons: len(path.Lessons), Minutes: path.Minutes()}
		for _, l := range path.Lessons {
			if _, ok := done[lessonKey(l)]; ok {
				sum.Done++
			}
			switch s.exerciseStatus(l, passed) {
			case "passed":
				sum.ExercisesPassed++
				sum.Exercises++
			case "open":
				sum.Exercises++
			}
		}
		p.Paths = append(p.Paths, sum)
	}
	visit, err := s.opts.Store.LastVisited(ctx, learner)
	switch {
	case err == nil:
		// The lesson may have gone from the course since; then offer the start.
		if l := s.lessonByKey(visit.LessonKey); l != nil {
			p.Resume = link(l)
		}
	case !errors.Is(err, db.ErrNotFound):
		return fmt.Errorf("home: %w", err)
	}
	if p.Resume == nil {
		if all := s.opts.Course.Lessons(); len(all) > 0 {
			p.Start = link(all[0])
		}
	}
	return render(c, http.StatusOK, views.Home(p))
}

// lessonKey is how progress names a lesson: "path-slug/lesson-slug".
func lessonKey(l *lessons.Lesson) string { return l.Path.Slug + "/" + l.Slug }

// lessonByKey finds a lesson by its progress key, or nil.
func (s *Server) lessonByKey(key string) *lessons.Lesson {
	path, lesson, ok := strings.Cut(key, "/")
	if !ok {
		return nil
	}
	l, err := s.opts.Course.Lesson(path, lesson)
	if err != nil {
		return nil
	}
	return l
}

// link makes a LessonLink, or nil for no lesson.
func link(l *lessons.Lesson) *views.LessonLink {
	if l == nil {
		return nil
	}
	return &views.LessonLink{Title: l.Title, URL: l.URL(), PathTitle: l.Path.Title}
}
