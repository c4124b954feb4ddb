package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/dynamodb"
	"github.com/learnsls/learnsls/web/views"
)

// playgroundTableShow is one DynamoDB table of the learner's own playground
// of this exercise: its keys, item count and a page of items.
// ?cursor= is the scan cursor of the page (from the "next page" link),
// ?format=plain shows plain JSON instead of DynamoDB JSON. Another
// learner's playground, or a table the stack lacks, is a 404.
func (s *Server) playgroundTableShow(c echo.Context) error {
	l, ex, err := s.exerciseFor(c)
	if err != nil {
		return err
	}
	key := lessonKey(l)
	if s.pg == nil || !playable(ex) {
		return fmt.Errorf("playground table of %s: %w", key, lessons.ErrNotFound)
	}
	pl := s.pg.of(learnerID(c))
	if pl == nil || pl.key != key {
		return fmt.Errorf("playground table of %s: no playground: %w", key, lessons.ErrNotFound)
	}
	// In flight, so a concurrent redeploy waits for this read before
	// closing the stack.
	_, done, ok := s.pg.acquire(pl.secret)
	if !ok {
		return fmt.Errorf("playground table of %s: replaced: %w", key, lessons.ErrNotFound)
	}
	defer done()
	name := c.Param("table")
	exURL := s.exerciseURL(l)
	t, err := s.playgroundTable(pl.stack, exURL, name, c.QueryParam("cursor"), c.QueryParam("format") == "plain")
	switch {
	case errors.Is(err, dynamodb.ErrNotFound):
		return fmt.Errorf("playground table %s of %s: %w", name, key, lessons.ErrNotFound)
	case err != nil && c.QueryParam("cursor") != "":
		// A hand-edited cursor: not JSON, or not a key of this table.
		msg := "this page address does not point into table " + name
		var de *dynamodb.Error
		if errors.As(err, &de) {
			msg += " (" + de.Message + ")"
		}
		return echo.NewHTTPError(http.StatusBadRequest, msg+"; start again from the first page of the table.")
	case err != nil:
		return err
	}
	page := views.PlaygroundTablePage{
		Page:          s.page(c, "Table "+name+" · "+l.Title),
		ExerciseTitle: l.Title,
		ExerciseURL:   exURL,
		ExerciseCSS:   s.StaticURL("exercise.css"),
		Table:         t,
	}
	return render(c, http.StatusOK, views.PlaygroundTablePageView(page))
}
