package dynamodb

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small hand-written JSON reader for attribute values and items. Items
// are most of every request's bytes; decoding them by reflection (one
// json.Unmarshal per value) cost more than the operation itself.

var errSyntax = errors.New("dynamodb: malformed JSON in attribute value")

type jreader struct {
	b []byte
	i int
}

func (r *jreader) ws() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

func (r *jreader) peek() byte {
	r.ws()
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

func (r *jreader) expect(c byte) error {
	if r.peek() != c {
		return errSyntax
	}
	r.i++
	return nil
}

// literal consumes true, false or null.
func (r *jreader) literal() (string, error) {
	r.ws()
	for _, lit := range []string{"true", "false", "null"} {
		if len(r.b)-r.i >= len(lit) && string(r.b[r.i:r.i+len(lit)]) == lit {
			r.i += len(lit)
			return lit, nil
		}
	}
	return "", errSyntax
}

// str reads a JSON string.
func (r *jreader) str() (string, error) {
	if err := r.expect('"'); err != nil {
		return "", err
	}
	start := r.i
	for r.i < len(r.b) {
		c := r.b[r.i]
		if c == '"' {
			s := string(r.b[start:r.i])
			r.i++
			return validUTF8(s), nil
		}
		if c == '\\' {
			return r.strSlow(start)
		}
		if c < 0x20 {
			return "", errSyntax
		}
		r.i++
	}
	return "", errSyntax
}

func (r *jreader) strSlow(start int) (string, error) {
	out := append([]byte(nil), r.b[start:r.i]...)
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			r.i++
			return validUTF8(string(out)), nil
		case c < 0x20:
			return "", errSyntax
		case c != '\\':
			out = append(out, c)
			r.i++
			continue
		}
		r.i++
		if r.i >= len(r.b) {
			return "", errSyntax
		}
		e := r.b[r.i]
		r.i++
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			ru, ok := r.hex4()
			if !ok {
				return "", errSyntax
			}
			if utf16.IsSurrogate(ru) {
				if r.i+1 < len(r.b) && r.b[r.i] == '\\' && r.b[r.i+1] == 'u' {
					r.i += 2
					lo, ok := r.hex4()
					if !ok {
						return "", errSyntax
					}
					ru = utf16.DecodeRune(ru, lo)
				} else {
					ru = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, ru)
		default:
			return "", errSyntax
		}
	}
	return "", errSyntax
}

func (r *jreader) hex4() (rune, bool) {
	if r.i+4 > len(r.b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(r.b[r.i:r.i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	r.i += 4
	return rune(n), true
}

// validUTF8 replaces each invalid byte with U+FFFD, as encoding/json does,
// so stored strings are always valid UTF-8.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, s[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

// skip consumes any JSON value (unknown members).
func (r *jreader) skip() error {
	switch c := r.peek(); {
	case c == '"':
		_, err := r.str()
		return err
	case c == '{' || c == '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		r.i++
		if r.peek() == end {
			r.i++
			return nil
		}
		for {
			if c == '{' {
				if _, err := r.str(); err != nil {
					return err
				}
				if err := r.expect(':'); err != nil {
					return err
				}
			}
			if err := r.skip(); err != nil {
				return err
			}
			if r.peek() == ',' {
				r.i++
				continue
			}
			return r.expect(end)
		}
	case c == '-' || (c >= '0' && c <= '9'):
		for r.i < len(r.b) && (r.b[r.i] == '-' || r.b[r.i] == '+' || r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E' || (r.b[r.i] >= '0' && r.b[r.i] <= '9')) {
			r.i++
		}
		return nil
	default:
		_, err := r.literal()
		return err
	}
}

// item reads {"name": {…}, …}; null gives a nil item.
func (r *jreader) item() (Item, error) {
	if r.peek() == 'n' {
		_, err := r.literal()
		return nil, err
	}
	if err := r.expect('{'); err != nil {
		return nil, err
	}
	it := Item{}
	if r.peek() == '}' {
		r.i++
		return it, nil
	}
	for {
		k, err := r.str()
		if err != nil {
			return nil, err
		}
		if err := r.expect(':'); err != nil {
			return nil, err
		}
		v, err := r.value()
		if err != nil {
			return nil, err
		}
		it[k] = v
		switch r.peek() {
		case ',':
			r.i++
		case '}':
			r.i++
			return it, nil
		default:
			return nil, errSyntax
		}
	}
}

func (r *jreader) strList() ([]string, error) {
	if err := r.expect('['); err != nil {
		return nil, err
	}
	out := []string{}
	if r.peek() == ']' {
		r.i++
		return out, nil
	}
	for {
		s, err := r.str()
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		switch r.peek() {
		case ',':
			r.i++
		case ']':
			r.i++
			return out, nil
		default:
			return nil, errSyntax
		}
	}
}

func decodeB64(s string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return "", errors.New("dynamodb: invalid base64 in binary value")
	}
	return string(b), nil
}

// value reads one attribute value object. As with the reflective decoder
// it replaces, a value with no or several types becomes KindInvalid so
// validation can answer with DynamoDB's message.
func (r *jreader) value() (AttributeValue, error) {
	var v AttributeValue
	if err := r.expect('{'); err != nil {
		return v, err
	}
	n := 0
	if r.peek() == '}' {
		r.i++
		return AttributeValue{Kind: KindInvalid, Str: "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"}, nil
	}
	for {
		k, err := r.str()
		if err != nil {
			return v, err
		}
		if err := r.expect(':'); err != nil {
			return v, err
		}
		if r.peek() == 'n' { // "S": null is an absent member
			if _, err := r.literal(); err != nil {
				return v, err
			}
		} else {
			n++
			switch k {
			case "S", "N", "B":
				s, err := r.str()
				if err != nil {
					return v, err
				}
				v.Kind, v.Str = map[string]Kind{"S": KindS, "N": KindN, "B": KindB}[k], s
				if k == "B" {
					if v.Str, err = decodeB64(s); err != nil {
						return v, err
					}
				}
			case "BOOL", "NULL":
				lit, err := r.literal()
				if err != nil || lit == "null" {
					return v, errSyntax
				}
				v.Kind, v.Bool = KindBOOL, lit == "true"
				if k == "NULL" {
					v.Kind = KindNULL
				}
			case "M":
				m, err := r.item()
				if err != nil {
					return v, err
				}
				v.Kind, v.Map = KindM, m
			case "L":
				if err := r.expect('['); err != nil {
					return v, err
				}
				l := []AttributeValue{}
				if r.peek() == ']' {
					r.i++
				} else {
					for {
						e, err := r.value()
						if err != nil {
							return v, err
						}
						l = append(l, e)
						if r.peek() == ',' {
							r.i++
							continue
						}
						if err := r.expect(']'); err != nil {
							return v, err
						}
						break
					}
				}
				v.Kind, v.List = KindL, l
			case "SS", "NS", "BS":
				set, err := r.strList()
				if err != nil {
					return v, err
				}
				v.Kind, v.Set = map[string]Kind{"SS": KindSS, "NS": KindNS, "BS": KindBS}[k], set
				if k == "BS" {
					for i, s := range set {
						if set[i], err = decodeB64(s); err != nil {
							return v, err
						}
					}
				}
			default:
				n--
				if err := r.skip(); err != nil {
					return v, err
				}
			}
		}
		switch r.peek() {
		case ',':
			r.i++
			continue
		case '}':
			r.i++
		default:
			return v, errSyntax
		}
		break
	}
	switch {
	case n == 0:
		return AttributeValue{Kind: KindInvalid, Str: "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"}, nil
	case n > 1:
		return AttributeValue{Kind: KindInvalid, Str: "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"}, nil
	}
	return v, nil
}

func (r *jreader) end() error {
	r.ws()
	if r.i != len(r.b) {
		return errSyntax
	}
	return nil
}

// UnmarshalJSON decodes an item in DynamoDB JSON.
func (it *Item) UnmarshalJSON(data []byte) error {
	r := &jreader{b: data}
	m, err := r.item()
	if err != nil {
		return err
	}
	if err := r.end(); err != nil {
		return err
	}
	*it = m
	return nil
}

// jsonAppender is implemented by the responses of the hot operations,
// which are written directly instead of through encoding/json (which
// would re-validate every byte an Item's MarshalJSON returns).
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

func appendCapacity(b []byte, first bool, c *ConsumedCapacity) []byte {
	if c == nil {
		return b
	}
	if !first {
		b = append(b, ',')
	}
	cb, _ := json.Marshal(c)
	b = append(b, `"ConsumedCapacity":`...)
	return append(b, cb...)
}

func (o *GetItemOutput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	if o.Item != nil {
		b = append(b, `"Item":`...)
		b = appendItem(b, o.Item)
		first = false
	}
	b = appendCapacity(b, first, o.ConsumedCapacity)
	return append(b, '}')
}

func (o *WriteOutput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	if len(o.Attributes) > 0 {
		b = append(b, `"Attributes":`...)
		b = appendItem(b, o.Attributes)
		first = false
	}
	b = appendCapacity(b, first, o.ConsumedCapacity)
	return append(b, '}')
}

func (o *QueryOutput) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if o.Items != nil {
		b = append(b, `"Items":[`...)
		for i, it := range o.Items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendItem(b, it)
		}
		b = append(b, "],"...)
	}
	b = append(b, `"Count":`...)
	b = strconv.AppendInt(b, int64(o.Count), 10)
	b = append(b, `,"ScannedCount":`...)
	b = strconv.AppendInt(b, int64(o.ScannedCount), 10)
	if o.LastEvaluatedKey != nil {
		b = append(b, `,"LastEvaluatedKey":`...)
		b = appendItem(b, o.LastEvaluatedKey)
	}
	b = appendCapacity(b, false, o.ConsumedCapacity)
	return append(b, '}')
}
