package eventbridge

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// schedule is a parsed ScheduleExpression: rate(...) or cron(...).
type schedule struct {
	every time.Duration // rate
	cron  *cronExpr
}

// parseSchedule validates a ScheduleExpression the way PutRule does.
func parseSchedule(expr string) (*schedule, error) {
	bad := fmt.Errorf("Parameter ScheduleExpression is not valid.")
	switch {
	case strings.HasPrefix(expr, "rate(") && strings.HasSuffix(expr, ")"):
		f := strings.Fields(expr[5 : len(expr)-1])
		if len(f) != 2 {
			return nil, bad
		}
		n, err := strconv.Atoi(f[0])
		if err != nil || n < 1 {
			return nil, bad
		}
		unit := map[string]time.Duration{"minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour}
		u := f[1]
		// "rate(1 minute)" but "rate(5 minutes)": the plural must agree.
		if n == 1 {
			if _, ok := unit[u]; !ok {
				return nil, bad
			}
		} else {
			if !strings.HasSuffix(u, "s") {
				return nil, bad
			}
			u = strings.TrimSuffix(u, "s")
			if _, ok := unit[u]; !ok {
				return nil, bad
			}
		}
		return &schedule{every: time.Duration(n) * unit[u]}, nil
	case strings.HasPrefix(expr, "cron(") && strings.HasSuffix(expr, ")"):
		c, err := parseCron(expr[5 : len(expr)-1])
		if err != nil {
			return nil, fmt.Errorf("Parameter ScheduleExpression is not valid: %v", err)
		}
		return &schedule{cron: c}, nil
	}
	return nil, bad
}

// fires returns the times in (after, until] when the schedule fires, at
// most limit of them. A rate schedule counts from its start.
func (s *schedule) fires(start, after, until time.Time, limit int) []time.Time {
	var out []time.Time
	if s.every > 0 {
		n := int64(0)
		if after.After(start) {
			n = int64(after.Sub(start) / s.every)
		}
		for t := start.Add(time.Duration(n) * s.every); !t.After(until) && len(out) < limit; t = t.Add(s.every) {
			if t.After(after) && t.After(start) {
				out = append(out, t)
			}
		}
		return out
	}
	t := after.Truncate(time.Minute).Add(time.Minute)
	for ; !t.After(until) && len(out) < limit; t = t.Add(time.Minute) {
		if s.cron.match(t) {
			out = append(out, t)
		}
	}
	return out
}

// cronExpr is EventBridge's six-field cron (UTC): minutes hours
// day-of-month month day-of-week year.
type cronExpr struct {
	min, hour, dom, month, dow, year map[int]bool
	anyDom, anyDow                   bool
}

var monthNames = map[string]int{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}
var dayNames = map[string]int{"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}

func parseCron(s string) (*cronExpr, error) {
	f := strings.Fields(s)
	if len(f) != 6 {
		return nil, fmt.Errorf("cron needs 6 fields (minutes hours day-of-month month day-of-week year), got %d", len(f))
	}
	if (f[2] == "?") == (f[4] == "?") {
		return nil, fmt.Errorf("use ? in exactly one of day-of-month and day-of-week")
	}
	c := &cronExpr{anyDom: f[2] == "?", anyDow: f[4] == "?"}
	var err error
	if c.min, err = cronField(f[0], 0, 59, nil); err != nil {
		return nil, fmt.Errorf("minutes: %w", err)
	}
	if c.hour, err = cronField(f[1], 0, 23, nil); err != nil {
		return nil, fmt.Errorf("hours: %w", err)
	}
	if !c.anyDom {
		if c.dom, err = cronField(f[2], 1, 31, nil); err != nil {
			return nil, fmt.Errorf("day-of-month: %w", err)
		}
	}
	if c.month, err = cronField(f[3], 1, 12, monthNames); err != nil {
		return nil, fmt.Errorf("month: %w", err)
	}
	if !c.anyDow {
		if c.dow, err = cronField(f[4], 1, 7, dayNames); err != nil {
			return nil, fmt.Errorf("day-of-week: %w", err)
		}
	}
	if c.year, err = cronField(f[5], 1970, 2199, nil); err != nil {
		return nil, fmt.Errorf("year: %w", err)
	}
	return c, nil
}

func cronField(s string, lo, hi int, names map[string]int) (map[int]bool, error) {
	out := map[int]bool{}
	num := func(x string) (int, error) {
		if v, ok := names[strings.ToUpper(x)]; ok {
			return v, nil
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("%q is not a value from %d to %d", x, lo, hi)
		}
		return n, nil
	}
	for _, part := range strings.Split(s, ",") {
		if strings.ContainsAny(part, "LW#") && names == nil || strings.Contains(part, "#") || part == "L" {
			return nil, fmt.Errorf("%q: L, W and # are not supported by learnsls", part)
		}
		rng, step := part, 1
		if i := strings.IndexByte(part, '/'); i >= 0 {
			n, err := strconv.Atoi(part[i+1:])
			if err != nil || n < 1 {
				return nil, fmt.Errorf("%q: bad step", part)
			}
			rng, step = part[:i], n
		}
		a, b := lo, hi
		switch {
		case rng == "*":
		case strings.Contains(rng, "-"):
			x, y, _ := strings.Cut(rng, "-")
			var err error
			if a, err = num(x); err != nil {
				return nil, err
			}
			if b, err = num(y); err != nil {
				return nil, err
			}
			if a > b {
				return nil, fmt.Errorf("%q: range runs backwards", rng)
			}
		default:
			n, err := num(rng)
			if err != nil {
				return nil, err
			}
			a = n
			if step == 1 {
				b = n
			}
		}
		for v := a; v <= b; v += step {
			out[v] = true
		}
	}
	return out, nil
}

func (c *cronExpr) match(t time.Time) bool {
	t = t.UTC()
	if !c.min[t.Minute()] || !c.hour[t.Hour()] || !c.month[int(t.Month())] || !c.year[t.Year()] {
		return false
	}
	if !c.anyDom && !c.dom[t.Day()] {
		return false
	}
	if !c.anyDow && !c.dow[int(t.Weekday())+1] {
		return false
	}
	return true
}
