package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	awslambda "github.com/aws/aws-lambda-go/lambda"
)

// Host-side twins of the handlers in testdata/guests/shapes: the real
// aws-lambda-go runs these natively and its answers are the expectations
// for our guest package running in wasm.
type shapeIn struct {
	Name string `json:"name"`
}

type shapeOut struct {
	Message string `json:"message"`
}

type shapeHandler struct{}

func (shapeHandler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	return []byte(`{"raw":` + string(payload) + `}`), nil
}

var hostShapes = map[string]any{
	"none":                func() {},
	"in":                  func(shapeIn) {},
	"err":                 func() error { return nil },
	"in-err":              func(shapeIn) error { return nil },
	"out-err":             func() (shapeOut, error) { return shapeOut{"no input"}, nil },
	"in-out-err":          func(v shapeIn) (shapeOut, error) { return shapeOut{"hi " + v.Name}, nil },
	"ctx":                 func(context.Context) {},
	"ctx-err":             func(context.Context) error { return errors.New("ctx-err failed") },
	"ctx-out-err":         func(context.Context) (shapeOut, error) { return shapeOut{"ctx only"}, nil },
	"ctx-in":              func(context.Context, shapeIn) {},
	"ctx-in-err":          func(context.Context, shapeIn) error { return nil },
	"ctx-in-out-err":      func(_ context.Context, v shapeIn) (shapeOut, error) { return shapeOut{"hello " + v.Name}, nil },
	"any-in":              func(v any) (any, error) { return v, nil },
	"reader-out":          func() (*strings.Reader, error) { return strings.NewReader("<p>raw</p>"), nil },
	"handler-interface":   shapeHandler{},
	"not-func":            42,
	"nil":                 nil,
	"three-args":          func(context.Context, shapeIn, shapeIn) error { return nil },
	"first-not-ctx":       func(shapeIn, shapeIn) error { return nil },
	"iface-not-ctx":       func(error) error { return nil },
	"single-not-error":    func() string { return "" },
	"three-returns":       func() (int, int, error) { return 0, 0, nil },
	"second-not-error":    func() (int, int) { return 0, 0 },
	"escape-html-default": func() (string, error) { return "<b>&</b>", nil },
}

// realAnswer runs the real aws-lambda-go handler wrapper and turns its
// result into what Lambda would return: the payload, or the error record.
func realAnswer(t *testing.T, h awslambda.Handler, payload string) (string, string) {
	out, err := h.Invoke(context.Background(), []byte(payload))
	if err != nil {
		typ := reflect.TypeOf(err)
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		b, _ := json.Marshal(map[string]string{"errorMessage": err.Error(), "errorType": typ.Name()})
		return string(b), typ.Name()
	}
	return string(out), ""
}

func TestHandlerShapesMatchAWSLambdaGo(t *testing.T) {
	code := buildDir(t, "guests/shapes")
	s := newTestService(t, Options{ConcurrencyLimit: 50, MaxEnvironments: 50})
	payload := `{"name":"Ada"}`
	type tc struct {
		shape string
		real  awslambda.Handler
	}
	var cases []tc
	for name, f := range hostShapes {
		cases = append(cases, tc{name, awslambda.NewHandler(f)})
	}
	cases = append(cases,
		tc{"escape-html-on", awslambda.NewHandlerWithOptions(hostShapes["escape-html-default"], awslambda.WithSetEscapeHTML(true))},
		tc{"generic", awslambda.NewHandler(func(_ context.Context, v shapeIn) (shapeOut, error) { return shapeOut{"generic " + v.Name}, nil })},
	)
	for _, c := range cases {
		t.Run(c.shape, func(t *testing.T) {
			name := "shape-" + c.shape
			createFunction(t, s, FunctionConfig{Name: name, Environment: map[string]string{"SHAPE": c.shape}}, code)
			wantPayload, wantType := realAnswer(t, c.real, payload)
			res := invoke(t, s, name, payload)
			if string(res.Payload) != wantPayload || res.ErrorType != wantType || (wantType != "") != (res.FunctionError == "Unhandled") {
				t.Errorf("payload %s (errorType %q, functionError %q)\nwant    %s (errorType %q)\nlogs:\n%s", res.Payload, res.ErrorType, res.FunctionError, wantPayload, wantType, res.Logs)
			}
		})
	}
}
