package iam

import (
	"strings"
	"unicode/utf8"
)

// escByte marks the next pattern byte as literal. Policy variables ${*},
// ${?} and substituted request values are escaped with it so that they
// match themselves rather than acting as wildcards.
const escByte = 0

// WildcardMatch reports whether s matches pattern, where * matches any run of
// characters (including none) and ? matches exactly one character. With
// fold, ASCII letters compare without regard to case (as IAM does for
// actions); resource ARNs compare case-sensitively.
func WildcardMatch(pattern, s string, fold bool) bool {
	return wildMatch(escapeNUL(pattern), s, fold)
}

// escapeNUL doubles NUL bytes so that a pattern read from a policy never
// contains a stray escape marker.
func escapeNUL(p string) string {
	if strings.IndexByte(p, escByte) < 0 {
		return p
	}
	return strings.ReplaceAll(p, "\x00", "\x00\x00")
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// lowerPattern lower-cases ASCII letters only, leaving escape markers and
// multi-byte characters alone.
func lowerPattern(p string) string {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c >= 'A' && c <= 'Z' {
			b := []byte(p)
			for j := i; j < len(b); j++ {
				b[j] = lowerASCII(b[j])
			}
			return string(b)
		}
	}
	return p
}

// wildMatch is the matcher behind WildcardMatch: p may contain escape
// markers; with fold, p must already be lower-case. It runs in O(len(p) *
// len(s)) worst case without recursion, by remembering the last star.
func wildMatch(p, s string, fold bool) bool {
	pi, si := 0, 0
	starP, starS := -1, 0
	for si < len(s) {
		if pi < len(p) {
			c := p[pi]
			switch {
			case c == '*':
				starP, starS = pi, si
				pi++
				continue
			case c == '?':
				_, size := utf8.DecodeRuneInString(s[si:])
				pi++
				si += size
				continue
			case c == escByte && pi+1 < len(p):
				if p[pi+1] == s[si] || (fold && p[pi+1] == lowerASCII(s[si])) {
					pi += 2
					si++
					continue
				}
			default:
				if c == s[si] || (fold && c == lowerASCII(s[si])) {
					pi++
					si++
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		// Let the last star swallow one more character and retry.
		_, size := utf8.DecodeRuneInString(s[starS:])
		starS += size
		si = starS
		pi = starP + 1
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// hasWildcard reports an unescaped * or ? in p.
func hasWildcard(p string) bool {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?':
			return true
		case escByte:
			i++
		}
	}
	return false
}

// splitARN splits an ARN into its six colon-separated parts; the last part
// (the resource) may itself contain colons. ok is false for non-ARNs.
func splitARN(s string) (parts [6]string, ok bool) {
	rest := s
	for i := 0; i < 5; i++ {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return parts, false
		}
		parts[i] = rest[:j]
		rest = rest[j+1:]
	}
	parts[5] = rest
	return parts, parts[0] == "arn" || hasWildcard(parts[0])
}

// arnMatch compares an ARN against an ARN pattern one colon-separated part
// at a time, so a wildcard in one part never spans into the next (IAM's
// ArnLike rule). Patterns with fewer than six parts ("*", "arn:aws:s3:::*"
// is six) fall back to whole-string matching.
func arnMatch(pattern, s string) bool {
	if pattern == "*" {
		return true
	}
	pp, pok := splitARN(pattern)
	if !pok {
		return wildMatch(pattern, s, false)
	}
	sp, sok := splitARN(s)
	if !sok {
		return false
	}
	for i := 0; i < 6; i++ {
		if pp[i] == sp[i] {
			continue
		}
		if !wildMatch(pp[i], sp[i], false) {
			return false
		}
	}
	return true
}
