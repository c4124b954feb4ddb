package lambda

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/aws/aws-lambda-go/internal/jsoncodec"
)

// Handler is a function-shaped value that turns an event's bytes into a
// response's bytes. Start also accepts any value implementing it.
type Handler interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// Option customises the handler built by StartWithOptions or
// NewHandlerWithOptions.
type Option func(*handlerOptions)

type handlerOptions struct {
	invoke func(ctx context.Context, payload []byte) ([]byte, error)
	// noContext is true when invoke ignores its context (a handler
	// function without a context parameter): the runtime loop then skips
	// building the invocation's context.
	noContext bool

	baseContext      context.Context
	contextValues    []contextValue
	useNumber        bool
	disallowUnknown  bool
	escapeHTML       bool
	indentPrefix     string
	indentValue      string
	sigtermCallbacks []func()
}

type contextValue struct{ key, value any }

// Invoke runs the handler on one payload; it makes *handlerOptions a Handler
// so NewHandler's result can be passed back to Start.
func (h *handlerOptions) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return h.invoke(ctx, payload)
}

// WithContext sets the parent context of every invocation's context.
func WithContext(ctx context.Context) Option {
	return func(h *handlerOptions) { h.baseContext = ctx }
}

// WithContextValue adds a value to every invocation's context.
func WithContextValue(key, value any) Option {
	return func(h *handlerOptions) { h.contextValues = append(h.contextValues, contextValue{key, value}) }
}

// WithSetEscapeHTML controls whether <, > and & are escaped in the JSON
// response (off by default, as in aws-lambda-go).
func WithSetEscapeHTML(escapeHTML bool) Option {
	return func(h *handlerOptions) { h.escapeHTML = escapeHTML }
}

// WithSetIndent indents the JSON response.
func WithSetIndent(prefix, indent string) Option {
	return func(h *handlerOptions) { h.indentPrefix, h.indentValue = prefix, indent }
}

// WithUseNumber decodes JSON numbers in the event into json.Number.
func WithUseNumber(useNumber bool) Option {
	return func(h *handlerOptions) { h.useNumber = useNumber }
}

// WithDisallowUnknownFields rejects events with fields the input type lacks.
func WithDisallowUnknownFields(disallow bool) Option {
	return func(h *handlerOptions) { h.disallowUnknown = disallow }
}

// WithEnableSIGTERM registers callbacks for the shutdown signal. Execution
// environments here are discarded without a signal, so the callbacks are
// kept but never run; the option exists so code written for AWS compiles.
func WithEnableSIGTERM(callbacks ...func()) Option {
	return func(h *handlerOptions) { h.sigtermCallbacks = append(h.sigtermCallbacks, callbacks...) }
}

// NewHandler wraps a handler function (any shape Start accepts) into a
// Handler that decodes the event from JSON and encodes the result as JSON.
// An invalid function yields a Handler whose every call returns the
// validation error.
func NewHandler(handlerFunc any) Handler {
	return NewHandlerWithOptions(handlerFunc)
}

// NewHandlerWithOptions is NewHandler with options applied.
func NewHandlerWithOptions(handlerFunc any, options ...Option) Handler {
	return newHandler(handlerFunc, options...)
}

func newHandler(handlerFunc any, options ...Option) *handlerOptions {
	if h, ok := handlerFunc.(*handlerOptions); ok {
		return h
	}
	h := &handlerOptions{baseContext: context.Background()}
	for _, o := range options {
		o(h)
	}
	for _, kv := range h.contextValues {
		h.baseContext = context.WithValue(h.baseContext, kv.key, kv.value)
	}
	h.invoke = h.reflectHandler(handlerFunc)
	return h
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
)

// isContext reports whether t is an interface type interchangeable with
// context.Context.
func isContext(t reflect.Type) bool {
	return t.Kind() == reflect.Interface && contextType.Implements(t) && t.Implements(contextType)
}

// takesContext validates the handler's parameters (same rules and messages
// as aws-lambda-go) and reports whether the first one is a context.
func takesContext(t reflect.Type) (bool, error) {
	switch t.NumIn() {
	case 0:
		return false, nil
	case 1:
		in := t.In(0)
		// A non-interface or an empty interface (any) is the event.
		if in.Kind() != reflect.Interface || in.NumMethod() == 0 {
			return false, nil
		}
		if !isContext(in) {
			return false, fmt.Errorf("handler takes an interface, but it is not context.Context: %q", in.Name())
		}
		return true, nil
	case 2:
		if in := t.In(0); !isContext(in) {
			return false, fmt.Errorf("handler takes two arguments, but the first is not Context. got %s", in.Kind())
		}
		return true, nil
	}
	return false, fmt.Errorf("handlers may not take more than two arguments, but handler takes %d", t.NumIn())
}

func validateReturns(t reflect.Type) error {
	switch n := t.NumOut(); {
	case n > 2:
		return errors.New("handler may not return more than two values")
	case n == 2:
		if !t.Out(1).Implements(errorType) {
			return errors.New("handler returns two values, but the second does not implement error")
		}
	case n == 1:
		if !t.Out(0).Implements(errorType) {
			return errors.New("handler returns a single value, but it does not implement error")
		}
	}
	return nil
}

func failing(err error) func(context.Context, []byte) ([]byte, error) {
	return func(context.Context, []byte) ([]byte, error) { return nil, err }
}

func (h *handlerOptions) reflectHandler(f any) func(context.Context, []byte) ([]byte, error) {
	if f == nil {
		return failing(errors.New("handler is nil"))
	}
	if hv, ok := f.(Handler); ok {
		return hv.Invoke
	}
	// The most common shapes without an event or a result are called
	// directly: reflect.Value.Call costs microseconds in WebAssembly.
	switch fn := f.(type) {
	case func():
		h.noContext = true
		return func(context.Context, []byte) ([]byte, error) { fn(); return h.encode(nil) }
	case func() error:
		h.noContext = true
		return func(context.Context, []byte) ([]byte, error) {
			if err := fn(); err != nil {
				return nil, err
			}
			return h.encode(nil)
		}
	case func(context.Context):
		return func(ctx context.Context, _ []byte) ([]byte, error) { fn(ctx); return h.encode(nil) }
	case func(context.Context) error:
		return func(ctx context.Context, _ []byte) ([]byte, error) {
			if err := fn(ctx); err != nil {
				return nil, err
			}
			return h.encode(nil)
		}
	}
	fn := reflect.ValueOf(f)
	ft := fn.Type()
	if ft.Kind() != reflect.Func {
		return failing(fmt.Errorf("handler kind %s is not %s", ft.Kind(), reflect.Func))
	}
	withCtx, err := takesContext(ft)
	if err != nil {
		return failing(err)
	}
	h.noContext = !withCtx
	if err := validateReturns(ft); err != nil {
		return failing(err)
	}
	hasEvent := ft.NumIn() == 2 || (ft.NumIn() == 1 && !withCtx)
	var eventType reflect.Type
	var eventCodec jsoncodec.Codec
	var eventFast bool
	if hasEvent {
		eventType = ft.In(ft.NumIn() - 1)
		eventCodec, eventFast = codecFor(eventType)
		eventFast = eventFast && !h.useNumber && !h.disallowUnknown
	}
	var resultFast func(reflect.Value) ([]byte, bool)
	if ft.NumOut() == 2 {
		resultFast = h.resultEncoder(ft.Out(0))
	}

	return func(ctx context.Context, payload []byte) ([]byte, error) {
		args := make([]reflect.Value, 0, 2)
		if withCtx {
			args = append(args, reflect.ValueOf(ctx))
		}
		if hasEvent {
			event := reflect.New(eventType)
			// The codec declines anything it cannot decode exactly as
			// encoding/json would (trailing data included), so the
			// fallback keeps json.Decoder's results and errors.
			if !eventFast || !eventCodec.Decode(payload, event.UnsafePointer()) {
				if eventFast {
					event.Elem().SetZero() // a declined codec may have filled part
				}
				if err := h.decodeEvent(payload, event.Interface, eventType); err != nil {
					return nil, err
				}
			}
			args = append(args, event.Elem())
		}

		out := fn.Call(args)

		if len(out) > 0 {
			if e := out[len(out)-1]; !isNil(e) {
				if err, ok := e.Interface().(error); ok && err != nil {
					return nil, err
				}
			}
		}
		var val any
		if len(out) == 2 {
			if resultFast != nil {
				if b, ok := resultFast(out[0]); ok {
					return b, nil
				}
			}
			val = out[0].Interface()
		}
		return h.encode(val)
	}
}

// resultEncoder returns a function that encodes a handler result of type t
// with its codec, without first boxing it into an interface (encode's
// path), or nil when t has no codec or encode must decide: interfaces,
// readers, indented output.
func (h *handlerOptions) resultEncoder(t reflect.Type) func(reflect.Value) ([]byte, bool) {
	if h.indentPrefix != "" || h.indentValue != "" || t.Kind() == reflect.Interface ||
		t.Implements(readerType) || reflect.PointerTo(t).Implements(readerType) {
		return nil
	}
	escapeHTML := h.escapeHTML
	if t.Kind() == reflect.Pointer {
		c, ok := codecFor(t.Elem())
		if !ok || t.Elem().Implements(readerType) {
			return nil
		}
		return func(v reflect.Value) ([]byte, bool) {
			if v.IsNil() {
				return nil, false // encode writes null
			}
			return c.Append(nil, v.UnsafePointer(), escapeHTML)
		}
	}
	c, ok := codecFor(t)
	if !ok {
		return nil
	}
	return func(v reflect.Value) ([]byte, bool) {
		p := reflect.New(t)
		p.Elem().Set(v)
		return c.Append(nil, p.UnsafePointer(), escapeHTML)
	}
}

var readerType = reflect.TypeFor[io.Reader]()

// isNil reports whether v is a nil interface, pointer, map, slice, func or
// channel; values of other kinds (an error type that is a struct) are
// never nil.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return v.IsNil()
	}
	return false
}

// decodeEvent decodes the payload into the value v returns, with
// json.Decoder semantics: only the first JSON value counts, so trailing
// data after it is ignored, as in aws-lambda-go. json.Unmarshal is tried
// first because it costs a quarter less in WebAssembly (no decoder or read
// buffer). It checks the whole input's syntax before decoding anything, so
// a *json.SyntaxError means nothing was decoded (and no UnmarshalJSON
// method ran): the decoder then gets a fresh value and decides. Any other
// error is the one the decoder would return for the same complete
// document.
func (h *handlerOptions) decodeEvent(payload []byte, v func() any, t reflect.Type) error {
	if !h.useNumber && !h.disallowUnknown {
		err := json.Unmarshal(payload, v())
		var syntax *json.SyntaxError
		if !errors.As(err, &syntax) {
			return err
		}
		// Reset what Unmarshal may have touched before the syntax check
		// failed (nothing, today; this keeps it true if that changes).
		reflect.ValueOf(v()).Elem().Set(reflect.Zero(t))
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	if h.useNumber {
		dec.UseNumber()
	}
	if h.disallowUnknown {
		dec.DisallowUnknownFields()
	}
	return dec.Decode(v())
}

// encode turns the handler's result into the response bytes: JSON, or the
// raw bytes of an io.Reader result that has no JSON form of its own.
func (h *handlerOptions) encode(val any) ([]byte, error) {
	if val == nil {
		// What the encoder below writes for nil (handlers without a
		// result), without building one.
		if h.indentPrefix == "" && h.indentValue == "" {
			return []byte("null"), nil
		}
		return []byte("null\n"), nil
	}
	// A result behind an interface type: its dynamic type may have a
	// codec (resultEncoder leaves readers and indented output to the
	// encoder below).
	reader, isReader := val.(io.Reader)
	if rv := reflect.ValueOf(val); !isReader {
		if enc := h.resultEncoder(rv.Type()); enc != nil {
			if out, ok := enc(rv); ok {
				return out, nil
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(h.escapeHTML)
	enc.SetIndent(h.indentPrefix, h.indentValue)
	if err := enc.Encode(val); err != nil {
		if isReader {
			return readAll(reader)
		}
		return nil, err
	}
	// A reader whose JSON form is an empty object (e.g. *strings.Reader) is
	// returned as its contents.
	if isReader && strings.HasPrefix(buf.String(), "{}") {
		return readAll(reader)
	}
	if h.indentPrefix == "" && h.indentValue == "" {
		buf.Truncate(buf.Len() - 1) // the encoder's trailing newline
	}
	return buf.Bytes(), nil
}

// codecFor is the reflection-free codec of t: generated for the event
// types, derived once by reflection for a handler's own structs. In
// WebAssembly encoding/json costs more than all the rest of a warm
// invocation; the codecs produce the same bytes and values, and decline
// whatever they cannot reproduce exactly.
func codecFor(t reflect.Type) (jsoncodec.Codec, bool) {
	if c, ok := jsoncodec.Lookup(t); ok {
		return c, true
	}
	return jsoncodec.Derive(t)
}

func readAll(r io.Reader) ([]byte, error) {
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	return io.ReadAll(r)
}
