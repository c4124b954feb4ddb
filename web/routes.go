package web

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// routes registers every route and middleware of the app, in one place.
//
// URLs are part of the course's contract (lessons link to each other by
// them): / home, /learn/<path> path page, /learn/<path>/<lesson> lesson page,
// /learn/<path>/<lesson>/<file> lesson assets, /search?q=, /healthz, /static/,
// /_aws/<secret>/<api-id>/<stage>/… a learner's playground APIs.
func (s *Server) routes() {
	e := s.echo
	// Pre-routing: /learn/x/ and /learn/x are the same page.
	// Playground APIs keep their paths as sent: "/Prod/" is not "/Prod".
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{
		RedirectCode: 301,
		Skipper:      func(c echo.Context) bool { return isPlaygroundAPI(c.Request().URL.Path) },
	}))

	e.Use(middleware.RequestID()) // X-Request-Id, in logs and on the 500 page
	e.Use(s.logRequests())
	e.Use(s.recoverPanics) // inside the logger, so a panicked request is logged with its 500
	e.Use(securityHeaders)
	e.Use(middleware.BodyLimit(s.opts.BodyLimit))
	e.Use(s.csrf())
	e.Use(s.identify)

	e.GET("/", s.homeShow)
	e.GET("/learn/:path", s.pathShow)
	e.GET("/learn/:path/:lesson", s.lessonShow)
	e.POST("/learn/:path/:lesson", s.lessonProgress)
	e.GET("/learn/:path/:lesson/*", s.lessonAsset)
	e.GET("/search", s.searchShow)
	e.GET("/docs/guest-sdk", s.docsGuestSDK)
	e.GET("/healthz", s.healthz)
	e.HEAD("/healthz", s.healthz) // some load balancers probe with HEAD
	e.GET("/static/*", s.staticServe)

	// Exercises (web/exercise_*.go). A static segment wins over the asset
	// route's wildcard in echo's router.
	e.GET("/learn/:path/:lesson/exercise", s.exerciseShow)
	e.POST("/learn/:path/:lesson/exercise", s.exerciseGrade)
	e.POST("/learn/:path/:lesson/exercise/grade", s.exerciseStream)
	e.POST("/learn/:path/:lesson/exercise/draft", s.exerciseDraft)
	e.POST("/learn/:path/:lesson/exercise/reset", s.exerciseReset)

	// Playgrounds (web/playground*.go): a learner's own deployment of an
	// exercise, its APIs served at /_aws/<secret>/<api-id>/<stage>/… for curl.
	e.POST("/learn/:path/:lesson/exercise/playground", s.playgroundDeploy)
	e.GET("/learn/:path/:lesson/exercise/playground/logs", s.playgroundLogs)
	e.GET("/learn/:path/:lesson/exercise/playground/tables/:table", s.playgroundTableShow)
	e.Any("/_aws/:secret", s.playgroundAPI)
	e.Any("/_aws/:secret/*", s.playgroundAPI)
}
