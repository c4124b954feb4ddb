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
