package sam

import (
	"os"
	"testing"
)

// BenchmarkLoadFiveResources is parse + transform + resolve of a template
// with five template resources (a function with an API event and a
// DynamoDBCrudPolicy, a table, a queue, a topic, a role) — the sam part of
// a deploy, whose target is ≤ 5 ms for the whole deploy without the build.
func BenchmarkLoadFiveResources(b *testing.B) {
	src, err := os.ReadFile("testdata/bench/five.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		m, err := Load("template.yaml", src, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := m.APIs("us-east-1", "123456789012"); err != nil {
			b.Fatal(err)
		}
	}
}
