package jsoncodec

import (
	"encoding/base64"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Results of Decoder.Next and Decoder.Key.
const (
	Fail = iota // malformed input: give up
	More        // a member or element follows
	Done        // the closing bracket was consumed
)

// maxDepth bounds nesting in skipped and interface{} values. encoding/json
// accepts up to 10000 levels; deeper documents here make Decode decline,
// which keeps the recursion shallow in WebAssembly.
const maxDepth = 500

// Decoder reads one JSON document for generated code. Every value method
// skips leading whitespace itself, and returns false when the input is
// malformed or does not fit the target the way encoding/json would accept.
// Syntax is checked as strictly as encoding/json's scanner does, skipped
// values included, because Unmarshal rejects a document with any syntax
// error before it decodes anything.
type Decoder struct {
	data    []byte
	src     string // a copy of data, made when the first string is decoded
	pos     int
	depth   int
	scratch []byte // unescaped strings, reused
}

// NewDecoder returns a Decoder at the start of data.
func NewDecoder(data []byte) Decoder { return Decoder{data: data} }

func (d *Decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// Peek skips whitespace and returns the next byte, or 0 at the end.
func (d *Decoder) Peek() byte {
	if d.pos < len(d.data) && d.data[d.pos] > ' ' {
		return d.data[d.pos]
	}
	d.ws()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

// End reports whether only whitespace remains, as Unmarshal requires
// after the top-level value.
func (d *Decoder) End() bool {
	d.ws()
	return d.pos == len(d.data)
}

func (d *Decoder) lit(s string) bool {
	if len(d.data)-d.pos >= len(s) && string(d.data[d.pos:d.pos+len(s)]) == s {
		d.pos += len(s)
		return true
	}
	return false
}

// Null consumes the literal null (after Peek returned 'n').
func (d *Decoder) Null() bool { return d.lit("null") }

// Open consumes the '{' or '[' Peek returned.
func (d *Decoder) Open() bool {
	d.depth++
	d.pos++
	return d.depth <= maxDepth
}

// Next is called before element i (from 0) of an array or object opened
// with Open: it consumes the comma before every element but the first, or
// the closing bracket, and then reports Done.
func (d *Decoder) Next(i int, closing byte) int {
	c := d.Peek()
	if c == closing {
		d.pos++
		d.depth--
		return Done
	}
	if i > 0 {
		if c != ',' {
			return Fail
		}
		d.pos++
	}
	return More
}

// Key is Next for objects: it also reads the member's name, unescaped,
// and the colon after it. The name may point into a buffer the next
// string overwrites.
func (d *Decoder) Key(i int) ([]byte, int) {
	c := d.Peek()
	if c == '}' {
		d.pos++
		d.depth--
		return nil, Done
	}
	if i > 0 {
		if c != ',' {
			return nil, Fail
		}
		d.pos++
		c = d.Peek()
	}
	if c != '"' {
		return nil, Fail
	}
	k, ok := d.str()
	if !ok || d.Peek() != ':' {
		return nil, Fail
	}
	d.pos++
	return k, More
}

// str reads the string starting at d.pos (a '"') and returns its
// unescaped bytes: a piece of the input when nothing needs unescaping,
// else d.scratch. Invalid UTF-8 becomes U+FFFD, as in encoding/json.
func (d *Decoder) str() ([]byte, bool) {
	data := d.data
	start := d.pos + 1
	i := start
	// Eight bytes at a time while none is a quote, a backslash, a control
	// or a non-ASCII byte.
	for i+8 <= len(data) {
		w := data[i : i+8 : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if (hasByteBelow(x, 0x20)|hasZeroByte(x^(lsb*'"'))|hasZeroByte(x^(lsb*'\\'))|x)&msb != 0 {
			break
		}
		i += 8
	}
	for i < len(data) {
		c := data[i]
		if c == '"' {
			d.pos = i + 1
			return data[start:i], true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return d.strSlow(start, i)
}

const (
	lsb uint64 = 0x0101010101010101
	msb uint64 = 0x8080808080808080
)

func hasZeroByte(x uint64) uint64          { return (x - lsb) & ^x & msb }
func hasByteBelow(x uint64, n byte) uint64 { return (x - lsb*uint64(n)) & ^x & msb }

// strSlow continues str from data[i] (after the plain prefix
// data[start:i]), unescaping into d.scratch exactly as encoding/json's
// unquote does.
func (d *Decoder) strSlow(start, i int) ([]byte, bool) {
	data := d.data
	b := append(d.scratch[:0], data[start:i]...)
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			d.scratch = b
			return b, true
		case c == '\\':
			if i+1 >= len(data) {
				return nil, false
			}
			switch data[i+1] {
			case '"', '\\', '/':
				b = append(b, data[i+1])
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := getu4(data[i:])
				if rr < 0 {
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(rr) {
					rr1 := getu4(data[i:])
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						i += 6
						b = utf8.AppendRune(b, dec)
						continue
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
				continue
			default:
				return nil, false
			}
			i += 2
		case c < 0x20:
			return nil, false
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			// A continuation byte is never '"', so a sequence cannot run
			// past the closing quote.
			r, size := utf8.DecodeRune(data[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	return nil, false
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c = c - '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// number reads a number literal at d.pos by JSON's grammar.
func (d *Decoder) number() ([]byte, bool) {
	data := d.data
	i := d.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i >= len(data) {
		return nil, false
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case '1' <= c && c <= '9':
		i++
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	default:
		return nil, false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || !isDigit(data[i]) {
			return nil, false
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || !isDigit(data[i]) {
			return nil, false
		}
		for i < len(data) && isDigit(data[i]) {
			i++
		}
	}
	tok := data[d.pos:i]
	d.pos = i
	return tok, true
}

// numberToken reads a number where one must be, skipping whitespace.
func (d *Decoder) numberToken() ([]byte, bool) {
	if c := d.Peek(); c != '-' && !isDigit(c) {
		return nil, false
	}
	return d.number()
}

func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Str returns b, a string's bytes from Key or the decoder's own string
// reading, as a Go string. Strings that needed no unescaping are cut from
// one copy of the whole document instead of being allocated one by one
// (in WebAssembly each allocation costs more than copying the document);
// they share that copy's memory.
func (d *Decoder) Str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	off := uintptr(unsafe.Pointer(unsafe.SliceData(b))) - uintptr(unsafe.Pointer(unsafe.SliceData(d.data)))
	if off >= uintptr(len(d.data)) || uintptr(len(b)) > uintptr(len(d.data))-off {
		return string(b) // unescaped into d.scratch
	}
	if len(d.src) != len(d.data) {
		d.src = string(d.data)
	}
	return d.src[off : off+uintptr(len(b))]
}

// String decodes a JSON string (or null, which leaves *p unchanged).
func (d *Decoder) String(p *string) bool {
	switch d.Peek() {
	case 'n':
		return d.Null()
	case '"':
		s, ok := d.str()
		if !ok {
			return false
		}
		*p = d.Str(s)
		return true
	}
	return false
}

// Bool decodes true or false (or null, which leaves *p unchanged).
func (d *Decoder) Bool(p *bool) bool {
	switch d.Peek() {
	case 'n':
		return d.Null()
	case 't':
		if d.lit("true") {
			*p = true
			return true
		}
	case 'f':
		if d.lit("false") {
			*p = false
			return true
		}
	}
	return false
}

// Int decodes a JSON integer into any signed integer type, rejecting
// fractions, exponents and overflow as encoding/json does.
func Int[T ~int | ~int8 | ~int16 | ~int32 | ~int64](d *Decoder, p *T) bool {
	if d.Peek() == 'n' {
		return d.Null()
	}
	tok, ok := d.numberToken()
	if !ok {
		return false
	}
	var n int64
	if digits := tok; len(digits) < 19 {
		neg := digits[0] == '-'
		if neg {
			digits = digits[1:]
		}
		for _, c := range digits {
			if !isDigit(c) {
				return false // a fraction or exponent: ParseInt fails
			}
			n = n*10 + int64(c-'0')
		}
		if neg {
			n = -n
		}
	} else {
		var err error
		if n, err = strconv.ParseInt(unsafeString(tok), 10, 64); err != nil {
			return false
		}
	}
	if int64(T(n)) != n {
		return false
	}
	*p = T(n)
	return true
}

// Uint decodes a JSON integer into any unsigned integer type.
func Uint[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr](d *Decoder, p *T) bool {
	if d.Peek() == 'n' {
		return d.Null()
	}
	tok, ok := d.numberToken()
	if !ok {
		return false
	}
	n, err := strconv.ParseUint(unsafeString(tok), 10, 64)
	if err != nil || uint64(T(n)) != n {
		return false
	}
	*p = T(n)
	return true
}

// Float decodes a JSON number into a float type of the given bit size.
func Float[T ~float32 | ~float64](d *Decoder, p *T, bits int) bool {
	if d.Peek() == 'n' {
		return d.Null()
	}
	tok, ok := d.numberToken()
	if !ok {
		return false
	}
	f, err := strconv.ParseFloat(unsafeString(tok), bits)
	if err != nil {
		return false
	}
	*p = T(f)
	return true
}

// Bytes decodes a base64 string (standard encoding) into a byte slice;
// null sets it to nil. An array of numbers, which encoding/json also
// accepts, makes it decline.
func (d *Decoder) Bytes(p *[]byte) bool {
	switch d.Peek() {
	case 'n':
		if !d.Null() {
			return false
		}
		*p = nil
		return true
	case '"':
		s, ok := d.str()
		if !ok {
			return false
		}
		b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
		n, err := base64.StdEncoding.Decode(b, s)
		if err != nil {
			return false
		}
		*p = b[:n]
		return true
	}
	return false
}

// Raw skips one value and returns its bytes, for UnmarshalJSON methods.
func (d *Decoder) Raw() ([]byte, bool) {
	d.ws()
	start := d.pos
	if !d.Skip() {
		return nil, false
	}
	return d.data[start:d.pos], true
}

// Skip checks and skips one value.
func (d *Decoder) Skip() bool {
	switch c := d.Peek(); c {
	case '"':
		_, ok := d.str()
		return ok
	case '{':
		if !d.Open() {
			return false
		}
		for i := 0; ; i++ {
			_, st := d.Key(i)
			if st != More {
				return st == Done
			}
			if !d.Skip() {
				return false
			}
		}
	case '[':
		if !d.Open() {
			return false
		}
		for i := 0; ; i++ {
			st := d.Next(i, ']')
			if st != More {
				return st == Done
			}
			if !d.Skip() {
				return false
			}
		}
	case 't':
		return d.lit("true")
	case 'f':
		return d.lit("false")
	case 'n':
		return d.lit("null")
	default:
		_, ok := d.numberToken()
		return ok
	}
}

// Any decodes a value into an empty interface as encoding/json does: nil,
// bool, float64, string, []interface{} and map[string]interface{}. It
// declines when *p holds a pointer, which encoding/json would decode into.
func (d *Decoder) Any(p *any) bool {
	if *p != nil && reflect.TypeOf(*p).Kind() == reflect.Pointer {
		return false
	}
	switch c := d.Peek(); c {
	case 'n':
		if !d.Null() {
			return false
		}
		*p = nil
	case 't', 'f':
		var b bool
		if !d.Bool(&b) {
			return false
		}
		*p = b
	case '"':
		s, ok := d.str()
		if !ok {
			return false
		}
		*p = d.Str(s)
	case '{':
		if !d.Open() {
			return false
		}
		m := make(map[string]any)
		for i := 0; ; i++ {
			k, st := d.Key(i)
			if st == Done {
				break
			}
			if st == Fail {
				return false
			}
			key := d.Str(k)
			var v any
			if !d.Any(&v) {
				return false
			}
			m[key] = v
		}
		*p = m
	case '[':
		if !d.Open() {
			return false
		}
		a := make([]any, 0)
		for i := 0; ; i++ {
			st := d.Next(i, ']')
			if st == Done {
				break
			}
			if st == Fail {
				return false
			}
			var v any
			if !d.Any(&v) {
				return false
			}
			a = append(a, v)
		}
		*p = a
	default:
		tok, ok := d.numberToken()
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(unsafeString(tok), 64)
		if err != nil {
			return false
		}
		*p = f
	}
	return true
}

// Fold appends the case-folded form of a member name to dst, the way
// encoding/json folds names to match struct fields case-insensitively.
func Fold(dst, in []byte) []byte {
	for i := 0; i < len(in); {
		if c := in[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(in[i:])
		dst = utf8.AppendRune(dst, foldRune(r))
		i += n
	}
	return dst
}

// foldRune returns the smallest rune of r's fold set.
func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}
