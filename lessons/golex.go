package lessons

import (
	"go/scanner"
	"go/token"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// goTok is one token found by go/scanner, with its byte offset.
type goTok struct {
	off int
	tok token.Token
	lit string
}

// goTokens splits Go source into chroma tokens with go/scanner. Chroma's own
// Go lexer is built from backtracking regular expressions and took about 65%
// of Load's time on the seed course; go/scanner is an order of magnitude
// faster. Token types follow chroma's Go lexer, so the same stylesheet
// (HighlightCSS) applies. Fragments that are not valid Go still highlight:
// whatever the scanner cannot place is emitted as plain text.
func goTokens(src string) []chroma.Token {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), func(token.Position, string) {}, scanner.ScanComments)
	var toks []goTok
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner, not in the source
		}
		toks = append(toks, goTok{file.Offset(pos), tok, lit})
	}

	var out []chroma.Token
	emit := func(t chroma.TokenType, v string) {
		if v == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Type == t { // coalesce, as chroma does
			out[n-1].Value += v
			return
		}
		out = append(out, chroma.Token{Type: t, Value: v})
	}
	gap := func(v string) {
		if strings.TrimSpace(v) == "" {
			emit(chroma.TextWhitespace, v)
		} else {
			emit(chroma.Text, v)
		}
	}
	prev := 0
	for i, t := range toks {
		if t.off < prev {
			continue
		}
		text := t.lit
		if text == "" || t.tok.IsOperator() {
			text = t.tok.String()
		}
		if !strings.HasPrefix(src[t.off:], text) {
			break // the scanner normalised something (\r in a comment): the rest is plain text
		}
		gap(src[prev:t.off])
		emit(goTokenType(toks, i, text), text)
		prev = t.off + len(text)
	}
	gap(src[prev:])
	return out
}

// goOperators are the operators chroma's Go lexer calls Operator; other
// operator tokens are Punctuation.
var goOperators = map[string]bool{
	"<<=": true, ">>=": true, "<<": true, ">>": true, "<=": true, ">=": true, "&^=": true, "&^": true,
	"+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "&=": true, "|=": true, "&&": true,
	"||": true, "<-": true, "++": true, "--": true, "==": true, "!=": true, ":=": true, "...": true,
	"+": true, "-": true, "*": true, "/": true, "%": true, "&": true,
}

// goBuiltinFuncs are highlighted as builtins when called.
var goBuiltinFuncs = map[string]bool{
	"print": true, "println": true, "panic": true, "recover": true, "close": true, "complex": true,
	"real": true, "imag": true, "len": true, "cap": true, "append": true, "copy": true, "delete": true,
	"new": true, "make": true, "clear": true, "min": true, "max": true,
}

// goTypes are the predeclared types.
var goTypes = map[string]bool{
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "int": true,
	"int8": true, "int16": true, "int32": true, "int64": true, "float32": true, "float64": true,
	"complex64": true, "complex128": true, "byte": true, "rune": true, "string": true, "bool": true,
	"error": true, "uintptr": true, "any": true,
}

// goTokenType classifies toks[i] the way chroma's Go lexer would.
func goTokenType(toks []goTok, i int, text string) chroma.TokenType {
	t := toks[i]
	switch {
	case t.tok == token.COMMENT:
		switch {
		case strings.HasPrefix(text, "/*"):
			return chroma.CommentMultiline
		case len(text) > 2 && text[2] != ' ' && text[2] != '\t':
			return chroma.CommentPreproc // //go:embed, //nolint
		}
		return chroma.CommentSingle
	case t.tok == token.PACKAGE || t.tok == token.IMPORT:
		return chroma.KeywordNamespace
	case t.tok == token.VAR || t.tok == token.FUNC || t.tok == token.STRUCT || t.tok == token.MAP ||
		t.tok == token.CHAN || t.tok == token.TYPE || t.tok == token.INTERFACE || t.tok == token.CONST:
		return chroma.KeywordDeclaration
	case t.tok.IsKeyword():
		return chroma.Keyword
	case t.tok == token.IDENT:
		called := i+1 < len(toks) && toks[i+1].tok == token.LPAREN
		switch {
		case text == "true" || text == "false" || text == "iota" || text == "nil":
			return chroma.KeywordConstant
		case called && (goBuiltinFuncs[text] || goTypes[text]):
			return chroma.NameBuiltin
		case goTypes[text]:
			return chroma.KeywordType
		case called:
			return chroma.NameFunction
		}
		return chroma.NameOther
	case t.tok == token.INT:
		return chroma.LiteralNumberInteger
	case t.tok == token.FLOAT:
		return chroma.LiteralNumberFloat
	case t.tok == token.IMAG:
		return chroma.LiteralNumber
	case t.tok == token.CHAR:
		return chroma.LiteralStringChar
	case t.tok == token.STRING:
		return chroma.LiteralString
	case t.tok.IsOperator():
		if goOperators[text] {
			return chroma.Operator
		}
		return chroma.Punctuation
	}
	return chroma.Error
}
