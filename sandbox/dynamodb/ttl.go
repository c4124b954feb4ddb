package dynamodb

import (
	"math/big"
	"time"
)

// ttlIdentity marks stream records of deletions made by TTL, as DynamoDB
// does.
var ttlIdentity = &UserIdentity{Type: "Service", PrincipalID: "dynamodb.amazonaws.com"}

// ttlMaxAge: DynamoDB ignores expiry times more than five years in the
// past (they are taken to be mistakes, such as milliseconds).
const ttlMaxAge = 5 * 365 * 24 * time.Hour

// ExpireTTL deletes, in every table with TTL enabled, the items whose TTL
// attribute (a Number of epoch seconds) is before the simulated clock's
// now, and returns how many it deleted. DynamoDB does this in the
// background some time after expiry; the simulation does it when this is
// called (the Stack calls it as its clock advances), so lessons stay
// deterministic. Stream records of these deletions carry userIdentity
// {"type":"Service","principalId":"dynamodb.amazonaws.com"}.
func (s *Service) ExpireTTL() int {
	s.mu.Lock()
	now := s.now()
	n := 0
	for _, t := range s.tables {
		if !t.ttlEnabled {
			continue
		}
		var expired []*entry
		t.tree.ascend(func(e *entry) bool {
			if ttlExpired(e.item[t.ttlAttr], now) {
				expired = append(expired, e)
			}
			return true
		})
		for _, e := range expired {
			key, _ := encodeKey(t.schema, e.item)
			old := t.remove(key)
			s.emitAs(t, old, nil, ttlIdentity)
			n++
		}
	}
	s.mu.Unlock()
	s.deliver()
	return n
}

func ttlExpired(v AttributeValue, now time.Time) bool {
	if v.Kind != KindN {
		return false
	}
	d, ok := parseDecimal(v.Str)
	if !ok {
		return false
	}
	r := d.toRat()
	nowR := new(big.Rat).SetInt64(now.Unix())
	if r.Cmp(nowR) >= 0 {
		return false
	}
	oldest := new(big.Rat).SetInt64(now.Add(-ttlMaxAge).Unix())
	return r.Cmp(oldest) >= 0
}
