package pattern

import (
	"strconv"
	"unicode/utf8"
)

// node is a parsed JSON value that remembers where it started in the
// source, so validation errors can point at the offending token.
type node struct {
	kind kind
	off  int // byte offset of the value's first character
	str  string
	num  float64
	b    bool
	arr  []*node
	keys []string // object members, in source order
	kOff []int    // offset of each key
	vals []*node
}

type kind uint8

const (
	kNull kind = iota
	kBool
	kNum
	kStr
	kArr
	kObj
)

func (k kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// maxDepth bounds nesting so a hostile pattern cannot exhaust the stack.
const maxDepth = 64

type parser struct {
	src []byte
	pos int
	err *SyntaxError
}

func (p *parser) fail(off int, reason string) {
	if p.err == nil {
		p.err = newSyntaxError(p.src, off, reason)
	}
}

func (p *parser) ws() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// parseJSON parses one JSON document with offsets; trailing text is an error.
func parseJSON(src []byte) (*node, *SyntaxError) {
	p := &parser{src: src}
	p.ws()
	n := p.value(0)
	if p.err != nil {
		return nil, p.err
	}
	p.ws()
	if p.pos != len(src) {
		p.fail(p.pos, "Unexpected character after the end of the JSON value")
		return nil, p.err
	}
	return n, nil
}

func (p *parser) value(depth int) *node {
	if p.err != nil {
		return nil
	}
	if depth > maxDepth {
		p.fail(p.pos, "Pattern is nested too deeply")
		return nil
	}
	if p.pos >= len(p.src) {
		p.fail(p.pos, "Unexpected end of input")
		return nil
	}
	start := p.pos
	switch c := p.src[p.pos]; {
	case c == '{':
		p.pos++
		n := &node{kind: kObj, off: start}
		p.ws()
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			return n
		}
		for {
			p.ws()
			if p.pos >= len(p.src) || p.src[p.pos] != '"' {
				p.fail(p.pos, "Expected a field name in double quotes")
				return nil
			}
			kOff := p.pos
			k, ok := p.string()
			if !ok {
				return nil
			}
			p.ws()
			if p.pos >= len(p.src) || p.src[p.pos] != ':' {
				p.fail(p.pos, "Expected ':' after a field name")
				return nil
			}
			p.pos++
			p.ws()
			v := p.value(depth + 1)
			if p.err != nil {
				return nil
			}
			n.keys = append(n.keys, k)
			n.kOff = append(n.kOff, kOff)
			n.vals = append(n.vals, v)
			p.ws()
			if p.pos < len(p.src) && p.src[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.src) && p.src[p.pos] == '}' {
				p.pos++
				return n
			}
			p.fail(p.pos, "Expected ',' or '}' in an object")
			return nil
		}
	case c == '[':
		p.pos++
		n := &node{kind: kArr, off: start}
		p.ws()
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			return n
		}
		for {
			p.ws()
			v := p.value(depth + 1)
			if p.err != nil {
				return nil
			}
			n.arr = append(n.arr, v)
			p.ws()
			if p.pos < len(p.src) && p.src[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				p.pos++
				return n
			}
			p.fail(p.pos, "Expected ',' or ']' in an array")
			return nil
		}
	case c == '"':
		s, ok := p.string()
		if !ok {
			return nil
		}
		return &node{kind: kStr, off: start, str: s}
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if len(p.src)-p.pos >= len(lit) && string(p.src[p.pos:p.pos+len(lit)]) == lit {
				p.pos += len(lit)
				switch lit {
				case "true":
					return &node{kind: kBool, off: start, b: true}
				case "false":
					return &node{kind: kBool, off: start}
				}
				return &node{kind: kNull, off: start}
			}
		}
		p.fail(start, "Unrecognized token")
		return nil
	case c == '-' || (c >= '0' && c <= '9'):
		end := p.pos
		for end < len(p.src) {
			b := p.src[end]
			if (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E' {
				end++
				continue
			}
			break
		}
		text := string(p.src[p.pos:end])
		if !validNumber(text) {
			p.fail(start, "Invalid number "+strconv.Quote(text))
			return nil
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			p.fail(start, "Number out of range "+text)
			return nil
		}
		p.pos = end
		return &node{kind: kNum, off: start, num: f}
	default:
		p.fail(start, "Unexpected character "+strconv.QuoteRune(rune(c)))
		return nil
	}
}

// validNumber checks JSON number grammar (strconv accepts more).
func validNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	if i >= len(s) {
		return false
	}
	if s[i] == '0' {
		i++
	} else if s[i] >= '1' && s[i] <= '9' {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	} else {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(s)
}

// string reads a JSON string starting at the opening quote.
func (p *parser) string() (string, bool) {
	start := p.pos
	p.pos++
	var buf []byte
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			if buf == nil {
				return string(p.src[start+1 : p.pos-1]), true
			}
			return string(buf), true
		case c == '\\':
			if buf == nil {
				buf = append([]byte{}, p.src[start+1:p.pos]...)
			}
			if p.pos+1 >= len(p.src) {
				p.fail(p.pos, "Unterminated escape in a string")
				return "", false
			}
			e := p.src[p.pos+1]
			p.pos += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				if p.pos+4 > len(p.src) {
					p.fail(p.pos, "Short \\u escape in a string")
					return "", false
				}
				v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+4]), 16, 32)
				if err != nil {
					p.fail(p.pos, "Invalid \\u escape in a string")
					return "", false
				}
				p.pos += 4
				r := rune(v)
				if r >= 0xD800 && r < 0xDC00 && p.pos+6 <= len(p.src) && p.src[p.pos] == '\\' && p.src[p.pos+1] == 'u' {
					if lo, err := strconv.ParseUint(string(p.src[p.pos+2:p.pos+6]), 16, 32); err == nil && lo >= 0xDC00 && lo < 0xE000 {
						r = (r-0xD800)<<10 + (rune(lo) - 0xDC00) + 0x10000
						p.pos += 6
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				p.fail(p.pos-2, "Invalid escape in a string")
				return "", false
			}
		case c < 0x20:
			p.fail(p.pos, "Control character in a string")
			return "", false
		default:
			if buf != nil {
				buf = append(buf, c)
			}
			p.pos++
		}
	}
	p.fail(start, "Unterminated string")
	return "", false
}
