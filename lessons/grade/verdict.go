package grade

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Mode says which checks run: Run runs the visible ones while the learner
// works; Submit runs all of them and its verdict is recorded.
type Mode int

const (
	Run Mode = iota
	Submit
)

func (m Mode) String() string {
	if m == Submit {
		return "submit"
	}
	return "run"
}

// Verdict is the outcome of grading one attempt.
type Verdict struct {
	Exercise string        `json:"exercise"`
	Mode     string        `json:"mode"`
	Passed   bool          `json:"passed"`
	Checks   []CheckResult `json:"checks"`
	// Diagnostics are compiler errors: no check ran, and the attempt does
	// not count as a failed one.
	Diagnostics []Diagnostic  `json:"diagnostics,omitempty"`
	Problem     string        `json:"problem,omitempty"` // a learner-facing reason grading could not run
	Duration    time.Duration `json:"durationNs"`
}

// Compiled reports whether the attempt got as far as running checks.
func (v *Verdict) Compiled() bool { return len(v.Diagnostics) == 0 && v.Problem == "" }

// Diagnostic is a compiler or parser message at a position in a learner file.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

func (d Diagnostic) String() string {
	if d.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Col, d.Message)
	}
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Message)
	}
	return fmt.Sprintf("%s: %s", d.File, d.Message)
}

// CheckResult is one check's outcome with what the learner needs to fix it.
type CheckResult struct {
	Name      string            `json:"name"`
	Hidden    bool              `json:"hidden"`
	Passed    bool              `json:"passed"`
	Message   string            `json:"message,omitempty"` // the check's teaching message, on failure
	Failure   string            `json:"failure,omitempty"` // what was observed, on failure
	Expected  string            `json:"expected,omitempty"`
	Actual    string            `json:"actual,omitempty"`
	Diff      string            `json:"diff,omitempty"`
	Logs      []string          `json:"logs,omitempty"`
	Exchanges []Exchange        `json:"exchanges,omitempty"`
	Tables    map[string]string `json:"tables,omitempty"` // table name -> items as JSON
	Duration  time.Duration     `json:"durationNs"`
}

// Exchange is one request or invocation a check made, as the learner sees it.
type Exchange struct {
	Kind          string            `json:"kind"` // "http" or "invoke"
	Method        string            `json:"method,omitempty"`
	Path          string            `json:"path,omitempty"`
	Function      string            `json:"function,omitempty"`
	Request       string            `json:"request,omitempty"`
	Status        int               `json:"status,omitempty"`
	Headers       map[string]string `json:"headers,omitempty"`
	Response      string            `json:"response,omitempty"`
	FunctionError string            `json:"functionError,omitempty"`
}

// redact removes what a hidden check must not reveal: its inputs and the
// expected values. The learner still sees its name, whether it passed and
// its message. Its logs go too: they echo the hidden inputs.
func (r *CheckResult) redact() {
	r.Expected, r.Actual, r.Diff = "", "", ""
	r.Exchanges, r.Tables, r.Logs = nil, nil, nil
	if !r.Passed {
		r.Failure = "this check is hidden; its message says what it looks for"
	}
}

// Counts returns how many checks passed and ran.
func (v *Verdict) Counts() (passed, total int) {
	for _, c := range v.Checks {
		if c.Passed {
			passed++
		}
	}
	return passed, len(v.Checks)
}

// WriteText renders a verdict for a terminal. With colour, passes are green
// and failures red (ANSI escapes).
func (v *Verdict) WriteText(w io.Writer, colour bool) {
	paint := func(code, s string) string {
		if !colour {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	if len(v.Diagnostics) > 0 {
		fmt.Fprintln(w, paint("31", "Your code does not compile:"))
		for _, d := range v.Diagnostics {
			fmt.Fprintln(w, "  "+d.String())
		}
		return
	}
	if v.Problem != "" {
		fmt.Fprintln(w, paint("31", "Could not grade: ")+v.Problem)
		return
	}
	for _, c := range v.Checks {
		mark := paint("32", "PASS")
		if !c.Passed {
			mark = paint("31", "FAIL")
		}
		name := c.Name
		if c.Hidden {
			name += " (hidden)"
		}
		fmt.Fprintf(w, "%s  %s\n", mark, name)
		if c.Passed {
			continue
		}
		if c.Message != "" {
			fmt.Fprintln(w, indent(c.Message, "      "))
		}
		if c.Failure != "" {
			fmt.Fprintln(w, indent(c.Failure, "      "))
		}
		if c.Diff != "" {
			fmt.Fprintln(w, "      expected (-) vs actual (+):")
			fmt.Fprintln(w, indent(c.Diff, "        "))
		}
		for _, l := range lastN(c.Logs, 20) {
			fmt.Fprintln(w, "      | "+l)
		}
	}
	p, t := v.Counts()
	summary := fmt.Sprintf("%d of %d checks passed", p, t)
	if v.Passed {
		fmt.Fprintln(w, paint("32", summary+" — well done!"))
	} else {
		fmt.Fprintln(w, paint("31", summary))
	}
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}

func lastN(s []string, n int) []string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
