package iam

import (
	"encoding/json"
	"unicode/utf8"
)

// Reading request bodies: CallChecks runs on every AWS call a function
// makes, and decoding the whole body into a map of copied raw members was
// most of its cost. readObject and jsonString give what json.Unmarshal
// gives (FuzzReadObject holds them to it) without the copies.

// readObject returns the top-level members of a JSON object as
// json.Unmarshal into map[string]json.RawMessage does, the values sharing
// data's memory. Anything but a valid object goes to json.Unmarshal, for
// its result and its error.
func readObject(data []byte) (map[string]json.RawMessage, error) {
	i := skipWS(data, 0)
	if i >= len(data) || data[i] != '{' || !json.Valid(data) {
		var m map[string]json.RawMessage
		err := json.Unmarshal(data, &m)
		return m, err
	}
	m := make(map[string]json.RawMessage, 8)
	i = skipWS(data, i+1)
	if data[i] == '}' {
		return m, nil
	}
	for {
		// data is valid JSON: a member name, ':', a value, then ',' or '}'.
		end := stringEnd(data, i)
		name, err := jsonString(data[i:end])
		if err != nil {
			return nil, err
		}
		i = skipWS(data, end)
		i = skipWS(data, i+1) // ':'
		vend := valueEnd(data, i)
		m[name] = json.RawMessage(data[i:vend:vend])
		i = skipWS(data, vend)
		if data[i] == '}' {
			return m, nil
		}
		i = skipWS(data, i+1) // ','
	}
}

// jsonString decodes a JSON string token as json.Unmarshal does; strings
// without escapes or invalid UTF-8 are sliced, not decoded.
func jsonString(tok []byte) (string, error) {
	if len(tok) >= 2 && tok[0] == '"' && tok[len(tok)-1] == '"' {
		plain := true
		for _, c := range tok[1 : len(tok)-1] {
			if c == '\\' || c == '"' || c < 0x20 {
				plain = false
				break
			}
		}
		if plain && utf8.Valid(tok) {
			return string(tok[1 : len(tok)-1]), nil
		}
	}
	var s string
	err := json.Unmarshal(tok, &s)
	return s, err
}

func skipWS(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the string token at data[i] (valid
// JSON assumed).
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// valueEnd returns the index just past the value at data[i] (valid JSON
// assumed).
func valueEnd(data []byte, i int) int {
	switch data[i] {
	case '"':
		return stringEnd(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = stringEnd(data, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}
	// A number or a literal runs to the next delimiter.
	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j
		}
		j++
	}
	return j
}
