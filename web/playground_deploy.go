package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/web/views"
)

// playgroundDeploy builds the learner's current files (posted by the
// exercise form's "Deploy to my playground" button) and deploys them as
// the learner's playground, replacing the previous one. On success it
// redirects to the exercise page, which shows the invoke URLs; code that
// does not compile comes back as the page with diagnostics, and the
// previous playground keeps running.
func (s *Server) playgroundDeploy(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	key := lessonKey(l)
	if s.pg == nil || !playable(ex) {
		return fmt.Errorf("playground of %s: %w", key, lessons.ErrNotFound)
	}
	files, err := filesFromForm(c, ex)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	learner := learnerID(c)
	ctx, cancel := context.WithTimeout(c.Request().Context(), gradeLimit)
	defer cancel()
	// Save first, as grading does, so the page after the redirect shows
	// the code that was deployed.
	if err := s.ex.store.SaveDrafts(ctx, learner, key, stringFiles(files)); err != nil {
		return fmt.Errorf("save draft of %s: %w", key, err)
	}
	problem := func(status int, msg string) error {
		p, err := s.exercisePage(c, l, ex, files, nil, "")
		if err != nil {
			return err
		}
		if p.Playground == nil {
			p.Playground = &views.PlaygroundPanel{}
		}
		p.Playground.Problem = msg
		return render(c, status, views.Exercise(p))
	}
	template, overlay, empty := playgroundSource(ex, files)
	if empty != "" {
		return problem(http.StatusUnprocessableEntity, empty)
	}
	// A deploy builds like a grading does, so it waits in the same line.
	release, err := s.ex.queue.acquire(ctx, learner, func(int) {})
	if err != nil {
		var re *rateError
		switch {
		case errors.Is(err, errBusyLearner), errors.Is(err, errQueueFull), errors.As(err, &re):
			return problem(http.StatusTooManyRequests, err.Error())
		case errors.Is(err, context.DeadlineExceeded):
			return problem(http.StatusServiceUnavailable, "the server is very busy; your draft is saved, try again in a minute")
		}
		return err
	}
	defer release()
	_, diags, err := s.pg.deploy(ctx, learner, key, template, overlay)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return problem(http.StatusServiceUnavailable, "building your code took too long and was stopped; your draft is saved")
	case errors.Is(err, errPlaygroundsClosed):
		return problem(http.StatusServiceUnavailable, err.Error())
	case err != nil:
		return err
	case diags != nil:
		p, err := s.exercisePage(c, l, ex, files, nil, "")
		if err != nil {
			return err
		}
		if p.Playground == nil {
			p.Playground = &views.PlaygroundPanel{}
		}
		p.Playground.Diagnostics = diags
		return render(c, http.StatusUnprocessableEntity, views.Exercise(p))
	}
	return c.Redirect(http.StatusSeeOther, s.exerciseURL(l)+"#playground")
}
