package sandbox

import (
	"net/http"
	"strings"
)

// Mux serves every API of the stack at "/{api-id}/{stage}/…": the invoke
// URL's path with the API's ID in front, the form `learnsls serve` exposes
// under its per-learner prefix (strip that prefix before calling Mux). For a
// $default stage the path is "/{api-id}/…". Gateways are looked up per
// request, so a redeploy takes effect at once.
func (s *Stack) Mux() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		id, rest, _ := strings.Cut(p, "/")
		s.mu.Lock()
		var target http.Handler
		for _, g := range s.gateways {
			if g.Config().APIID == id {
				target = g
			}
		}
		s.mu.Unlock()
		if target == nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"message":"no API with that ID in this stack"}`))
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + rest
		r2.URL.RawPath = ""
		target.ServeHTTP(w, r2)
	})
}

// LocalHandler serves the stack's APIs the way `sam local start-api` does,
// without stage prefixes: a stack with one API serves it at the root; with
// several, each is served under "/{LogicalId}/". For `learnsls deploy`.
func (s *Stack) LocalHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apis := s.APIs()
		api, path := "", r.URL.Path
		if len(apis) != 1 {
			first, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
			api, path = first, "/"+rest
		}
		h, err := s.Handler(api, true)
		if err != nil {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"message":"no such API; this stack serves ` + strings.Join(apis, ", ") + `"}`))
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path, r2.URL.RawPath = path, ""
		h.ServeHTTP(w, r2)
	})
}
