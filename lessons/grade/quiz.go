package grade

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// answer is a parsed quiz answer: one choice, a set of choices that must all
// be picked (and nothing else), or a pattern for a short text answer.
type answer struct {
	all []string
	re  *regexp.Regexp
}

func parseAnswer(n *yaml.Node, choices []string) (*answer, error) {
	has := func(s string) bool {
		if len(choices) == 0 {
			return true
		}
		for _, c := range choices {
			if c == s {
				return true
			}
		}
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if !has(n.Value) {
			return nil, fmt.Errorf("answer %q is not one of the choices", n.Value)
		}
		return &answer{all: []string{n.Value}}, nil
	case yaml.SequenceNode:
		var all []string
		if err := n.Decode(&all); err != nil {
			return nil, fmt.Errorf("answer list: %v", err)
		}
		for _, a := range all {
			if !has(a) {
				return nil, fmt.Errorf("answer %q is not one of the choices", a)
			}
		}
		return &answer{all: all}, nil
	case yaml.MappingNode:
		var m struct {
			Regexp string `yaml:"regexp"`
		}
		if err := n.Decode(&m); err != nil || m.Regexp == "" {
			return nil, fmt.Errorf("a text answer is written {regexp: \"…\"}")
		}
		re, err := regexp.Compile("(?i)" + m.Regexp)
		if err != nil {
			return nil, fmt.Errorf("answer regexp: %v", err)
		}
		return &answer{re: re}, nil
	}
	return nil, fmt.Errorf("answer must be a choice, a list of choices or {regexp: …}")
}

// Question is a quiz question as shown to the learner: no answer.
type Question struct {
	Name     string   `json:"name"`
	Prompt   string   `json:"prompt"`
	Choices  []string `json:"choices,omitempty"` // empty for a short text answer
	Multiple bool     `json:"multiple"`          // pick all that apply
}

// Questions lists a quiz's questions for display, without answers.
func Questions(checks []byte, file string) ([]Question, error) {
	spec, err := Parse(checks, file, "quiz")
	if err != nil {
		return nil, err
	}
	qs := make([]Question, 0, len(spec.Checks))
	for _, c := range spec.Checks {
		a, _ := parseAnswer(&c.Answer, c.Choices)
		qs = append(qs, Question{Name: c.Name, Prompt: c.Question, Choices: c.Choices, Multiple: a != nil && len(a.all) > 1 || c.Answer.Kind == yaml.SequenceNode})
	}
	return qs, nil
}

// QuizFile is the learner "file" of a quiz: answers.json, a JSON object from
// question name to the chosen answer (a string, or a list of strings).
const QuizFile = "answers.json"

func (g *Grader) gradeQuiz(v *Verdict, checks []*Check, files map[string][]byte) error {
	given := map[string]any{}
	if b := files[QuizFile]; len(b) > 0 {
		if err := json.Unmarshal(b, &given); err != nil {
			v.Problem = fmt.Sprintf("%s is not a JSON object of answers: %v", QuizFile, err)
			return nil
		}
	}
	for _, c := range checks {
		a, err := parseAnswer(&c.Answer, c.Choices)
		if err != nil {
			return fmt.Errorf("quiz %q: %w", c.Name, err)
		}
		res := CheckResult{Name: c.Name, Hidden: c.Hidden}
		picked := asStrings(given[c.Name])
		switch {
		case len(picked) == 0:
			res.Failure = "not answered yet"
		case a.re != nil:
			res.Passed = len(picked) == 1 && a.re.MatchString(strings.TrimSpace(picked[0]))
		default:
			res.Passed = sameSet(picked, a.all)
		}
		if !res.Passed {
			res.Message = c.Message
			if res.Failure == "" {
				res.Failure = "you answered: " + strings.Join(picked, ", ")
			}
		}
		v.Checks = append(v.Checks, res)
	}
	return nil
}

func asStrings(v any) []string {
	switch t := v.(type) {
	case string:
		if t == "" {
			return nil
		}
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
