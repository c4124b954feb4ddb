package guest_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/sandbox/guest"
)

// TestSDKDocCoversGuestAPI keeps SDK.md, the page the build's error hints
// send learners to, in step with the guest SDK: every public package of the
// aws-sdk-go-v2 and smithy-go stand-ins, every client operation and every
// exported function of a service package must be named on it.
func TestSDKDocCoversGuestAPI(t *testing.T) {
	doc, err := os.ReadFile("SDK.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	fsys := guest.Modules()
	pkgs := map[string][]string{} // import path -> names that must appear
	for _, root := range []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"} {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "/internal/") {
				return nil
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), p, src, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			dir := path.Dir(p)
			if _, ok := pkgs[dir]; !ok {
				pkgs[dir] = nil
			}
			if !strings.Contains(dir, "/service/") || strings.HasSuffix(dir, "/types") {
				return nil
			}
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok || !fn.Name.IsExported() {
					continue
				}
				if fn.Recv == nil || sdkRecvName(fn.Recv) == "Client" {
					pkgs[dir] = append(pkgs[dir], fn.Name.Name)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(pkgs) < 6 {
		t.Fatalf("found only %d guest SDK packages: %v", len(pkgs), pkgs)
	}
	dirs := make([]string, 0, len(pkgs))
	for d := range pkgs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if !strings.Contains(text, "`"+dir+"`") {
			t.Errorf("SDK.md does not list the package %s", dir)
		}
		for _, name := range pkgs[dir] {
			if name == "Options" {
				continue // a method of every client, documented with Options
			}
			if !strings.Contains(text, "`"+name+"`") && !strings.Contains(text, "`"+name+"(") && !strings.Contains(text, "`"+path.Base(dir)+"."+name+"(") {
				t.Errorf("SDK.md does not mention %s.%s", path.Base(dir), name)
			}
		}
	}
}

func sdkRecvName(r *ast.FieldList) string {
	if r == nil || len(r.List) == 0 {
		return ""
	}
	t := r.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// TestSDKDocEmbedded checks that the served page is the file in the tree.
func TestSDKDocEmbedded(t *testing.T) {
	onDisk, err := os.ReadFile("SDK.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := guest.SDKDoc(); string(got) != string(onDisk) || len(got) < 1000 {
		t.Errorf("SDKDoc() returns %d bytes, SDK.md has %d", len(got), len(onDisk))
	}
}
