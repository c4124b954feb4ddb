package pattern

import "sync"

// RuleSet matches one event against many named patterns. Patterns whose
// top-level "source" (or, failing that, "detail-type") is a list of exact
// strings (the common case) are indexed by those strings, so an event is
// only tried against rules that could match it.
type RuleSet struct {
	mu       sync.RWMutex
	bySource map[string][]entry
	byType   map[string][]entry
	others   []entry
	names    map[string]*Pattern
}

type entry struct {
	name string
	p    *Pattern
}

// NewRuleSet returns an empty set.
func NewRuleSet() *RuleSet {
	return &RuleSet{bySource: map[string][]entry{}, byType: map[string][]entry{}, names: map[string]*Pattern{}}
}

// Add adds (or replaces) a named pattern.
func (rs *RuleSet) Add(name string, p *Pattern) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if _, ok := rs.names[name]; ok {
		rs.removeLocked(name)
	}
	rs.names[name] = p
	if srcs, ok := exactValues(p, "source"); ok {
		for _, s := range srcs {
			rs.bySource[s] = append(rs.bySource[s], entry{name, p})
		}
		return
	}
	if types, ok := exactValues(p, "detail-type"); ok {
		for _, s := range types {
			rs.byType[s] = append(rs.byType[s], entry{name, p})
		}
		return
	}
	rs.others = append(rs.others, entry{name, p})
}

// Remove drops a named pattern.
func (rs *RuleSet) Remove(name string) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.removeLocked(name)
}

func (rs *RuleSet) removeLocked(name string) {
	delete(rs.names, name)
	drop := func(es []entry) []entry {
		out := es[:0:0]
		for _, e := range es {
			if e.name != name {
				out = append(out, e)
			}
		}
		return out
	}
	for _, idx := range []map[string][]entry{rs.bySource, rs.byType} {
		for k, es := range idx {
			if es = drop(es); len(es) == 0 {
				delete(idx, k)
			} else {
				idx[k] = es
			}
		}
	}
	rs.others = drop(rs.others)
}

// Len is the number of patterns.
func (rs *RuleSet) Len() int {
	rs.mu.RLock()
	defer rs.mu.RUnlock()
	return len(rs.names)
}

// MatchingRules appends to dst the names of the patterns that match event.
func (rs *RuleSet) MatchingRules(dst []string, event map[string]any) []string {
	rs.mu.RLock()
	defer rs.mu.RUnlock()
	for _, ix := range []struct {
		field string
		idx   map[string][]entry
	}{{"source", rs.bySource}, {"detail-type", rs.byType}} {
		switch s := event[ix.field].(type) {
		case string:
			for _, e := range ix.idx[s] {
				if e.p.Matches(event) {
					dst = append(dst, e.name)
				}
			}
		case []any:
			// Not an EventBridge-shaped event, but still matched
			// correctly: try every rule of this index once.
			seen := map[string]bool{}
			for _, es := range ix.idx {
				for _, e := range es {
					if !seen[e.name] && e.p.Matches(event) {
						seen[e.name] = true
						dst = append(dst, e.name)
					}
				}
			}
		}
	}
	for _, e := range rs.others {
		if e.p.Matches(event) {
			dst = append(dst, e.name)
		}
	}
	return dst
}

// exactValues returns the exact string values of a top-level leaf when
// that leaf consists only of exact strings.
func exactValues(p *Pattern, name string) ([]string, bool) {
	if len(p.root.ors) > 0 {
		return nil, false
	}
	for _, f := range p.root.fields {
		if f.name != name || f.leaf == nil {
			continue
		}
		var out []string
		for _, m := range f.leaf {
			if m.op != opExact || m.val.k != kStr {
				return nil, false
			}
			out = append(out, m.val.s)
		}
		return out, true
	}
	return nil, false
}
