package grade

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Matchers are single-key maps whose key starts with "$", usable anywhere in
// an expected JSON value:
//
//	$any: string | number | boolean | object | array | any
//	$regexp: "^Hello, .+!$"
//	$contains: "substring"
//	$range: [1, 10]          (inclusive)
//	$isoDate: true           (RFC 3339 timestamp or YYYY-MM-DD)
//	$uuid: true
//	$absent: true            (the key must not be present)
var matcherNames = map[string]bool{"$any": true, "$regexp": true, "$contains": true, "$range": true, "$isoDate": true, "$uuid": true, "$absent": true}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// nodeValue converts a YAML node into the value encoding/json would produce.
func nodeValue(n *yaml.Node) (any, error) {
	if n == nil || n.Kind == 0 {
		return nil, nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, err
	}
	return normalize(v), nil
}

// normalize turns YAML-decoded values into JSON-shaped ones (map[string]any,
// []any, float64, string, bool, nil).
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = normalize(e)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = normalize(e)
		}
		return m
	case []any:
		for i, e := range t {
			t[i] = normalize(e)
		}
		return t
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case uint64:
		return float64(t)
	case float32:
		return float64(t)
	case json.Number:
		f, _ := t.Float64()
		return f
	case time.Time:
		return t.Format(time.RFC3339Nano)
	default:
		return v
	}
}

// checkMatchers reports malformed matchers in an expected value at load time.
func checkMatchers(n *yaml.Node) error {
	v, err := nodeValue(n)
	if err != nil {
		return err
	}
	return walkMatchers(v)
}

func walkMatchers(v any) error {
	switch t := v.(type) {
	case map[string]any:
		if name, arg, ok := asMatcher(t); ok {
			return validMatcher(name, arg)
		}
		for k, e := range t {
			if strings.HasPrefix(k, "$") && len(t) > 1 && matcherNames[k] {
				return fmt.Errorf("matcher %s must be alone in its map", k)
			}
			if err := walkMatchers(e); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range t {
			if err := walkMatchers(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func asMatcher(m map[string]any) (string, any, bool) {
	if len(m) != 1 {
		return "", nil, false
	}
	for k, v := range m {
		if strings.HasPrefix(k, "$") {
			return k, v, true
		}
	}
	return "", nil, false
}

func validMatcher(name string, arg any) error {
	switch name {
	case "$any":
		s, _ := arg.(string)
		switch s {
		case "string", "number", "boolean", "object", "array", "any":
			return nil
		}
		return fmt.Errorf("$any takes string, number, boolean, object, array or any, not %v", arg)
	case "$regexp":
		s, ok := arg.(string)
		if !ok {
			return fmt.Errorf("$regexp takes a string")
		}
		if _, err := regexp.Compile(s); err != nil {
			return fmt.Errorf("$regexp: %v", err)
		}
	case "$contains":
		if _, ok := arg.(string); !ok {
			return fmt.Errorf("$contains takes a string")
		}
	case "$range":
		r, ok := arg.([]any)
		if !ok || len(r) != 2 {
			return fmt.Errorf("$range takes [low, high]")
		}
		for _, e := range r {
			if _, ok := e.(float64); !ok {
				return fmt.Errorf("$range bounds must be numbers")
			}
		}
	case "$isoDate", "$uuid", "$absent":
		if b, ok := arg.(bool); !ok || !b {
			return fmt.Errorf("%s takes true", name)
		}
	default:
		return fmt.Errorf("unknown matcher %s (known: $any, $regexp, $contains, $range, $isoDate, $uuid, $absent)", name)
	}
	return nil
}

// match reports whether actual satisfies expected: objects match as subsets
// (extra keys allowed), arrays element by element with equal length, scalars
// by value, matchers by their rule. The returned string says where and why
// the first mismatch happened ("" when matched).
func match(expected, actual any, path string) string {
	if m, ok := expected.(map[string]any); ok {
		if name, arg, ok := asMatcher(m); ok {
			return matchOne(name, arg, actual, path, true)
		}
		am, ok := actual.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: expected an object, got %s", pathOr(path), describe(actual))
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub := joinPath(path, k)
			av, present := am[k]
			if em, ok := m[k].(map[string]any); ok {
				if name, _, ok := asMatcher(em); ok && name == "$absent" {
					if present {
						return fmt.Sprintf("%s: expected no such key, got %s", sub, describe(av))
					}
					continue
				}
			}
			if !present {
				return fmt.Sprintf("%s: missing", sub)
			}
			if why := match(m[k], av, sub); why != "" {
				return why
			}
		}
		return ""
	}
	if ea, ok := expected.([]any); ok {
		aa, ok := actual.([]any)
		if !ok {
			return fmt.Sprintf("%s: expected an array, got %s", pathOr(path), describe(actual))
		}
		if len(ea) != len(aa) {
			return fmt.Sprintf("%s: expected %d elements, got %d", pathOr(path), len(ea), len(aa))
		}
		for i := range ea {
			if why := match(ea[i], aa[i], fmt.Sprintf("%s[%d]", path, i)); why != "" {
				return why
			}
		}
		return ""
	}
	if equalScalar(expected, actual) {
		return ""
	}
	return fmt.Sprintf("%s: expected %s, got %s", pathOr(path), describe(expected), describe(actual))
}

func matchOne(name string, arg, actual any, path string, present bool) string {
	p := pathOr(path)
	switch name {
	case "$any":
		kind := arg.(string)
		ok := false
		switch kind {
		case "any":
			ok = true
		case "string":
			_, ok = actual.(string)
		case "number":
			_, ok = actual.(float64)
		case "boolean":
			_, ok = actual.(bool)
		case "object":
			_, ok = actual.(map[string]any)
		case "array":
			_, ok = actual.([]any)
		}
		if !ok {
			return fmt.Sprintf("%s: expected any %s, got %s", p, kind, describe(actual))
		}
	case "$regexp":
		s, ok := actual.(string)
		if !ok || !regexp.MustCompile(arg.(string)).MatchString(s) {
			return fmt.Sprintf("%s: expected a string matching /%s/, got %s", p, arg, describe(actual))
		}
	case "$contains":
		s, ok := actual.(string)
		if !ok || !strings.Contains(s, arg.(string)) {
			return fmt.Sprintf("%s: expected a string containing %q, got %s", p, arg, describe(actual))
		}
	case "$range":
		r := arg.([]any)
		f, ok := actual.(float64)
		if !ok || f < r[0].(float64) || f > r[1].(float64) {
			return fmt.Sprintf("%s: expected a number from %v to %v, got %s", p, r[0], r[1], describe(actual))
		}
	case "$isoDate":
		s, _ := actual.(string)
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			if _, err := time.Parse("2006-01-02", s); err != nil {
				return fmt.Sprintf("%s: expected an ISO 8601 date, got %s", p, describe(actual))
			}
		}
	case "$uuid":
		s, _ := actual.(string)
		if !uuidRE.MatchString(s) {
			return fmt.Sprintf("%s: expected a UUID, got %s", p, describe(actual))
		}
	case "$absent":
		if present {
			return fmt.Sprintf("%s: expected to be absent, got %s", p, describe(actual))
		}
	}
	return ""
}

func equalScalar(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || math.Abs(x-y) < 1e-9*math.Max(1, math.Abs(x)))
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	}
	return false
}

func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object " + compactJSON(v)
	case []any:
		return "an array " + compactJSON(v)
	}
	return compactJSON(v)
}

func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	const max = 200
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pathOr(path string) string {
	if path == "" {
		return "the value"
	}
	return path
}

type pathPart struct {
	key   string
	index int // -1 for a key
}

// parsePath reads a simple JSON path: "user.name", "items[0].id", "[2]".
// A leading "$." is accepted and ignored.
func parsePath(s string) ([]pathPart, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "$"), ".")
	var parts []pathPart
	for s != "" {
		switch {
		case s[0] == '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return nil, fmt.Errorf("missing ]")
			}
			i, err := strconv.Atoi(s[1:end])
			if err != nil || i < 0 {
				return nil, fmt.Errorf("bad index %q", s[1:end])
			}
			parts = append(parts, pathPart{index: i})
			s = strings.TrimPrefix(s[end+1:], ".")
		default:
			end := strings.IndexAny(s, ".[")
			if end < 0 {
				end = len(s)
			}
			if end == 0 {
				return nil, fmt.Errorf("empty key")
			}
			parts = append(parts, pathPart{key: s[:end], index: -1})
			s = strings.TrimPrefix(s[end:], ".")
		}
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return parts, nil
}

// lookup follows a parsed path into a JSON value.
func lookup(v any, parts []pathPart) (any, bool) {
	for _, p := range parts {
		if p.index >= 0 {
			a, ok := v.([]any)
			if !ok || p.index >= len(a) {
				return nil, false
			}
			v = a[p.index]
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		v, ok = m[p.key]
		if !ok {
			return nil, false
		}
	}
	return v, true
}
