package iam

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// FindingType is the severity of a finding, named as IAM Access Analyzer
// names them.
type FindingType string

// Finding types, from most to least severe.
const (
	FindingError           FindingType = "ERROR"
	FindingSecurityWarning FindingType = "SECURITY_WARNING"
	FindingWarning         FindingType = "WARNING"
	FindingSuggestion      FindingType = "SUGGESTION"
)

func (t FindingType) rank() int {
	switch t {
	case FindingError:
		return 0
	case FindingSecurityWarning:
		return 1
	case FindingWarning:
		return 2
	default:
		return 3
	}
}

// Finding is one result of Validate, shaped like Access Analyzer's
// ValidatePolicy findings: a type, an issue code (the check's title in upper
// snake case), learner-facing details and where in the document it applies.
type Finding struct {
	Type      FindingType `json:"findingType"`
	IssueCode string      `json:"issueCode"`
	Details   string      `json:"findingDetails"`
	Locations []Location  `json:"locations"`
}

// Location points at an element by JSON path and by span.
type Location struct {
	Path Path `json:"path"`
	Span Span `json:"span"`
}

// PathElem is one step of a JSON path: an object key or an array index.
type PathElem struct {
	Key   string
	Index int
	IsIdx bool
}

// MarshalJSON renders the element as Access Analyzer does: {"value": k} or
// {"index": i}.
func (e PathElem) MarshalJSON() ([]byte, error) {
	if e.IsIdx {
		return []byte(`{"index":` + strconv.Itoa(e.Index) + `}`), nil
	}
	return []byte(`{"value":` + strconv.Quote(e.Key) + `}`), nil
}

// Path is a JSON path from the document root.
type Path []PathElem

// MarshalJSON renders the root path as [] rather than null.
func (p Path) MarshalJSON() ([]byte, error) {
	if len(p) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal([]PathElem(p))
}

// Key returns a copy of p extended by an object key.
func (p Path) Key(k string) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, PathElem{Key: k})
}

// Index returns a copy of p extended by an array index.
func (p Path) Index(i int) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, PathElem{Index: i, IsIdx: true})
}

// String renders the path as Statement[0].Condition.StringEquals.
func (p Path) String() string {
	var b strings.Builder
	for _, e := range p {
		if e.IsIdx {
			fmt.Fprintf(&b, "[%d]", e.Index)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e.Key)
	}
	if b.Len() == 0 {
		return "(policy)"
	}
	return b.String()
}

// Element names the element the path points at, for messages.
func (p Path) Element() string {
	if len(p) == 0 {
		return "The policy"
	}
	return p.String()
}

func (p *Policy) span(start, end int) Span {
	return Span{Start: p.pos(start), End: p.pos(end)}
}

// pos maps a byte offset to line and column with a table of line starts
// built once, so many findings on a large document stay cheap.
func (p *Policy) pos(off int) Pos {
	if p.lineStarts == nil {
		p.lineStarts = []int{0}
		for i, c := range p.src {
			if c == '\n' {
				p.lineStarts = append(p.lineStarts, i+1)
			}
		}
	}
	off = max(0, min(off, len(p.src)))
	line := sort.SearchInts(p.lineStarts, off+1) // first start > off
	return Pos{Line: line, Column: off - p.lineStarts[line-1] + 1, Offset: off}
}

func (p *Policy) finding(t FindingType, code string, n *node, path Path, details string) Finding {
	loc := Location{Path: path}
	if n != nil {
		loc.Span = p.span(n.start, n.end)
	}
	return Finding{Type: t, IssueCode: code, Details: details, Locations: []Location{loc}}
}

func syntaxFinding(e *SyntaxError) Finding {
	return Finding{
		Type:      FindingError,
		IssueCode: "JSON_SYNTAX_ERROR",
		Details:   fmt.Sprintf("The policy is not valid JSON at line %d, column %d: %s", e.Pos.Line, e.Pos.Column, e.Msg),
		Locations: []Location{{Path: Path{}, Span: Span{Start: e.Pos, End: e.Pos}}},
	}
}

// HasErrors reports whether any finding is of type ERROR.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Type == FindingError {
			return true
		}
	}
	return false
}
