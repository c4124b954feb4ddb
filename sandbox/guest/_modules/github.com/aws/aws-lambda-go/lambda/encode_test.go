package lambda

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestEncodeNil checks the shortcut for handlers without a result against
// what the JSON encoder writes, with and without indentation.
func TestEncodeNil(t *testing.T) {
	tests := []struct {
		name    string
		options []Option
	}{
		{"default", nil},
		{"indented", []Option{WithSetIndent(">", "  ")}},
		{"escape HTML", []Option{WithSetEscapeHTML(true)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(func() {}, tt.options...)
			got, err := h.encode(nil)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(h.escapeHTML)
			enc.SetIndent(h.indentPrefix, h.indentValue)
			if err := enc.Encode(nil); err != nil {
				t.Fatal(err)
			}
			w := want.Bytes()
			if h.indentPrefix == "" && h.indentValue == "" {
				w = w[:len(w)-1]
			}
			if string(got) != string(w) {
				t.Errorf("encode(nil) = %q, want %q", got, w)
			}
			// Through the whole handler, too.
			out, err := h.Invoke(t.Context(), []byte(`{}`))
			if err != nil || string(out) != string(w) {
				t.Errorf("Invoke = %q, %v; want %q", out, err, w)
			}
		})
	}
}

type greeting struct {
	Text string `json:"text"`
	HTML string `json:"html,omitempty"`
}

// structErr is an error type of struct kind: its zero value is still an
// error, as aws-lambda-go (which boxes the result) sees it.
type structErr struct{ Code int }

func (e structErr) Error() string { return "code " + string(rune('0'+e.Code)) }

// readerResult is a struct result that is also an io.Reader: its JSON form
// is {}, so the handler returns its contents.
type readerResult struct{ r *bytes.Reader }

func (r readerResult) Read(p []byte) (int, error) { return r.r.Read(p) }

// TestResultsThroughCodecs: results with a reflection-free codec come out
// exactly as encoding/json writes them, and the cases the codec path must
// leave alone (nil pointers, errors of struct kind, readers, indentation)
// behave as before.
func TestResultsThroughCodecs(t *testing.T) {
	marshal := func(v any, escapeHTML bool) string {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(escapeHTML)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	g := greeting{Text: "hi", HTML: "<b>&</b>"}
	tests := []struct {
		name    string
		handler any
		options []Option
		want    string
		wantErr string
	}{
		{"struct", func() (greeting, error) { return g, nil }, nil, marshal(g, false), ""},
		{"struct, HTML escaped", func() (greeting, error) { return g, nil }, []Option{WithSetEscapeHTML(true)}, marshal(g, true), ""},
		{"pointer", func() (*greeting, error) { return &g, nil }, nil, marshal(g, false), ""},
		{"nil pointer", func() (*greeting, error) { return nil, nil }, nil, "null", ""},
		{"struct behind any", func() (any, error) { return g, nil }, nil, marshal(g, false), ""},
		{"pointer behind any, HTML escaped", func() (any, error) { return &g, nil }, []Option{WithSetEscapeHTML(true)}, marshal(g, true), ""},
		{"reader behind any", func() (any, error) { return readerResult{bytes.NewReader([]byte("raw"))}, nil }, nil, "raw", ""},
		{"indented", func() (greeting, error) { return g, nil }, []Option{WithSetIndent("", " ")}, "{\n \"text\": \"hi\",\n \"html\": \"<b>&</b>\"\n}\n", ""},
		{"struct-kind error", func() (greeting, structErr) { return g, structErr{} }, nil, "", "code 0"},
		{"reader", func() (readerResult, error) { return readerResult{bytes.NewReader([]byte("raw bytes"))}, nil }, nil, "raw bytes", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(tt.handler, tt.options...)
			out, err := h.Invoke(t.Context(), []byte(`{}`))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Invoke = %q, %v; want error %q", out, err, tt.wantErr)
				}
				return
			}
			if err != nil || string(out) != tt.want {
				t.Errorf("Invoke = %q, %v; want %q", out, err, tt.want)
			}
		})
	}
}
