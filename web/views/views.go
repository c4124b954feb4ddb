// Package views holds the templ components of the learnsls web app and the
// plain data each page is rendered from. Handlers in package web fill these
// structs; components never reach the database or the course themselves.
//
// Components write no inline script and no style attribute: the site's
// Content-Security-Policy forbids both. Edit the .templ files and run
// `go tool templ generate` (the generated *_templ.go files are committed).
package views

//go:generate go tool templ generate

import "html/template"

// Page is what every page's layout needs.
type Page struct {
	Title      string // page title, without the site name
	SiteName   string // "learnsls" or an instructor's course name
	Assets     Assets
	Status     []StatusLine // banner lines; none means no banner
	Query      string       // search box contents
	Version    string       // shown in the footer
	MainIsWide bool         // home page uses a wider column
}

// Assets are the versioned URLs of the static files a page links to.
type Assets struct {
	AppCSS       string
	HighlightCSS string
	ThemeJS      string
	Icon         string
}

// StatusLine is one line of the status banner, e.g. the progress of
// warming the Go build cache at start.
type StatusLine struct {
	Text    string
	Problem bool // shown emphasised: something needs the learner's attention
	Done    int  // with Total > 0, shown as a progress bar
	Total   int
}

// LessonLink names a lesson to link to.
type LessonLink struct {
	Title     string
	URL       string
	PathTitle string
}

// PathSummary is one path on the home page.
type PathSummary struct {
	Title           string
	Summary         string
	URL             string
	Lessons         int
	Done            int
	Minutes         int
	Exercises       int // how many lessons have an exercise
	ExercisesPassed int
}

// HomePage is the course overview.
type HomePage struct {
	Page
	Paths  []PathSummary
	Resume *LessonLink // last lesson visited; nil before the first visit
	Start  *LessonLink // first lesson of the course, offered when Resume is nil
}

// LessonRow is one lesson in a path's list.
type LessonRow struct {
	Title    string
	Summary  string
	URL      string
	Minutes  int
	Done     bool
	Exercise string // "" (none), "open" or "passed"
}

// PathPage lists one path's lessons.
type PathPage struct {
	Page
	Title    string
	Summary  string
	Intro    template.HTML
	Outcomes []string
	Lessons  []LessonRow
	Done     int
	Minutes  int
	Continue *LessonLink // first lesson not done yet; nil when none or all are done
}

// LessonPage is one lesson.
type LessonPage struct {
	Page
	PathTitle   string
	PathURL     string
	Title       string
	Summary     string
	Minutes     int
	Objectives  []string
	Contents    []Heading     // the lesson's level-2 headings, for "On this page"
	HTML        template.HTML // rendered at course load
	Done        bool
	CSRFToken   string
	ActionURL   string // where the "mark as done" form posts
	Prev, Next  *LessonLink
	ExerciseURL string // page of the lesson's exercise; "" when none is served
}

// Heading is a section of a lesson to link to.
type Heading struct {
	ID   string
	Text string
}

// SearchResult is one hit on the search page.
type SearchResult struct {
	Title     string // lesson title
	Heading   string // matching heading, "" for the lesson itself
	PathTitle string
	URL       string
	Snippet   string
}

// SearchPage shows the results of a search.
type SearchPage struct {
	Page
	Results []SearchResult
}

// ErrorPage explains an error to the learner.
type ErrorPage struct {
	Page
	Status    int
	Heading   string
	Message   string
	RequestID string // shown on server errors, to find the log line
}

// percent is done/total as a whole percentage, for progress labels.
func percent(done, total int) int {
	if total <= 0 {
		return 0
	}
	return done * 100 / total
}

// DocPage is a reference document.
type DocPage struct {
	Page
	Title string
	HTML  template.HTML
}
