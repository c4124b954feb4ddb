package lessons

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown builds the goldmark converter used for every Markdown file.
// Raw HTML in Markdown is dropped (goldmark's default), so authored pages
// cannot carry inline scripts or styles past the site's CSP; fenced code is
// highlighted with CSS classes for the same reason (see HighlightCSS).
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Linkify,
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.TaskList,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(admonitionRenderer{}, 100),
				util.Prioritized(newCodeRenderer(), 100),
			),
		),
	)
}

// doc is one Markdown file being rendered: a lesson body, a path intro or
// a hints section.
type doc struct {
	file     string // course-FS name of the Markdown file, for problems
	dir      string // folder links and images are relative to
	lineBase int    // file line of the body's first line
	src      []byte // the body
	lesson   *Lesson
}

// line converts a byte offset of the body into a file line.
func (d *doc) line(off int) int {
	if off < 0 {
		return d.lineBase
	}
	if off > len(d.src) {
		off = len(d.src)
	}
	return d.lineBase + bytes.Count(d.src[:off], []byte("\n"))
}

// pendingAnchor is a link to a heading of another document, checked once
// every lesson is rendered.
type pendingAnchor struct {
	file   string
	line   int
	target *Lesson
	id     string
}

// section is the text under one heading, kept for search.
type section struct {
	heading Heading
	text    string
}

// rendered is the result of rendering one doc.
type rendered struct {
	html     template.HTML
	headings []Heading
	sections []section // "" heading first: text before the first heading
	snippets []Snippet
}

// admonitionKinds maps the GitHub alert markers we support to their title.
var admonitionKinds = map[string]string{
	"NOTE":      "Note",
	"TIP":       "Tip",
	"IMPORTANT": "Important",
	"WARNING":   "Warning",
}

// markerText drops admonition markers from search text.
var markerText = strings.NewReplacer("[!NOTE]", "", "[!TIP]", "", "[!IMPORTANT]", "", "[!WARNING]", "")

// render parses d, validates and rewrites its links and images, records
// headings and code snippets, and renders HTML.
func (ld *loader) render(d *doc) (r rendered) {
	defer func() {
		// Markdown comes from course authors, but a crash in a parser
		// must still become a problem report, not a dead server.
		if v := recover(); v != nil {
			ld.ps.add(d.file, 0, "simplify the Markdown around the last change and report this as a bug",
				"could not render Markdown: %v", v)
			r = rendered{}
		}
	}()
	root := ld.md.Parser().Parse(text.NewReader(d.src))
	var rewrites []func()
	cur := section{}
	flush := func() {
		cur.text = strings.TrimSpace(cur.text)
		r.sections = append(r.sections, cur)
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			flush()
			if n.Level == 1 {
				ld.ps.add(d.file, d.line(n.Pos()), "the title comes from the front matter; start sections with '## '",
					"level-1 heading in the body")
			}
			id, _ := n.AttributeString("id")
			ids, _ := id.([]byte)
			h := Heading{Level: n.Level, ID: string(ids), Text: plainText(n, d.src)}
			r.headings = append(r.headings, h)
			cur = section{heading: h}
			rewrites = append(rewrites, func() { addAnchor(n, h.ID) })
		case *ast.Blockquote:
			if kind, ok := ld.admonition(d, n); ok {
				rewrites = append(rewrites, func() { toAdmonition(n, kind) })
			}
		case *ast.FencedCodeBlock:
			r.snippets = append(r.snippets, ld.snippet(d, n))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 { // comments are fine
				ld.ps.add(d.file, d.line(n.Pos()), "use Markdown instead; raw HTML is not rendered", "raw HTML in Markdown")
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if s := n.Segments; s.Len() > 0 && !bytes.HasPrefix(segValue(s.At(0), d.src), []byte("<!--")) {
				ld.ps.add(d.file, d.line(n.Pos()), "use Markdown instead; raw HTML is not rendered", "raw HTML in Markdown")
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			ld.link(d, n)
		case *ast.Image:
			ld.image(d, n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if cur.text != "" {
				cur.text += " "
			}
			cur.text += markerText.Replace(plainText(n, d.src))
		}
		return ast.WalkContinue, nil
	})
	flush()
	for _, f := range rewrites {
		f()
	}
	var buf bytes.Buffer
	if err := ld.md.Renderer().Render(&buf, d.src, root); err != nil {
		ld.ps.add(d.file, 0, "", "could not render Markdown: %v", err)
	}
	r.html = template.HTML(buf.String()) //nolint:gosec // rendered by goldmark from course files without raw HTML
	return r
}

// plainText returns the text of n's inline content, for headings, search
// and snippets of prose.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// addAnchor appends a "#" link to the heading's own id, so readers can copy
// a link to any section. Like GitHub's, it is hidden from screen readers and
// the tab order: it would otherwise be read as part of every heading's name.
func addAnchor(h *ast.Heading, id string) {
	if id == "" {
		return
	}
	html := fmt.Sprintf(` <a class="anchor" href="#%s" aria-hidden="true" tabindex="-1">#</a>`, template.HTMLEscapeString(id))
	h.AppendChild(h, &anchorNode{html: html})
}

// snippet records a fenced code block.
func (ld *loader) snippet(d *doc, n *ast.FencedCodeBlock) Snippet {
	var info []string
	if n.Info != nil {
		info = strings.Fields(string(n.Info.Segment.Value(d.src)))
	}
	s := Snippet{File: d.file, Line: d.line(n.Pos()) + 1}
	if n.Lines().Len() > 0 {
		s.Line = d.line(n.Lines().At(0).Start)
	}
	if len(info) > 0 {
		s.Lang = info[0]
		for _, w := range info[1:] {
			if w == "compile" {
				s.Compile = true
			}
		}
	}
	if _, known := codeLanguages[strings.ToLower(s.Lang)]; s.Lang != "" && !known {
		ld.ps.add(d.file, d.line(n.Pos()), "use one of "+strings.Join(sortedKeys(codeLanguages), ", ")+", or no language for plain text",
			"unknown code language %q", s.Lang)
	}
	if s.Compile && s.Lang != "go" {
		ld.ps.add(d.file, d.line(n.Pos()), "only Go blocks can be compiled: write ```go compile",
			"%q code block marked compile", s.Lang)
		s.Compile = false
	}
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(d.src))
	}
	s.Code = b.String()
	return s
}

// admonition reports whether the blockquote starts with a "[!KIND]" line,
// reporting unknown kinds.
func (ld *loader) admonition(d *doc, bq *ast.Blockquote) (string, bool) {
	p, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return "", false
	}
	first := strings.TrimSpace(string(segValue(p.Lines().At(0), d.src)))
	if !strings.HasPrefix(first, "[!") || !strings.HasSuffix(first, "]") {
		return "", false
	}
	kind := strings.ToUpper(first[2 : len(first)-1])
	if _, ok := admonitionKinds[kind]; !ok {
		ld.ps.add(d.file, d.line(p.Lines().At(0).Start), "use one of [!NOTE], [!TIP], [!IMPORTANT], [!WARNING]",
			"unknown admonition %q", first)
		return "", false
	}
	return kind, true
}

// toAdmonition replaces a GitHub-alert blockquote by an admonition node
// holding the blockquote's content without its marker line.
func toAdmonition(bq *ast.Blockquote, kind string) {
	p := bq.FirstChild().(*ast.Paragraph)
	stop := p.Lines().At(0).Stop
	for c := p.FirstChild(); c != nil; {
		next := c.NextSibling()
		if pos := c.Pos(); pos >= 0 && pos < stop {
			p.RemoveChild(p, c)
		} else {
			break
		}
		c = next
	}
	if p.ChildCount() == 0 {
		bq.RemoveChild(bq, p)
	}
	a := &admonitionNode{kind: kind}
	for c := bq.FirstChild(); c != nil; {
		next := c.NextSibling()
		a.AppendChild(a, c)
		c = next
	}
	bq.Parent().ReplaceChild(bq.Parent(), bq, a)
}

// link validates a link and rewrites links between lessons to site URLs.
func (ld *loader) link(d *doc, n *ast.Link) {
	dest := string(n.Destination)
	line := d.line(n.Pos())
	if u, ok := ld.resolve(d, dest, line); ok {
		n.Destination = []byte(u)
	}
}

// resolve turns a relative link into a site URL. It returns false for links
// that stay as written (external, absolute, or broken — broken ones are
// reported).
func (ld *loader) resolve(d *doc, dest string, line int) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil {
		ld.ps.add(d.file, line, "check the link's spelling", "malformed link %q", dest)
		return "", false
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "/") {
		return "", false
	}
	if u.Path == "" { // "#anchor" on the same page
		if u.Fragment != "" && d.lesson != nil {
			ld.anchors = append(ld.anchors, pendingAnchor{file: d.file, line: line, target: d.lesson, id: u.Fragment})
		}
		return "", false
	}
	target := path.Clean(path.Join(d.dir, u.Path))
	frag := ""
	if u.Fragment != "" {
		frag = "#" + u.Fragment
	}
	dir := strings.TrimSuffix(strings.TrimSuffix(target, "/lesson.md"), "/path.md")
	if l := ld.lessonByDir[dir]; l != nil {
		if u.Fragment != "" {
			ld.anchors = append(ld.anchors, pendingAnchor{file: d.file, line: line, target: l, id: u.Fragment})
		}
		return l.URL() + frag, true
	}
	if p := ld.pathByDir[dir]; p != nil {
		return p.URL() + frag, true
	}
	if d.lesson != nil {
		if name, ok := strings.CutPrefix(target, d.lesson.Dir+"/"); ok && ld.isAsset(d.lesson, name) {
			return d.lesson.URL() + "/" + name, true
		}
	}
	ld.ps.add(d.file, line, "link to a lesson folder, e.g. ../02-regions-and-arns/ or ../../01-iam/01-authn/",
		"broken link %q: no lesson, path or file at %s", dest, target)
	return "", false
}

// image checks that an image exists in the lesson folder and has alt text,
// and points it at the lesson's asset URL.
func (ld *loader) image(d *doc, n *ast.Image) {
	dest := string(n.Destination)
	line := d.line(n.Pos())
	if plainText(n, d.src) == "" {
		ld.ps.add(d.file, line, "describe what the picture shows: ![Request flow from API Gateway to Lambda](flow.svg)",
			"image %q has no alt text", dest)
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "/") {
		ld.ps.add(d.file, line, "put the image file in the lesson folder and refer to it by name; pages load nothing from other sites",
			"image %q is not a file of the lesson", dest)
		return
	}
	if d.lesson == nil {
		ld.ps.add(d.file, line, "put images in a lesson folder", "images are only supported in lessons")
		return
	}
	target := path.Clean(path.Join(d.dir, u.Path))
	name, ok := strings.CutPrefix(target, d.lesson.Dir+"/")
	if !ok {
		ld.ps.add(d.file, line, "put the image file in the lesson's own folder", "image %q is outside the lesson folder", dest)
		return
	}
	if !ld.isAsset(d.lesson, name) {
		if _, err := fs.Stat(ld.fsys, target); err == nil {
			ld.ps.add(d.file, line, "use an .svg, .png, .jpg, .gif or .webp file outside exercise/", "image %q cannot be served", dest)
		} else {
			ld.ps.add(d.file, line, "check the file name; it is relative to the lesson folder", "missing image %q", dest)
		}
		return
	}
	n.Destination = []byte(d.lesson.URL() + "/" + name)
}

// anchorNode renders a heading's "#" self-link.
type anchorNode struct {
	ast.BaseInline
	html string
}

var kindAnchor = ast.NewNodeKind("LessonAnchor")

func (n *anchorNode) Kind() ast.NodeKind             { return kindAnchor }
func (n *anchorNode) Dump(src []byte, level int)     { ast.DumpHelper(n, src, level, nil, nil) }
func (n *anchorNode) Text(src []byte) []byte         { return nil }
func (n *admonitionNode) Kind() ast.NodeKind         { return kindAdmonition }
func (n *admonitionNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// admonitionNode is a Note, Tip, Important or Warning box.
type admonitionNode struct {
	ast.BaseBlock
	kind string // "NOTE"
}

var kindAdmonition = ast.NewNodeKind("Admonition")

// admonitionRenderer renders admonitionNode and anchorNode.
type admonitionRenderer struct{}

func (admonitionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAdmonition, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		a := n.(*admonitionNode)
		if entering {
			cls := strings.ToLower(a.kind)
			fmt.Fprintf(w, "<div class=\"admonition %s\" role=\"note\">\n<p class=\"admonition-title\">%s</p>\n", cls, admonitionKinds[a.kind])
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(kindAnchor, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(n.(*anchorNode).html)
		}
		return ast.WalkContinue, nil
	})
}

func segValue(s text.Segment, src []byte) []byte { return s.Value(src) }
