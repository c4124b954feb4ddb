package apigateway

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestConcurrentRequests hammers one gateway from many goroutines through
// routing, a cached authorizer and a throttle, for the race detector and to
// check the counts add up.
func TestConcurrentRequests(t *testing.T) {
	f := newFake()
	f.fns[fnA] = echo(200)
	f.fns[fnAuth] = tokenAuthorizer(nil)
	clk := newClock()
	g := newGateway(t, Config{Kind: REST, Stage: "Prod", Throttle: &Throttle{Rate: 0, Burst: 150},
		Routes: []Route{{Method: "GET", Path: "/{proxy+}", FunctionARN: fnA, Authorizer: "T"}},
		Authorizers: map[string]Authorizer{"T": {Name: "T", Type: TokenAuthorizer, FunctionARN: fnAuth,
			IdentitySource: []string{"method.request.header.Authorization"}, TTL: time.Hour}}}, f, clk)
	var wg sync.WaitGroup
	var mu sync.Mutex
	counts := map[int]int{}
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				r := g.Serve(context.Background(), &Request{Method: "GET", Path: fmt.Sprintf("/Prod/p%d", w%2),
					Header: map[string][]string{"Authorization": {fmt.Sprintf("user%d", w%2)}}})
				mu.Lock()
				counts[r.StatusCode]++
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	if counts[200] != 150 || counts[429] != 50 {
		t.Errorf("statuses = %v, want 150 OK and 50 throttled", counts)
	}
	if f.count(fnA) != 150 {
		t.Errorf("function ran %d times, want 150", f.count(fnA))
	}
	// Two identities, each cached after its first call (a few may race to
	// fill the cache, as on AWS).
	if n := f.count(fnAuth); n < 2 || n > 16 {
		t.Errorf("authorizer ran %d times", n)
	}
}
