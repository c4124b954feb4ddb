package build

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sanitizer rewrites every server path in compiler output: the build
// directory disappears (leaving the learner's own file names), the guest
// tree becomes module paths, and anything else under the cache directory or
// GOROOT gets a neutral placeholder.
type sanitizer struct {
	pairs []string // old, new, ... longest old first
}

func newSanitizer(pairs ...string) *sanitizer {
	type kv struct{ k, v string }
	var kvs []kv
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != "" {
			kvs = append(kvs, kv{pairs[i], pairs[i+1]})
		}
	}
	sort.SliceStable(kvs, func(i, j int) bool { return len(kvs[i].k) > len(kvs[j].k) })
	s := &sanitizer{}
	for _, p := range kvs {
		s.pairs = append(s.pairs, p.k, p.v)
	}
	return s
}

func (s *sanitizer) clean(text string) string {
	return strings.NewReplacer(s.pairs...).Replace(text)
}

// diagLine matches "file.go:12:5: message" and "file.go:12: message".
var diagLine = regexp.MustCompile(`^(?:\./)?([^\s:][^:]*?\.go):(\d+)(?::(\d+))?: (.*)$`)

// maxMessage bounds one diagnostic's message: the compiler repeats
// identifiers and literals, which a hostile source can make huge.
const maxMessage = 1000

// parseDiagnostics turns go build output (already sanitized) into
// diagnostics. Package headers ("# handler") are dropped; tab-indented
// continuation lines are joined to the message above them.
func parseDiagnostics(out string) []Diagnostic {
	diags := parseLines(out)
	for i := range diags {
		if m := diags[i].Message; len(m) > maxMessage {
			cut := maxMessage
			for cut > 0 && !utf8.RuneStart(m[cut]) {
				cut--
			}
			diags[i].Message = m[:cut] + "… (message cut)"
		}
	}
	return diags
}

func parseLines(out string) []Diagnostic {
	var diags []Diagnostic
	for _, line := range strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") ||
			strings.HasPrefix(line, "go: finding module for package ") {
			continue
		}
		if (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")) && len(diags) > 0 {
			last := &diags[len(diags)-1]
			last.Message += "\n" + strings.TrimSpace(line)
			continue
		}
		if m := diagLine.FindStringSubmatch(line); m != nil {
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			diags = append(diags, Diagnostic{File: m[1], Line: ln, Col: col, Message: m[4]})
			continue
		}
		diags = append(diags, Diagnostic{Message: strings.TrimPrefix(line, "go: ")})
	}
	return diags
}

// missingPackage matches the go tool's ways of saying an import cannot be
// resolved (offline, so any module that is not a guest module).
var missingPackage = regexp.MustCompile(`(?:cannot find module providing package|no required module provides package|package) ("?[\w.\-/]+"?)(?:: | is not in | in | is not available)`)

// notInModule matches an import of a package that a guest module (a
// replaced module) does not have.
var notInModule = regexp.MustCompile(`^module \S+ found \(.*\), but does not contain package (\S+)$`)

// missingMember and unknownField match the compiler's wording for a
// method or field a type lacks, so the hint can name the member.
var (
	missingMember = regexp.MustCompile(`type \*?([A-Za-z_]\w*)\.([A-Za-z_]\w*) has no field or method ([A-Za-z_]\w*)`)
	unknownField  = regexp.MustCompile(`unknown field ([A-Za-z_]\w*) in struct literal of type \*?([A-Za-z_]\w*)\.([A-Za-z_]\w*)`)
)

var qualified = regexp.MustCompile(`\b([A-Za-z_]\w*)\.[A-Za-z_]\w*`)

// addHints attaches a learner-facing hint to diagnostics that come from
// using an AWS package or symbol outside the implemented subset, or a
// third-party package (builds are offline).
func addHints(diags []Diagnostic, files []sourceFile, docURL string) {
	imports := map[string]map[string]string{}
	for _, f := range files {
		imports[f.name] = f.imports
	}
	for i := range diags {
		d := &diags[i]
		if m := notInModule.FindStringSubmatch(d.Message); m != nil {
			// The go tool's wording names placeholder versions and replace
			// directives the learner never wrote; say it plainly.
			d.Message = "package " + m[1] + " is not available here"
		}
		msg := d.Message
		if m := missingPackage.FindStringSubmatch(msg); m != nil && (strings.Contains(msg, "module") || strings.Contains(msg, "not in std") || strings.Contains(msg, "not available")) {
			pkg := strings.Trim(m[1], `"`)
			if strings.HasPrefix(pkg, "github.com/aws/") {
				d.Hint = "learnsls implements a subset of the AWS packages; see " + docURL + " for the supported packages and APIs"
			} else if strings.Contains(strings.SplitN(pkg, "/", 2)[0], ".") {
				d.Hint = "builds here are offline: only the standard library and the AWS packages listed at " + docURL + " are available"
			}
			continue
		}
		if !(strings.Contains(msg, "undefined") || strings.Contains(msg, "no field or method") ||
			strings.Contains(msg, "unknown field") || strings.Contains(msg, "not declared by package") ||
			strings.Contains(msg, "not exported by package")) {
			continue
		}
		imps := imports[d.File]
		isAWS := func(local string) bool {
			p, ok := imps[local]
			return ok && strings.HasPrefix(p, "github.com/aws/")
		}
		if m := missingMember.FindStringSubmatch(msg); m != nil && isAWS(m[1]) {
			d.Hint = m[1] + "." + m[2] + "." + m[3] + " is not part of the AWS API subset learnsls implements; see " + docURL + " for what is supported"
			continue
		}
		if m := unknownField.FindStringSubmatch(msg); m != nil && isAWS(m[2]) {
			d.Hint = "field " + m[1] + " of " + m[2] + "." + m[3] + " is not part of the AWS API subset learnsls implements; see " + docURL + " for what is supported"
			continue
		}
		for _, m := range qualified.FindAllStringSubmatch(msg, -1) {
			if isAWS(m[1]) {
				d.Hint = m[0] + " is not part of the AWS API subset learnsls implements; see " + docURL + " for what is supported"
				break
			}
		}
	}
}
