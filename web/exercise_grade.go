package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
	"github.com/learnsls/learnsls/web/views"
)

// gradeLimit bounds one grading, queueing included.
const gradeLimit = 2 * time.Minute

// exerciseGrade is the no-JavaScript path: the form posts the files with
// action=run or action=submit, and the page comes back with the results.
func (s *Server) exerciseGrade(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	files, err := filesFromForm(c, ex)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	mode := modeOf(c.FormValue("action"))
	ctx, cancel := context.WithTimeout(c.Request().Context(), gradeLimit)
	defer cancel()
	v, problem, err := s.gradeAttempt(ctx, c, l, ex, files, mode, nil, nil)
	if err != nil {
		return err
	}
	p, err := s.exercisePage(c, l, ex, files, v, problem)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if problem != "" {
		status = http.StatusTooManyRequests
	}
	return render(c, status, views.Exercise(p))
}

// exerciseStream grades like exerciseGrade but answers with a stream of
// server-sent events: "queued" {position}, "progress" {stage, check, total,
// name}, then "verdict" {verdict, html} or "problem" {message}. The page's
// script reads it with fetch (EventSource cannot POST).
func (s *Server) exerciseStream(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	files, err := filesFromForm(c, ex)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	mode := modeOf(c.FormValue("action"))
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream; charset=utf-8")
	w.Header().Set(echo.HeaderCacheControl, "no-store")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, data any) {
		b, _ := json.Marshal(data)
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
		w.Flush()
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), gradeLimit)
	defer cancel()
	v, problem, err := s.gradeAttempt(ctx, c, l, ex, files, mode,
		func(p grade.Progress) { send("progress", p) },
		func(pos int) { send("queued", map[string]int{"position": pos}) })
	if err != nil {
		s.log.Error("grading failed", "exercise", ex.Dir, "err", err)
		send("problem", map[string]string{"message": "Grading failed on the server; your draft is saved. Please try again."})
		return nil
	}
	if problem != "" {
		send("problem", map[string]string{"message": problem})
		return nil
	}
	var html bytes.Buffer
	if err := views.VerdictPanel(v).Render(ctx, &html); err != nil {
		return fmt.Errorf("render verdict: %w", err)
	}
	send("verdict", map[string]any{"verdict": v, "html": html.String()})
	return nil
}

func modeOf(action string) grade.Mode {
	if action == "submit" {
		return grade.Submit
	}
	return grade.Run
}

// gradeAttempt saves the learner's files as their draft (so nothing is
// lost whatever happens next), waits for a grading slot, grades, and
// records a submitted attempt. A learner-facing reason to wait comes back as
// problem; err is for failures of the server.
func (s *Server) gradeAttempt(ctx context.Context, c echo.Context, l *lessons.Lesson, ex *lessons.Exercise, files map[string][]byte, mode grade.Mode, progress func(grade.Progress), position func(int)) (v *grade.Verdict, problem string, err error) {
	learner := learnerID(c)
	key := lessonKey(l)
	if err := s.ex.store.SaveDrafts(ctx, learner, key, stringFiles(files)); err != nil {
		return nil, "", fmt.Errorf("save draft of %s: %w", key, err)
	}
	if position == nil {
		position = func(int) {}
	}
	release, err := s.ex.queue.acquire(ctx, learner, position)
	if err != nil {
		var re *rateError
		switch {
		case errors.Is(err, errBusyLearner), errors.Is(err, errQueueFull), errors.As(err, &re):
			return nil, err.Error(), nil
		case errors.Is(err, context.DeadlineExceeded):
			return nil, "the grader is very busy; your draft is saved, try again in a minute", nil
		}
		return nil, "", err
	}
	defer release()
	v, err = s.ex.grader.Grade(ctx, ex, files, mode, progress)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, "grading took too long and was stopped; your draft is saved", nil
		}
		return nil, "", fmt.Errorf("grade %s: %w", key, err)
	}
	// Only submitted attempts that compiled count; a compile error is not
	// a failed attempt.
	if mode == grade.Submit && v.Compiled() {
		verdict, _ := json.Marshal(v)
		sub := db.Submission{LearnerID: learner, ExerciseKey: key, Files: stringFiles(files), Verdict: verdict, Passed: v.Passed, Duration: v.Duration}
		if _, err := s.ex.store.AddSubmission(ctx, sub); err != nil {
			return nil, "", fmt.Errorf("record submission of %s: %w", key, err)
		}
		if v.Passed {
			if err := s.opts.Store.MarkDone(ctx, learner, key); err != nil {
				return nil, "", fmt.Errorf("mark %s done: %w", key, err)
			}
		}
	}
	return v, "", nil
}

func stringFiles(files map[string][]byte) map[string]string {
	out := make(map[string]string, len(files))
	for k, v := range files {
		out[k] = string(v)
	}
	return out
}
