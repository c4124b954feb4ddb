package grade

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// GradingIssuer is the identity provider grading pretends to be. A JWT
// authorizer whose issuer is this URL, or any URL under it (such as
// https://auth.learnsls.local/pool-1), gets the grading key set, so a
// request step's `jwt:` tokens pass it. Templates of exercises graded
// through a JWT authorizer use it as JwtConfiguration.issuer.
const GradingIssuer = "https://auth.learnsls.local/"

// gradingKeyID names the grading key in tokens (kid) and in its key set.
const gradingKeyID = "learnsls-grading"

// ErrUnknownIssuer is returned by GradingJWKS for an issuer outside
// GradingIssuer: the authorizer then rejects every token, as AWS does when
// it cannot fetch the issuer's keys.
var ErrUnknownIssuer = errors.New("unknown JWT issuer")

// gradingKey is the signing key of this process. It only signs tokens for
// simulated stacks, so a fresh key per process is enough and nothing needs
// to be stored; generating it takes tens of milliseconds, once.
var gradingKey = sync.OnceValues(func() (*rsa.PrivateKey, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generate grading JWT key: %w", err)
	}
	return k, nil
})

// GradingJWKS is a sandbox.Options.JWKS: the JSON Web Key Set of the
// grading key for GradingIssuer and the issuers under it.
func GradingJWKS(issuer string) ([]byte, error) {
	if !strings.HasPrefix(issuer, GradingIssuer) {
		return nil, fmt.Errorf("%w %q (grading serves keys for %s…)", ErrUnknownIssuer, issuer, GradingIssuer)
	}
	k, err := gradingKey()
	if err != nil {
		return nil, err
	}
	set := map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "kid": gradingKeyID, "use": "sig", "alg": "RS256",
		"n": base64.RawURLEncoding.EncodeToString(k.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(k.E)).Bytes()),
	}}}
	return json.Marshal(set)
}

// jwtKeys are the keys a request step's `jwt:` map may hold.
var jwtKeys = []string{"iss", "aud", "sub", "scope", "exp", "expired", "claims"}

// checkJWT reports the problems of a `jwt:` node, each with its line.
func checkJWT(n *yaml.Node, add func(line int, msg string)) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		add(n.Line, "jwt must be a map of claims, such as {sub: user-1, aud: my-app}")
		return
	}
	hasExp, expired := false, false
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "iss", "sub":
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				add(v.Line, fmt.Sprintf("jwt %s must be a string", k.Value))
			}
		case "aud", "scope":
			if !stringOrList(v) {
				add(v.Line, fmt.Sprintf("jwt %s must be a string or a list of strings", k.Value))
			}
		case "exp":
			hasExp = true
			if _, err := time.ParseDuration(v.Value); err != nil || v.Kind != yaml.ScalarNode {
				add(v.Line, fmt.Sprintf("jwt exp %q is not a duration from now, such as 1h or -5m", v.Value))
			}
		case "expired":
			var b bool
			if v.Decode(&b) != nil {
				add(v.Line, "jwt expired must be true or false")
			}
			expired = b
		case "claims":
			var m map[string]any
			if v.Kind != yaml.MappingNode || v.Decode(&m) != nil {
				add(v.Line, "jwt claims must be a map of extra claims")
			} else if _, err := json.Marshal(m); err != nil {
				add(v.Line, "jwt claims must be plain JSON values (string keys only)")
			}
		default:
			add(k.Line, fmt.Sprintf("unknown jwt key %q (known: %s)", k.Value, strings.Join(jwtKeys, ", ")))
		}
	}
	if hasExp && expired {
		add(n.Line, "jwt has both exp and expired; use one")
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func stringOrList(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag != "!!null"
	case yaml.SequenceNode:
		for _, e := range n.Content {
			if e.Kind != yaml.ScalarNode {
				return false
			}
		}
		return true
	}
	return false
}

// signJWT makes the RS256 token a `jwt:` node describes, issued at now
// (the stack's clock, which the authorizer checks exp against). Defaults:
// iss GradingIssuer, exp one hour after now. A scope list is sent as one
// space-separated string, as Cognito and most providers do.
func signJWT(n *yaml.Node, now time.Time) (string, error) {
	claims := map[string]any{}
	var spec struct {
		Iss     string         `yaml:"iss"`
		Aud     yaml.Node      `yaml:"aud"`
		Sub     string         `yaml:"sub"`
		Scope   yaml.Node      `yaml:"scope"`
		Exp     string         `yaml:"exp"`
		Expired bool           `yaml:"expired"`
		Claims  map[string]any `yaml:"claims"`
	}
	if !isNull(n) {
		if err := n.Decode(&spec); err != nil {
			return "", fmt.Errorf("jwt: %w", err)
		}
	}
	for k, v := range spec.Claims {
		claims[k] = v
	}
	claims["iss"] = GradingIssuer
	if spec.Iss != "" {
		claims["iss"] = spec.Iss
	}
	if spec.Sub != "" {
		claims["sub"] = spec.Sub
	}
	if aud := nodeStrings(&spec.Aud); len(aud) == 1 {
		claims["aud"] = aud[0]
	} else if len(aud) > 1 {
		claims["aud"] = aud
	}
	if sc := nodeStrings(&spec.Scope); len(sc) > 0 {
		claims["scope"] = strings.Join(sc, " ")
	}
	life := time.Hour
	if spec.Exp != "" {
		d, err := time.ParseDuration(spec.Exp)
		if err != nil {
			return "", fmt.Errorf("jwt exp: %w", err)
		}
		life = d
	}
	if spec.Expired {
		life = -time.Minute
	}
	claims["iat"] = now.Unix()
	claims["exp"] = now.Add(life).Unix()
	return signClaims(claims)
}

func nodeStrings(n *yaml.Node) []string {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag != "!!null" {
			return []string{n.Value}
		}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, e := range n.Content {
			out = append(out, e.Value)
		}
		return out
	}
	return nil
}

func signClaims(claims map[string]any) (string, error) {
	k, err := gradingKey()
	if err != nil {
		return "", err
	}
	hdr, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "kid": gradingKeyID})
	body, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("jwt claims: %w", err)
	}
	signing := base64.RawURLEncoding.EncodeToString(hdr) + "." + base64.RawURLEncoding.EncodeToString(body)
	digest := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, digest[:])
	if err != nil {
		return "", fmt.Errorf("sign jwt: %w", err)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig), nil
}
