package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

// marshal is what encoding/json writes for s, with or without HTML
// escaping.
func marshal(t testing.TB, s string, escapeHTML bool) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

var samples = []string{
	"", "plain", `quote " and backslash \`, "tab\tnew\nline\rret",
	"\b\f\x00\x01\x1f\x7f", "<script>&amp;</script>", "é ü 日本 🎉",
	"bad \xff utf8 \xc3", "line sep \u2028 para sep \u2029", "\u2027\u202a",
}

func TestAppendMatchesEncodingJSON(t *testing.T) {
	for _, s := range samples {
		for _, html := range []bool{true, false} {
			got := Append([]byte("x"), s, html)
			want := append([]byte("x"), marshal(t, s, html)...)
			if !bytes.Equal(got, want) {
				t.Errorf("Append(%q, html=%v) = %s, want %s", s, html, got, want)
			}
		}
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range samples {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, html bool) {
		if got, want := Append(nil, s, html), marshal(t, s, html); !bytes.Equal(got, want) {
			t.Fatalf("Append(%q, %v) = %s, want %s", s, html, got, want)
		}
	})
}
