// Package logging is learnsls's stand-in for
// github.com/aws/smithy-go/logging, so code that hands the SDK a logger
// compiles. The guest clients log nothing themselves; a StandardLogger
// still writes whatever code logs through it (to the function's log
// stream when given os.Stdout or os.Stderr).
package logging

import (
	"context"
	"io"
	"log"
)

// Classification is a log message's level.
type Classification string

// The levels the SDK uses.
const (
	Warn  Classification = "WARN"
	Debug Classification = "DEBUG"
)

// Logger receives SDK log messages.
type Logger interface {
	Logf(classification Classification, format string, v ...interface{})
}

// LoggerFunc adapts a function to Logger.
type LoggerFunc func(classification Classification, format string, v ...interface{})

// Logf calls f.
func (f LoggerFunc) Logf(classification Classification, format string, v ...interface{}) {
	f(classification, format, v...)
}

// ContextLogger is a Logger that can be specialised for a context.
type ContextLogger interface {
	WithContext(context.Context) Logger
}

// WithContext returns logger specialised for ctx when it can be, else
// logger itself (Nop for nil).
func WithContext(ctx context.Context, logger Logger) Logger {
	if logger == nil {
		return Nop{}
	}
	if cl, ok := logger.(ContextLogger); ok {
		return cl.WithContext(ctx)
	}
	return logger
}

// Nop discards everything.
type Nop struct{}

// Logf does nothing.
func (Nop) Logf(Classification, string, ...interface{}) {}

// StandardLogger writes through a *log.Logger, prefixing the level.
type StandardLogger struct {
	Logger *log.Logger
}

// Logf writes one message.
func (s StandardLogger) Logf(classification Classification, format string, v ...interface{}) {
	if classification != "" {
		format = string(classification) + " " + format
	}
	s.Logger.Printf(format, v...)
}

// NewStandardLogger returns a logger writing "SDK <date> <time> <level> …"
// lines to writer.
func NewStandardLogger(writer io.Writer) *StandardLogger {
	return &StandardLogger{Logger: log.New(writer, "SDK ", log.LstdFlags)}
}
