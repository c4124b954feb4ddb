package build

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// modFileName is the name under which each guest module root carries its
// go.mod: the go tool refuses to embed a directory holding a real go.mod.
const modFileName = "go.mod.embed"

// guestModule is one module root found in the guest tree.
type guestModule struct {
	Path string // module path, e.g. "github.com/aws/aws-lambda-go"
	Dir  string // slash path of its root inside the guest FS
}

// guestTree is the guest FS hashed and indexed once per Builder.
type guestTree struct {
	fsys    fs.FS
	hash    string // hex sha256 over every path and content
	modules []guestModule
	pkgs    []string // import paths of every package with non-test .go files
}

// scanGuest walks the guest FS: it hashes every file (so the extracted copy
// is versioned by content), finds every module root by its go.mod.embed, and
// lists the packages for Warm. New guest modules are picked up with no code
// change here.
func scanGuest(fsys fs.FS) (*guestTree, error) {
	h := sha256.New()
	t := &guestTree{fsys: fsys}
	pkgDirs := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(data))
		h.Write(data)
		switch {
		case path.Base(p) == modFileName:
			mp := modulePath(data)
			if mp == "" {
				return fmt.Errorf("%s: no module line", p)
			}
			t.modules = append(t.modules, guestModule{Path: mp, Dir: path.Dir(p)})
		case strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go"):
			pkgDirs[path.Dir(p)] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan guest modules: %w", err)
	}
	t.hash = hex.EncodeToString(h.Sum(nil))
	sort.Slice(t.modules, func(i, j int) bool { return t.modules[i].Path < t.modules[j].Path })
	for dir := range pkgDirs {
		// The import path is the directory itself: guest module roots sit at
		// their module path (_modules/<module path>/).
		if t.owner(dir) != "" {
			t.pkgs = append(t.pkgs, dir)
		}
	}
	sort.Strings(t.pkgs)
	return t, nil
}

// owner returns the module path owning a directory (longest prefix), or "".
func (t *guestTree) owner(dir string) string {
	best := ""
	for _, m := range t.modules {
		if (dir == m.Dir || strings.HasPrefix(dir, m.Dir+"/")) && len(m.Dir) > len(best) {
			best = m.Path
		}
	}
	return best
}

var moduleLine = regexp.MustCompile(`^module\s+("[^"]+"|\S+)`)

// modulePath reads the module line of a go.mod file.
func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := moduleLine.FindStringSubmatch(line); m != nil {
			if p, err := strconv.Unquote(m[1]); err == nil {
				return p
			}
			return m[1]
		}
	}
	return ""
}

// extract writes the guest tree under root/<hash prefix>/ once, atomically:
// it fills a private temporary directory and renames it into place, so a
// concurrent builder (in this process or another) either sees the complete
// tree or none. go.mod.embed files are written out as go.mod.
func (t *guestTree) extract(root string) (string, error) {
	dir := filepath.Join(root, t.hash[:20])
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", fmt.Errorf("extract guest modules: %w", err)
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(root, ".tmp-"+hex.EncodeToString(rnd[:]))
	defer os.RemoveAll(tmp) // no-op after a successful rename
	err := fs.WalkDir(t.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := fs.ReadFile(t.fsys, p)
		if err != nil {
			return err
		}
		if path.Base(p) == modFileName {
			dst = filepath.Join(filepath.Dir(dst), "go.mod")
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, ".complete"), []byte(t.hash+"\n"), 0o644)
	}
	if err != nil {
		return "", fmt.Errorf("extract guest modules: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another builder won the race: its tree has the same content.
		if _, statErr := os.Stat(filepath.Join(dir, ".complete")); statErr == nil {
			return dir, nil
		}
		return "", fmt.Errorf("extract guest modules: %w", err)
	}
	return dir, nil
}

var majorSuffix = regexp.MustCompile(`/v([2-9]|[1-9][0-9]+)$`)

// goMod generates the learner module's go.mod: every guest module required
// and replaced by its extracted directory. relGuest is the guest directory
// relative to the build directory, so the file (which a learner could embed
// and print) shows no absolute server path.
func (t *guestTree) goMod(relGuest string) []byte {
	var b bytes.Buffer
	b.WriteString("module handler\n\ngo 1.24\n")
	if len(t.modules) == 0 {
		return b.Bytes()
	}
	b.WriteString("\nrequire (\n")
	for _, m := range t.modules {
		fmt.Fprintf(&b, "\t%s %s\n", m.Path, placeholderVersion(m.Path))
	}
	b.WriteString(")\n\nreplace (\n")
	for _, m := range t.modules {
		dir := path.Join(filepath.ToSlash(relGuest), m.Dir)
		if !strings.HasPrefix(dir, "../") {
			dir = "./" + dir
		}
		fmt.Fprintf(&b, "\t%s => %s\n", m.Path, dir)
	}
	b.WriteString(")\n")
	return b.Bytes()
}

// placeholderVersion is the version the generated go.mod requires. It only
// needs to be a valid version for the path's major version: the replace
// directive (which names no version) applies to whatever version is chosen.
func placeholderVersion(modPath string) string {
	if m := majorSuffix.FindStringSubmatch(modPath); m != nil {
		return "v" + m[1] + ".0.0"
	}
	return "v0.0.0"
}
