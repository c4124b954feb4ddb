package sam

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/apigateway"
)

func load(t testing.TB, file string, opt Options) *Model {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load("template.yaml", src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFunctionsView(t *testing.T) {
	m := load(t, "testdata/transform/function-basic.yaml", Options{})
	fs := m.Functions()
	if len(fs) != 1 {
		t.Fatalf("%d functions", len(fs))
	}
	f := fs[0]
	reserved := 5
	want := Function{LogicalID: "HelloFunction", Name: "learnsls-HelloFunction-BFOJOTNWARBGC",
		ARN: "arn:aws:lambda:us-east-1:123456789012:function:learnsls-HelloFunction-BFOJOTNWARBGC", CodeURI: "hello/",
		Handler: "bootstrap", Runtime: "provided.al2023", Architecture: "arm64", MemoryMB: 256, Timeout: 10 * time.Second,
		Environment: map[string]string{"GREETING": "hi"}, RoleARN: "arn:aws:iam::123456789012:role/learnsls-HelloFunctionRole-Q05PU9SY5KJSR",
		ReservedConcurrency: &reserved}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("got  %+v\nwant %+v", f, want)
	}
	u := load(t, "testdata/transform/function-url.yaml", Options{}).Functions()[0]
	if u.URL == nil || u.URL.AuthType != "NONE" || !strings.HasSuffix(u.URL.URL, ".lambda-url.us-east-1.on.aws/") {
		t.Errorf("function URL = %+v", u.URL)
	}
}

func TestTablesRolesAndPolicies(t *testing.T) {
	m := load(t, "testdata/transform/event-dynamodb.yaml", Options{})
	tables := m.Tables()
	if len(tables) != 1 || tables[0].StreamARN == "" {
		t.Fatalf("tables = %+v", tables)
	}
	var ct map[string]any
	_ = json.Unmarshal(tables[0].CreateTable, &ct)
	if ct["TableName"] != tables[0].Name || ct["BillingMode"] != "PAY_PER_REQUEST" {
		t.Errorf("CreateTable = %s", tables[0].CreateTable)
	}
	if ss, _ := ct["StreamSpecification"].(map[string]any); ss["StreamEnabled"] != true || ss["StreamViewType"] != "NEW_AND_OLD_IMAGES" {
		t.Errorf("StreamSpecification = %v", ct["StreamSpecification"])
	}
	esm := m.EventSourceMappings()
	if len(esm) != 1 || esm[0].EventSourceARN != tables[0].StreamARN || esm[0].BatchSize != 10 || esm[0].StartingPosition != "TRIM_HORIZON" || !esm[0].Enabled {
		t.Errorf("event source mappings = %+v", esm)
	}
	roles := m.Roles()
	if len(roles) != 1 {
		t.Fatalf("roles = %+v", roles)
	}
	wantManaged := []string{"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole"}
	if !reflect.DeepEqual(roles[0].ManagedPolicyARNs, wantManaged) {
		t.Errorf("managed = %v", roles[0].ManagedPolicyARNs)
	}

	iam := load(t, "testdata/transform/iam.yaml", Options{}).Roles()
	if len(iam) != 1 || string(iam[0].InlinePolicies["read-table"]) == "" || iam[0].ARN != "arn:aws:iam::123456789012:role/app/reader" {
		t.Errorf("IAM roles = %+v", iam)
	}
}

func TestFunctionPolicies(t *testing.T) {
	m := load(t, "testdata/transform/event-api.yaml", Options{})
	pols := m.FunctionPolicies()
	f := m.Functions()[0]
	var doc struct {
		Statement []struct {
			Principal map[string]string
			Action    string
			Resource  string
			Condition map[string]map[string]string
		}
	}
	if err := json.Unmarshal(pols[f.Name], &doc); err != nil {
		t.Fatal(err)
	}
	var arns []string
	for _, s := range doc.Statement {
		if s.Principal["Service"] != "apigateway.amazonaws.com" || s.Action != "lambda:InvokeFunction" || s.Resource != f.ARN {
			t.Errorf("statement %+v", s)
		}
		arns = append(arns, s.Condition["ArnLike"]["AWS:SourceArn"])
	}
	sort.Strings(arns)
	api := m.Resource("ServerlessRestApi").PhysicalID
	want := []string{
		"arn:aws:execute-api:us-east-1:123456789012:" + api + "/*/*/*",
		"arn:aws:execute-api:us-east-1:123456789012:" + api + "/*/GET/users/*",
		"arn:aws:execute-api:us-east-1:123456789012:" + api + "/*/PUT/users/*",
	}
	if !reflect.DeepEqual(arns, want) {
		t.Errorf("source ARNs = %v, want %v", arns, want)
	}
}

func TestAPIsView(t *testing.T) {
	m := load(t, "testdata/transform/serverless-api.yaml", Options{})
	apis, err := m.APIs("us-east-1", "123456789012")
	if err != nil || len(apis) != 1 {
		t.Fatalf("apis = %+v, %v", apis, err)
	}
	c := apis[0]
	auth := m.Functions()[0].ARN
	app := m.Functions()[1].ARN
	if c.Kind != apigateway.REST || c.Stage != "dev" || c.StageVariables["table"] != "users-dev" || c.Throttle == nil || c.Throttle.Rate != 10 || c.Throttle.Burst != 20 ||
		!reflect.DeepEqual(c.BinaryMediaTypes, []string{"image/png"}) {
		t.Errorf("config = %+v", c)
	}
	tok := c.Authorizers["TokenAuth"]
	if tok.Type != apigateway.TokenAuthorizer || tok.FunctionARN != auth || tok.TTL != time.Minute ||
		!reflect.DeepEqual(tok.IdentitySource, []string{"method.request.header.Authorization"}) || tok.ValidationExpression != "Bearer .*" {
		t.Errorf("TokenAuth = %+v", tok)
	}
	req := c.Authorizers["ReqAuth"]
	if req.Type != apigateway.RequestAuthorizer || !reflect.DeepEqual(req.IdentitySource, []string{"method.request.header.X-Key", "method.request.querystring.tenant"}) || req.TTL != 300*time.Second {
		t.Errorf("ReqAuth = %+v", req)
	}
	got := map[string]string{}
	for _, r := range c.Routes {
		desc := r.FunctionARN + "|" + r.Authorizer
		if r.Mock != nil {
			desc = "mock " + r.Mock.Headers["Access-Control-Allow-Origin"]
		}
		got[r.Method+" "+r.Path] = desc
	}
	want := map[string]string{
		"GET /items": app + "|TokenAuth", "GET /health": app + "|", "POST /tenant": app + "|ReqAuth",
		"OPTIONS /items": "mock https://app.example", "OPTIONS /health": "mock https://app.example", "OPTIONS /tenant": "mock https://app.example",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("routes = %v\nwant %v", got, want)
	}

	h := load(t, "testdata/transform/serverless-httpapi.yaml", Options{})
	hapis, err := h.APIs("us-east-1", "123456789012")
	if err != nil || len(hapis) != 1 {
		t.Fatalf("http apis = %+v, %v", hapis, err)
	}
	hc := hapis[0]
	jwt := hc.Authorizers["Jwt"]
	if hc.Kind != apigateway.HTTP || hc.Stage != "$default" || jwt.Type != apigateway.JWTAuthorizer || jwt.Issuer != "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc" ||
		!reflect.DeepEqual(jwt.Audience, []string{"app-client"}) || hc.CORS == nil || hc.CORS.MaxAge != 300 ||
		hc.Throttle == nil || hc.Throttle.Rate != 5 || hc.RouteThrottle["POST /orders"].Burst != 2 {
		t.Errorf("http config = %+v", hc)
	}
	lam := hc.Authorizers["Lam"]
	if lam.PayloadVersion != "2.0" || !lam.SimpleResponses || lam.TTL != 30*time.Second || lam.FunctionARN != h.Functions()[0].ARN {
		t.Errorf("Lam = %+v", lam)
	}
	for _, r := range hc.Routes {
		switch r.Method + " " + r.Path {
		case "GET /orders":
			if r.Authorizer != "Jwt" || !reflect.DeepEqual(r.Scopes, []string{"orders/read"}) || r.PayloadVersion != "2.0" {
				t.Errorf("GET /orders = %+v", r)
			}
		case "POST /orders":
			if r.Authorizer != "Lam" {
				t.Errorf("POST /orders = %+v", r)
			}
		default:
			t.Errorf("unexpected route %+v", r)
		}
	}
}

// TestTemplateToGateway wires a transformed template into a running
// gateway, as the Stack does, and calls it.
func TestTemplateToGateway(t *testing.T) {
	m := load(t, "testdata/transform/event-api.yaml", Options{})
	apis, err := m.APIs("us-east-1", "123456789012")
	if err != nil {
		t.Fatal(err)
	}
	fn := m.Functions()[0]
	policy := string(m.FunctionPolicies()[fn.Name])
	var gotARN, gotSource string
	inv := apigateway.InvokerFunc(func(_ context.Context, arn string, payload []byte, src string) ([]byte, string, error) {
		gotARN, gotSource = arn, src
		var ev struct {
			PathParameters map[string]string `json:"pathParameters"`
		}
		_ = json.Unmarshal(payload, &ev)
		return []byte(`{"statusCode":200,"body":"user ` + ev.PathParameters["id"] + `"}`), "", nil
	})
	g, err := apigateway.New(apis[0], apigateway.Options{Invoker: inv})
	if err != nil {
		t.Fatal(err)
	}
	resp := g.Serve(context.Background(), &apigateway.Request{Method: "GET", Path: "/Prod/users/42"})
	if resp.StatusCode != 200 || string(resp.Body) != "user 42" {
		t.Fatalf("got %d %s", resp.StatusCode, resp.Body)
	}
	if gotARN != fn.ARN {
		t.Errorf("invoked %s, want %s", gotARN, fn.ARN)
	}
	// The permission SAM generated must cover the ARN the gateway presents.
	api := m.Resource("ServerlessRestApi").PhysicalID
	if gotSource != "arn:aws:execute-api:us-east-1:123456789012:"+api+"/Prod/GET/users/42" || !strings.Contains(policy, api+"/*/GET/users/*") {
		t.Errorf("source %s vs policy %s", gotSource, policy)
	}
}

func TestParametersOverride(t *testing.T) {
	src := []byte("Parameters:\n  Env: {Type: String, Default: dev}\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Sub 'jobs-${Env}'}\n")
	for _, c := range []struct {
		params map[string]string
		want   string
	}{{nil, "jobs-dev"}, {map[string]string{"Env": "prod"}, "jobs-prod"}} {
		m, err := Load("t.yaml", src, Options{Parameters: c.params})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Resource("Q").Attributes["QueueName"]; got != c.want {
			t.Errorf("%v: QueueName = %s, want %s", c.params, got, c.want)
		}
	}
}

// TestStableNames: the same template always gets the same names, so a
// redeploy finds its tables again; another stack name gets other names.
func TestStableNames(t *testing.T) {
	a := load(t, "testdata/transform/simpletable.yaml", Options{})
	b := load(t, "testdata/transform/simpletable.yaml", Options{})
	c := load(t, "testdata/transform/simpletable.yaml", Options{StackName: "other"})
	if a.Resource("Plain").PhysicalID != b.Resource("Plain").PhysicalID {
		t.Error("names differ between two deploys of one template")
	}
	if a.Resource("Plain").PhysicalID == c.Resource("Plain").PhysicalID || !strings.HasPrefix(c.Resource("Plain").PhysicalID, "other-Plain-") {
		t.Errorf("stack name not used: %s", c.Resource("Plain").PhysicalID)
	}
}

type fixedNamer struct{ DefaultNamer }

func (n *fixedNamer) Name(r *Resource) (string, map[string]string) {
	if r.Type == "AWS::DynamoDB::Table" {
		return "existing-table", map[string]string{"Arn": "arn:aws:dynamodb:eu-west-1:111122223333:table/existing-table"}
	}
	return n.DefaultNamer.Name(r)
}

func TestCustomNamer(t *testing.T) {
	m := load(t, "testdata/transform/json-template.json.tmpl", Options{Namer: &fixedNamer{DefaultNamer{Region: "eu-west-1", AccountID: "111122223333", Partition: "aws", StackName: "s"}}})
	f := m.Functions()[0]
	if f.Environment["TABLE"] != "existing-table" || f.Environment["ARN"] != "arn:aws:dynamodb:eu-west-1:111122223333:table/existing-table" {
		t.Errorf("environment = %v", f.Environment)
	}
}
