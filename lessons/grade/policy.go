package grade

import (
	"fmt"
	"sort"
	"strings"

	"github.com/learnsls/learnsls/lessons"
)

func (g *Grader) gradePolicy(v *Verdict, ex *lessons.Exercise, checks []*Check, files map[string][]byte) error {
	if g.Policies == nil {
		return fmt.Errorf("grade %s: %w", ex.Dir, errNoEngine)
	}
	engine, err := policyEngineFor(g.Policies, ex)
	if err != nil {
		return fmt.Errorf("grade %s: %w", ex.Dir, err)
	}
	name, policy, err := learnerFile(ex, files)
	if err != nil {
		return err
	}
	if len(strings.TrimSpace(string(policy))) == 0 {
		v.Problem = name + " is empty: write a policy document, then run the checks."
		return nil
	}
	findings, err := engine.Findings(policy)
	if err != nil {
		// A policy that does not parse is the learner's diagnostic, like a compile error.
		v.Diagnostics = []Diagnostic{policyDiagnostic(name, err)}
		return nil
	}
	for _, f := range findings {
		if f.Severity == "ERROR" {
			v.Diagnostics = append(v.Diagnostics, Diagnostic{File: name, Line: f.Line, Col: f.Col, Message: fmt.Sprintf("%s: %s", f.Code, f.Message)})
		}
	}
	if len(v.Diagnostics) > 0 {
		return nil
	}
	for _, c := range checks {
		res := CheckResult{Name: c.Name, Hidden: c.Hidden, Passed: true}
		var fails []string
		if c.Policy != nil {
			d, why, err := engine.Evaluate(policy, *c.Policy)
			if err != nil {
				return fmt.Errorf("check %q: %w", c.Name, err)
			}
			if d != c.Expect.Decision {
				fails = append(fails, fmt.Sprintf("%s on %s: expected %s, got %s\n%s", c.Policy.Action, c.Policy.Resource, c.Expect.Decision, d, why))
				res.Expected, res.Actual = c.Expect.Decision, d
			}
		}
		for _, row := range c.Matrix {
			d, why, err := engine.Evaluate(policy, row.PolicyRequest)
			if err != nil {
				return fmt.Errorf("check %q: %w", c.Name, err)
			}
			if (d == "allowed") != row.Allow {
				want := "denied"
				if row.Allow {
					want = "allowed"
				}
				fails = append(fails, fmt.Sprintf("%s should be %s but is %s\n%s", describeRequest(row.PolicyRequest), want, d, why))
			}
		}
		if fe := c.Expect.Findings; fe != nil {
			fails = append(fails, checkFindings(fe, findings)...)
		}
		if len(fails) > 0 {
			res.Passed = false
			res.Message = c.Message
			res.Failure = strings.Join(fails, "\n")
		}
		v.Checks = append(v.Checks, res)
	}
	return nil
}

// policyEngineFor returns the engine for an exercise's policyType setting;
// an engine that is not a PolicyTyper grades identity policies only.
func policyEngineFor(e PolicyEngine, ex *lessons.Exercise) (PolicyEngine, error) {
	raw, set := ex.Settings[PolicyTypeSetting]
	if !set {
		return e, nil
	}
	typ, ok := raw.(string)
	if !ok {
		return nil, fmt.Errorf("setting %s must be text (identity or resource), not %v", PolicyTypeSetting, raw)
	}
	t, ok := e.(PolicyTyper)
	if !ok {
		if typ == "identity" {
			return e, nil
		}
		return nil, fmt.Errorf("setting %s: %q: the policy engine grades identity policies only", PolicyTypeSetting, typ)
	}
	return t.ForType(typ)
}

// describeRequest names a matrix row's request for a failure message: who
// (when the check names a principal), what, on what, and its context keys.
func describeRequest(r PolicyRequest) string {
	s := r.Action + " on " + r.Resource
	if r.Principal != "" {
		s = r.Principal + ": " + s
	}
	if len(r.Context) > 0 {
		keys := make([]string, 0, len(r.Context))
		for k := range r.Context {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + r.Context[k]
		}
		s += " (" + strings.Join(parts, ", ") + ")"
	} else if r.Principal != "" {
		s += " (no context keys)"
	}
	return s
}

func checkFindings(fe *FindingsExpect, findings []Finding) []string {
	var fails []string
	for _, code := range fe.Expect {
		found := false
		for _, f := range findings {
			if f.Code == code {
				found = true
			}
		}
		if !found {
			fails = append(fails, "expected the finding "+code+", which the policy does not produce")
		}
	}
	for _, bad := range fe.Forbid {
		for _, f := range findings {
			if f.Code == bad || f.Severity == bad {
				fails = append(fails, fmt.Sprintf("finding %s (%s) at %s: %s", f.Code, f.Severity, f.Path, f.Message))
			}
		}
	}
	return fails
}

// policyDiagnostic turns a parse error into a diagnostic; errors that carry
// a position ("line 3, column 7" or "3:7:") keep it.
func policyDiagnostic(file string, err error) Diagnostic {
	d := Diagnostic{File: file, Message: err.Error()}
	var line, col int
	if n, _ := fmt.Sscanf(err.Error(), "line %d, column %d", &line, &col); n == 2 {
		d.Line, d.Col = line, col
	}
	return d
}

func (g *Grader) gradePattern(v *Verdict, ex *lessons.Exercise, checks []*Check, files map[string][]byte) error {
	if g.Patterns == nil {
		return fmt.Errorf("grade %s: %w", ex.Dir, errNoEngine)
	}
	name, pattern, err := learnerFile(ex, files)
	if err != nil {
		return err
	}
	for _, c := range checks {
		ev, err := nodeValue(&c.Event)
		if err != nil {
			return fmt.Errorf("check %q: event: %w", c.Name, err)
		}
		event := []byte(compactJSONFull(ev))
		matched, why, err := g.Patterns.Match(pattern, event)
		if err != nil {
			v.Diagnostics = []Diagnostic{policyDiagnostic(name, err)}
			v.Checks = nil
			return nil
		}
		res := CheckResult{Name: c.Name, Hidden: c.Hidden, Passed: matched == *c.Expect.Matches}
		if !res.Passed {
			res.Message = c.Message
			verb := "matched"
			if !matched {
				verb = "did not match"
			}
			res.Failure = fmt.Sprintf("your pattern %s this event: %s", verb, why)
			res.Actual = prettyJSON(ev)
		}
		v.Checks = append(v.Checks, res)
	}
	return nil
}
