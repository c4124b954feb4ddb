package lessons

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
)

// folderName is "NN-slug": a number that orders the folder and a slug that
// names it in URLs.
var folderName = regexp.MustCompile(`^([0-9]+)-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// assetTypes are the files served beside a lesson, by extension.
var assetTypes = map[string]string{
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
}

// asset is a file served beside a lesson.
type asset struct {
	data  []byte
	ctype string
}

// loader holds the state of one Load call.
type loader struct {
	fsys        fs.FS
	md          goldmark.Markdown
	ps          problems
	course      *Course
	pathByDir   map[string]*Path
	lessonByDir map[string]*Lesson
	anchors     []pendingAnchor
	bodies      map[string]*doc // file -> body still to render
}

// Load reads, validates and renders the course in fsys. Every problem found
// is collected; if there is any, Load returns nil and a *ValidationError
// listing them all as "file:line: message (hint: …)". Errors reading fsys
// are reported as problems too.
func Load(fsys fs.FS) (*Course, error) {
	ld := &loader{
		fsys:        fsys,
		md:          newMarkdown(),
		course:      &Course{bySlug: map[string]*Path{}, assets: map[string]asset{}},
		pathByDir:   map[string]*Path{},
		lessonByDir: map[string]*Lesson{},
		bodies:      map[string]*doc{},
	}
	ld.readTree()
	ld.renderAll()
	ld.checkAnchors()
	if err := ld.ps.err(); err != nil {
		return nil, err
	}
	if len(ld.course.Paths) == 0 {
		return nil, &ValidationError{Problems: []Problem{{File: ".", Msg: "the course has no paths",
			Hint: "create a folder such as 00-foundations with a path.md and lesson folders"}}}
	}
	return ld.course, nil
}

// subdirs lists the folders of dir that take part in a course, sorted.
// Names starting with "." or "_" are ignored so authors can keep drafts.
func (ld *loader) subdirs(dir string) []fs.DirEntry {
	entries, err := fs.ReadDir(ld.fsys, dir)
	if err != nil {
		ld.ps.add(dir, 0, "check the folder's permissions", "cannot read folder: %v", err)
		return nil
	}
	var out []fs.DirEntry
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "_") {
			out = append(out, e)
		}
	}
	return out // fs.ReadDir sorts by name
}

// readTree finds the paths and lessons, parses their front matter and
// collects their assets and exercises.
func (ld *loader) readTree() {
	c := ld.course
	for _, pe := range ld.subdirs(".") {
		dir := pe.Name()
		m := folderName.FindStringSubmatch(dir)
		if m == nil {
			ld.ps.add(dir, 0, "name path folders NN-slug, e.g. 00-foundations (lower-case letters, digits, dashes)",
				"folder name %q is not NN-slug", dir)
			continue
		}
		p := &Path{Slug: m[2], Dir: dir}
		file := dir + "/path.md"
		src, err := fs.ReadFile(ld.fsys, file)
		if err != nil {
			ld.ps.add(file, 0, "every path folder needs a path.md with title, summary and outcomes", "missing path.md")
			continue
		}
		if other, dup := c.bySlug[p.Slug]; dup {
			ld.ps.add(file, 1, "rename one of the folders", "duplicate path slug %q (also %s)", p.Slug, other.Dir)
			continue
		}
		fm, body, bodyLine := parseFrontMatter(file, src, pathKeys, &ld.ps)
		p.Title, p.Summary, p.Outcomes = fm.strings["title"], fm.strings["summary"], fm.lists["outcomes"]
		ld.bodies[file] = &doc{file: file, dir: dir, lineBase: bodyLine, src: body}
		c.bySlug[p.Slug] = p
		c.Paths = append(c.Paths, p)
		ld.pathByDir[dir] = p
		ld.readLessons(p)
	}
	for i, l := range c.lessons {
		if i > 0 {
			l.Prev = c.lessons[i-1]
			c.lessons[i-1].Next = l
		}
	}
}

// readLessons reads the lesson folders of path p.
func (ld *loader) readLessons(p *Path) {
	seen := map[string]string{}
	for _, le := range ld.subdirs(p.Dir) {
		dir := p.Dir + "/" + le.Name()
		m := folderName.FindStringSubmatch(le.Name())
		if m == nil {
			ld.ps.add(dir, 0, "name lesson folders NN-slug, e.g. 01-what-serverless-means (lower-case letters, digits, dashes)",
				"folder name %q is not NN-slug", le.Name())
			continue
		}
		file := dir + "/lesson.md"
		src, err := fs.ReadFile(ld.fsys, file)
		if err != nil {
			ld.ps.add(file, 0, "every lesson folder needs a lesson.md with front matter and prose", "missing lesson.md")
			continue
		}
		l := &Lesson{Path: p, Slug: m[2], Dir: dir}
		if other, dup := seen[l.Slug]; dup {
			ld.ps.add(file, 1, "rename one of the folders", "duplicate lesson slug %q in path %q (also %s)", l.Slug, p.Slug, other)
			continue
		}
		seen[l.Slug] = dir
		fm, body, bodyLine := parseFrontMatter(file, src, lessonKeys, &ld.ps)
		l.Title, l.Summary, l.Minutes, l.Objectives = fm.strings["title"], fm.strings["summary"], fm.minutes, fm.lists["objectives"]
		ld.bodies[file] = &doc{file: file, dir: dir, lineBase: bodyLine, src: body, lesson: l}
		p.Lessons = append(p.Lessons, l)
		ld.course.lessons = append(ld.course.lessons, l)
		ld.lessonByDir[dir] = l
		ld.readAssets(l)
		ld.readExercise(l)
	}
}

// readAssets collects the servable files of a lesson folder. exercise/ is
// never served: it holds reference solutions.
func (ld *loader) readAssets(l *Lesson) {
	err := fs.WalkDir(ld.fsys, l.Dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(name, l.Dir), "/")
		if d.IsDir() {
			if rel == "exercise" || strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		ctype, ok := assetTypes[strings.ToLower(path.Ext(name))]
		if !ok || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(ld.fsys, name)
		if err != nil {
			return err
		}
		ld.course.assets[assetKey(l.Path.Slug, l.Slug, rel)] = asset{data: data, ctype: ctype}
		l.Assets = append(l.Assets, rel)
		return nil
	})
	if err != nil {
		ld.ps.add(l.Dir, 0, "check the folder's permissions", "cannot read lesson files: %v", err)
	}
}

func assetKey(pathSlug, lessonSlug, name string) string {
	return pathSlug + "/" + lessonSlug + "/" + name
}

// isAsset reports whether name (relative to the lesson folder) is served.
func (ld *loader) isAsset(l *Lesson, name string) bool {
	_, ok := ld.course.assets[assetKey(l.Path.Slug, l.Slug, name)]
	return ok
}

// renderAll renders every path intro and lesson once all folders are known,
// so links between lessons can be resolved.
func (ld *loader) renderAll() {
	for _, p := range ld.course.Paths {
		if d := ld.bodies[p.Dir+"/path.md"]; d != nil {
			p.Intro = ld.render(d).html
		}
		for _, l := range p.Lessons {
			d := ld.bodies[l.Dir+"/lesson.md"]
			r := ld.render(d)
			l.HTML, l.Headings, l.Snippets = r.html, r.headings, r.snippets
			ld.course.addSections(l, r.sections)
		}
	}
	for _, l := range ld.course.lessons {
		if l.Exercise != nil {
			ld.renderHints(l.Exercise)
		}
	}
}

// checkAnchors reports links to headings that do not exist.
func (ld *loader) checkAnchors() {
	for _, a := range ld.anchors {
		found := false
		for _, h := range a.target.Headings {
			if h.ID == a.id {
				found = true
				break
			}
		}
		if !found {
			ids := make([]string, len(a.target.Headings))
			for i, h := range a.target.Headings {
				ids[i] = "#" + h.ID
			}
			hint := "the lesson has no headings"
			if len(ids) > 0 {
				hint = "headings of " + a.target.Dir + ": " + strings.Join(ids, " ")
			}
			ld.ps.add(a.file, a.line, hint, "broken link: no heading #%s in %s", a.id, a.target.Dir)
		}
	}
}

// Path returns the path with the given slug.
func (c *Course) Path(slug string) (*Path, error) {
	if p := c.bySlug[slug]; p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("path %q: %w", slug, ErrNotFound)
}

// Lesson returns a lesson by its path's slug and its own.
func (c *Course) Lesson(pathSlug, lessonSlug string) (*Lesson, error) {
	p, err := c.Path(pathSlug)
	if err != nil {
		return nil, err
	}
	for _, l := range p.Lessons {
		if l.Slug == lessonSlug {
			return l, nil
		}
	}
	return nil, fmt.Errorf("lesson %q in path %q: %w", lessonSlug, pathSlug, ErrNotFound)
}

// Lessons returns every lesson in course order. The slice is shared; do not
// modify it.
func (c *Course) Lessons() []*Lesson { return c.lessons }

// Exercises returns every exercise in course order.
func (c *Course) Exercises() []*Exercise {
	var out []*Exercise
	for _, l := range c.lessons {
		if l.Exercise != nil {
			out = append(out, l.Exercise)
		}
	}
	return out
}

// Exercise returns the exercise of a lesson named "path-slug/lesson-slug".
func (c *Course) Exercise(id string) (*Exercise, error) {
	ps, ls, ok := strings.Cut(id, "/")
	if !ok {
		return nil, fmt.Errorf("exercise %q (want path/lesson): %w", id, ErrNotFound)
	}
	l, err := c.Lesson(ps, ls)
	if err != nil {
		return nil, err
	}
	if l.Exercise == nil {
		return nil, fmt.Errorf("exercise %q: lesson has none: %w", id, ErrNotFound)
	}
	return l.Exercise, nil
}

// Asset returns a file served beside a lesson (name relative to the lesson
// folder, e.g. "diagram.svg" or "images/flow.svg") and its content type.
func (c *Course) Asset(pathSlug, lessonSlug, name string) ([]byte, string, error) {
	if name == "" || path.Clean(name) != name || strings.HasPrefix(name, "../") || strings.HasPrefix(name, "/") {
		return nil, "", fmt.Errorf("asset %q: %w", name, ErrNotFound)
	}
	a, ok := c.assets[assetKey(pathSlug, lessonSlug, name)]
	if !ok {
		return nil, "", fmt.Errorf("asset %s/%s/%s: %w", pathSlug, lessonSlug, name, ErrNotFound)
	}
	return a.data, a.ctype, nil
}

// sortedKeys returns the keys of m in order, for stable output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
