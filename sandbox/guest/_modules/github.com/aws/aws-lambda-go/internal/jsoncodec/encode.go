package jsoncodec

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// safeSet[b] is 1 for ASCII bytes a JSON string may hold as they are, 2
// when that is so only without HTML escaping ('<', '>', '&').
var safeSet = func() (t [utf8.RuneSelf]uint8) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = 1
	}
	t['"'], t['\\'] = 0, 0
	t['<'], t['>'], t['&'] = 2, 2, 2
	return t
}()

// AppendString appends s as a JSON string exactly as encoding/json does:
// invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped, and <, > and &
// escaped when escapeHTML is set.
func AppendString(dst []byte, s string, escapeHTML bool) []byte {
	dst = append(dst, '"')
	safe := uint8(1)
	if !escapeHTML {
		safe = 2
	}
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if t := safeSet[b]; t != 0 && t <= safe {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// AppendFloat appends f as encoding/json formats a float of the given bit
// size; it declines NaN and infinities, which encoding/json refuses.
func AppendFloat(b []byte, f float64, bits int) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// AppendBase64 appends a non-nil byte slice as encoding/json does: a
// string in standard base64.
func AppendBase64(b, v []byte) []byte {
	b = append(b, '"')
	b = base64.StdEncoding.AppendEncode(b, v)
	return append(b, '"')
}

// AppendBool appends true or false.
func AppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// AppendTime appends t as its MarshalJSON does. Its output (a quoted
// RFC 3339 time) holds no space or character HTML escaping would change,
// so it needs none of the compaction AppendMarshaled does.
func AppendTime(b []byte, t time.Time) ([]byte, bool) {
	out, err := t.MarshalJSON()
	if err != nil {
		return b, false
	}
	return append(b, out...), true
}

// AppendMarshaled appends the output of a MarshalJSON method as
// encoding/json does: checked, compacted and, with escapeHTML, with <, >,
// &, U+2028 and U+2029 escaped.
func AppendMarshaled(b, out []byte, escapeHTML bool) ([]byte, bool) {
	d := NewDecoder(out)
	if !d.Skip() || !d.End() {
		return b, false
	}
	inString := false
	start := 0
	for i := 0; i < len(out); i++ {
		c := out[i]
		if !inString {
			switch c {
			case ' ', '\t', '\n', '\r':
				b = append(b, out[start:i]...)
				start = i + 1
			case '"':
				inString = true
			}
			continue
		}
		switch {
		case c == '\\':
			i++ // the escaped byte is never one to change
		case c == '"':
			inString = false
		case !escapeHTML:
		case c == '<' || c == '>' || c == '&':
			b = append(b, out[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(out) && out[i+1] == 0x80 && out[i+2]&^1 == 0xA8:
			b = append(b, out[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[out[i+2]&0xF])
			start = i + 3
			i += 2
		}
	}
	return append(b, out[start:]...), true
}

// SortedKeys appends a map's keys to dst in the order encoding/json
// writes them. With a dst backed by an array on the caller's stack, small
// maps are sorted without allocating.
func SortedKeys[K ~string, V any](dst []K, m map[K]V) []K {
	for k := range m {
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return dst
}

// maxAnyDepth bounds nesting of interface values on encode; deeper values
// (or cyclic ones, which encoding/json reports as an error) make Append
// decline.
const maxAnyDepth = 500

// AppendAny appends a value held in an empty interface, for the dynamic
// types JSON decoding produces and the common ones handlers build; any
// other dynamic type makes it decline.
func AppendAny(b []byte, v any, escapeHTML bool) ([]byte, bool) {
	return appendAny(b, v, escapeHTML, 0)
}

func appendAny(b []byte, v any, esc bool, depth int) ([]byte, bool) {
	if depth > maxAnyDepth {
		return b, false
	}
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), true
	case string:
		return AppendString(b, v, esc), true
	case bool:
		return AppendBool(b, v), true
	case float64:
		return AppendFloat(b, v, 64)
	case float32:
		return AppendFloat(b, float64(v), 32)
	case int:
		return strconv.AppendInt(b, int64(v), 10), true
	case int64:
		return strconv.AppendInt(b, v, 10), true
	case int32:
		return strconv.AppendInt(b, int64(v), 10), true
	case int16:
		return strconv.AppendInt(b, int64(v), 10), true
	case int8:
		return strconv.AppendInt(b, int64(v), 10), true
	case uint:
		return strconv.AppendUint(b, uint64(v), 10), true
	case uint64:
		return strconv.AppendUint(b, v, 10), true
	case uint32:
		return strconv.AppendUint(b, uint64(v), 10), true
	case uint16:
		return strconv.AppendUint(b, uint64(v), 10), true
	case uint8:
		return strconv.AppendUint(b, uint64(v), 10), true
	case map[string]any:
		if v == nil {
			return append(b, "null"...), true
		}
		b = append(b, '{')
		var arr [16]string
		for i, k := range SortedKeys(arr[:0], v) {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, k, esc)
			b = append(b, ':')
			var ok bool
			if b, ok = appendAny(b, v[k], esc, depth+1); !ok {
				return b, false
			}
		}
		return append(b, '}'), true
	case []any:
		if v == nil {
			return append(b, "null"...), true
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var ok bool
			if b, ok = appendAny(b, e, esc, depth+1); !ok {
				return b, false
			}
		}
		return append(b, ']'), true
	case map[string]string:
		if v == nil {
			return append(b, "null"...), true
		}
		b = append(b, '{')
		var arr [16]string
		for i, k := range SortedKeys(arr[:0], v) {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, k, esc)
			b = append(b, ':')
			b = AppendString(b, v[k], esc)
		}
		return append(b, '}'), true
	case []string:
		if v == nil {
			return append(b, "null"...), true
		}
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, e, esc)
		}
		return append(b, ']'), true
	case json.RawMessage:
		if v == nil {
			return append(b, "null"...), true
		}
		return AppendMarshaled(b, v, esc)
	}
	return b, false
}
