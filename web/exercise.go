package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
	"github.com/learnsls/learnsls/web/views"
)

// ExerciseStore is what the exercise pages need from the database, beyond
// Store. *db.DB implements it.
type ExerciseStore interface {
	SaveDrafts(ctx context.Context, learnerID int64, exerciseKey string, files map[string]string) error
	Drafts(ctx context.Context, learnerID int64, exerciseKey string) ([]db.Draft, error)
	DeleteDrafts(ctx context.Context, learnerID int64, exerciseKey string) error
	AddSubmission(ctx context.Context, s db.Submission) (int64, error)
	Submissions(ctx context.Context, learnerID int64, exerciseKey string, limit int) ([]db.Submission, error)
	Passed(ctx context.Context, learnerID int64) (map[string]bool, error)
}

var _ ExerciseStore = (*db.DB)(nil)

// solutionAfter is how many failed (compiled) submissions unlock the
// reference solution for a learner who has not passed yet.
const solutionAfter = 3

// exercises holds what the exercise pages share: the grader and its queue.
type exercises struct {
	grader *grade.Grader
	store  ExerciseStore
	queue  *gradeQueue
}

// exerciseFor finds the lesson and exercise named by the URL.
func (s *Server) exerciseFor(c echo.Context) (*lessons.Lesson, *lessons.Exercise, error) {
	l, err := s.opts.Course.Lesson(c.Param("path"), c.Param("lesson"))
	if err != nil {
		return nil, nil, fmt.Errorf("exercise: %w", err)
	}
	if l.Exercise == nil || s.ex == nil {
		return nil, nil, fmt.Errorf("exercise of %s: %w", lessonKey(l), lessons.ErrNotFound)
	}
	return l, l.Exercise, nil
}

// filesFromForm reads the learner's files from a posted form: code files
// as file:<name> fields, quiz answers as q:<question> fields (turned into
// answers.json). Names the exercise does not let a learner edit are ignored.
func filesFromForm(c echo.Context, ex *lessons.Exercise) (map[string][]byte, error) {
	form, err := c.FormParams()
	if err != nil {
		return nil, fmt.Errorf("read form: %w", err)
	}
	files := map[string][]byte{}
	if ex.Kind == lessons.KindQuiz {
		answers := map[string]any{}
		for key, vals := range form {
			name, ok := strings.CutPrefix(key, "q:")
			if !ok {
				continue
			}
			switch len(vals) {
			case 0:
			case 1:
				answers[name] = vals[0]
			default:
				answers[name] = vals
			}
		}
		b, _ := json.Marshal(answers)
		files[grade.QuizFile] = b
		return files, nil
	}
	for _, name := range ex.Files {
		if vals, ok := form["file:"+name]; ok && len(vals) > 0 {
			// Browsers send textarea newlines as CRLF.
			files[name] = []byte(strings.ReplaceAll(vals[0], "\r\n", "\n"))
		}
	}
	return files, nil
}

// langOf picks the editor mode for a file name.
func langOf(name string) string {
	switch path.Ext(name) {
	case ".go":
		return "go"
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	}
	return ""
}

// exercisePage builds the page data for a learner: their draft (or the
// starter), the hints, the solution when earned, and a verdict if given.
func (s *Server) exercisePage(c echo.Context, l *lessons.Lesson, ex *lessons.Exercise, current map[string][]byte, v *grade.Verdict, problem string) (views.ExercisePage, error) {
	ctx := c.Request().Context()
	learner := learnerID(c)
	key := lessonKey(l)
	var savedAt time.Time
	if current == nil {
		current = map[string][]byte{}
		drafts, err := s.ex.store.Drafts(ctx, learner, key)
		if err != nil {
			return views.ExercisePage{}, fmt.Errorf("exercise %s: %w", key, err)
		}
		for _, d := range drafts {
			current[d.FileName] = []byte(d.Content)
			if d.UpdatedAt.After(savedAt) {
				savedAt = d.UpdatedAt
			}
		}
	}
	passed, attempts, err := s.attempts(ctx, learner, key)
	if err != nil {
		return views.ExercisePage{}, err
	}
	if v != nil && v.Passed && v.Mode == grade.Submit.String() {
		passed = true
	}
	title := ex.Title
	if title == "" {
		title = l.Title
	}
	p := views.ExercisePage{
		Page:        s.page(c, title+" · exercise"),
		PathTitle:   l.Path.Title,
		PathURL:     l.Path.URL(),
		LessonTitle: l.Title,
		LessonURL:   l.URL(),
		LessonHTML:  l.HTML,
		Title:       title,
		Kind:        ex.Kind,
		Hints:       ex.Hints,
		Passed:      passed,
		Attempts:    attempts,
		Verdict:     v,
		Error:       problem,
		CSRFToken:   csrfToken(c),
		ActionURL:   s.exerciseURL(l),
		GradeURL:    s.exerciseURL(l) + "/grade",
		DraftURL:    s.exerciseURL(l) + "/draft",
		ResetURL:    s.exerciseURL(l) + "/reset",
		EditorJS:    s.StaticURL("editor.js"),
		ExerciseJS:  s.StaticURL("exercise.js"),
		ExerciseCSS: s.StaticURL("exercise.css"),
	}
	p.Page.MainIsWide = true
	s.fillPlayground(c, l, ex, &p)
	p.StyleNonce = allowEditorStyles(c)
	if !savedAt.IsZero() {
		p.DraftSaved = "Draft saved " + savedAt.Local().Format("15:04")
	}
	for _, name := range ex.Files {
		content, ok := current[name]
		if !ok {
			content = ex.Starter[name]
		}
		p.Files = append(p.Files, views.EditorFile{Name: name, Lang: langOf(name), Content: string(content)})
	}
	names := make([]string, 0, len(ex.ReadOnlyContent))
	for name := range ex.ReadOnlyContent {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p.ReadOnly = append(p.ReadOnly, views.EditorFile{Name: name, Lang: langOf(name), Content: string(ex.ReadOnlyContent[name]), ReadOnly: true})
	}
	// The AWS sample events the checks use, read-only, so the learner knows
	// the shape of what their function receives.
	if spec, err := grade.Parse(ex.Checks, ex.Dir+"/checks.yaml", ex.Kind); err == nil {
		for _, name := range spec.SamplesUsed() {
			p.ReadOnly = append(p.ReadOnly, views.EditorFile{Name: "events/" + name + ".json", Lang: "json", Content: string(grade.SampleEvents[name]), ReadOnly: true})
		}
	}
	if ex.Kind == lessons.KindQuiz {
		qs, err := grade.Questions(ex.Checks, ex.Dir+"/checks.yaml")
		if err != nil {
			return views.ExercisePage{}, fmt.Errorf("exercise %s: %w", key, err)
		}
		given := map[string]any{}
		json.Unmarshal(current[grade.QuizFile], &given) // a bad draft just shows no answers
		for _, q := range qs {
			qq := views.QuizQuestion{Question: q, Selected: map[string]bool{}}
			switch a := given[q.Name].(type) {
			case string:
				qq.Selected[a], qq.Text = true, a
			case []any:
				for _, e := range a {
					if s, ok := e.(string); ok {
						qq.Selected[s] = true
					}
				}
			}
			p.Questions = append(p.Questions, qq)
		}
	}
	if passed || attempts >= solutionAfter {
		for _, name := range ex.Files {
			if sol, ok := ex.Solution[name]; ok && ex.Kind != lessons.KindQuiz {
				p.Solution = append(p.Solution, views.EditorFile{Name: name, Lang: langOf(name), Content: string(sol)})
			}
		}
	}
	return p, nil
}

// attempts reports whether the learner passed the exercise and how many
// compiled submissions failed.
func (s *Server) attempts(ctx context.Context, learner int64, key string) (passed bool, failed int, err error) {
	subs, err := s.ex.store.Submissions(ctx, learner, key, 100)
	if err != nil {
		return false, 0, fmt.Errorf("submissions of %s: %w", key, err)
	}
	for _, sub := range subs {
		if sub.Passed {
			passed = true
		} else {
			failed++
		}
	}
	return passed, failed, nil
}

// allowEditorStyles lets this page's code editor add its stylesheet: the
// editor (CodeMirror) builds its CSS at run time into a <style> element,
// which the site's CSP blocks unless it carries this response's nonce.
// Scripts stay 'self' only.
func allowEditorStyles(c echo.Context) string {
	b := make([]byte, 16)
	rand.Read(b) // crypto/rand never fails on supported platforms
	nonce := base64.RawStdEncoding.EncodeToString(b)
	csp := strings.Replace(contentSecurityPolicy, "style-src 'self'", "style-src 'self' 'nonce-"+nonce+"'", 1)
	c.Response().Header().Set("Content-Security-Policy", csp)
	return nonce
}

// passedExercises returns the exercises (by lesson key) the learner passed;
// nil when this server grades nothing.
func (s *Server) passedExercises(ctx context.Context, learner int64) (map[string]bool, error) {
	if s.ex == nil {
		return nil, nil
	}
	passed, err := s.ex.store.Passed(ctx, learner)
	if err != nil {
		return nil, fmt.Errorf("passed exercises: %w", err)
	}
	return passed, nil
}

// exerciseStatus is "" for a lesson without a served exercise, else
// "passed" or "open".
func (s *Server) exerciseStatus(l *lessons.Lesson, passed map[string]bool) string {
	switch {
	case s.exerciseURL(l) == "":
		return ""
	case passed[lessonKey(l)]:
		return "passed"
	}
	return "open"
}
