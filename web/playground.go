package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/sam"
	"github.com/learnsls/learnsls/web/views"
)

// playgroundPrefix is where playground APIs are served:
// /_aws/<secret>/<api-id>/<stage>/<path>. The secret scopes the URL to one
// learner's playground without cookies, so curl works.
const playgroundPrefix = "/_aws/"

// defaultPlaygrounds caps live playgrounds when Options.Playgrounds is 0.
// Each holds its functions' compiled code and instances, which for a Go
// handler is of the order of 100 MB; `learnsls serve` for one learner only
// ever has one.
const defaultPlaygrounds = 8

// playgroundLogLines is how many of the newest log lines the page shows.
const playgroundLogLines = 60

// errPlaygroundsClosed is returned by deploys after the server shut down.
var errPlaygroundsClosed = errors.New("the server is shutting down; playgrounds are closed")

// playground is one learner's long-lived deployment of one exercise.
type playground struct {
	secret   string
	learner  int64
	key      string // exercise (lesson) key, "basics/hello"
	stack    *sandbox.Stack
	deployed time.Time
	logs     *logRing
	gone     chan struct{}  // closed when the playground is replaced or closed
	lastUsed time.Time      // guarded by playgrounds.mu
	inflight sync.WaitGroup // API requests being served; Close waits for them
}

// playgrounds holds every live playground: at most one per learner, at most
// max in all (the least recently used is closed to make room).
type playgrounds struct {
	opt sandbox.Options // for every new stack
	max int
	now func() time.Time

	mu        sync.Mutex
	bySecret  map[string]*playground
	byLearner map[int64]*playground
	closed    bool
	closing   sync.WaitGroup // retirements in progress
}

func newPlaygrounds(opt sandbox.Options, max int) *playgrounds {
	if max <= 0 {
		max = defaultPlaygrounds
	}
	opt.Clock = nil       // each playground runs on real time
	opt.LiveEvents = true // stream records arrive without anyone pumping them
	return &playgrounds{opt: opt, max: max, now: time.Now,
		bySecret: map[string]*playground{}, byLearner: map[int64]*playground{}}
}

// newSecret is 128 random bits, URL-safe.
func newSecret() string {
	b := make([]byte, 16)
	rand.Read(b) // crypto/rand never fails on supported platforms
	return base64.RawURLEncoding.EncodeToString(b)
}

// deploy builds and deploys a learner's files into a new stack that replaces
// their previous playground. Learner mistakes (code that does not compile,
// a broken template) come back as diagnostics, leaving the previous
// playground running.
func (pg *playgrounds) deploy(ctx context.Context, learner int64, key string, template []byte, files map[string][]byte) (*playground, []grade.Diagnostic, error) {
	pg.mu.Lock()
	closed := pg.closed
	pg.mu.Unlock()
	if closed {
		return nil, nil, errPlaygroundsClosed
	}
	ring := newLogRing()
	opt := pg.opt
	opt.Logs = ring
	if pg.opt.Logs != nil {
		opt.Logs = teeLogs{pg.opt.Logs, ring}
	}
	// The stack outlives this request; only the build follows ctx.
	st, err := sandbox.New(context.WithoutCancel(ctx), opt)
	if err != nil {
		return nil, nil, fmt.Errorf("playground: new stack: %w", err)
	}
	if err := st.Deploy(ctx, template, files, nil); err != nil {
		st.Close(context.WithoutCancel(ctx))
		if diags := learnerDiagnostics(err); diags != nil {
			return nil, diags, nil
		}
		return nil, nil, fmt.Errorf("playground: deploy: %w", err)
	}
	now := pg.now()
	p := &playground{secret: newSecret(), learner: learner, key: key, stack: st, logs: ring,
		gone: make(chan struct{}), deployed: now, lastUsed: now}
	var retire []*playground
	pg.mu.Lock()
	if pg.closed {
		pg.mu.Unlock()
		st.Close(context.WithoutCancel(ctx))
		return nil, nil, errPlaygroundsClosed
	}
	if old := pg.byLearner[learner]; old != nil {
		delete(pg.bySecret, old.secret)
		retire = append(retire, old)
	}
	pg.byLearner[learner] = p
	pg.bySecret[p.secret] = p
	for len(pg.bySecret) > pg.max {
		var lru *playground
		for _, q := range pg.bySecret {
			if q != p && (lru == nil || q.lastUsed.Before(lru.lastUsed)) {
				lru = q
			}
		}
		delete(pg.bySecret, lru.secret)
		delete(pg.byLearner, lru.learner)
		retire = append(retire, lru)
	}
	pg.closing.Add(len(retire))
	pg.mu.Unlock()
	for _, old := range retire {
		go pg.retire(old)
	}
	return p, nil, nil
}

// retire closes a playground already removed from the maps, once the
// requests it is serving have finished.
func (pg *playgrounds) retire(p *playground) {
	defer pg.closing.Done()
	close(p.gone)
	p.inflight.Wait()
	p.stack.Close(context.Background())
}

// acquire finds the playground of a secret and marks a request in flight;
// call done when the request ends. ok is false for unknown secrets.
func (pg *playgrounds) acquire(secret string) (p *playground, done func(), ok bool) {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	p, ok = pg.bySecret[secret]
	if !ok {
		return nil, nil, false
	}
	p.lastUsed = pg.now()
	p.inflight.Add(1)
	return p, p.inflight.Done, true
}

// of returns the learner's live playground, if any.
func (pg *playgrounds) of(learner int64) *playground {
	pg.mu.Lock()
	defer pg.mu.Unlock()
	return pg.byLearner[learner]
}

// closeAll closes every playground and refuses new deploys. It waits for
// requests in flight, or until ctx ends.
func (pg *playgrounds) closeAll(ctx context.Context) error {
	pg.mu.Lock()
	pg.closed = true
	all := make([]*playground, 0, len(pg.bySecret))
	for _, p := range pg.bySecret {
		all = append(all, p)
	}
	pg.bySecret, pg.byLearner = map[string]*playground{}, map[int64]*playground{}
	pg.closing.Add(len(all))
	pg.mu.Unlock()
	for _, p := range all {
		go pg.retire(p)
	}
	done := make(chan struct{})
	go func() { pg.closing.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("close playgrounds: %w", ctx.Err())
	}
}

// ClosePlaygrounds closes every learner's playground; Serve calls it after
// shutting down. Deploys after it fail.
func (s *Server) ClosePlaygrounds(ctx context.Context) error {
	if s.pg == nil {
		return nil
	}
	return s.pg.closeAll(ctx)
}

// playable reports whether an exercise deploys a stack a learner can call.
func playable(ex *lessons.Exercise) bool {
	return ex.Kind == lessons.KindHandler || ex.Kind == lessons.KindTemplate
}

// playgroundSource is what grading deploys for these files: the exercise's
// template (or, for template exercises, the learner's), and the learner's
// editable files over the starter files. problem is set when there is
// nothing to deploy.
func playgroundSource(ex *lessons.Exercise, files map[string][]byte) (template []byte, overlay map[string][]byte, problem string) {
	overlay = make(map[string][]byte, len(ex.Starter))
	for name, b := range ex.Starter {
		overlay[name] = b
	}
	for _, name := range ex.Files {
		if b, ok := files[name]; ok {
			overlay[name] = b
		}
	}
	template = ex.Template
	if ex.Kind == lessons.KindTemplate && len(ex.Files) > 0 {
		template = overlay[ex.Files[0]]
		if len(bytes.TrimSpace(template)) == 0 {
			return nil, nil, ex.Files[0] + " is empty: write the template, then deploy."
		}
	}
	return template, overlay, ""
}

// learnerDiagnostics turns the errors a learner causes (compile errors,
// template errors) into diagnostics, as grading shows them; nil for others.
func learnerDiagnostics(err error) []grade.Diagnostic {
	var out []grade.Diagnostic
	samDiag := func(e *sam.Error) grade.Diagnostic {
		file := e.File
		if file == "" {
			file = "template.yaml"
		}
		msg := e.Msg
		if e.Code != "" {
			msg = "[" + e.Code + "] " + msg
		}
		return grade.Diagnostic{File: file, Line: e.Pos.Line, Col: e.Pos.Col, Message: msg}
	}
	var de *build.DiagnosticsError
	var ses sam.Errors
	var se *sam.Error
	switch {
	case errors.As(err, &de):
		for _, d := range de.Diagnostics {
			msg := d.Message
			if d.Hint != "" {
				msg += " (" + d.Hint + ")"
			}
			out = append(out, grade.Diagnostic{File: d.File, Line: d.Line, Col: d.Col, Message: msg})
		}
		if out == nil {
			out = []grade.Diagnostic{{Message: de.Error()}}
		}
	case errors.As(err, &ses):
		for _, e := range ses {
			out = append(out, samDiag(e))
		}
	case errors.As(err, &se):
		out = append(out, samDiag(se))
	}
	return out
}

// fillPlayground adds the playground panel to an exercise page: the deploy
// button's URL and, when the learner's playground runs this exercise, its
// invoke URLs, a curl example and the newest log lines.
func (s *Server) fillPlayground(c echo.Context, l *lessons.Lesson, ex *lessons.Exercise, p *views.ExercisePage) {
	if s.pg == nil || !playable(ex) {
		return
	}
	p.PlaygroundURL = s.exerciseURL(l) + "/playground"
	pl := s.pg.of(learnerID(c))
	if pl == nil {
		return
	}
	if pl.key != lessonKey(l) {
		p.PlaygroundElsewhere = pl.key
		return
	}
	base := c.Scheme() + "://" + c.Request().Host + playgroundPrefix + pl.secret + "/"
	panel := &views.PlaygroundPanel{
		DeployedAt: pl.deployed.Local().Format("15:04:05"),
		RefreshURL: s.exerciseURL(l) + "#playground-logs",
	}
	names := pl.stack.APIs()
	var configs []apiRoutes
	if m := pl.stack.Model(); m != nil {
		configs = routesOf(m)
	}
	for i, name := range names {
		aws, err := pl.stack.URL(name)
		if err != nil {
			continue
		}
		local := localInvokeURL(base, aws)
		api := views.PlaygroundAPI{Name: name, URL: local}
		if i < len(configs) {
			api.Curl = curlExample(local, configs[i])
		}
		panel.APIs = append(panel.APIs, api)
	}
	logs, next, _ := pl.logs.since(0)
	if len(logs) > playgroundLogLines {
		logs = logs[len(logs)-playgroundLogLines:]
	}
	panel.Logs = logs
	panel.LogsStreamURL = s.exerciseURL(l) + "/playground/logs?after=" + strconv.FormatUint(next, 10)
	// Read the stack's state as a request in flight, so a concurrent
	// redeploy waits for this render before closing the stack.
	if _, done, ok := s.pg.acquire(pl.secret); ok {
		panel.Tables = s.playgroundTables(pl.stack, s.exerciseURL(l))
		panel.Queues = playgroundQueues(pl.stack)
		panel.Outbox, panel.OutboxTotal = playgroundOutbox(pl.stack)
		done()
	}
	p.Playground = panel
}

// apiRoutes is the method and path of each route of one API, in template
// order.
type apiRoutes [][2]string

// routesOf lists every API's routes; APIs come in the stack's order.
func routesOf(m *sam.Model) []apiRoutes {
	// Region and account only shape IDs and ARNs, not routes.
	cfgs, err := m.APIs("us-east-1", "123456789012")
	if err != nil {
		return nil
	}
	out := make([]apiRoutes, len(cfgs))
	for i, c := range cfgs {
		for _, r := range c.Routes {
			if r.Mock != nil || r.Method == "OPTIONS" {
				continue // CORS preflight mocks are not what a learner wrote
			}
			out[i] = append(out[i], [2]string{r.Method, r.Path})
		}
	}
	return out
}

// localInvokeURL maps AWS's invoke URL
// (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/) to the
// playground's: <base><api-id>/<stage>/.
func localInvokeURL(base, aws string) string {
	u, err := url.Parse(aws)
	if err != nil {
		return base
	}
	id, _, _ := strings.Cut(u.Host, ".")
	return base + id + u.Path
}

var pathParam = regexp.MustCompile(`\{[^}]*\}`)

// curlExample is a ready-to-copy command for the API's first route, with
// sample values for path parameters.
func curlExample(invoke string, routes apiRoutes) string {
	if len(routes) == 0 {
		return "curl -i " + shellQuote(invoke)
	}
	method, p := routes[0][0], routes[0][1]
	if p == "$default" {
		p = "/"
	}
	p = pathParam.ReplaceAllStringFunc(p, func(param string) string {
		if strings.HasSuffix(param, "+}") {
			return "anything"
		}
		return "1"
	})
	u := shellQuote(strings.TrimSuffix(invoke, "/") + p)
	switch method {
	case "POST", "PUT", "PATCH":
		return "curl -i -X " + method + " " + u + " -H 'Content-Type: application/json' -d '{}'"
	case "ANY", "GET":
		return "curl -i " + u
	}
	return "curl -i -X " + method + " " + u
}

// shellQuote quotes s for a POSIX shell: a path from a template may hold
// any character, and the command is meant to be pasted.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
