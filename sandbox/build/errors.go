package build

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error Build returns for a limit or a missing
// toolchain wraps one of these, so callers can pick a status with errors.Is
// while the message itself stays specific (which file, which limit).
var (
	// ErrNoToolchain means no usable Go toolchain was found (missing, or too
	// old for the guest modules).
	ErrNoToolchain = errors.New("no Go toolchain")
	// ErrSourceTooLarge means a file or the whole source exceeds a size limit.
	ErrSourceTooLarge = errors.New("source too large")
	// ErrTooManyFiles means the source has more files than allowed.
	ErrTooManyFiles = errors.New("too many source files")
	// ErrTimeout means the compiler ran longer than Options.Timeout.
	ErrTimeout = errors.New("build took too long")
	// ErrCompilerMemory means the compiler hit Options.MaxMemoryBytes.
	ErrCompilerMemory = errors.New("compiler ran out of memory")
	// ErrOutputTooLarge means the compiled module exceeds Options.MaxOutputBytes.
	ErrOutputTooLarge = errors.New("compiled module too large")
	// ErrBusy means too many builds are already waiting for a build slot.
	ErrBusy = errors.New("build queue full")
	// ErrQueueWait means the caller's context ended while the build waited
	// for a free build slot.
	ErrQueueWait = errors.New("waiting for a build slot")
)

// Diagnostic is one compiler message about the learner's source. File is the
// learner's own file name (e.g. "main.go"), or a module path inside the guest
// SDK, or "" for a message about the build as a whole. Line and Col are
// 1-based; 0 means unknown.
type Diagnostic struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	// Hint, when set, tells the learner what to do, e.g. that the AWS API
	// they used is outside the subset learnsls implements.
	Hint string `json:"hint,omitempty"`
}

// String formats the diagnostic like the Go compiler does.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// DiagnosticsError is returned when the learner's source does not compile
// (or is rejected before compiling: wrong package, cgo, bad file name). Its
// messages never contain a server path.
type DiagnosticsError struct {
	Diagnostics []Diagnostic
}

func (e *DiagnosticsError) Error() string {
	lines := make([]string, 0, len(e.Diagnostics))
	for _, d := range e.Diagnostics {
		lines = append(lines, d.String())
	}
	return "build failed:\n" + strings.Join(lines, "\n")
}

// diagErr is a shorthand for a DiagnosticsError with one diagnostic.
func diagErr(file string, line, col int, format string, args ...any) *DiagnosticsError {
	return &DiagnosticsError{Diagnostics: []Diagnostic{{File: file, Line: line, Col: col, Message: fmt.Sprintf(format, args...)}}}
}
