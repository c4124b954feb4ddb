package eventbridge

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// transform builds the payload a target receives: the event itself, a
// constant Input, the part at InputPath, or an InputTransformer's template
// filled from InputPathsMap.
func transform(t Target, raw []byte, ev map[string]any, r *rule, now time.Time) ([]byte, error) {
	switch {
	case t.Input != "":
		return []byte(t.Input), nil
	case t.InputPath != "":
		v, ok := jsonPath(ev, t.InputPath)
		if !ok {
			return []byte("null"), nil
		}
		return json.Marshal(v)
	case t.InputTransformer != nil:
		return fillTemplate(t.InputTransformer, raw, ev, r, now)
	}
	return raw, nil
}

// jsonPath resolves the simple JSONPath EventBridge accepts: $.a.b[0].c.
func jsonPath(v any, path string) (any, bool) {
	if path == "$" {
		return v, true
	}
	if !strings.HasPrefix(path, "$.") {
		return nil, false
	}
	rest := path[2:]
	for rest != "" {
		end := strings.IndexAny(rest, ".[")
		key := rest
		if end >= 0 {
			key, rest = rest[:end], rest[end:]
		} else {
			rest = ""
		}
		if key != "" {
			m, ok := v.(map[string]any)
			if !ok {
				return nil, false
			}
			if v, ok = m[key]; !ok {
				return nil, false
			}
		}
		for strings.HasPrefix(rest, "[") {
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, false
			}
			i, err := strconv.Atoi(rest[1:j])
			a, ok := v.([]any)
			if err != nil || !ok || i < 0 || i >= len(a) {
				return nil, false
			}
			v, rest = a[i], rest[j+1:]
		}
		rest = strings.TrimPrefix(rest, ".")
	}
	return v, true
}

var placeholder = regexp.MustCompile(`<([A-Za-z0-9_.\-]+)>`)

// fillTemplate replaces <name> placeholders. Inside a JSON string a string
// value goes in without its quotes; elsewhere values go in as JSON.
func fillTemplate(tr *InputTransformer, raw []byte, ev map[string]any, r *rule, now time.Time) ([]byte, error) {
	vals := map[string]any{}
	for name, p := range tr.InputPathsMap {
		if strings.HasPrefix(name, "aws.events.") {
			return nil, fmt.Errorf("InputPathsMap may not use the reserved name %s", name)
		}
		if v, ok := jsonPath(ev, p); ok {
			vals[name] = v
		} else {
			vals[name] = nil
		}
	}
	vals["aws.events.rule-arn"] = r.arn
	vals["aws.events.rule-name"] = r.name
	vals["aws.events.event.ingestion-time"] = now.UTC().Format(time.RFC3339)
	var evAny any
	json.Unmarshal(raw, &evAny)
	vals["aws.events.event.json"] = evAny
	vals["aws.events.event"] = evAny

	tpl := tr.InputTemplate
	var out strings.Builder
	inString := false
	last := 0
	for _, loc := range placeholder.FindAllStringSubmatchIndex(tpl, -1) {
		// Track whether the placeholder sits inside a JSON string.
		for i := last; i < loc[0]; i++ {
			if tpl[i] == '"' && (i == 0 || tpl[i-1] != '\\') {
				inString = !inString
			}
		}
		out.WriteString(tpl[last:loc[0]])
		name := tpl[loc[2]:loc[3]]
		v, ok := vals[name]
		if !ok {
			out.WriteString(tpl[loc[0]:loc[1]]) // not a placeholder we know
		} else if s, isStr := v.(string); isStr && inString {
			b, _ := json.Marshal(s)
			out.Write(b[1 : len(b)-1])
		} else if v == nil && inString {
			// a missing path inside a string becomes empty text
		} else {
			b, _ := json.Marshal(v)
			out.Write(b)
		}
		last = loc[1]
	}
	out.WriteString(tpl[last:])
	return []byte(out.String()), nil
}
