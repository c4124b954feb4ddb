// Command shapes starts the handler shape named by the SHAPE variable, so
// one build covers every shape lambda.Start accepts or rejects.
package main

import (
	"context"
	"errors"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/lambda"
)

type in struct {
	Name string `json:"name"`
}

type out struct {
	Message string `json:"message"`
}

type handlerStruct struct{}

func (handlerStruct) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return []byte(`{"raw":` + string(payload) + `}`), nil
}

var shapes = map[string]any{
	"none":                func() {},
	"in":                  func(in) {},
	"err":                 func() error { return nil },
	"in-err":              func(in) error { return nil },
	"out-err":             func() (out, error) { return out{"no input"}, nil },
	"in-out-err":          func(v in) (out, error) { return out{"hi " + v.Name}, nil },
	"ctx":                 func(context.Context) {},
	"ctx-err":             func(context.Context) error { return errors.New("ctx-err failed") },
	"ctx-out-err":         func(context.Context) (out, error) { return out{"ctx only"}, nil },
	"ctx-in":              func(context.Context, in) {},
	"ctx-in-err":          func(context.Context, in) error { return nil },
	"ctx-in-out-err":      func(_ context.Context, v in) (out, error) { return out{"hello " + v.Name}, nil },
	"any-in":              func(v any) (any, error) { return v, nil },
	"reader-out":          func() (*strings.Reader, error) { return strings.NewReader("<p>raw</p>"), nil },
	"handler-interface":   handlerStruct{},
	"not-func":            42,
	"nil":                 nil,
	"three-args":          func(context.Context, in, in) error { return nil },
	"first-not-ctx":       func(in, in) error { return nil },
	"iface-not-ctx":       func(error) error { return nil },
	"single-not-error":    func() string { return "" },
	"three-returns":       func() (int, int, error) { return 0, 0, nil },
	"second-not-error":    func() (int, int) { return 0, 0 },
	"escape-html-default": func() (string, error) { return "<b>&</b>", nil },
}

func main() {
	name := os.Getenv("SHAPE")
	switch name {
	case "escape-html-on":
		lambda.StartWithOptions(shapes["escape-html-default"], lambda.WithSetEscapeHTML(true))
	case "generic":
		lambda.StartHandlerFunc(func(_ context.Context, v in) (out, error) { return out{"generic " + v.Name}, nil })
	default:
		lambda.Start(shapes[name])
	}
}
