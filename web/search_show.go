package web

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/web/views"
)

// maxQuery bounds the search query; longer input is cut, not rejected.
const maxQuery = 200

// searchShow renders /search?q=: lessons and sections whose titles or
// headings contain every word.
func (s *Server) searchShow(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	if len(q) > maxQuery {
		q = strings.ToValidUTF8(q[:maxQuery], "")
	}
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	p := views.SearchPage{Page: s.page(c, title)}
	p.Query = q
	for _, r := range s.opts.Course.Search(q) {
		p.Results = append(p.Results, views.SearchResult{
			Title: r.Lesson.Title, Heading: r.Heading, PathTitle: r.Lesson.Path.Title, URL: r.URL, Snippet: r.Snippet,
		})
	}
	return render(c, http.StatusOK, views.Search(p))
}
