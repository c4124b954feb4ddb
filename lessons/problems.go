package lessons

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrNotFound is returned (wrapped) when a path, lesson or asset does not
// exist. Test for it with errors.Is.
var ErrNotFound = errors.New("not found")

// Problem is one thing wrong with a course, located in a file of the
// course FS. Line is 1-based; 0 means the problem concerns the whole file
// or folder.
type Problem struct {
	File string // "00-foundations/01-what-serverless-means/lesson.md"
	Line int
	Msg  string // what is wrong
	Hint string // what to do about it; may be empty
}

// String formats the problem as "file:line: message (hint: …)".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// ValidationError lists every problem Load found in a course. Load reports
// all of them at once so an author can fix a course in one pass.
type ValidationError struct {
	Problems []Problem // sorted by file, then line
}

// Error returns one problem per line.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects problems while a course loads.
type problems struct {
	list []Problem
}

func (ps *problems) add(file string, line int, hint, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// err returns nil when nothing was collected, else a *ValidationError with
// the problems in a stable order.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), ps.list...)
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].File != list[j].File {
			return list[i].File < list[j].File
		}
		return list[i].Line < list[j].Line
	})
	return &ValidationError{Problems: list}
}
