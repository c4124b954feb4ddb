package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

// lessonProgress handles the "Mark as done" / "Mark as not done" form
// (POST /learn/<path>/<lesson>, field done=true|false) and sends the
// browser back to the lesson (post/redirect/get), so it works without JS;
// with then=next it goes on to the next lesson instead.
func (s *Server) lessonProgress(c echo.Context) error {
	l, err := s.opts.Course.Lesson(c.Param("path"), c.Param("lesson"))
	if err != nil {
		return fmt.Errorf("lesson progress: %w", err)
	}
	ctx := c.Request().Context()
	key := lessonKey(l)
	switch c.FormValue("done") {
	case "true", "":
		err = s.opts.Store.MarkDone(ctx, learnerID(c), key)
	case "false":
		err = s.opts.Store.MarkNotDone(ctx, learnerID(c), key)
	default:
		return echo.NewHTTPError(http.StatusBadRequest, `The form field "done" must be true or false.`)
	}
	if err != nil {
		return fmt.Errorf("lesson progress %s: %w", key, err)
	}
	s.log.Info("lesson progress", "lesson", key, "done", c.FormValue("done") != "false", "learner", learnerID(c))
	if c.FormValue("then") == "next" && l.Next != nil {
		return c.Redirect(http.StatusSeeOther, l.Next.URL())
	}
	return c.Redirect(http.StatusSeeOther, l.URL()+"#done-status")
}
