// Package sandbox wires the simulated services of one learner's AWS account
// together: a SAM template (sandbox/sam) becomes functions (sandbox/lambda,
// code built by sandbox/build), tables (sandbox/dynamodb), roles and
// policies (sandbox/iam) and APIs (sandbox/apigateway), all on one
// simulated clock. Every AWS call a function makes is authorised with IAM
// against its execution role before the service sees it, and every
// invocation by API Gateway is checked against the function's resource
// policy, as on AWS.
package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/apigateway"
	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/dynamodb"
	"github.com/learnsls/learnsls/sandbox/iam"
	"github.com/learnsls/learnsls/sandbox/lambda"
	"github.com/learnsls/learnsls/sandbox/sam"
)

// Clock is a stack's clock. A simulated clock (NewClock) only moves when
// Advance is called, which grading relies on; a real clock (RealClock)
// follows the wall clock, plus whatever Advance added, for local serving.
type Clock struct {
	mu     sync.Mutex
	t      time.Time
	real   bool
	offset time.Duration
}

// NewClock starts a simulated clock at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// RealClock follows time.Now.
func RealClock() *Clock { return &Clock{real: true} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.real {
		return time.Now().Add(c.offset)
	}
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.offset += d
	c.mu.Unlock()
}

// Options configure a Stack.
type Options struct {
	// Builder compiles function code; required to deploy functions.
	Builder *build.Builder
	Engine  lambda.Engine
	// CompilationCacheDir keeps wazero's compiled code between runs.
	CompilationCacheDir string
	// CodeCache, when set, shares runtimes and compiled code with other
	// stacks (Engine and CompilationCacheDir are then the cache's): a
	// grader's per-attempt stacks skip recompiling code seen before.
	CodeCache *lambda.CodeCache
	Clock     *Clock // default: a clock starting now
	Region    string // default us-east-1
	AccountID string // default 123456789012
	StackName string // default learnsls
	// Logs also receives every function log line as it is written.
	Logs lambda.LogSink
	// JWKS serves JSON Web Key Sets to JWT authorizers, by issuer.
	JWKS func(issuer string) ([]byte, error)
	// LiveEvents delivers stream records in the background every 250 ms
	// (serve, deploy). Without it they are delivered by Advance and
	// PumpEvents only, which keeps grading deterministic.
	LiveEvents bool
}

// Stack is one learner's simulated account with one deployed template.
type Stack struct {
	opt    Options
	clock  *Clock
	lambda *lambda.Service
	dynamo *dynamodb.Service

	mu          sync.Mutex
	model       *sam.Model
	functions   map[string]sam.Function // by logical ID
	fnByName    map[string]sam.Function
	roles       map[string]*iam.Role // by ARN
	sessions    map[string]*iam.Session
	fnPolicies  map[string]*iam.Policy // by function name
	gateways    map[string]*apigateway.Gateway
	apiOrder    []string
	baseline    []byte
	logs        []string
	denials     []string
	invokedBase map[string]int
	warnings    []string
	deployed    map[string]deployedFn // by function name
	built       map[string]*build.Artifact
	streams     []*streamMapping
	stopLive    context.CancelFunc
	evOnce      sync.Once
	ev          *eventServices // SQS, EventBridge, SNS, SES (events_wiring.go)
}

// deployedFn remembers what a function was last deployed with.
type deployedFn struct {
	hash string
	cfg  lambda.FunctionConfig
}

var _ lambda.AWSCaller = (*Stack)(nil)

// New creates an empty account.
func New(ctx context.Context, opt Options) (*Stack, error) {
	if opt.Clock == nil {
		opt.Clock = NewClock(time.Now().UTC())
	}
	if opt.Region == "" {
		opt.Region = "us-east-1"
	}
	if opt.AccountID == "" {
		opt.AccountID = "123456789012"
	}
	if opt.StackName == "" {
		opt.StackName = "learnsls"
	}
	s := &Stack{opt: opt, clock: opt.Clock, invokedBase: map[string]int{}}
	s.dynamo = dynamodb.New(dynamodb.Options{Clock: opt.Clock.Now, Region: opt.Region, AccountID: opt.AccountID})
	svc, err := lambda.New(ctx, lambda.Options{Clock: opt.Clock, Region: opt.Region, AccountID: opt.AccountID, Engine: opt.Engine,
		CompilationCacheDir: opt.CompilationCacheDir, CodeCache: opt.CodeCache, AWS: s, Logs: lambda.LogSinkFunc(s.writeLog)})
	if err != nil {
		return nil, fmt.Errorf("sandbox: start lambda: %w", err)
	}
	s.lambda = svc
	if opt.LiveEvents {
		live, stop := context.WithCancel(context.Background())
		s.stopLive = stop
		go func() {
			t := time.NewTicker(250 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-live.Done():
					return
				case <-t.C:
					_, _ = s.Drain(live)
				}
			}
		}()
	}
	return s, nil
}

func (s *Stack) writeLog(e lambda.LogEvent) {
	s.mu.Lock()
	if len(s.logs) < 10000 {
		s.logs = append(s.logs, e.Message)
	}
	s.mu.Unlock()
	if s.opt.Logs != nil {
		s.opt.Logs.WriteLog(e)
	}
}

// Deploy creates (or, called again, updates) every resource of template in
// dependency order. files holds the stack's source files by path relative
// to the template ("main.go", "users/main.go"); each function is built from
// the files under its CodeUri. A redeploy keeps existing tables and their
// items. Errors: *sam.Error / sam.Errors for the template,
// *build.DiagnosticsError for code that does not compile.
func (s *Stack) Deploy(ctx context.Context, template []byte, files map[string][]byte, params map[string]string) error {
	samOpt := sam.Options{Region: s.opt.Region, AccountID: s.opt.AccountID, StackName: s.opt.StackName, Parameters: params,
		Namer: &stackNamer{DefaultNamer: sam.DefaultNamer{Region: s.opt.Region, AccountID: s.opt.AccountID, Partition: "aws", StackName: s.opt.StackName}, dynamo: s.dynamo}}
	m, err := sam.Load("template.yaml", template, samOpt)
	if err != nil {
		return err
	}
	// Tables first: a new table's stream gets its label when it is created,
	// and !GetAtt T.StreamArn must name that stream.
	created := false
	for _, t := range m.Tables() {
		if _, err := s.dynamo.Describe(t.Name); err == nil {
			continue // redeploy: keep the table and its items
		}
		if st, body := s.dynamo.Call(ctx, "CreateTable", t.CreateTable); st != http.StatusOK {
			return fmt.Errorf("create table %s: %s", t.LogicalID, body)
		}
		created = created || t.StreamARN != ""
	}
	if created {
		if m, err = sam.Load("template.yaml", template, samOpt); err != nil {
			return err
		}
	}
	roles := map[string]*iam.Role{}
	for _, r := range m.Roles() {
		role := &iam.Role{ARN: r.ARN}
		for _, arn := range r.ManagedPolicyARNs {
			doc, ok := managedPolicies[arn]
			if !ok {
				return fmt.Errorf("role %s: managed policy %s is not one learnsls models", r.LogicalID, arn)
			}
			p, err := iam.Parse(arn, []byte(doc))
			if err != nil {
				return fmt.Errorf("role %s: managed policy %s: %w", r.LogicalID, arn, err)
			}
			role.Policies = append(role.Policies, p)
		}
		names := make([]string, 0, len(r.InlinePolicies))
		for n := range r.InlinePolicies {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			// Inline policies are the learner's: hold them to the identity-policy
			// rules (no Principal, a Resource in every statement).
			p, err := iam.ParseAs(n, r.InlinePolicies[n], iam.IdentityPolicy)
			if err != nil {
				return fmt.Errorf("role %s: policy %s: %w", r.LogicalID, n, err)
			}
			role.Policies = append(role.Policies, p)
		}
		if r.PermissionsBoundary != "" {
			doc, ok := managedPolicies[r.PermissionsBoundary]
			if !ok {
				return fmt.Errorf("role %s: permissions boundary %s is not a managed policy learnsls models", r.LogicalID, r.PermissionsBoundary)
			}
			role.Boundary, _ = iam.Parse(r.PermissionsBoundary, []byte(doc))
		}
		roles[r.ARN] = role
	}
	functions := map[string]sam.Function{}
	byName := map[string]sam.Function{}
	for _, f := range m.Functions() {
		src := functionFiles(files, f.CodeURI)
		if len(src) == 0 {
			return fmt.Errorf("function %s: no .go files under CodeUri %q", f.LogicalID, f.CodeURI)
		}
		if s.opt.Builder == nil {
			return errors.New("sandbox: Options.Builder is required to deploy functions")
		}
		art, err := s.build(ctx, src)
		if err != nil {
			return err
		}
		cfg := lambda.FunctionConfig{Name: f.Name, Handler: f.Handler, MemoryMB: f.MemoryMB, Timeout: f.Timeout,
			Environment: f.Environment, ReservedConcurrency: f.ReservedConcurrency, Role: f.RoleARN}
		s.mu.Lock()
		prev, deployed := s.deployed[f.Name]
		s.mu.Unlock()
		if _, err := s.lambda.GetFunction(f.Name); err == nil {
			// Like CloudFormation, leave an unchanged function alone: its
			// warm environments survive the redeploy.
			if !deployed || prev.hash != art.Hash {
				if err := s.lambda.UpdateFunctionCode(ctx, f.Name, art.Wasm); err != nil {
					return fmt.Errorf("update function %s: %w", f.LogicalID, err)
				}
			}
			if !deployed || !reflect.DeepEqual(prev.cfg, cfg) {
				if _, err := s.lambda.UpdateFunctionConfiguration(ctx, cfg); err != nil {
					return fmt.Errorf("update function %s: %w", f.LogicalID, err)
				}
			}
		} else if _, err := s.lambda.CreateFunction(ctx, cfg, art.Wasm); err != nil {
			return fmt.Errorf("create function %s: %w", f.LogicalID, err)
		}
		s.mu.Lock()
		if s.deployed == nil {
			s.deployed = map[string]deployedFn{}
		}
		s.deployed[f.Name] = deployedFn{hash: art.Hash, cfg: cfg}
		s.mu.Unlock()
		functions[f.LogicalID] = f
		byName[f.Name] = f
	}
	for _, name := range s.lambda.ListFunctions() {
		if _, keep := byName[name]; !keep {
			_ = s.lambda.DeleteFunction(ctx, name)
			s.mu.Lock()
			delete(s.deployed, name)
			s.mu.Unlock()
		}
	}
	fnPolicies := map[string]*iam.Policy{}
	for name, doc := range m.FunctionPolicies() {
		p, err := iam.ParseAs(name, doc, iam.ResourcePolicy)
		if err != nil {
			return fmt.Errorf("function %s resource policy: %w", name, err)
		}
		fnPolicies[name] = p
	}
	apis, err := m.APIs(s.opt.Region, s.opt.AccountID)
	if err != nil {
		return err
	}
	gateways := map[string]*apigateway.Gateway{}
	var order []string
	for _, c := range apis {
		id := c.Name
		for _, r := range m.Resources {
			if r.PhysicalID == c.APIID && (r.Type == "AWS::ApiGateway::RestApi" || r.Type == "AWS::ApiGatewayV2::Api") {
				id = r.LogicalID
			}
		}
		g, err := apigateway.New(c, apigateway.Options{Invoker: apiInvoker{s}, Now: s.clock.Now, JWKS: s.opt.JWKS})
		if err != nil {
			return fmt.Errorf("api %s: %w", id, err)
		}
		gateways[id] = g
		order = append(order, id)
	}
	var warnings []string
	for _, r := range m.Resources {
		switch r.Type {
		case "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::SNS::Subscription", "AWS::Events::Rule", "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Url":
			warnings = append(warnings, fmt.Sprintf("%s (%s) is in the model but not yet wired to a simulated service", r.LogicalID, r.Type))
		}
	}
	baseline, err := s.dynamo.Snapshot()
	if err != nil {
		return fmt.Errorf("snapshot tables: %w", err)
	}
	s.mu.Lock()
	s.model, s.functions, s.fnByName, s.roles, s.fnPolicies = m, functions, byName, roles, fnPolicies
	s.sessions = map[string]*iam.Session{}
	s.gateways, s.apiOrder, s.baseline = gateways, order, baseline
	old := s.streams
	s.streams = nil
	s.mu.Unlock()
	for _, sm := range old {
		if sm.cancel != nil {
			sm.cancel()
		}
	}
	existed := map[string]bool{}
	for _, sm := range old {
		existed[sm.m.LogicalID] = true
	}
	streams, err := s.wireStreams(m, byName, existed)
	if err != nil {
		return err
	}
	wired := map[string]bool{}
	for _, sm := range streams {
		wired[sm.m.LogicalID] = true
	}
	evWired, err := s.deployEvents(m, byName)
	if err != nil {
		return err
	}
	for _, id := range evWired {
		wired[id] = true
	}
	var kept []string
	for _, w := range warnings {
		id, _, _ := strings.Cut(w, " ")
		if !wired[id] {
			kept = append(kept, w)
		}
	}
	s.mu.Lock()
	s.streams, s.warnings = streams, kept
	s.mu.Unlock()
	return nil
}

// functionFiles picks the .go files under codeURI, named without the
// directory as the builder wants them. Exercises often keep main.go next to
// the template with CodeUri pointing at a folder; then the top-level files
// are used.
func functionFiles(files map[string][]byte, codeURI string) map[string][]byte {
	dir := strings.Trim(path.Clean("/"+codeURI), "/")
	pick := func(prefix string) map[string][]byte {
		out := map[string][]byte{}
		for name, b := range files {
			name = strings.TrimPrefix(path.Clean("/"+name), "/")
			d, base := path.Split(name)
			if strings.TrimSuffix(d, "/") == prefix && strings.HasSuffix(base, ".go") {
				out[base] = b
			}
		}
		return out
	}
	if out := pick(dir); len(out) > 0 {
		return out
	}
	return pick("")
}

// Model is the deployed template, resolved.
func (s *Stack) Model() *sam.Model {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.model
}

// Warnings lists resources the model has but the sandbox does not run yet.
func (s *Stack) Warnings() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.warnings...)
}

// APIs lists the deployed APIs' logical IDs, in template order.
func (s *Stack) APIs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.apiOrder...)
}

func (s *Stack) gateway(api string) (*apigateway.Gateway, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if api == "" {
		if len(s.apiOrder) != 1 {
			return nil, fmt.Errorf("the stack has %d APIs; name one of %v", len(s.apiOrder), s.apiOrder)
		}
		api = s.apiOrder[0]
	}
	g, ok := s.gateways[api]
	if !ok {
		return nil, fmt.Errorf("the stack has no API %q (it has %v)", api, s.apiOrder)
	}
	return g, nil
}

// Handler serves an API over HTTP ("" for the only one). With atRoot the
// routes are served without the /{stage} prefix, as `sam local start-api`
// does; otherwise paths carry the stage as in the invoke URL.
func (s *Stack) Handler(api string, atRoot bool) (http.Handler, error) {
	g, err := s.gateway(api)
	if err != nil {
		return nil, err
	}
	if !atRoot {
		return g, nil
	}
	stage := g.Config().Stage
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if stage != "$default" {
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/" + stage + r.URL.Path
			r2.URL.RawPath = ""
			if r.URL.RawPath != "" {
				r2.URL.RawPath = "/" + stage + r.URL.RawPath
			}
			r = r2
		}
		g.ServeHTTP(w, r)
	}), nil
}

// Request sends one request through an API. A path without the stage
// prefix is taken as relative to the stage.
func (s *Stack) Request(ctx context.Context, api string, r *http.Request) (*apigateway.Response, error) {
	g, err := s.gateway(api)
	if err != nil {
		return nil, err
	}
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		body, err = io.ReadAll(io.LimitReader(r.Body, 10<<20))
		if err != nil {
			return nil, err
		}
	}
	p := r.URL.EscapedPath()
	if st := g.Config().Stage; st != "$default" && p != "/"+st && !strings.HasPrefix(p, "/"+st+"/") {
		p = "/" + st + p
	}
	return g.Serve(ctx, &apigateway.Request{Method: r.Method, Path: p, RawQuery: r.URL.RawQuery, Header: r.Header, Body: body}), nil
}

func (s *Stack) function(logicalID string) (sam.Function, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if logicalID == "" {
		if len(s.functions) != 1 {
			return sam.Function{}, fmt.Errorf("the stack has %d functions; name one", len(s.functions))
		}
		for _, f := range s.functions {
			return f, nil
		}
	}
	f, ok := s.functions[logicalID]
	if !ok {
		return sam.Function{}, fmt.Errorf("the stack has no function %q", logicalID)
	}
	return f, nil
}

// Invoke calls a function (logical ID, "" for the only one) directly.
func (s *Stack) Invoke(ctx context.Context, function string, payload []byte) (*lambda.InvokeResult, error) {
	f, err := s.function(function)
	if err != nil {
		return nil, err
	}
	return s.lambda.Invoke(ctx, f.Name, payload)
}

// Invocations counts a function's invocations since the last Reset.
func (s *Stack) Invocations(function string) int {
	f, err := s.function(function)
	if err != nil {
		return 0
	}
	st, err := s.lambda.Stats(f.Name)
	if err != nil {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return st.Invocations - s.invokedBase[f.Name]
}

func (s *Stack) tableName(logical string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.model == nil {
		return "", errors.New("nothing is deployed")
	}
	tables := s.model.Tables()
	if logical == "" && len(tables) == 1 {
		return tables[0].Name, nil
	}
	for _, t := range tables {
		if t.LogicalID == logical || t.Name == logical {
			return t.Name, nil
		}
	}
	return "", fmt.Errorf("the stack has no table %q", logical)
}

// PutItems writes items given as DynamoDB JSON into a table (logical ID).
func (s *Stack) PutItems(ctx context.Context, table string, items []map[string]any) error {
	name, err := s.tableName(table)
	if err != nil {
		return err
	}
	for _, it := range items {
		body, _ := json.Marshal(map[string]any{"TableName": name, "Item": it})
		if st, resp := s.dynamo.Call(ctx, "PutItem", body); st != http.StatusOK {
			return fmt.Errorf("put item into %s: %s", table, resp)
		}
	}
	return nil
}

// Items returns every item of a table (logical ID) as DynamoDB JSON.
func (s *Stack) Items(ctx context.Context, table string) ([]map[string]any, error) {
	name, err := s.tableName(table)
	if err != nil {
		return nil, err
	}
	items, err := s.dynamo.Items(name)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		var m map[string]any
		if err := json.Unmarshal(dynamodb.MarshalItem(it), &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// Advance moves the simulated clock, lets Lambda reclaim idle environments
// and delivers queued stream records (at most 30 s of real time).
func (s *Stack) Advance(d time.Duration) {
	s.clock.Advance(d)
	s.lambda.ReapIdle()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, _ = s.Drain(ctx)
}

// Logs returns function log lines since the last Reset.
func (s *Stack) Logs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.logs...)
}

// Denials returns the AccessDenied messages since the last Reset.
func (s *Stack) Denials() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.denials...)
}

// Reset restores the stack as deployed: table contents, cold functions,
// empty logs and counters.
func (s *Stack) Reset(ctx context.Context) error {
	s.mu.Lock()
	baseline := s.baseline
	fns := make([]sam.Function, 0, len(s.functions))
	for _, f := range s.functions {
		fns = append(fns, f)
	}
	s.mu.Unlock()
	if baseline != nil {
		if err := s.dynamo.Restore(baseline); err != nil {
			return fmt.Errorf("reset tables: %w", err)
		}
	}
	base := map[string]int{}
	for _, f := range fns {
		cfg, err := s.lambda.GetFunction(f.Name)
		if err != nil {
			return err
		}
		// Re-applying the configuration discards warm environments.
		if _, err := s.lambda.UpdateFunctionConfiguration(ctx, cfg); err != nil {
			return fmt.Errorf("reset function %s: %w", f.LogicalID, err)
		}
		if st, err := s.lambda.Stats(f.Name); err == nil {
			base[f.Name] = st.Invocations
		}
	}
	s.resetEvents()
	s.mu.Lock()
	s.logs, s.denials, s.invokedBase = nil, nil, base
	for _, sm := range s.streams {
		sm.queue, sm.retries = nil, 0
	}
	s.mu.Unlock()
	return nil
}

// Snapshot returns the account's data (table contents) as bytes.
func (s *Stack) Snapshot() ([]byte, error) { return s.dynamo.Snapshot() }

// Restore puts back data from Snapshot.
func (s *Stack) Restore(data []byte) error { return s.dynamo.Restore(data) }

// Close stops event delivery and frees the stack's environments.
func (s *Stack) Close(ctx context.Context) error {
	if s.stopLive != nil {
		s.stopLive()
	}
	s.mu.Lock()
	for _, sm := range s.streams {
		if sm.cancel != nil {
			sm.cancel()
		}
	}
	s.mu.Unlock()
	return s.lambda.Close(ctx)
}

func (s *Stack) session(functionName string) (*iam.Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if sess, ok := s.sessions[functionName]; ok {
		return sess, nil
	}
	f, ok := s.fnByName[functionName]
	if !ok {
		return nil, fmt.Errorf("unknown function %s", functionName)
	}
	role, ok := s.roles[f.RoleARN]
	if !ok {
		return nil, fmt.Errorf("function %s runs as %s, a role this stack does not define", functionName, f.RoleARN)
	}
	sess, err := role.NewSession(functionName)
	if err != nil {
		return nil, err
	}
	s.sessions[functionName] = sess
	return sess, nil
}

func awsError(status int, typ, msg string) lambda.AWSResponse {
	b, _ := json.Marshal(map[string]string{"__type": typ, "message": msg})
	return lambda.AWSResponse{Status: status, Body: b}
}

// CallAWS implements lambda.AWSCaller: IAM first, then the service.
func (s *Stack) CallAWS(ctx context.Context, req lambda.AWSRequest) lambda.AWSResponse {
	switch {
	case req.Service == "dynamodb" || req.Service == "streams.dynamodb" || isEventService(req.Service):
	default:
		return awsError(400, "UnknownOperationException", fmt.Sprintf("learnsls does not simulate the %s service yet", req.Service))
	}
	sess, err := s.session(req.FunctionName)
	if err != nil {
		return awsError(400, "com.amazon.coral.service#AccessDeniedException", err.Error())
	}
	checks, err := iam.CallChecks(req.Service, req.Operation, req.Body, iam.CallInfo{Region: s.opt.Region, Account: s.opt.AccountID, PartitionKey: s.partitionKey})
	if err != nil {
		return awsError(400, "com.amazon.coral.service#SerializationException", err.Error())
	}
	for _, c := range checks {
		if err := sess.Authorize(c.Action, c.Resource, nil, c.Context); err != nil {
			s.mu.Lock()
			s.denials = append(s.denials, err.Error())
			s.mu.Unlock()
			if isEventService(req.Service) {
				code, status := iam.DenialCode(req.Service)
				b, _ := json.Marshal(map[string]string{"__type": code, "message": err.Error()})
				return lambda.AWSResponse{Status: status, Body: b}
			}
			// DynamoDB's denial: 400 with a capitalised Message.
			b, _ := json.Marshal(map[string]string{"__type": "com.amazon.coral.service#AccessDeniedException", "Message": err.Error()})
			return lambda.AWSResponse{Status: http.StatusBadRequest, Body: b}
		}
	}
	if resp, ok := s.callEvents(ctx, req); ok {
		return resp
	}
	if req.Service == "streams.dynamodb" {
		st, body := s.dynamo.CallStreams(ctx, req.Operation, req.Body)
		return lambda.AWSResponse{Status: st, Body: body}
	}
	st, body := s.dynamo.Call(ctx, req.Operation, req.Body)
	return lambda.AWSResponse{Status: st, Body: body}
}

// partitionKey names a table's partition key, so item calls carry
// dynamodb:LeadingKeys for fine-grained access policies.
func (s *Stack) partitionKey(table string) (string, bool) {
	return s.dynamo.PartitionKey(table)
}

// apiInvoker is how API Gateway reaches Lambda: the function's resource
// policy must allow apigateway.amazonaws.com for the route's source ARN.
type apiInvoker struct{ s *Stack }

func (a apiInvoker) Invoke(ctx context.Context, functionARN string, payload []byte, sourceARN string) ([]byte, string, error) {
	s := a.s
	name := functionARN[strings.LastIndex(functionARN, ":")+1:]
	s.mu.Lock()
	policy := s.fnPolicies[name]
	s.mu.Unlock()
	if err := iam.ServiceInvoke("apigateway.amazonaws.com", sourceARN, s.opt.AccountID, functionARN, policy); err != nil {
		s.mu.Lock()
		s.denials = append(s.denials, err.Error())
		s.mu.Unlock()
		return nil, "", err
	}
	res, err := s.lambda.Invoke(ctx, name, payload)
	if err != nil {
		if ctx.Err() != nil {
			return nil, "", apigateway.ErrIntegrationTimeout
		}
		return nil, "", err
	}
	if res.FunctionError != "" {
		typ := res.ErrorType
		if typ == "" {
			typ = res.FunctionError
		}
		return res.Payload, typ, nil
	}
	return res.Payload, "", nil
}

// build compiles a function's files, remembering artifacts by source so a
// redeploy of unchanged code (hot reload saves every file) skips the
// builder entirely.
func (s *Stack) build(ctx context.Context, files map[string][]byte) (*build.Artifact, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%d:%s%d:", len(n), n, len(files[n]))
		h.Write(files[n])
	}
	key := hex.EncodeToString(h.Sum(nil))
	s.mu.Lock()
	art, ok := s.built[key]
	s.mu.Unlock()
	if ok {
		return art, nil
	}
	art, err := s.opt.Builder.Build(ctx, build.Source{Files: files})
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.built == nil {
		s.built = map[string]*build.Artifact{}
	}
	s.built[key] = art
	s.mu.Unlock()
	return art, nil
}

// NewDeployed creates a stack and deploys template into it: what a grader
// does for each attempt. The stack is closed again if the deploy fails.
func NewDeployed(ctx context.Context, opt Options, template []byte, files map[string][]byte, params map[string]string) (*Stack, error) {
	s, err := New(ctx, opt)
	if err != nil {
		return nil, err
	}
	if err := s.Deploy(ctx, template, files, params); err != nil {
		_ = s.Close(context.Background())
		return nil, err
	}
	return s, nil
}

// URL is the invoke URL AWS would give an API ("" for the only one).
func (s *Stack) URL(api string) (string, error) {
	g, err := s.gateway(api)
	if err != nil {
		return "", err
	}
	return g.URL(), nil
}

// stackNamer is sam's DefaultNamer, except that a table which already
// exists reports its real stream ARN.
type stackNamer struct {
	sam.DefaultNamer
	dynamo *dynamodb.Service
}

func (n *stackNamer) Name(r *sam.Resource) (string, map[string]string) {
	id, attrs := n.DefaultNamer.Name(r)
	if r.Type == "AWS::DynamoDB::Table" {
		if d, err := n.dynamo.Describe(id); err == nil && d.LatestStreamArn != "" {
			attrs["StreamArn"] = d.LatestStreamArn
		}
	}
	return id, attrs
}
