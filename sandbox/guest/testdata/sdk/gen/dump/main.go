package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dir := os.Args[1]
	ops := strings.Split(os.Args[2], ",")
	fset := token.NewFileSet()
	decls := map[string]*ast.TypeSpec{} // name -> spec (both pkgs; types. prefix for types pkg)
	consts := map[string][]string{}
	load := func(d, prefix string) {
		files, _ := filepath.Glob(filepath.Join(d, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(fset, f, nil, 0)
			if err != nil {
				panic(err)
			}
			for _, dcl := range af.Decls {
				g, ok := dcl.(*ast.GenDecl)
				if !ok {
					continue
				}
				for _, s := range g.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						decls[prefix+s.Name.Name] = s
					case *ast.ValueSpec:
						if g.Tok == token.CONST && s.Type != nil && len(s.Values) == 1 {
							if id, ok := s.Type.(*ast.Ident); ok {
								var b bytes.Buffer
								printer.Fprint(&b, fset, s.Values[0])
								consts[prefix+id.Name] = append(consts[prefix+id.Name], s.Names[0].Name+" = "+b.String())
							}
						}
					}
				}
			}
		}
	}
	load(dir, "")
	load(filepath.Join(dir, "types"), "types.")
	seen := map[string]bool{}
	var order []string
	var visit func(name string)
	var walk func(e ast.Expr, pkgTypes bool)
	walk = func(e ast.Expr, pkgTypes bool) {
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "types" {
					visit("types." + n.Sel.Name)
				}
				return false
			case *ast.Ident:
				if pkgTypes {
					visit("types." + n.Name)
				} else {
					visit(n.Name)
				}
			}
			return true
		})
	}
	visit = func(name string) {
		if seen[name] {
			return
		}
		s, ok := decls[name]
		if !ok {
			return
		}
		seen[name] = true
		order = append(order, name)
		walk(s.Type, strings.HasPrefix(name, "types."))
		for n := range decls {
			if strings.HasPrefix(name, "types.AttributeValue") && strings.HasPrefix(n, "types.AttributeValueMember") {
				visit(n)
			}
		}
	}
	for _, op := range ops {
		visit(op + "Input")
		visit(op + "Output")
	}
	sort.Strings(order)
	for _, n := range order {
		s := decls[n]
		var b bytes.Buffer
		// strip comments: printer without comments since parsed w/o ParseComments
		printer.Fprint(&b, fset, s.Type)
		fmt.Printf("type %s %s\n", n, b.String())
		for _, c := range consts[n] {
			fmt.Printf("\t%s\n", c)
		}
	}
}
