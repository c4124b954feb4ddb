package lessons

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// fieldKind says what a front-matter key holds.
type fieldKind int

const (
	fieldString  fieldKind = iota // a non-empty scalar
	fieldMinutes                  // a whole number of minutes, 1..maxMinutes
	fieldList                     // a list of non-empty scalars
)

// maxMinutes bounds a lesson's estimated time; anything longer should be
// split into several lessons.
const maxMinutes = 240

// Front-matter keys of the two Markdown files of a course.
var (
	pathKeys = map[string]fieldKind{
		"title":    fieldString,
		"summary":  fieldString,
		"outcomes": fieldList,
	}
	lessonKeys = map[string]fieldKind{
		"title":      fieldString,
		"summary":    fieldString,
		"minutes":    fieldMinutes,
		"objectives": fieldList,
	}
)

// frontMatter is the decoded front matter of one Markdown file.
type frontMatter struct {
	strings map[string]string
	lists   map[string][]string
	minutes int
	has     map[string]bool // keys present (even if invalid)
}

// splitFrontMatter separates "---\n<yaml>\n---\n<body>". It returns the YAML,
// the body and the 1-based line of the body's first line in the file. ok is
// false when the file does not start with a front-matter fence or the fence is
// never closed; closed tells the two apart.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, ok, closed bool) {
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // editors on Windows like to add a BOM
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || string(bytes.TrimRight(first, "\r \t")) != "---" {
		return nil, src, 1, false, false
	}
	line := 2
	off := len(first) + 1
	for {
		l, after, more := bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(l, "\r \t")) == "---" {
			fm = src[len(first)+1 : off]
			if !more {
				after = nil
			}
			return fm, after, line + 1, true, true
		}
		if !more {
			return nil, src, 1, false, false
		}
		off += len(l) + 1
		rest = after
		line++
	}
}

// yamlLine finds "line N" in a yaml error message.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseFrontMatter decodes the front matter of file against the allowed
// keys, reporting every problem with its line in the file.
func parseFrontMatter(file string, src []byte, keys map[string]fieldKind, ps *problems) (frontMatter, []byte, int) {
	fm := frontMatter{strings: map[string]string{}, lists: map[string][]string{}, has: map[string]bool{}}
	raw, body, bodyLine, ok, _ := splitFrontMatter(src)
	if !ok {
		ps.add(file, 1, "start the file with a line '---', then 'title: …' and the other keys, then a closing '---'",
			"missing front matter")
		return fm, body, bodyLine
	}
	const first = 2 // the YAML starts on the file's second line
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		line, msg := first, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = first+n-1, m[2]
		}
		ps.add(file, line, "front matter is YAML: one 'key: value' per line, lists as '- item' lines",
			"front matter is not valid YAML: %s", msg)
		return fm, body, bodyLine
	}
	if len(doc.Content) == 0 {
		ps.add(file, 1, "add at least 'title: …' between the '---' lines", "empty front matter")
		return fm, body, bodyLine
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		ps.add(file, first+m.Line-1, "write one 'key: value' per line", "front matter must be a set of keys")
		return fm, body, bodyLine
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		line := first + k.Line - 1
		kind, known := keys[k.Value]
		if !known {
			ps.add(file, line, "allowed keys are "+keyList(keys), "unknown front-matter key %q", k.Value)
			continue
		}
		if fm.has[k.Value] {
			ps.add(file, line, "keep one of them", "front-matter key %q appears twice", k.Value)
			continue
		}
		fm.has[k.Value] = true
		vline := first + v.Line - 1
		switch kind {
		case fieldString:
			s := strings.TrimSpace(v.Value)
			if v.Kind != yaml.ScalarNode || s == "" {
				ps.add(file, vline, "write it on one line, e.g. "+k.Value+": Some words", "%s must be non-empty text", k.Value)
				continue
			}
			fm.strings[k.Value] = s
		case fieldMinutes:
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 1 || n > maxMinutes {
				ps.add(file, vline, "estimated reading and exercise time as a whole number, e.g. minutes: 10",
					"minutes must be a whole number from 1 to %d, not %q", maxMinutes, v.Value)
				continue
			}
			fm.minutes = n
		case fieldList:
			if v.Kind != yaml.SequenceNode {
				ps.add(file, vline, "write one '- item' line per entry under '"+k.Value+":'", "%s must be a list", k.Value)
				continue
			}
			var items []string
			for _, it := range v.Content {
				s := strings.TrimSpace(it.Value)
				if it.Kind != yaml.ScalarNode || s == "" {
					ps.add(file, first+it.Line-1, "each entry is one line of text", "%s entries must be non-empty text", k.Value)
					continue
				}
				items = append(items, s)
			}
			fm.lists[k.Value] = items
		}
	}
	if _, ok := fm.strings["title"]; !ok && !fm.has["title"] {
		ps.add(file, 1, "add 'title: …' to the front matter", "missing title")
	}
	if _, ok := keys["minutes"]; ok && !fm.has["minutes"] {
		ps.add(file, 1, "add 'minutes: N', the estimated time of the lesson", "missing minutes")
	}
	return fm, body, bodyLine
}

func keyList(keys map[string]fieldKind) string {
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
