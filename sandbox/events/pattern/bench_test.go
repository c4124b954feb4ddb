package pattern

import (
	"fmt"
	"testing"
)

// rules1000 builds 1,000 rules in the shape real buses carry: a source,
// a detail-type and a couple of detail conditions each, with 100 rules
// that cannot be indexed by source (prefix or $or).
func rules1000() *RuleSet {
	rs := NewRuleSet()
	for i := 0; i < 900; i++ {
		rs.Add(fmt.Sprintf("r%d", i), MustCompile(fmt.Sprintf(
			`{"source":["app.%d"],"detail-type":["Order Placed","Order Updated"],"detail":{"status":["OPEN"],"price":{"amount":[{"numeric":[">",%d]}]}}}`, i%300, i)))
	}
	for i := 0; i < 100; i++ {
		rs.Add(fmt.Sprintf("p%d", i), MustCompile(fmt.Sprintf(
			`{"source":[{"prefix":"svc%d."}],"detail":{"$or":[{"status":["CLOSED"]},{"price":{"currency":["EUR"]}}]}}`, i)))
	}
	return rs
}

func BenchmarkMatch1000Rules(b *testing.B) {
	rs := rules1000()
	ev, err := ParseEvent([]byte(`{"version":"0","id":"1","source":"app.7","detail-type":"Order Placed","account":"123456789012","time":"2026-01-01T09:00:00Z","region":"us-east-1","resources":[],"detail":{"status":"OPEN","price":{"amount":150,"currency":"USD"},"items":[{"sku":"X"}]}}`))
	if err != nil {
		b.Fatal(err)
	}
	var dst []string
	b.ReportAllocs()
	for b.Loop() {
		dst = rs.MatchingRules(dst[:0], ev)
	}
	if len(dst) != 1 { // r7 (amount > 7); r307 and r607 need more
		b.Fatalf("matched %v", dst)
	}
}

// BenchmarkMatch1000RulesUnindexed tries every rule (no usable index): the
// worst case for a bus whose rules do not name a source.
func BenchmarkMatch1000RulesUnindexed(b *testing.B) {
	var ps []*Pattern
	for i := 0; i < 1000; i++ {
		ps = append(ps, MustCompile(fmt.Sprintf(`{"detail-type":["Order %d"],"detail":{"status":["OPEN"]}}`, i)))
	}
	ev, _ := ParseEvent([]byte(`{"source":"app","detail-type":"Order 999","detail":{"status":"OPEN"}}`))
	n := 0
	for b.Loop() {
		n = 0
		for _, p := range ps {
			if p.Matches(ev) {
				n++
			}
		}
	}
	if n != 1 {
		b.Fatal(n)
	}
}

// BenchmarkMatch1000RulesByDetailType: rules that name no source are
// indexed by detail-type.
func BenchmarkMatch1000RulesByDetailType(b *testing.B) {
	rs := NewRuleSet()
	for i := 0; i < 1000; i++ {
		rs.Add(fmt.Sprintf("r%d", i), MustCompile(fmt.Sprintf(`{"detail-type":["Order %d"],"detail":{"status":["OPEN"]}}`, i)))
	}
	ev, _ := ParseEvent([]byte(`{"source":"app","detail-type":"Order 999","detail":{"status":"OPEN"}}`))
	var dst []string
	for b.Loop() {
		dst = rs.MatchingRules(dst[:0], ev)
	}
	if len(dst) != 1 {
		b.Fatal(dst)
	}
}

func BenchmarkCompile(b *testing.B) {
	src := []byte(`{"source":["com.mycompany.myapp"],"detail":{"status":["OPEN"],"price":{"amount":[{"numeric":[">",100]}],"currency":["USD"]}}}`)
	for b.Loop() {
		if _, err := Compile(src); err != nil {
			b.Fatal(err)
		}
	}
}
