package grade

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/lessons"
)

func (g *Grader) gradeStack(ctx context.Context, v *Verdict, ex *lessons.Exercise, checks []*Check, files map[string][]byte, progress func(Progress)) error {
	if g.Sandbox == nil {
		return fmt.Errorf("grade %s: %w", ex.Dir, errNoEngine)
	}
	template := ex.Template
	if ex.Kind == lessons.KindTemplate {
		name, t, err := learnerFile(ex, files)
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(t)) == 0 {
			v.Problem = name + " is empty: write the template, then run the checks."
			return nil
		}
		template = t
	}
	progress(Progress{Stage: "building", Total: len(checks)})
	stack, err := g.Sandbox.Deploy(ctx, template, deployFiles(ex, files))
	if err != nil {
		var be *BuildError
		if errors.As(err, &be) {
			v.Diagnostics = be.Diagnostics
			if len(v.Diagnostics) == 0 {
				v.Problem = be.Error()
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		v.Problem = err.Error()
		return nil
	}
	defer stack.Close()
	if needsUnitTests(checks) {
		progress(Progress{Stage: "building", Total: len(checks)})
		ts, err := g.withUnitTests(ctx, stack, deployFiles(ex, files), v)
		if ts == nil || err != nil {
			return err
		}
		stack = ts
	}
	for i, c := range checks {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress(Progress{Stage: "checking", Check: i + 1, Total: len(checks), Name: c.Name})
		if i > 0 {
			if err := stack.Reset(ctx); err != nil {
				return fmt.Errorf("reset stack: %w", err)
			}
		}
		v.Checks = append(v.Checks, g.runCheck(ctx, stack, c))
	}
	return nil
}

// run is the state of one check while its steps run.
type run struct {
	stack     Stack
	mu        sync.Mutex
	exchanges []Exchange
	results   []any // decoded response bodies, parallel to exchanges (nil if not JSON)
	raw       [][]byte
	status    []int
	headers   []http.Header
	fnErrs    []string
}

func (g *Grader) runCheck(ctx context.Context, stack Stack, c *Check) (res CheckResult) {
	start := time.Now()
	res = CheckResult{Name: c.Name, Hidden: c.Hidden}
	timeout := g.CheckTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	r := &run{stack: stack}
	defer func() {
		if p := recover(); p != nil {
			res.Passed = false
			res.Message = c.Message
			res.Failure = fmt.Sprintf("the grader hit an internal error (%v); please report it", p)
		}
		res.Duration = time.Since(start)
	}()
	fail := func(failure string) CheckResult {
		res.Passed = false
		res.Message = c.Message
		res.Failure = failure
		res.Exchanges = r.exchanges
		res.Logs = stack.Logs()
		return res
	}
	if err := r.steps(ctx, c.Steps); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fail(fmt.Sprintf("the check did not finish within %s", timeout))
		}
		return fail(err.Error())
	}
	res.Exchanges = r.exchanges
	res.Logs = stack.Logs()
	if failure, exp, act := r.expect(ctx, &c.Expect, &res); failure != "" {
		res.Passed = false
		res.Message = c.Message
		res.Failure = failure
		if exp != "" || act != "" {
			res.Expected, res.Actual = exp, act
			res.Diff = lineDiff(exp, act)
		}
		return res
	}
	res.Passed = true
	return res
}

func (r *run) steps(ctx context.Context, steps []Step) error {
	for _, s := range steps {
		if err := r.step(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) step(ctx context.Context, s Step) error {
	if handled, err := r.eventStep(ctx, s); handled {
		return err
	}
	switch {
	case s.UnitTests != nil:
		return r.unitTests(ctx, s.UnitTests)
	case s.Seed != nil:
		items := make([]map[string]any, 0, len(s.Seed.Items))
		for i := range s.Seed.Items {
			val, err := nodeValue(&s.Seed.Items[i])
			if err != nil {
				return fmt.Errorf("seed item %d: %w", i+1, err)
			}
			var item map[string]any
			if s.Seed.DynamoDBJSON {
				m, ok := val.(map[string]any)
				if !ok {
					return fmt.Errorf("seed item %d must be an object", i+1)
				}
				item = m
			} else if item, err = itemToAttributeValues(val); err != nil {
				return fmt.Errorf("seed item %d: %w", i+1, err)
			}
			items = append(items, item)
		}
		if err := r.stack.PutItems(ctx, s.Seed.Table, items); err != nil {
			return fmt.Errorf("seed table %s: %w", s.Seed.Table, err)
		}
	case s.Request != nil:
		return r.request(ctx, s.Request)
	case s.Invoke != nil:
		return r.invoke(ctx, s.Invoke)
	case s.Advance != "":
		d, err := time.ParseDuration(s.Advance)
		if err != nil {
			return err
		}
		r.stack.Advance(d)
	case s.Repeat != nil:
		if !s.Repeat.Parallel {
			for i := 0; i < s.Repeat.Times; i++ {
				if err := r.steps(ctx, s.Repeat.Steps); err != nil {
					return err
				}
			}
			return nil
		}
		errs := make([]error, s.Repeat.Times)
		var wg sync.WaitGroup
		for i := 0; i < s.Repeat.Times; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = r.steps(ctx, s.Repeat.Steps)
			}()
		}
		wg.Wait()
		return errors.Join(errs...)
	}
	return nil
}

func (r *run) request(ctx context.Context, q *RequestStep) error {
	method := strings.ToUpper(q.Method)
	if method == "" {
		method = http.MethodGet
	}
	u := &url.URL{Path: q.Path}
	if len(q.Query) > 0 {
		vals := url.Values{}
		for k, v := range q.Query {
			vals.Set(k, v)
		}
		u.RawQuery = vals.Encode()
	}
	body := []byte(q.Body)
	if q.JSON.Kind != 0 {
		val, err := nodeValue(&q.JSON)
		if err != nil {
			return fmt.Errorf("request json: %w", err)
		}
		body = []byte(compactJSONFull(val))
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("request %s %s: %w", method, q.Path, err)
	}
	for k, v := range q.Headers {
		req.Header.Set(k, v)
	}
	if q.JSON.Kind != 0 && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if q.Token != "" {
		req.Header.Set("Authorization", q.Token)
	}
	if q.JWT.Kind != 0 {
		now := time.Now()
		if c, ok := r.stack.(interface{ Now() time.Time }); ok {
			now = c.Now() // the authorizer checks exp against the stack's clock
		}
		tok, err := signJWT(&q.JWT, now)
		if err != nil {
			return fmt.Errorf("request %s %s: %w", method, q.Path, err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := r.stack.Request(ctx, q.API, req)
	if err != nil {
		return fmt.Errorf("request %s %s: %w", method, u.String(), err)
	}
	ex := Exchange{Kind: "http", Method: method, Path: u.String(), Request: string(body), Status: resp.Status, Response: truncate(string(resp.Body)), Headers: flatHeaders(resp.Headers)}
	r.record(ex, resp.Body, resp.Status, resp.Headers, "")
	return nil
}

func (r *run) invoke(ctx context.Context, q *InvokeStep) error {
	var payload []byte
	switch {
	case q.Sample != "":
		payload = SampleEvents[q.Sample]
	case q.Event.Kind != 0:
		val, err := nodeValue(&q.Event)
		if err != nil {
			return fmt.Errorf("invoke event: %w", err)
		}
		payload = []byte(compactJSONFull(val))
	default:
		payload = []byte("{}")
	}
	res, err := r.stack.Invoke(ctx, q.Function, payload)
	if err != nil {
		return fmt.Errorf("invoke %s: %w", orOnly(q.Function, "the function"), err)
	}
	ex := Exchange{Kind: "invoke", Function: q.Function, Request: truncate(string(payload)), Response: truncate(string(res.Payload)), FunctionError: res.FunctionError}
	r.record(ex, res.Payload, 0, nil, res.FunctionError)
	return nil
}

func (r *run) record(ex Exchange, body []byte, status int, h http.Header, fnErr string) {
	var decoded any
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &decoded); err != nil {
			decoded = nil
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.exchanges = append(r.exchanges, ex)
	r.results = append(r.results, decoded)
	r.raw = append(r.raw, body)
	r.status = append(r.status, status)
	r.headers = append(r.headers, h)
	r.fnErrs = append(r.fnErrs, fnErr)
}

// expect evaluates the expectations; it returns the first failure and, for
// value mismatches, the expected and actual values rendered for a diff.
func (r *run) expect(ctx context.Context, e *Expect, res *CheckResult) (failure, expected, actual string) {
	if e.Tests != nil {
		if f := r.expectTests(e.Tests); f != "" {
			return f, "", ""
		}
	}
	needsResponse := e.Status != nil || len(e.Headers) > 0 || e.Body != nil || e.JSON.Kind != 0 || len(e.JSONPath) > 0 || e.Error != nil || e.NoError
	if needsResponse {
		if len(r.exchanges) == 0 {
			return "the check made no request or invocation to look at", "", ""
		}
		idx := []int{len(r.exchanges) - 1}
		if e.All {
			idx = idx[:0]
			for i := range r.exchanges {
				idx = append(idx, i)
			}
		}
		for _, i := range idx {
			if f, exp, act := r.expectResponse(e, i); f != "" {
				if len(idx) > 1 {
					f = fmt.Sprintf("response %d of %d: %s", i+1, len(idx), f)
				}
				return f, exp, act
			}
		}
	}
	if t := e.Table; t != nil {
		items, err := r.stack.Items(ctx, t.Name)
		if err != nil {
			return fmt.Sprintf("could not read table %s: %v", t.Name, err), "", ""
		}
		plain := make([]any, len(items))
		for i, it := range items {
			plain[i] = itemFromAttributeValues(it)
		}
		if res.Tables == nil {
			res.Tables = map[string]string{}
		}
		res.Tables[t.Name] = prettyJSON(plain)
		if f, exp, act := expectTable(t, plain); f != "" {
			return f, exp, act
		}
	}
	if l := e.Logs; l != nil {
		logs := r.stack.Logs()
		all := strings.Join(logs, "\n")
		for _, s := range l.Contains {
			if !strings.Contains(all, s) {
				return fmt.Sprintf("the function's logs do not contain %q", s), "", ""
			}
		}
		for _, expr := range l.Matches {
			re := regexp.MustCompile(expr) // validated by Parse
			found := false
			for _, line := range logs {
				if re.MatchString(line) {
					found = true
					break
				}
			}
			if !found {
				return fmt.Sprintf("no line of the function's logs matches /%s/", expr), "", ""
			}
		}
		for _, s := range l.NotContains {
			if strings.Contains(all, s) {
				return fmt.Sprintf("the function's logs contain %q, which they should not", s), "", ""
			}
		}
		reports, cold := 0, 0
		for _, line := range logs {
			if strings.HasPrefix(line, "REPORT ") {
				reports++
				if strings.Contains(line, "Init Duration") {
					cold++
				}
			}
		}
		if l.ColdStarts != nil && cold != *l.ColdStarts {
			return fmt.Sprintf("expected %d cold start(s) (REPORT lines with Init Duration), saw %d", *l.ColdStarts, cold), "", ""
		}
		if l.Report != nil && (reports > 0) != *l.Report {
			return fmt.Sprintf("expected REPORT lines present: %v, saw %d", *l.Report, reports), "", ""
		}
	}
	if e.NoDenied {
		if d := r.stack.Denials(); len(d) > 0 {
			return "a call was denied by IAM: " + d[0], "", ""
		}
	}
	if failure, exp, act := r.expectEvents(e); failure != "" {
		return failure, exp, act
	}
	if inv := e.Invocation; inv != nil {
		n := r.stack.Invocations(inv.Function)
		if inv.Count != nil && n != *inv.Count {
			return fmt.Sprintf("expected %d invocation(s) of %s, saw %d", *inv.Count, orOnly(inv.Function, "the function"), n), "", ""
		}
		if inv.Min != nil && n < *inv.Min {
			return fmt.Sprintf("expected at least %d invocation(s) of %s, saw %d", *inv.Min, orOnly(inv.Function, "the function"), n), "", ""
		}
	}
	return "", "", ""
}

func (r *run) expectResponse(e *Expect, i int) (failure, expected, actual string) {
	ex := r.exchanges[i]
	if e.Status != nil {
		if ex.Kind != "http" {
			return "expect.status applies to HTTP requests, not invocations", "", ""
		}
		if r.status[i] != *e.Status {
			return fmt.Sprintf("%s %s returned status %d, expected %d", ex.Method, ex.Path, r.status[i], *e.Status), "", ""
		}
	}
	for _, name := range sortedKeys(e.Headers) {
		n := e.Headers[name]
		want, err := nodeValue(&n)
		if err != nil {
			return err.Error(), "", ""
		}
		var got any
		if h := r.headers[i]; h != nil && len(h.Values(name)) > 0 {
			got = h.Get(name)
		}
		if got == nil {
			if m, ok := want.(map[string]any); ok {
				if name, _, ok := asMatcher(m); ok && name == "$absent" {
					continue
				}
			}
			return fmt.Sprintf("the response has no %s header", name), "", ""
		}
		if why := match(want, got, "header "+name); why != "" {
			return why, "", ""
		}
	}
	// A failed function explains more than any mismatch in its output.
	if r.fnErrs[i] != "" && e.Error == nil && (e.NoError || e.Body != nil || e.JSON.Kind != 0 || len(e.JSONPath) > 0) {
		msg, _ := lookup(r.results[i], []pathPart{{key: "errorMessage", index: -1}})
		return fmt.Sprintf("the function failed with %s: %v", r.fnErrs[i], msg), "", ""
	}
	if e.Body != nil && string(r.raw[i]) != *e.Body {
		return "the body is not what was expected", *e.Body, string(r.raw[i])
	}
	if e.JSON.Kind != 0 || len(e.JSONPath) > 0 {
		if r.results[i] == nil && !(len(bytes.TrimSpace(r.raw[i])) > 0 && string(bytes.TrimSpace(r.raw[i])) == "null") {
			return fmt.Sprintf("the response body is not JSON: %s", truncate(string(r.raw[i]))), "", ""
		}
	}
	if e.JSON.Kind != 0 {
		want, err := nodeValue(&e.JSON)
		if err != nil {
			return err.Error(), "", ""
		}
		if why := match(want, r.results[i], ""); why != "" {
			return why, prettyJSON(want), prettyJSON(r.results[i])
		}
	}
	for _, path := range sortedKeys(e.JSONPath) {
		n := e.JSONPath[path]
		want, err := nodeValue(&n)
		if err != nil {
			return err.Error(), "", ""
		}
		parts, _ := parsePath(path)
		got, ok := lookup(r.results[i], parts)
		if !ok {
			if m, isMap := want.(map[string]any); isMap {
				if name, _, ok := asMatcher(m); ok && name == "$absent" {
					continue
				}
			}
			return fmt.Sprintf("%s: missing from the response", path), "", prettyJSON(r.results[i])
		}
		if why := match(want, got, path); why != "" {
			return why, "", ""
		}
	}
	if e.Error != nil {
		if r.fnErrs[i] == "" {
			return fmt.Sprintf("expected the function to fail with %s, but it succeeded", orOnly(e.Error.Type, "an error")), "", ""
		}
		if e.Error.Type != "" && r.fnErrs[i] != e.Error.Type {
			return fmt.Sprintf("expected errorType %s, got %s", e.Error.Type, r.fnErrs[i]), "", ""
		}
		if e.Error.Message.Kind != 0 {
			want, err := nodeValue(&e.Error.Message)
			if err != nil {
				return err.Error(), "", ""
			}
			got, _ := lookup(r.results[i], []pathPart{{key: "errorMessage", index: -1}})
			if why := match(want, got, "errorMessage"); why != "" {
				return why, "", ""
			}
		}
	}
	if e.NoError {
		if r.fnErrs[i] != "" {
			return fmt.Sprintf("the function failed with %s: %s", r.fnErrs[i], truncate(string(r.raw[i]))), "", ""
		}
		if ex.Kind == "http" && r.status[i] >= 500 {
			return fmt.Sprintf("%s %s returned status %d", ex.Method, ex.Path, r.status[i]), "", ""
		}
	}
	return "", "", ""
}

// expectTable matches every expected item to a distinct actual item.
func expectTable(t *TableExpect, actual []any) (failure, expected, act string) {
	if t.Count != nil && len(actual) != *t.Count {
		return fmt.Sprintf("table %s has %d item(s), expected %d", t.Name, len(actual), *t.Count), "", prettyJSON(actual)
	}
	want := make([]any, 0, len(t.Items))
	for i := range t.Items {
		v, err := nodeValue(&t.Items[i])
		if err != nil {
			return err.Error(), "", ""
		}
		want = append(want, v)
	}
	used := make([]bool, len(actual))
	for _, w := range want {
		found := false
		for j, a := range actual {
			if !used[j] && match(w, a, "") == "" {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return fmt.Sprintf("table %s has no item matching %s", t.Name, compactJSON(w)), prettyJSON(want), prettyJSON(actual)
		}
	}
	if t.Exact && len(actual) != len(want) {
		return fmt.Sprintf("table %s has %d item(s), expected exactly %d", t.Name, len(actual), len(want)), prettyJSON(want), prettyJSON(actual)
	}
	return "", "", ""
}

func flatHeaders(h http.Header) map[string]string {
	if len(h) == 0 {
		return nil
	}
	out := make(map[string]string, len(h))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = strings.Join(h[k], ", ")
	}
	return out
}

func truncate(s string) string {
	const max = 4096
	if len(s) > max {
		return s[:max] + fmt.Sprintf("… (%d more bytes)", len(s)-max)
	}
	return s
}

func orOnly(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return name
}
