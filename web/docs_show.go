package web

import (
	"fmt"
	"html/template"
	"net/http"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/guest"
	"github.com/learnsls/learnsls/web/views"
)

// guestSDKDoc is the reference of the AWS SDK subset learners can use,
// rendered on first request (start-up stays fast).
var guestSDKDoc = sync.OnceValues(func() (template.HTML, error) {
	return lessons.RenderPage(guest.SDKDoc())
})

// docsGuestSDK serves /docs/guest-sdk, where the build's hints send a
// learner who used an AWS API outside the supported subset.
func (s *Server) docsGuestSDK(c echo.Context) error {
	html, err := guestSDKDoc()
	if err != nil {
		return fmt.Errorf("guest SDK reference: %w", err)
	}
	p := views.DocPage{Page: s.page(c, "The AWS SDK in learnsls"), Title: "The AWS SDK in learnsls", HTML: html}
	return render(c, http.StatusOK, views.Doc(p))
}
