package build

import (
	"fmt"
	"go/parser"
	"go/token"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Source is the learner's program: a flat set of Go files of package main.
type Source struct {
	// Files maps a plain file name ("main.go", "handler.go") to its content.
	// Names may not contain directories; only .go files are accepted.
	Files map[string][]byte
	// Target selects the platform; the zero value means WASIP1.
	Target Target
	// Test builds the package's tests (the *_test.go files, as "go test -c"
	// does) instead of the program. The artifact is a test binary: run it
	// with -test.v, -test.run and friends as arguments.
	Test bool
}

// Target is a GOOS/GOARCH pair.
type Target struct {
	GOOS   string
	GOARCH string
}

// WASIP1 is the target of every learner function: a WASI preview 1 module.
var WASIP1 = Target{GOOS: "wasip1", GOARCH: "wasm"}

func (t Target) orDefault() Target {
	if t.GOOS == "" && t.GOARCH == "" {
		return WASIP1
	}
	return t
}

func (t Target) String() string { return t.GOOS + "/" + t.GOARCH }

// maxNameLen bounds file names: long enough for any sensible name, short
// enough that names never dominate a message or a path.
const maxNameLen = 64

// validName is deliberately narrow: no directories, no leading dot or
// underscore (the go tool would silently ignore those files), no spaces.
var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*\.go$`)

// sourceFile is one learner file with what the pre-check learned about it.
type sourceFile struct {
	name    string
	content []byte
	imports map[string]string // local name -> import path
}

// checkSource validates names, sizes and package clauses before the
// compiler runs, so the commonest mistakes get a precise message and a
// hostile input never reaches the go tool. It returns the files sorted by
// name.
func (b *Builder) checkSource(src Source) ([]sourceFile, error) {
	if len(src.Files) == 0 {
		return nil, diagErr("", 0, 0, "no Go files: add a main.go with package main and a func main that calls lambda.Start")
	}
	if len(src.Files) > b.opts.MaxFiles {
		return nil, fmt.Errorf("%w: %d files, the limit is %d", ErrTooManyFiles, len(src.Files), b.opts.MaxFiles)
	}
	names := make([]string, 0, len(src.Files))
	var total int64
	for name, data := range src.Files {
		names = append(names, name)
		total += int64(len(data))
	}
	sort.Strings(names)
	var diags []Diagnostic
	for _, name := range names {
		if d, ok := checkName(name); !ok {
			diags = append(diags, d)
		}
	}
	if len(diags) > 0 {
		return nil, &DiagnosticsError{Diagnostics: diags}
	}
	for _, name := range names {
		if n := int64(len(src.Files[name])); n > b.opts.MaxSourceBytes {
			return nil, fmt.Errorf("%w: %s is %s, the limit is %s", ErrSourceTooLarge, name, humanBytes(n), humanBytes(b.opts.MaxSourceBytes))
		}
	}
	if total > b.opts.MaxSourceBytes {
		return nil, fmt.Errorf("%w: the files add up to %s, the limit is %s", ErrSourceTooLarge, humanBytes(total), humanBytes(b.opts.MaxSourceBytes))
	}

	files := make([]sourceFile, 0, len(names))
	fset := token.NewFileSet()
	for _, name := range names {
		data := src.Files[name]
		sf := sourceFile{name: name, content: data, imports: map[string]string{}}
		f, err := parser.ParseFile(fset, name, data, parser.ImportsOnly)
		if err != nil || f == nil || f.Name == nil {
			// Leave syntax errors to the compiler: it reports them with the
			// same positions and the learner sees one consistent format.
			files = append(files, sf)
			continue
		}
		if f.Name.Name != "main" {
			p := fset.Position(f.Name.Pos())
			diags = append(diags, Diagnostic{File: name, Line: p.Line, Col: p.Column,
				Message: fmt.Sprintf("package %s: a Lambda handler must be package main (change the first line to \"package main\")", f.Name.Name)})
		}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			if path == "C" {
				p := fset.Position(imp.Pos())
				diags = append(diags, Diagnostic{File: name, Line: p.Line, Col: p.Column,
					Message: `import "C": cgo is not available; Lambda functions here are built as pure Go for WebAssembly`})
				continue
			}
			local := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
			sf.imports[local] = path
		}
		files = append(files, sf)
	}
	if src.Test {
		hasTest := false
		for _, name := range names {
			hasTest = hasTest || strings.HasSuffix(name, "_test.go")
		}
		if !hasTest {
			diags = append(diags, Diagnostic{Message: "no tests to build: add a file whose name ends in _test.go"})
		}
	}
	if len(diags) > 0 {
		return nil, &DiagnosticsError{Diagnostics: diags}
	}
	return files, nil
}

// checkName reports whether a learner file name is acceptable and, if not,
// a diagnostic explaining why. The name is quoted so control characters
// cannot forge lines in a log.
func checkName(name string) (Diagnostic, bool) {
	// ASCII quoting can be cut anywhere; a hostile name cannot make the
	// message long or forge lines.
	q := strconv.QuoteToASCII(name)
	if len(q) > maxNameLen+2 {
		q = q[:maxNameLen+2] + "…"
	}
	switch {
	case len(name) > maxNameLen:
		return Diagnostic{Message: fmt.Sprintf("file name %s is too long (limit %d characters)", q, maxNameLen)}, false
	case strings.ContainsAny(name, `/\`) || strings.Contains(name, ".."):
		return Diagnostic{Message: fmt.Sprintf("file name %s: file names may not contain directories or \"..\"; put every file next to main.go", q)}, false
	case !strings.HasSuffix(name, ".go"):
		return Diagnostic{Message: fmt.Sprintf("file %s is not a Go file: only .go files are built", q)}, false
	case !validName.MatchString(name):
		return Diagnostic{Message: fmt.Sprintf("file name %s: use letters, digits, '_', '-' and '.', starting with a letter or digit, ending in .go", q)}, false
	}
	return Diagnostic{}, true
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
