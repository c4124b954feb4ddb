package lessons

import (
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// exerciseKeys are the keys of exercise.yaml.
var exerciseKeys = []string{"kind", "title", "files", "readonly", "settings"}

// exerciseKinds are the kinds of exercise the grader knows.
var exerciseKinds = []string{KindHandler, KindPolicy, KindTemplate, KindPattern, KindQuiz}

// readExercise loads l's exercise/ folder, if it has one.
func (ld *loader) readExercise(l *Lesson) {
	dir := l.Dir + "/exercise"
	if st, err := fs.Stat(ld.fsys, dir); err != nil || !st.IsDir() {
		return
	}
	file := dir + "/exercise.yaml"
	src, err := fs.ReadFile(ld.fsys, file)
	if err != nil {
		ld.ps.add(file, 0, "an exercise folder needs exercise.yaml with at least kind and files", "missing exercise.yaml")
		return
	}
	ex := &Exercise{Lesson: l, Dir: dir, Title: l.Title, fileLines: map[string]int{}}
	if !ld.parseExerciseYAML(file, src, ex) {
		return
	}
	ex.Starter = ld.readFiles(dir + "/starter")
	ex.Solution = ld.readFiles(dir + "/solution")
	for _, f := range ex.Files {
		if _, ok := ex.Starter[f]; !ok {
			ld.ps.add(file, ex.fileLines[f], "put the learner's starting version at "+dir+"/starter/"+f, "missing starter file %q", f)
		}
		if _, ok := ex.Solution[f]; !ok {
			ld.ps.add(file, ex.fileLines[f], "put the reference solution at "+dir+"/solution/"+f, "missing solution file %q", f)
		}
	}
	ex.ReadOnlyContent = map[string][]byte{}
	for _, f := range ex.ReadOnly {
		b, err := fs.ReadFile(ld.fsys, dir+"/"+f)
		if err != nil {
			ld.ps.add(file, ex.fileLines[f], "read-only files live in the exercise folder itself, e.g. "+dir+"/template.yaml", "missing read-only file %q", f)
			continue
		}
		ex.ReadOnlyContent[f] = b
	}
	if b, err := fs.ReadFile(ld.fsys, dir+"/template.yaml"); err == nil {
		ex.Template = b
	}
	if b, err := fs.ReadFile(ld.fsys, dir+"/checks.yaml"); err == nil {
		ex.Checks = b
	}
	l.Exercise = ex
}

// parseExerciseYAML fills ex from exercise.yaml, reporting problems with
// their lines. It returns false when the file is unusable.
func (ld *loader) parseExerciseYAML(file string, src []byte, ex *Exercise) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n, m[2]
		}
		ld.ps.add(file, line, "exercise.yaml is YAML: kind, files, readonly, settings", "not valid YAML: %s", msg)
		return false
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		ld.ps.add(file, 1, "write 'kind: handler' and 'files: [main.go]'", "exercise.yaml must be a set of keys")
		return false
	}
	m := doc.Content[0]
	ok := true
	seen := map[string]bool{}
	lines := ex.fileLines
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if seen[k.Value] {
			ld.ps.add(file, k.Line, "keep one of them", "key %q appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "kind":
			ex.Kind = v.Value
			if !slices.Contains(exerciseKinds, v.Value) {
				ld.ps.add(file, v.Line, "kind is one of "+strings.Join(exerciseKinds, ", "), "unknown exercise kind %q", v.Value)
				ok = false
			}
		case "title":
			if s := strings.TrimSpace(v.Value); v.Kind == yaml.ScalarNode && s != "" {
				ex.Title = s
			} else {
				ld.ps.add(file, v.Line, "write the title on one line", "title must be non-empty text")
			}
		case "files", "readonly":
			list, good := ld.fileList(file, k.Value, v, lines)
			ok = ok && good
			if k.Value == "files" {
				ex.Files = list
			} else {
				ex.ReadOnly = list
			}
		case "settings":
			var s map[string]any
			if err := v.Decode(&s); err != nil {
				ld.ps.add(file, v.Line, "settings is a set of 'key: value' lines", "settings must be a map")
				continue
			}
			ex.Settings = s
		default:
			ld.ps.add(file, k.Line, "allowed keys are "+strings.Join(exerciseKeys, ", "), "unknown key %q", k.Value)
		}
	}
	if !seen["kind"] {
		ld.ps.add(file, 1, "add 'kind: handler' (or policy, template, pattern, quiz)", "missing kind")
		ok = false
	}
	if len(ex.Files) == 0 && !seen["files"] {
		ld.ps.add(file, 1, "list the files the learner edits, e.g. files: [main.go]", "missing files")
		ok = false
	}
	return ok
}

// fileList decodes a list of relative file names.
func (ld *loader) fileList(file, key string, v *yaml.Node, lines map[string]int) ([]string, bool) {
	if v.Kind != yaml.SequenceNode {
		ld.ps.add(file, v.Line, "write "+key+": [main.go]", "%s must be a list of file names", key)
		return nil, false
	}
	var out []string
	ok := true
	for _, it := range v.Content {
		name := it.Value
		if it.Kind != yaml.ScalarNode || name == "" || path.Clean(name) != name || strings.HasPrefix(name, "../") || strings.HasPrefix(name, "/") {
			ld.ps.add(file, it.Line, "use a plain relative name such as main.go", "bad file name %q in %s", name, key)
			ok = false
			continue
		}
		out = append(out, name)
		lines[name] = it.Line
	}
	return out, ok
}

// readFiles reads every file under dir, keyed by its name relative to dir.
func (ld *loader) readFiles(dir string) map[string][]byte {
	out := map[string][]byte{}
	_ = fs.WalkDir(ld.fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a missing folder is reported per file
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(ld.fsys, name)
		if err != nil {
			ld.ps.add(name, 0, "check the file's permissions", "cannot read: %v", err)
			return nil
		}
		out[strings.TrimPrefix(name, dir+"/")] = b
		return nil
	})
	return out
}

// renderHints renders hints.md, one hint per "## " section. The heading
// line names the hint for authors; learners see the section's text.
func (ld *loader) renderHints(ex *Exercise) {
	file := ex.Dir + "/hints.md"
	src, err := fs.ReadFile(ld.fsys, file)
	if err != nil {
		return
	}
	for _, s := range splitHints(src) {
		if s.heading == "" {
			if strings.TrimSpace(string(s.body)) != "" {
				ld.ps.add(file, s.line, "start each hint with a '## ' heading", "text before the first hint heading")
			}
			continue
		}
		r := ld.render(&doc{file: file, dir: ex.Dir, lineBase: s.line, src: s.body, lesson: ex.Lesson})
		ex.Hints = append(ex.Hints, r.html)
	}
}

// hintSection is one "## " section of hints.md.
type hintSection struct {
	heading string
	line    int // file line of the body's first line
	body    []byte
}

// splitHints cuts src at lines starting with "## ", outside fenced code.
func splitHints(src []byte) []hintSection {
	lines := strings.SplitAfter(string(src), "\n")
	out := []hintSection{{line: 1}}
	var body strings.Builder
	fence := ""
	for i, ln := range lines {
		t := strings.TrimSpace(ln)
		if fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")) {
			fence = t[:3]
		} else if fence != "" && strings.HasPrefix(t, fence) {
			fence = ""
		}
		if fence == "" && strings.HasPrefix(ln, "## ") {
			out[len(out)-1].body = []byte(body.String())
			body.Reset()
			out = append(out, hintSection{heading: strings.TrimSpace(ln[3:]), line: i + 2})
			continue
		}
		body.WriteString(ln)
	}
	out[len(out)-1].body = []byte(body.String())
	return out
}
