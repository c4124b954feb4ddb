package views

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/learnsls/learnsls/lessons/grade"
)

// EditorFile is one file shown in the exercise editor.
type EditorFile struct {
	Name     string
	Lang     string // go, yaml, json or "" for plain text
	Content  string
	ReadOnly bool
}

// QuizQuestion is a quiz question with the learner's current answer.
type QuizQuestion struct {
	grade.Question
	Selected map[string]bool // choices picked
	Text     string          // a short text answer
}

// ExercisePage is a lesson's exercise: the prose beside an editor, the
// checks' results and the ways to get unstuck.
type ExercisePage struct {
	Page
	PathTitle   string
	PathURL     string
	LessonTitle string
	LessonURL   string
	LessonHTML  template.HTML
	Title       string
	Kind        string
	Files       []EditorFile // editable
	ReadOnly    []EditorFile // template, sample events, …
	Questions   []QuizQuestion
	Hints       []template.HTML
	Solution    []EditorFile // offered after a pass or several failed attempts
	Passed      bool         // passed before
	Attempts    int          // failed submissions so far
	Verdict     *grade.Verdict
	Error       string // why grading could not run (queue full, rate limit, …)
	CSRFToken   string
	ActionURL   string // the no-JavaScript form posts here
	GradeURL    string // the streaming grader the script uses
	DraftURL    string
	ResetURL    string
	EditorJS    string
	ExerciseJS  string
	ExerciseCSS string
	DraftSaved  string // when the draft was last saved, for the status line
	StyleNonce  string // lets the editor add its <style> under the page's CSP

	// PlaygroundURL is where the "Deploy to my playground" button posts;
	// empty when this exercise has no playground.
	PlaygroundURL string
	// Playground is the learner's playground of this exercise, or the
	// outcome of a failed deploy; nil before the first deploy.
	Playground *PlaygroundPanel
	// PlaygroundElsewhere is the exercise key the learner's playground
	// runs when it is not this one (deploying here replaces it).
	PlaygroundElsewhere string
}

// PlaygroundPanel shows a learner's playground: where to call it, and what
// its functions logged.
type PlaygroundPanel struct {
	DeployedAt string // local time of the deploy, "15:04:05"
	APIs       []PlaygroundAPI
	Logs       []string // newest last
	RefreshURL string
	// LogsStreamURL serves new log lines as server-sent events.
	LogsStreamURL string
	Diagnostics   []grade.Diagnostic // the last deploy did not compile
	Problem       string             // the last deploy could not run

	// What the stack holds (web/playground_view.go): its tables with their
	// first page of items, its queues, the email it sent.
	Tables      []PlaygroundTable
	Queues      []PlaygroundQueue
	Outbox      []PlaygroundEmail // newest first, at most a few
	OutboxTotal int               // every email sent
}

// PlaygroundAPI is one API of a playground.
type PlaygroundAPI struct {
	Name string // logical ID in the template
	URL  string // the local invoke URL, with stage
	Curl string // a ready-to-copy command for its first route
}

func passedCount(v *grade.Verdict) string {
	p, _ := v.Counts()
	return strconv.Itoa(p)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// isFrame marks Lambda's own log lines (START, END, REPORT, INIT_START).
func isFrame(line string) bool {
	for _, p := range []string{"START RequestId:", "END RequestId:", "REPORT RequestId:", "INIT_START"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}
