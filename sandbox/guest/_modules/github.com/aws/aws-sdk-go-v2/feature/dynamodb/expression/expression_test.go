package expression

import (
	"strings"
	"testing"
)

// Equivalence with the real package is tested by sandbox/guest's host
// tests; these check the path parser's robustness and the build cost.

// FuzzName parses arbitrary paths: errors are fine, panics are not. (A
// path holding '$' inside an index suffix fails at render time, as it does
// in the real package, so rendering may fail too.)
func FuzzName(f *testing.F) {
	for _, s := range []string{"a", "a.b", "a[0].b[12][3]", "a[", "a]", "[0]", "a..b", "a[x]", "a[]", "]a[0", ""} {
		f.Add(s, "[1].c")
	}
	f.Fuzz(func(t *testing.T, path, appended string) {
		nb := Name(path).AppendName(Name(appended))
		op, err := nb.BuildOperand()
		if err != nil {
			return
		}
		var al aliases
		s, err := op.node.render(&al)
		if err != nil {
			return
		}
		if !strings.Contains(path+appended, "$") && len(al.names) == 0 {
			t.Fatalf("%q: rendered %q without names", path, s)
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		key := Key("pk").Equal(Value("USER#1")).And(Key("sk").BeginsWith("ORDER#"))
		filter := Name("status").In(Value("NEW"), Value("PAID")).And(Name("total").GreaterThan(Value(100)))
		if _, err := NewBuilder().WithKeyCondition(key).WithFilter(filter).Build(); err != nil {
			b.Fatal(err)
		}
	}
}
