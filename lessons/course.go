// Package lessons loads a course (paths of lessons, each optionally with an
// exercise) from an fs.FS, validates it, and renders its Markdown to HTML once
// at load time so serving a lesson costs nothing but a copy.
//
// The on-disk format is documented for instructors in content/README.md.
//
// Design notes:
//   - Load collects every problem (file:line, message, hint) instead of
//     stopping at the first, so `learnsls check` reports a course in one pass.
//   - Rendering happens once, at load: pages are served from Lesson.HTML.
//     Raw HTML in Markdown is rejected and code is highlighted with CSS
//     classes (HighlightCSS), so pages satisfy a CSP without inline styles.
//   - Go code is tokenised with go/scanner rather than chroma's regular
//     expression lexer, which dominated Load (78 ms → 9 ms on the seed
//     course); other languages come from a closed list of chroma lexers.
//   - Links between lessons are written as relative folder links, which also
//     work when browsing the course on GitHub, and rewritten to /learn/ URLs.
package lessons

import "html/template"

// Course is a whole loaded, validated and rendered course.
type Course struct {
	Paths []*Path

	lessons  []*Lesson        // every lesson in course order
	bySlug   map[string]*Path // path slug -> path
	assets   map[string]asset // "pathslug/lessonslug/name" -> asset
	sections []searchSection  // search index, built at load
}

// Path is one learning path (a top-level folder such as 00-foundations).
type Path struct {
	Slug     string // "foundations" (folder name without its NN- prefix)
	Dir      string // folder in the course FS, "00-foundations"
	Title    string
	Summary  string
	Outcomes []string      // what the learner can do at the end
	Intro    template.HTML // rendered body of path.md
	Lessons  []*Lesson
}

// Lesson is one lesson folder with its rendered prose.
type Lesson struct {
	Path       *Path
	Slug       string // "what-serverless-means"
	Dir        string // "00-foundations/01-what-serverless-means"
	Title      string
	Summary    string
	Minutes    int
	Objectives []string
	HTML       template.HTML // rendered once at load
	Headings   []Heading     // for the table of contents and search
	Exercise   *Exercise     // nil when the lesson has none
	Prev, Next *Lesson       // across paths, in course order

	// Snippets are the fenced code blocks of the lesson in order. Blocks
	// whose info string is "go compile" have Compile set; a test builds
	// each of them against the guest SDK.
	Snippets []Snippet
	// Assets are the names (relative to the lesson folder, e.g.
	// "diagram.svg" or "images/flow.svg") of the files served beside the
	// lesson at /learn/<path>/<lesson>/<name>.
	Assets []string
}

// URL is the lesson page's address, /learn/<path-slug>/<lesson-slug>.
func (l *Lesson) URL() string { return "/learn/" + l.Path.Slug + "/" + l.Slug }

// Minutes is the estimated time of all of a path's lessons.
func (p *Path) Minutes() int {
	n := 0
	for _, l := range p.Lessons {
		n += l.Minutes
	}
	return n
}

// URL is the path page's address, /learn/<path-slug>.
func (p *Path) URL() string { return "/learn/" + p.Slug }

// Snippet is one fenced code block of a lesson.
type Snippet struct {
	Lang    string // first word of the info string, "go"
	Code    string // the block's text, ending in a newline
	File    string // "00-foundations/01-what-serverless-means/lesson.md"
	Line    int    // line of the block's first code line in File
	Compile bool   // info string "go compile": must build against the guest SDK
}

// Heading is a heading of a lesson with its anchor id.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Exercise kinds.
const (
	KindHandler  = "handler"
	KindPolicy   = "policy"
	KindTemplate = "template"
	KindPattern  = "pattern"
	KindQuiz     = "quiz"
)

// Exercise is a lesson's graded exercise (the exercise/ folder).
type Exercise struct {
	Lesson   *Lesson
	Kind     string
	Title    string            // exercise.yaml title, else the lesson's title
	Dir      string            // "00-foundations/02-regions/exercise"
	Files    []string          // files the learner edits, e.g. ["main.go"]
	ReadOnly []string          // files shown read-only, e.g. ["template.yaml"]
	Starter  map[string][]byte // name -> content from starter/
	Solution map[string][]byte // name -> content from solution/
	Template []byte            // template.yaml, nil if absent
	Checks   []byte            // raw checks.yaml; parsed by lessons/grade
	Hints    []template.HTML   // hints.md split on level-2 headings, rendered
	Settings map[string]any    // free-form settings from exercise.yaml

	// ReadOnlyContent maps each ReadOnly name to its content (from the
	// exercise folder), for pages that show them beside the editor.
	ReadOnlyContent map[string][]byte

	fileLines map[string]int // exercise.yaml line naming each file, for problems
}
