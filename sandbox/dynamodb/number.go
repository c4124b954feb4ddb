package dynamodb

import (
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
	var d decimal
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		d.neg = s[i] == '-'
		i++
	}
	var buf [64]byte
	digits := buf[:0]
	sawDigit, sawPoint := false, false
	pointPos := -1 // digits before the point
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			sawDigit = true
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
		return d, false
	}
	if pointPos < 0 {
		pointPos = len(digits)
	}
	exp := 0
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return d, false
		}
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		if i >= len(s) {
			return d, false
		}
		for ; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return d, false
			}
			if exp < 1e6 {
				exp = exp*10 + int(c-'0')
			}
		}
		if eneg {
			exp = -exp
		}
	}
	// Strip leading zeros (they shift the point) and trailing zeros.
	lead := 0
	for lead < len(digits) && digits[lead] == '0' {
		lead++
	}
	digits = digits[lead:]
	pointPos -= lead
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	if len(digits) == 0 {
		return decimal{}, true
	}
	d.digits = string(digits)
	d.exp = pointPos + exp
	return d, true
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

// compareNumbers orders two canonical number strings (as stored).
func compareNumbers(a, b string) int {
	if a == b {
		return 0
	}
	da, _ := parseDecimal(a)
	db, _ := parseDecimal(b)
	return cmpDecimal(da, db)
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
	d, err := parseNumber(s)
	if err != nil {
		return "", err
	}
	return d.String(), nil
}
