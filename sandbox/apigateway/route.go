package apigateway

import (
	"net/url"
	"sort"
	"strings"
)

// segment kinds, in the order API Gateway prefers them.
const (
	segLiteral = iota
	segParam
	segGreedy
)

type segment struct {
	kind int
	text string // literal text or parameter name
}

type compiledRoute struct {
	Route
	segs    []segment
	key     string // "GET /users/{id}" or "$default"
	isDflt  bool
	methods string
	// resourceID is requestContext.resourceId, fixed per route.
	resourceID string
}

func compilePath(p string) []segment {
	var segs []segment
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		if s == "" {
			continue
		}
		switch {
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "+}"):
			segs = append(segs, segment{segGreedy, s[1 : len(s)-2]})
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
			segs = append(segs, segment{segParam, s[1 : len(s)-1]})
		default:
			segs = append(segs, segment{segLiteral, s})
		}
	}
	return segs
}

// match reports whether path segments fit the pattern and collects the
// parameters (decoded, as API Gateway passes them).
func match(segs []segment, parts []string) (map[string]string, bool) {
	params := map[string]string{}
	for i, s := range segs {
		switch s.kind {
		case segGreedy:
			if i >= len(parts) {
				return nil, false // {proxy+} needs at least one segment
			}
			params[s.text] = unescape(strings.Join(parts[i:], "/"))
			return params, true
		case segParam:
			if i >= len(parts) || parts[i] == "" {
				return nil, false
			}
			params[s.text] = unescape(parts[i])
		default:
			if i >= len(parts) || parts[i] != s.text {
				return nil, false
			}
		}
	}
	return params, len(parts) == len(segs)
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// lessSpecific orders patterns: segment by segment, literal before
// parameter before greedy; then longer before shorter.
func moreSpecific(a, b []segment) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].kind != b[i].kind {
			return a[i].kind < b[i].kind
		}
	}
	return len(a) > len(b)
}

type router struct {
	kind   Kind
	routes []*compiledRoute // most specific first
	dflt   []*compiledRoute // HTTP $default route(s)
}

func newRouter(kind Kind, routes []Route) *router {
	r := &router{kind: kind}
	for _, rt := range routes {
		c := &compiledRoute{Route: rt, methods: strings.ToUpper(rt.Method)}
		if c.methods == "" {
			c.methods = "ANY"
		}
		c.Method = c.methods
		if rt.Path == "$default" {
			c.isDflt, c.key = true, "$default"
			r.dflt = append(r.dflt, c)
			continue
		}
		c.segs = compilePath(rt.Path)
		c.key = c.Method + " " + rt.Path
		r.routes = append(r.routes, c)
	}
	sort.SliceStable(r.routes, func(i, j int) bool {
		if moreSpecific(r.routes[i].segs, r.routes[j].segs) {
			return true
		}
		if moreSpecific(r.routes[j].segs, r.routes[i].segs) {
			return false
		}
		// Same shape: a route for the exact method before ANY.
		return r.routes[i].Method != "ANY" && r.routes[j].Method == "ANY"
	})
	return r
}

// find picks the route for method and path (path relative to the stage).
//
// REST: the most specific matching resource wins; if it lacks the method
// (and ANY), only a greedy {proxy+} resource can still take the request —
// AWS's "proxy catches undeclared verbs". HTTP: the most specific route with
// the method or ANY, then $default.
func (r *router) find(method, path string) (*compiledRoute, map[string]string) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if path == "/" || path == "" {
		parts = nil
	}
	var firstPath []segment
	for _, c := range r.routes {
		params, ok := match(c.segs, parts)
		if !ok {
			continue
		}
		if firstPath == nil {
			firstPath = c.segs
			if firstPath == nil {
				firstPath = []segment{}
			}
		}
		samePath := sameSegs(c.segs, firstPath)
		greedy := len(c.segs) > 0 && c.segs[len(c.segs)-1].kind == segGreedy
		if r.kind == REST && !samePath && !greedy {
			continue
		}
		if c.Method == method || c.Method == "ANY" {
			return c, params
		}
	}
	for _, c := range r.dflt {
		if c.Method == method || c.Method == "ANY" {
			return c, nil
		}
	}
	return nil, nil
}

func sameSegs(a, b []segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
