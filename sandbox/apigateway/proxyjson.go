package apigateway

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// decodeProxyV1 decodes a function's payload 1.0 result as json.Unmarshal
// into proxyResponse does. The usual shape (statusCode, string headers,
// a string body) is read directly; anything else — nulls inside maps,
// repeated members, type mismatches, invalid JSON — goes to json.Unmarshal
// for its exact result and error. FuzzDecodeProxyV1 holds the two together.
func decodeProxyV1(payload []byte) (proxyResponse, error) {
	if pr, ok := readProxyV1(payload); ok {
		return pr, nil
	}
	var pr proxyResponse
	err := json.Unmarshal(payload, &pr)
	return pr, err
}

// readProxyV1 reads the usual shape strictly: whatever it accepts is valid
// JSON that json.Unmarshal decodes to the same value.
func readProxyV1(b []byte) (pr proxyResponse, ok bool) {
	c := &cursor{b: b}
	if !c.eat('{') {
		return pr, false
	}
	var seen [5]bool
	if !c.eat('}') {
		for {
			name, ok := c.plainString()
			if !ok || !c.eat(':') {
				return pr, false
			}
			var slot int
			switch name {
			case "statusCode":
				slot = 0
				if !c.null() {
					n, ok := c.integer()
					if !ok {
						return pr, false
					}
					pr.StatusCode = &n
				}
			case "headers":
				slot = 1
				if !c.null() {
					if pr.Headers, ok = c.stringMap(); !ok {
						return pr, false
					}
				}
			case "multiValueHeaders":
				slot = 2
				if !c.null() {
					if pr.MultiValueHeaders, ok = c.stringsMap(); !ok {
						return pr, false
					}
				}
			case "body":
				slot = 3
				if !c.null() {
					s, ok := c.string()
					if !ok {
						return pr, false
					}
					pr.Body = &s
				}
			case "isBase64Encoded":
				slot = 4
				if pr.IsBase64Encoded, ok = c.boolean(); !ok {
					return pr, false
				}
			default:
				return pr, false
			}
			if seen[slot] {
				return pr, false // a repeated member: json.Unmarshal merges
			}
			seen[slot] = true
			if c.eat('}') {
				break
			}
			if !c.eat(',') {
				return pr, false
			}
		}
	}
	c.ws()
	return pr, c.i == len(c.b)
}

// cursor reads JSON tokens strictly, refusing what it does not expect.
type cursor struct {
	b []byte
	i int
}

func (c *cursor) ws() {
	for c.i < len(c.b) && (c.b[c.i] == ' ' || c.b[c.i] == '\t' || c.b[c.i] == '\n' || c.b[c.i] == '\r') {
		c.i++
	}
}

func (c *cursor) eat(ch byte) bool {
	c.ws()
	if c.i < len(c.b) && c.b[c.i] == ch {
		c.i++
		return true
	}
	return false
}

func (c *cursor) literal(lit string) bool {
	c.ws()
	if len(c.b)-c.i >= len(lit) && string(c.b[c.i:c.i+len(lit)]) == lit {
		c.i += len(lit)
		return true
	}
	return false
}

func (c *cursor) null() bool { return c.literal("null") }

func (c *cursor) boolean() (bool, bool) {
	if c.literal("true") {
		return true, true
	}
	return false, c.literal("false")
}

// integer reads -?(0|[1-9][0-9]*) with no fraction or exponent, in range.
func (c *cursor) integer() (int, bool) {
	c.ws()
	start := c.i
	if c.i < len(c.b) && c.b[c.i] == '-' {
		c.i++
	}
	digits := c.i
	for c.i < len(c.b) && c.b[c.i] >= '0' && c.b[c.i] <= '9' {
		c.i++
	}
	if c.i == digits || (c.b[digits] == '0' && c.i-digits > 1) {
		return 0, false
	}
	if c.i < len(c.b) && (c.b[c.i] == '.' || c.b[c.i] == 'e' || c.b[c.i] == 'E') {
		return 0, false
	}
	n, err := strconv.ParseInt(string(c.b[start:c.i]), 10, strconv.IntSize)
	return int(n), err == nil
}

// string reads a string token: sliced when plain, decoded by
// json.Unmarshal when it has escapes (their rules for surrogates and
// invalid UTF-8 are encoding/json's).
func (c *cursor) string() (string, bool) {
	c.ws()
	if c.i >= len(c.b) || c.b[c.i] != '"' {
		return "", false
	}
	start := c.i
	escaped := false
	for j := c.i + 1; j < len(c.b); j++ {
		switch ch := c.b[j]; {
		case ch == '"':
			c.i = j + 1
			tok := c.b[start:c.i]
			if !escaped && utf8.Valid(tok) {
				return string(tok[1 : len(tok)-1]), true
			}
			var s string
			if json.Unmarshal(tok, &s) != nil {
				return "", false
			}
			return s, true
		case ch == '\\':
			escaped = true
			j++
		case ch < 0x20:
			return "", false
		}
	}
	return "", false
}

// plainString reads a string token with no escapes (member names).
func (c *cursor) plainString() (string, bool) {
	c.ws()
	if c.i >= len(c.b) || c.b[c.i] != '"' {
		return "", false
	}
	for j := c.i + 1; j < len(c.b); j++ {
		switch ch := c.b[j]; {
		case ch == '"':
			s := c.b[c.i+1 : j]
			c.i = j + 1
			return string(s), utf8.Valid(s)
		case ch == '\\' || ch < 0x20:
			return "", false
		}
	}
	return "", false
}

func (c *cursor) stringMap() (map[string]string, bool) {
	if !c.eat('{') {
		return nil, false
	}
	m := make(map[string]string, 4)
	if c.eat('}') {
		return m, true
	}
	for {
		k, ok := c.string()
		if !ok || !c.eat(':') {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		v, ok := c.string()
		if !ok {
			return nil, false
		}
		m[k] = v
		if c.eat('}') {
			return m, true
		}
		if !c.eat(',') {
			return nil, false
		}
	}
}

func (c *cursor) stringsMap() (map[string][]string, bool) {
	if !c.eat('{') {
		return nil, false
	}
	m := make(map[string][]string, 4)
	if c.eat('}') {
		return m, true
	}
	for {
		k, ok := c.string()
		if !ok || !c.eat(':') {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		if !c.eat('[') {
			return nil, false
		}
		vs := []string{}
		if !c.eat(']') {
			for {
				v, ok := c.string()
				if !ok {
					return nil, false
				}
				vs = append(vs, v)
				if c.eat(']') {
					break
				}
				if !c.eat(',') {
					return nil, false
				}
			}
		}
		m[k] = vs
		if c.eat('}') {
			return m, true
		}
		if !c.eat(',') {
			return nil, false
		}
	}
}
