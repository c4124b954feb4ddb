package sam

import (
	"errors"
	"fmt"
	"strings"
)

// Pos is a place in a template file, 1-based like editors show it.
type Pos struct {
	Line, Col int
}

// Error is one problem in a template, located and coded like cfn-lint
// (E3012, …) so a learner can search for the code.
type Error struct {
	File string // template file name as the learner knows it
	Pos  Pos    // zero when the problem has no single place
	Code string // cfn-lint style rule ID, e.g. "E3012"; "E0001" for SAM transform errors
	Msg  string
}

// Error formats the problem as "file:line:col: [CODE] message".
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Pos.Line, e.Pos.Col)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if e.Code != "" {
		fmt.Fprintf(&b, "[%s] ", e.Code)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one template, in file order. Validation
// keeps going after the first problem so a learner sees them all at once.
type Errors []*Error

// Error lists every problem, one per line.
func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap lets errors.As find the first *Error.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// ErrUnsupported marks features of CloudFormation that learnsls recognises but
// does not model (Fn::ImportValue, nested stacks, …).
var ErrUnsupported = errors.New("not supported in learnsls")

// errAt is a small constructor used everywhere below.
func (t *Template) errAt(path, code, format string, args ...any) *Error {
	return &Error{File: t.File, Pos: t.pos(path), Code: code, Msg: fmt.Sprintf(format, args...)}
}

// transformErr builds SAM's own wording for invalid resources, which is what
// `sam validate` prints for transform failures.
func (t *Template) transformErr(path, logicalID, format string, args ...any) *Error {
	return &Error{File: t.File, Pos: t.pos(path), Code: "E0001",
		Msg: fmt.Sprintf("Error transforming template: Resource with id [%s] is invalid. ", logicalID) + fmt.Sprintf(format, args...)}
}

func (s *state) transformErr(path, logicalID, format string, args ...any) *Error {
	return s.t.transformErr(path, logicalID, format, args...)
}
