// Package lessons loads a course (paths of lessons, each optionally with an
// exercise) from an fs.FS, validates it, and renders its Markdown to HTML once
// at load time so serving a lesson costs nothing but a copy.
//
// The on-disk format is documented for instructors in content/README.md.
package lessons

import "html/template"

// Course is a whole loaded, validated and rendered course.
type Course struct {
	Paths []*Path
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
	Dir      string            // "00-foundations/02-regions/exercise"
	Files    []string          // files the learner edits, e.g. ["main.go"]
	ReadOnly []string          // files shown read-only, e.g. ["template.yaml"]
	Starter  map[string][]byte // name -> content from starter/
	Solution map[string][]byte // name -> content from solution/
	Template []byte            // template.yaml, nil if absent
	Checks   []byte            // raw checks.yaml; parsed by lessons/grade
	Hints    []template.HTML   // hints.md split on level-2 headings, rendered
	Settings map[string]any    // free-form settings from exercise.yaml
}
