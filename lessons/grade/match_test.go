package grade

import (
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	obj := func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name             string
		expected, actual any
		why              string // "" = must match; else a substring of the reason
	}{
		{"equal string", "a", "a", ""},
		{"different string", "a", "b", `expected "a", got "b"`},
		{"number equal", 3.0, 3.0, ""},
		{"number vs string", 3.0, "3", `expected 3, got "3"`},
		{"subset object", obj("a", 1.0), obj("a", 1.0, "b", 2.0), ""},
		{"missing key", obj("a", 1.0, "c", 1.0), obj("a", 1.0), "c: missing"},
		{"nested mismatch", obj("u", obj("n", "x")), obj("u", obj("n", "y")), `u.n: expected "x"`},
		{"array length", []any{1.0}, []any{1.0, 2.0}, "expected 1 elements, got 2"},
		{"array element", []any{1.0, 2.0}, []any{1.0, 3.0}, "[1]: expected 2"},
		{"any string", obj("$any", "string"), "x", ""},
		{"any string fails", obj("$any", "string"), 1.0, "expected any string"},
		{"any number", obj("$any", "number"), 1.0, ""},
		{"any object", obj("$any", "object"), obj(), ""},
		{"regexp", obj("$regexp", "^Hello, .+!$"), "Hello, Ada!", ""},
		{"regexp fails", obj("$regexp", "^Hello"), "Bye", "matching /^Hello/"},
		{"contains", obj("$contains", "lo, A"), "Hello, Ada", ""},
		{"range", obj("$range", []any{1.0, 10.0}), 10.0, ""},
		{"range fails", obj("$range", []any{1.0, 10.0}), 11.0, "from 1 to 10"},
		{"iso date", obj("$isoDate", true), "2026-11-25T10:00:00Z", ""},
		{"iso day", obj("$isoDate", true), "2026-11-25", ""},
		{"iso date fails", obj("$isoDate", true), "25/11/2026", "ISO 8601"},
		{"uuid", obj("$uuid", true), "c6af9ac6-7b61-11e6-9a41-93e812345678", ""},
		{"uuid fails", obj("$uuid", true), "c6af9ac6", "expected a UUID"},
		{"absent", obj("x", obj("$absent", true)), obj("y", 1.0), ""},
		{"absent fails", obj("x", obj("$absent", true)), obj("x", 1.0), "x: expected no such key"},
		{"null", nil, nil, ""},
		{"object vs array", obj("a", 1.0), []any{}, "expected an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			why := match(tt.expected, tt.actual, "")
			if tt.why == "" && why != "" {
				t.Fatalf("want a match, got %q", why)
			}
			if tt.why != "" && !strings.Contains(why, tt.why) {
				t.Fatalf("reason %q does not contain %q", why, tt.why)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	v := map[string]any{"items": []any{map[string]any{"id": "a"}}, "n": 1.0}
	tests := []struct {
		path string
		want any
		ok   bool
	}{
		{"n", 1.0, true},
		{"$.n", 1.0, true},
		{"items[0].id", "a", true},
		{"items[1].id", nil, false},
		{"missing", nil, false},
	}
	for _, tt := range tests {
		parts, err := parsePath(tt.path)
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		got, ok := lookup(v, parts)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("lookup(%s) = %v, %v; want %v, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("a\nb\nc", "a\nx\nc")
	want := "  a\n+ x\n- b\n  c"
	if got != want {
		t.Fatalf("diff:\n%s\nwant:\n%s", got, want)
	}
	if lineDiff("same", "same") != "" {
		t.Fatal("equal texts must give an empty diff")
	}
}

func TestAttributeValues(t *testing.T) {
	plain := map[string]any{"id": "1", "n": 2.5, "ok": true, "tags": []any{"a"}, "m": map[string]any{"x": nil}}
	av, err := itemToAttributeValues(plain)
	if err != nil {
		t.Fatal(err)
	}
	if got := compactJSONFull(av); got != `{"id":{"S":"1"},"m":{"M":{"x":{"NULL":true}}},"n":{"N":"2.5"},"ok":{"BOOL":true},"tags":{"L":[{"S":"a"}]}}` {
		t.Fatalf("to AV: %s", got)
	}
	back := itemFromAttributeValues(av)
	if why := match(plain, back, ""); why != "" {
		t.Fatalf("round trip: %s", why)
	}
	set := fromAttributeValue(map[string]any{"NS": []any{"3", "1"}})
	if compactJSONFull(set) != "[1,3]" {
		t.Fatalf("NS: %s", compactJSONFull(set))
	}
}
