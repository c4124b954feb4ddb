package lessons

import (
	"os"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func TestGoTokens(t *testing.T) {
	tests := []struct {
		src  string
		want string // "class:value" tokens joined by " | "; whitespace-only values shown as _
	}{
		{"package main", "kn:package | w:_ | nx:main"},
		{"x := len(s) + 1.5 // sum", "nx:x | w:_ | o::= | w:_ | nb:len | p:( | nx:s | p:) | w:_ | o:+ | w:_ | mf:1.5 | w:_ | c1:// sum"},
		{"var s string = `a` + \"b\"", "kd:var | w:_ | nx:s | w:_ | kt:string | w:_ | p:= | w:_ | s:`a` | w:_ | o:+ | w:_ | s:\"b\""},
		{"if err != nil { return }", "k:if | w:_ | nx:err | w:_ | o:!= | w:_ | kc:nil | w:_ | p:{ | w:_ | k:return | w:_ | p:}"},
		{"//go:embed x\nf()", "cp://go:embed x | w:_ | nf:f | p:()"},
		{"a := 'x' /* c */", "nx:a | w:_ | o::= | w:_ | sc:'x' | w:_ | cm:/* c */"},
		// Not Go at all: still every byte comes back.
		{"$ curl http://x", "err:$ | w:_ | nx:curl | w:_ | nx:http | p:: | cp://x"},
		{"s := `open", "nx:s | w:_ | o::= | w:_ | s:`open"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range goTokens(tt.src) {
			v := tok.Value
			if strings.TrimSpace(v) == "" {
				v = "_"
			}
			if cls := tokenClass(tok.Type); cls != "" {
				v = cls + ":" + v
			}
			got = append(got, v)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("goTokens(%q)\n got: %s\nwant: %s", tt.src, g, tt.want)
		}
	}
}

// TestGoTokensMatchChroma compares our Go tokens with chroma's own Go lexer
// on the Go code of the test course: the classes must agree token by token.
func TestGoTokensMatchChroma(t *testing.T) {
	src, err := os.ReadFile("testdata/courses/basic/00-start/01-hello/lesson.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(src), "```go compile\n")
	code, _, _ := strings.Cut(rest, "```")
	code += "type T struct {\n\tA int `json:\"a\"`\n}\n\nfunc f(xs []string) (n int, err error) {\n\tfor i := range xs {\n\t\tn += len(xs[i]) * 2\n\t}\n\treturn n, nil\n}\n"
	it, err := chroma.Coalesce(lexers.Get("go")).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	want := it.Tokens()
	got := goTokens(code)
	for i := 0; i < len(want) && i < len(got); i++ {
		if tokenClass(want[i].Type) != tokenClass(got[i].Type) || want[i].Value != got[i].Value {
			t.Fatalf("token %d: got %s %q, chroma %s %q", i, tokenClass(got[i].Type), got[i].Value, tokenClass(want[i].Type), want[i].Value)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d tokens, chroma has %d", len(got), len(want))
	}
}

func FuzzGoTokens(f *testing.F) {
	for _, s := range []string{"package main\n", "x := `a\r\nb` // c\r\n", "/* open", "'", "\"\\", "0x1p-2i", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var b strings.Builder
		for _, tok := range goTokens(src) {
			if tok.Value == "" {
				t.Fatalf("empty token in %q", src)
			}
			b.WriteString(tok.Value)
		}
		if b.String() != src {
			t.Fatalf("tokens of %q join to %q", src, b.String())
		}
	})
}

// TestCodeLanguages checks that every highlighted language has a lexer, so
// a block never silently falls back to plain text.
func TestCodeLanguages(t *testing.T) {
	for lang, name := range codeLanguages {
		if name == "" || name == "go" {
			continue
		}
		if lexers.Get(name) == nil {
			t.Errorf("language %q: chroma has no lexer %q", lang, name)
		}
		toks, err := tokenise(lang, "x = 1\n")
		if err != nil || len(toks) == 0 {
			t.Errorf("tokenise(%q) = %v, %v", lang, toks, err)
		}
	}
}
