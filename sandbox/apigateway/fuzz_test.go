package apigateway

import (
	"context"
	"net/http"
	"testing"
)

// FuzzFunctionResponse: whatever a function returns, the gateway answers
// with a valid status and never panics.
func FuzzFunctionResponse(f *testing.F) {
	for _, s := range []string{
		`{"statusCode":200,"body":"x"}`, `{"statusCode":200,"headers":{"a":"b"},"multiValueHeaders":{"a":["c"]},"body":"aGk=","isBase64Encoded":true}`,
		`"str"`, `42`, `null`, `[]`, `{"statusCode":"200"}`, `{"statusCode":99999999999999999999}`, `{"cookies":[1]}`, `not json`,
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, out []byte, rest bool) {
		fk := newFake()
		fk.fns[fnA] = fixed(string(out))
		kind := HTTP
		if rest {
			kind = REST
		}
		g, err := New(withIDs(Config{Kind: kind, Stage: "Prod", BinaryMediaTypes: []string{"*/*"}, Routes: []Route{{Method: "ANY", Path: "/{proxy+}", FunctionARN: fnA}}}), Options{Invoker: fk})
		if err != nil {
			t.Fatal(err)
		}
		r := g.Serve(context.Background(), &Request{Method: "GET", Path: "/Prod/a", Header: http.Header{"Accept": {"image/png"}}})
		if r == nil || r.Header == nil {
			t.Fatal("no response")
		}
		if r.StatusCode == 500 && rest {
			t.Fatalf("REST maps function output to 200-599 or 502, got 500 for %q", out)
		}
	})
}

// FuzzJWT: arbitrary Authorization headers are refused, never crash.
func FuzzJWT(f *testing.F) {
	key, jwks := testKey(f)
	f.Add("Bearer " + signJWT(f, key, map[string]any{"iss": "i", "aud": "a", "exp": 4e9}))
	f.Add("Bearer a.b.c")
	f.Add("eyJhbGciOiJSUzI1NiJ9.e30.")
	f.Fuzz(func(t *testing.T, hdr string) {
		fk := newFake()
		fk.fns[fnA] = fixed(`{"statusCode":200}`)
		g, err := New(withIDs(Config{Kind: HTTP, Routes: []Route{{Method: "GET", Path: "/x", FunctionARN: fnA, Authorizer: "J"}},
			Authorizers: map[string]Authorizer{"J": {Name: "J", Type: JWTAuthorizer, Issuer: "i", Audience: []string{"a"}}}}),
			Options{Invoker: fk, JWKS: func(string) ([]byte, error) { return jwks, nil }})
		if err != nil {
			t.Fatal(err)
		}
		r := g.Serve(context.Background(), &Request{Method: "GET", Path: "/x", Header: http.Header{"Authorization": {hdr}}})
		if r.StatusCode != 200 && r.StatusCode != 401 {
			t.Fatalf("status %d", r.StatusCode)
		}
	})
}
