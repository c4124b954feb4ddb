package iam

import "strings"

// Policy variables: "${aws:username}" in a Resource or a condition value is
// replaced by the request's value for that key (2012-10-17 policies only).
// "${key, 'default'}" supplies a value when the key is missing; "${*}",
// "${?}" and "${$}" stand for a literal *, ? and $.

type tmplPart struct {
	lit     string // literal text (wildcards in it stay wildcards)
	special byte   // '*', '?' or '$' for ${*} ${?} ${$}
	key     string // context key, when a variable
	def     string
	hasDef  bool
}

// varProblem describes a malformed variable, for validation findings.
type varProblem struct {
	code, msg string
}

// parseTemplate splits s into literal text and variables. It returns nil
// parts when s contains no variable. Malformed variables stay literal text
// and are reported.
func parseTemplate(s string) (parts []tmplPart, problems []varProblem) {
	if !strings.Contains(s, "${") {
		return nil, nil
	}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, tmplPart{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); {
		if !strings.HasPrefix(s[i:], "${") {
			lit.WriteByte(s[i])
			i++
			continue
		}
		end := closingBrace(s, i+2)
		if end < 0 {
			problems = append(problems, varProblem{"MISSING_BRACE_IN_VARIABLE", "A policy variable starting with ${ has no closing }."})
			lit.WriteString(s[i:])
			break
		}
		body := s[i+2 : end]
		switch body {
		case "*", "?", "$":
			flush()
			parts = append(parts, tmplPart{special: body[0]})
			i = end + 1
			continue
		}
		key, def, hasDef, prob := splitVarBody(body)
		if prob != nil {
			problems = append(problems, *prob)
			lit.WriteString(s[i : end+1])
			i = end + 1
			continue
		}
		flush()
		parts = append(parts, tmplPart{key: key, def: def, hasDef: hasDef})
		i = end + 1
	}
	flush()
	return parts, problems
}

// closingBrace finds the } ending a variable body that starts at i, skipping
// a quoted default value (” is an escaped quote).
func closingBrace(s string, i int) int {
	inQuote := false
	for ; i < len(s); i++ {
		switch s[i] {
		case '\'':
			if inQuote && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			inQuote = !inQuote
		case '}':
			if !inQuote {
				return i
			}
		}
	}
	return -1
}

func splitVarBody(body string) (key, def string, hasDef bool, prob *varProblem) {
	k, rest, found := strings.Cut(body, ",")
	key = strings.TrimSpace(k)
	if key == "" {
		return "", "", false, &varProblem{"EMPTY_VARIABLE", "A policy variable ${} names no key."}
	}
	if strings.ContainsAny(key, " \t") {
		return "", "", false, &varProblem{"UNSUPPORTED_SPACE_IN_VARIABLE", "A policy variable's key cannot contain spaces."}
	}
	if !found {
		return key, "", false, nil
	}
	rest = strings.TrimSpace(rest)
	if len(rest) < 2 || rest[0] != '\'' || rest[len(rest)-1] != '\'' {
		return "", "", false, &varProblem{"MISSING_QUOTE_IN_VARIABLE", "A policy variable's default value must be in single quotes, e.g. ${aws:username, 'nobody'}."}
	}
	return key, strings.ReplaceAll(rest[1:len(rest)-1], "''", "'"), true, nil
}

// resolve substitutes variables. With escape, substituted text is marked
// literal so it cannot act as a wildcard. ok is false when a variable has
// no single value and no default: such a pattern matches nothing.
func resolve(parts []tmplPart, e *evaluator, escape bool) (string, bool) {
	var b strings.Builder
	for _, pt := range parts {
		switch {
		case pt.lit != "":
			b.WriteString(pt.lit)
		case pt.special != 0:
			if escape {
				b.WriteByte(escByte)
			}
			b.WriteByte(pt.special)
		default:
			vals, ok := e.lookup(pt.key)
			var v string
			switch {
			case ok && len(vals) == 1:
				v = vals[0]
			case pt.hasDef:
				v = pt.def
			default:
				return "", false
			}
			if escape {
				writeEscaped(&b, v)
			} else {
				b.WriteString(v)
			}
		}
	}
	return b.String(), true
}

func writeEscaped(b *strings.Builder, v string) {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '*', '?', escByte:
			b.WriteByte(escByte)
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
}

// unescape removes escape markers, for showing patterns to learners.
func unescape(p string) string {
	if strings.IndexByte(p, escByte) < 0 {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == escByte && i+1 < len(p) {
			i++
		}
		b.WriteByte(p[i])
	}
	return b.String()
}
