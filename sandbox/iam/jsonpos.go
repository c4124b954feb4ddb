package iam

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON reader that keeps the byte span of every value and object key.
// encoding/json cannot do this: its Decoder reports offsets only after tokens
// and forgets duplicate keys, yet findings must point at the exact element
// (JSON path and line:column span) and IAM rejects duplicate keys.

// Pos is a position in a policy document. Line and Column are 1-based;
// Column counts bytes, as Access Analyzer's spans do; Offset is 0-based.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// Span is the half-open byte range [Start, End) of an element.
type Span struct {
	Start Pos `json:"start"`
	End   Pos `json:"end"`
}

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k nodeKind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "boolean"
	case kindNumber:
		return "number"
	case kindString:
		return "string"
	case kindArray:
		return "array"
	default:
		return "object"
	}
}

type member struct {
	key      string
	keyStart int
	keyEnd   int
	val      *node
}

type node struct {
	kind       nodeKind
	str        string // string value, or the raw text of a number
	b          bool
	arr        []*node
	obj        []member
	start, end int
}

// SyntaxError reports malformed JSON at a line and column.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 64

type jsonParser struct {
	src   []byte
	i     int
	depth int
	lines []int // offsets of line starts, built lazily
}

func parseJSON(src []byte) (*node, *SyntaxError) {
	p := &jsonParser{src: src}
	p.skipSpace()
	if p.i < len(src) && src[p.i] == 0xEF && len(src) >= 3 && src[1] == 0xBB && src[2] == 0xBF {
		p.i += 3 // tolerate a UTF-8 byte order mark
		p.skipSpace()
	}
	if p.i >= len(src) {
		return nil, p.errAt(p.i, "the document is empty; a policy is a JSON object such as {\"Version\": \"2012-10-17\", \"Statement\": [...]}")
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(src) {
		return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s after the end of the policy object", p.describe(p.i)))
	}
	return n, nil
}

func (p *jsonParser) pos(off int) Pos { return posOf(p.src, off) }

func posOf(src []byte, off int) Pos {
	if off > len(src) {
		off = len(src)
	}
	line, col := 1, 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return Pos{Line: line, Column: col, Offset: off}
}

func (p *jsonParser) errAt(off int, msg string) *SyntaxError {
	return &SyntaxError{Pos: p.pos(off), Msg: msg}
}

func (p *jsonParser) describe(off int) string {
	if off >= len(p.src) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.src[off:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", p.src[off])
	}
	return strconv.QuoteRune(r)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (*node, *SyntaxError) {
	if p.i >= len(p.src) {
		return nil, p.errAt(p.i, "the document ends too early; a value is missing")
	}
	start := p.i
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		return &node{kind: kindString, str: s, start: start, end: p.i}, nil
	case c == 't':
		return p.literal("true", &node{kind: kindBool, b: true})
	case c == 'f':
		return p.literal("false", &node{kind: kindBool})
	case c == 'n':
		return p.literal("null", &node{kind: kindNull})
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == '\'':
		return nil, p.errAt(p.i, "JSON strings use double quotes (\"), not single quotes")
	case (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'):
		return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s where a value should start: text must be in double quotes", p.describe(p.i)))
	default:
		return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s where a value should start", p.describe(p.i)))
	}
}

func (p *jsonParser) literal(word string, n *node) (*node, *SyntaxError) {
	start := p.i
	if !strings.HasPrefix(string(p.src[p.i:min(len(p.src), p.i+len(word))]), word) {
		return nil, p.errAt(p.i, fmt.Sprintf("unexpected %s; did you mean %s, or forget quotes around a string?", p.describe(p.i), word))
	}
	p.i += len(word)
	n.start, n.end = start, p.i
	return n, nil
}

func (p *jsonParser) number() (*node, *SyntaxError) {
	start := p.i
	if p.src[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	intStart := p.i
	if digits() == 0 {
		return nil, p.errAt(p.i, "a number needs digits")
	}
	if p.src[intStart] == '0' && p.i-intStart > 1 {
		return nil, p.errAt(intStart, "numbers cannot have leading zeros; quote the value as a string")
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, p.errAt(p.i, "a number needs digits after the decimal point")
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.errAt(p.i, "a number needs digits in its exponent")
		}
	}
	return &node{kind: kindNumber, str: string(p.src[start:p.i]), start: start, end: p.i}, nil
}

func (p *jsonParser) string() (string, *SyntaxError) {
	start := p.i
	p.i++ // opening quote
	var b strings.Builder
	plainFrom := p.i
	for {
		if p.i >= len(p.src) {
			return "", p.errAt(start, "this string is never closed; add the closing \"")
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			b.Write(p.src[plainFrom:p.i])
			p.i++
			return b.String(), nil
		case c == '\\':
			b.Write(p.src[plainFrom:p.i])
			if err := p.escape(&b); err != nil {
				return "", err
			}
			plainFrom = p.i
		case c < 0x20:
			if c == '\n' {
				return "", p.errAt(start, "this string is never closed on its line; add the closing \"")
			}
			return "", p.errAt(p.i, "control characters must be escaped inside strings")
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, size := utf8.DecodeRune(p.src[p.i:])
			if r == utf8.RuneError && size == 1 {
				return "", p.errAt(p.i, "the file is not valid UTF-8")
			}
			p.i += size
		}
	}
}

func (p *jsonParser) escape(b *strings.Builder) *SyntaxError {
	at := p.i
	p.i++ // backslash
	if p.i >= len(p.src) {
		return p.errAt(at, "a backslash ends the file")
	}
	c := p.src[p.i]
	p.i++
	switch c {
	case '"', '\\', '/':
		b.WriteByte(c)
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'u':
		r, ok := p.hex4()
		if !ok {
			return p.errAt(at, "\\u must be followed by four hexadecimal digits")
		}
		if utf16.IsSurrogate(r) {
			// A high surrogate must pair with a following \uDC00-\uDFFF.
			if p.i+1 < len(p.src) && p.src[p.i] == '\\' && p.src[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				r2, ok := p.hex4()
				if ok {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b.WriteRune(d)
						return nil
					}
				}
				p.i = save
			}
			r = utf8.RuneError
		}
		b.WriteRune(r)
	default:
		return p.errAt(at, fmt.Sprintf("\\%c is not a JSON escape; write \\\\ for a backslash", c))
	}
	return nil
}

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.src) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.src[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.i += 4
	return rune(v), true
}

func (p *jsonParser) enter() *SyntaxError {
	p.depth++
	if p.depth > maxDepth {
		return p.errAt(p.i, "the document nests too deeply")
	}
	return nil
}

func (p *jsonParser) object() (*node, *SyntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindObject, start: p.i}
	p.i++
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		n.end = p.i
		return n, nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, p.errAt(n.start, "this object is never closed; add the closing }")
		}
		if p.src[p.i] != '"' {
			if p.src[p.i] == '}' {
				return nil, p.errAt(p.i, "a comma before } leaves an empty member; remove the trailing comma")
			}
			return nil, p.errAt(p.i, fmt.Sprintf("expected a quoted key but found %s", p.describe(p.i)))
		}
		ks := p.i
		key, err := p.string()
		if err != nil {
			return nil, err
		}
		ke := p.i
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return nil, p.errAt(p.i, fmt.Sprintf("expected : after the key %q but found %s", key, p.describe(p.i)))
		}
		p.i++
		p.skipSpace()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.obj = append(n.obj, member{key: key, keyStart: ks, keyEnd: ke, val: v})
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, p.errAt(n.start, "this object is never closed; add the closing }")
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			n.end = p.i
			return n, nil
		default:
			return nil, p.errAt(p.i, fmt.Sprintf("expected , or } after the value of %q but found %s (is a comma missing?)", key, p.describe(p.i)))
		}
	}
}

func (p *jsonParser) array() (*node, *SyntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindArray, start: p.i}
	p.i++
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		p.i++
		n.end = p.i
		return n, nil
	}
	for {
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ']' {
			return nil, p.errAt(p.i, "a comma before ] leaves an empty element; remove the trailing comma")
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		n.arr = append(n.arr, v)
		p.skipSpace()
		if p.i >= len(p.src) {
			return nil, p.errAt(n.start, "this array is never closed; add the closing ]")
		}
		switch p.src[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			n.end = p.i
			return n, nil
		default:
			return nil, p.errAt(p.i, fmt.Sprintf("expected , or ] in the array but found %s (is a comma missing?)", p.describe(p.i)))
		}
	}
}
