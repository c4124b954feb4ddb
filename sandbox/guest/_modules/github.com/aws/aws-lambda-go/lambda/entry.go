// Package lambda runs a Go handler as an AWS Lambda function.
//
// This is learnsls's own implementation of the package of the same path in
// github.com/aws/aws-lambda-go, with the same exported API: Start accepts the
// same handler shapes and rejects the others with the same messages. Instead
// of the Lambda Runtime API over HTTP, it talks to the learnsls host through
// the WebAssembly imports described in sandbox/guest/ABI.md.
package lambda

import (
	"context"
	"log"
)

// Start runs handler for every invocation of the function and never
// returns. The handler must be a function with these shapes, where TIn and
// TOut are types encoding/json can handle:
//
//	func ()
//	func (TIn)
//	func () error
//	func (TIn) error
//	func () (TOut, error)
//	func (TIn) (TOut, error)
//	func (context.Context)
//	func (context.Context) error
//	func (context.Context) (TOut, error)
//	func (context.Context, TIn)
//	func (context.Context, TIn) error
//	func (context.Context, TIn) (TOut, error)
//
// A TOut that implements io.Reader and has no JSON form of its own is sent
// as its raw bytes. A value implementing Handler is also accepted. Any other
// handler fails every invocation with a message saying what is wrong.
func Start(handler any) {
	StartWithOptions(handler)
}

// StartWithOptions is Start with handler options.
func StartWithOptions(handler any, options ...Option) {
	start(newHandler(handler, options...))
}

// StartWithContext is Start with ctx as the parent of every invocation's
// context.
//
// Deprecated: use StartWithOptions(handler, WithContext(ctx)).
func StartWithContext(ctx context.Context, handler any) {
	StartWithOptions(handler, WithContext(ctx))
}

// StartHandler runs a Handler.
//
// Deprecated: use Start.
func StartHandler(handler Handler) {
	StartWithOptions(handler)
}

// StartHandlerWithContext runs a Handler with a parent context.
//
// Deprecated: use StartWithOptions(handler, WithContext(ctx)).
func StartHandlerWithContext(ctx context.Context, handler Handler) {
	StartWithOptions(handler, WithContext(ctx))
}

// HandlerFunc is the constraint of StartHandlerFunc: a handler with a
// context, an event and a result.
type HandlerFunc[TIn, TOut any] interface {
	func(context.Context, TIn) (TOut, error)
}

// StartHandlerFunc is StartWithOptions for a handler whose shape the
// compiler checks.
func StartHandlerFunc[TIn any, TOut any, H HandlerFunc[TIn, TOut]](handler H, options ...Option) {
	start(newHandler(handler, options...))
}

// fatalf ends the process; a variable so tests can observe it.
var fatalf = log.Fatalf

func start(h *handlerOptions) {
	rt, err := hostRuntime()
	if err != nil {
		fatalf("%v", err)
		return
	}
	if err := runLoop(rt, h); err != nil {
		fatalf("%v", err)
	}
}
