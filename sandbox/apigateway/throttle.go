package apigateway

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// bucket is a token bucket: it starts full (Burst tokens) and refills at
// Rate tokens per second of the injected clock.
type bucket struct {
	tokens float64
	last   time.Time
	th     Throttle
}

func (b *bucket) take(now time.Time) bool {
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens += el * b.th.Rate
		if max := float64(b.th.Burst); b.tokens > max {
			b.tokens = max
		}
	}
	if now.After(b.last) {
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true
	}
	return false
}

// allow takes a token from the route's bucket, if it has its own limit,
// and from the stage's, as API Gateway applies both.
func (g *Gateway) allow(routeKey string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.opt.Now()
	check := func(key string, th Throttle) bool {
		b, ok := g.buckets[key]
		if !ok || b.th != th {
			b = &bucket{tokens: float64(th.Burst), last: now, th: th}
			g.buckets[key] = b
		}
		return b.take(now)
	}
	if th, ok := g.cfg.RouteThrottle[routeKey]; ok {
		return check("route "+routeKey, th)
	}
	if g.cfg.Throttle != nil {
		return check("stage", *g.cfg.Throttle)
	}
	return true
}

// preflight answers an HTTP API CORS preflight itself, as AWS does when a
// CORS configuration exists, without routes or authorizers.
func (g *Gateway) preflight(c *call) *Response {
	resp := &Response{StatusCode: http.StatusNoContent, Header: http.Header{}}
	cors := g.cfg.CORS
	origin := c.req.Header.Get("Origin")
	if allowedOrigin(cors, origin) != "" && listAllows(cors.AllowMethods, c.req.Header.Get("Access-Control-Request-Method")) {
		resp.Header.Set("Access-Control-Allow-Origin", allowedOrigin(cors, origin))
		if len(cors.AllowMethods) > 0 {
			resp.Header.Set("Access-Control-Allow-Methods", strings.Join(cors.AllowMethods, ","))
		}
		if req := c.req.Header.Get("Access-Control-Request-Headers"); req != "" && len(cors.AllowHeaders) > 0 {
			if contains(cors.AllowHeaders, "*") {
				resp.Header.Set("Access-Control-Allow-Headers", strings.ToLower(req))
			} else {
				resp.Header.Set("Access-Control-Allow-Headers", strings.ToLower(strings.Join(cors.AllowHeaders, ",")))
			}
		}
		if cors.MaxAge > 0 {
			resp.Header.Set("Access-Control-Max-Age", strconv.Itoa(cors.MaxAge))
		}
		if cors.AllowCredentials {
			resp.Header.Set("Access-Control-Allow-Credentials", "true")
		}
	}
	g.stamp(c, resp)
	return resp
}

// corsHeaders adds an HTTP API's CORS headers to an integration response.
func (g *Gateway) corsHeaders(c *call, resp *Response) {
	cors := g.cfg.CORS
	if g.cfg.Kind != HTTP || cors == nil {
		return
	}
	origin := c.req.Header.Get("Origin")
	allowed := allowedOrigin(cors, origin)
	if origin == "" || allowed == "" {
		return
	}
	resp.Header.Set("Access-Control-Allow-Origin", allowed)
	if len(cors.ExposeHeaders) > 0 {
		resp.Header.Set("Access-Control-Expose-Headers", strings.Join(cors.ExposeHeaders, ","))
	}
	if cors.AllowCredentials {
		resp.Header.Set("Access-Control-Allow-Credentials", "true")
	}
}

func allowedOrigin(c *CORS, origin string) string {
	for _, o := range c.AllowOrigins {
		if o == "*" {
			if c.AllowCredentials {
				return origin
			}
			return "*"
		}
		if strings.EqualFold(o, origin) {
			return origin
		}
	}
	return ""
}

func listAllows(list []string, v string) bool {
	for _, x := range list {
		if x == "*" || strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
