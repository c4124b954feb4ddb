// Package jsoncodec decodes and encodes the hot event types without
// reflection. In WebAssembly, encoding/json's reflection and its byte-at-a-
// time scanner are the largest part of a warm invocation; the events
// package registers generated codecs here and the lambda runtime looks them
// up by type, falling back to encoding/json whenever a codec declines.
//
// A codec never guesses: Decode and Append return false for anything they
// are not certain to handle exactly as encoding/json would (malformed
// input, numbers out of range, values of unhandled dynamic types, ...), and
// the caller then repeats the work with encoding/json, which produces the
// result or the exact error.
//
// The generated code (events/jsoncodec_gen.go) is written by the host-side
// tool learnsls/sandbox/guest/internal/jsoncodecgen: a Struct table per
// struct type (field names, offsets, kinds), walked by DecodeStruct and
// AppendStruct, plus small functions for pointers, slices, maps and types
// with JSON methods. Tables rather than a function per struct keep the
// WebAssembly of every handler that imports events small (about 0.45 MB
// for all the event types, against 0.85 MB as straight-line code) at a
// few per cent of speed. The exported helpers exist for that code.
package jsoncodec

import (
	"reflect"
	"unsafe"
)

// Codec decodes and encodes one Go type without reflection.
type Codec struct {
	// Decode fills *(*T)(p) from data exactly as
	// encoding/json.Unmarshal(data, (*T)(p)) would on success, a zero or
	// a non-zero *p alike (maps merge, slices reuse their elements,
	// pointers are followed, as encoding/json does). Decoded strings
	// share one copy of data.
	// It returns false when it cannot decide (malformed input, a case it
	// does not handle): the caller then zeroes *p and uses encoding/json,
	// which produces the exact error.
	Decode func(data []byte, p unsafe.Pointer) bool
	// Append appends the JSON of *(*T)(p) exactly as a json.Encoder with
	// SetEscapeHTML(escapeHTML) would (without the trailing newline), as
	// for a T value that is not addressable (a handler's returned T);
	// false = use encoding/json.
	Append func(dst []byte, p unsafe.Pointer, escapeHTML bool) ([]byte, bool)
}

// registry is written only by Register during package initialisation and
// read afterwards, so it needs no lock.
var registry map[reflect.Type]Codec

// Register records the codec of t. It is called from init functions of
// generated code; a later registration of the same type replaces the
// earlier one.
func Register(t reflect.Type, c Codec) {
	if registry == nil {
		registry = make(map[reflect.Type]Codec)
	}
	registry[t] = c
}

// Lookup returns the codec registered for t.
func Lookup(t reflect.Type) (Codec, bool) {
	c, ok := registry[t]
	return c, ok
}
