package dynamodb

import (
	"bytes"
	"math/big"
	"strings"
)

// decimal is a DynamoDB number: sign, significant digits without leading or
// trailing zeros (empty for zero) and exponent, meaning 0.<digits> × 10^exp.
// DynamoDB keeps up to 38 significant digits, so a decimal type is used
// rather than float64, which would silently lose precision.
type decimal struct {
	neg    bool
	digits string
	exp    int
}

const (
	maxNumDigits = 38
	maxNumExp    = 126  // 9.99…E+125 is 0.999…×10^126
	minNumExp    = -129 // 1E-130 is 0.1×10^-129
)

// parseNumber parses, range-checks and canonicalises the text of an N value.
// The error messages are DynamoDB's.
func parseNumber(s string) (decimal, *Error) {
	d, ok := parseDecimal(s)
	if !ok {
		return d, validationf("The parameter cannot be converted to a numeric value: %s", s)
	}
	if len(d.digits) == 0 {
		return d, nil
	}
	if len(d.digits) > maxNumDigits {
		return d, validationf("Attempting to store more than 38 significant digits in a Number")
	}
	if d.exp > maxNumExp {
		return d, validationf("Number overflow. Attempting to store a number with magnitude larger than supported range")
	}
	if d.exp < minNumExp {
		return d, validationf("Number underflow. Attempting to store a number with magnitude smaller than supported range")
	}
	return d, nil
}

// parseDecimal reads [+-]digits[.digits][(e|E)[+-]digits] as Java's
// BigDecimal (which DynamoDB uses) accepts it.
func parseDecimal(s string) (decimal, bool) {
	var buf [160]byte
	neg, digits, exp, ok := parseDecimalBuf(s, buf[:0])
	if !ok {
		return decimal{}, false
	}
	if len(digits) == 0 {
		return decimal{}, true
	}
	return decimal{neg: neg, digits: string(digits), exp: exp}, true
}

// parseDecimalBuf is parseDecimal without allocation: the significant
// digits are appended to buf (a caller's stack array in hot paths).
func parseDecimalBuf(s string, buf []byte) (neg bool, digits []byte, exp int, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	digits = buf
	sawDigit, sawPoint := false, false
	pointPos := -1 // significant digits before the point
	lead := 0      // leading zeros skipped before the point
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			sawDigit = true
			if c == '0' && len(digits) == 0 {
				if !sawPoint {
					lead++
				} else {
					pointPos--
				}
				continue
			}
			digits = append(digits, c)
			continue
		}
		if c == '.' && !sawPoint {
			sawPoint = true
			pointPos = len(digits)
			continue
		}
		break
	}
	if !sawDigit {
		return false, nil, 0, false
	}
	if !sawPoint {
		pointPos = len(digits)
	}
	e := 0
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return false, nil, 0, false
		}
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i >= len(s) {
			return false, nil, 0, false
		}
		for ; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return false, nil, 0, false
			}
			if e < 1e6 {
				e = e*10 + int(c-'0')
			}
		}
		if eneg {
			e = -e
		}
	}
	_ = lead
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		return false, digits, 0, true
	}
	return neg, digits, pointPos + e, true
}

// String formats d the way DynamoDB returns numbers: plain notation, no
// exponent, no trailing zeros ("1.50" → "1.5", "1E3" → "1000").
func (d decimal) String() string {
	if len(d.digits) == 0 {
		return "0"
	}
	var b strings.Builder
	if d.neg {
		b.WriteByte('-')
	}
	switch {
	case d.exp <= 0:
		b.WriteString("0.")
		for i := 0; i < -d.exp; i++ {
			b.WriteByte('0')
		}
		b.WriteString(d.digits)
	case d.exp >= len(d.digits):
		b.WriteString(d.digits)
		for i := len(d.digits); i < d.exp; i++ {
			b.WriteByte('0')
		}
	default:
		b.WriteString(d.digits[:d.exp])
		b.WriteByte('.')
		b.WriteString(d.digits[d.exp:])
	}
	return b.String()
}

// cmpDecimal orders two decimals numerically.
func cmpDecimal(a, b decimal) int {
	az, bz := len(a.digits) == 0, len(b.digits) == 0
	switch {
	case az && bz:
		return 0
	case az:
		if b.neg {
			return 1
		}
		return -1
	case bz:
		if a.neg {
			return -1
		}
		return 1
	}
	if a.neg != b.neg {
		if a.neg {
			return -1
		}
		return 1
	}
	c := 0
	if a.exp != b.exp {
		if a.exp < b.exp {
			c = -1
		} else {
			c = 1
		}
	} else {
		c = strings.Compare(a.digits, b.digits)
	}
	if a.neg {
		return -c
	}
	return c
}

// compareNumbers orders two canonical number strings (as stored)
// without allocating: sort-key comparisons are on the Query hot path.
func compareNumbers(a, b string) int {
	if a == b {
		return 0
	}
	var ba, bb [160]byte
	na, da, ea, _ := parseDecimalBuf(a, ba[:0])
	nb, db, eb, _ := parseDecimalBuf(b, bb[:0])
	return cmpParts(na, da, ea, nb, db, eb)
}

func cmpParts(aneg bool, ad []byte, aexp int, bneg bool, bd []byte, bexp int) int {
	az, bz := len(ad) == 0, len(bd) == 0
	switch {
	case az && bz:
		return 0
	case az:
		if bneg {
			return 1
		}
		return -1
	case bz:
		if aneg {
			return -1
		}
		return 1
	}
	if aneg != bneg {
		if aneg {
			return -1
		}
		return 1
	}
	c := 0
	if aexp != bexp {
		if aexp < bexp {
			c = -1
		} else {
			c = 1
		}
	} else {
		c = bytes.Compare(ad, bd)
	}
	if aneg {
		return -c
	}
	return c
}

// toRat converts d to an exact rational for arithmetic.
func (d decimal) toRat() *big.Rat {
	if len(d.digits) == 0 {
		return new(big.Rat)
	}
	n, _ := new(big.Int).SetString(d.digits, 10)
	if d.neg {
		n.Neg(n)
	}
	shift := d.exp - len(d.digits)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(shift))), nil)
	r := new(big.Rat).SetInt(n)
	if shift >= 0 {
		return r.Mul(r, new(big.Rat).SetInt(p))
	}
	return r.Quo(r, new(big.Rat).SetInt(p))
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// addNumbers returns a+b (or a-b) as a canonical, range-checked number.
func addNumbers(a, b string, subtract bool) (string, *Error) {
	da, err := parseNumber(a)
	if err != nil {
		return "", err
	}
	db, err := parseNumber(b)
	if err != nil {
		return "", err
	}
	ra, rb := da.toRat(), db.toRat()
	if subtract {
		ra.Sub(ra, rb)
	} else {
		ra.Add(ra, rb)
	}
	// Both operands have finite decimal expansions, so the sum does too;
	// 300 places covers the whole supported range.
	text := ra.FloatString(300)
	res, err := parseNumber(text)
	if err != nil {
		return "", err
	}
	return res.String(), nil
}

// canonicalNumber validates s and returns DynamoDB's canonical text for it.
func canonicalNumber(s string) (string, *Error) {
	if isCanonicalInt(s) {
		return s, nil // the common case, without allocating
	}
	d, err := parseNumber(s)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}

// isCanonicalInt reports whether s is an integer already in DynamoDB's
// canonical form: optional '-', no leading zeros, at most 38 digits.
func isCanonicalInt(s string) bool {
	i := 0
	if len(s) > 0 && s[0] == '-' {
		i = 1
	}
	n := len(s) - i
	if n == 0 || n > maxNumDigits || s[i] == '0' {
		return s == "0"
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
