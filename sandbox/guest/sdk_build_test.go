package guest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
	"github.com/tetratelabs/wazero/sys"

	"github.com/learnsls/learnsls/sandbox/build"
)

// TestLearnerHandlerBuilds builds testdata/sdk/handler (GetItem with
// UnmarshalMap, a conditional PutItem checked with errors.As, a Query
// paginator, lambda.Start) twice: against the real AWS modules of the host
// go.mod, proving it is ordinary AWS code, and for GOOS=wasip1 against the
// guest modules, proving learners can run it here. The wasm module must
// import aws_call and read_response with the signatures of ABI.md.
func TestLearnerHandlerBuilds(t *testing.T) {
	src, err := os.ReadFile("testdata/sdk/handler/main.go")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()

	cmd := exec.CommandContext(ctx, "go", "build", "-o", os.DevNull, "./testdata/sdk/handler")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("handler does not build against the real AWS modules: %v\n%s", err, out)
	}

	art, err := sdkTestBuilder(t).Build(ctx, build.Source{Files: map[string][]byte{"main.go": src}})
	if err != nil {
		t.Fatalf("handler does not build for wasip1 against the guest modules: %v", err)
	}
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	compiled, err := r.CompileModule(ctx, art.Wasm)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"aws_call":      "i32,i32,i32,i32,i32,i32,i32->i32",
		"read_response": "i32->",
	}
	got := map[string]string{}
	for _, f := range compiled.ImportedFunctions() {
		mod, name, _ := f.Import()
		if mod == "learnsls" {
			if _, ok := want[name]; ok {
				got[name] = sdkSig(f)
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("learnsls imports: got %v, want %v", got, want)
	}
}

func sdkSig(f api.FunctionDefinition) string {
	var in, out []string
	for _, p := range f.ParamTypes() {
		in = append(in, api.ValueTypeName(p))
	}
	for _, p := range f.ResultTypes() {
		out = append(out, api.ValueTypeName(p))
	}
	return strings.Join(in, ",") + "->" + strings.Join(out, ",")
}

// sdkWasmProgram calls DynamoDB from inside a wasip1 module, through the
// real aws_call/read_response imports.
const sdkWasmProgram = `package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	sestypes "github.com/aws/aws-sdk-go-v2/service/sesv2/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type user struct {
	ID   string ` + "`dynamodbav:\"pk\"`" + `
	Name string ` + "`dynamodbav:\"name\"`" + `
}

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("dummy", "dummy", "")))
	if err != nil {
		panic(err)
	}
	fmt.Println("region", cfg.Region)
	db := dynamodb.NewFromConfig(cfg)
	item, _ := attributevalue.MarshalMap(user{ID: "u1", Name: "Ada"})
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: item,
		ConditionExpression: aws.String("attribute_not_exists(pk)")})
	var ccf *types.ConditionalCheckFailedException
	fmt.Println("put conditional failed:", errors.As(err, &ccf))
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"),
		Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "u1"}}})
	if err != nil {
		panic(err)
	}
	var u user
	if err := attributevalue.UnmarshalMap(out.Item, &u); err != nil {
		panic(err)
	}
	fmt.Println("got", u.ID, u.Name, len(out.Item["big"].(*types.AttributeValueMemberS).Value))

	expr, _ := expression.NewBuilder().WithProjection(expression.NamesList(expression.Name("name"))).Build()
	fmt.Println("projection", *expr.Projection())
	sent, err := sqs.NewFromConfig(cfg).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("q"), MessageBody: aws.String("hi")})
	fmt.Println("sqs", aws.ToString(sent.MessageId), err)
	pub, err := sns.NewFromConfig(cfg).Publish(ctx, &sns.PublishInput{TopicArn: aws.String("t"), Message: aws.String("hi")})
	fmt.Println("sns", aws.ToString(pub.MessageId), err)
	put, err := eventbridge.NewFromConfig(cfg).PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{{Source: aws.String("s"), DetailType: aws.String("d"), Detail: aws.String("{}")}}})
	fmt.Println("events", put.FailedEntryCount, err)
	mail, err := sesv2.NewFromConfig(cfg).SendEmail(ctx, &sesv2.SendEmailInput{Content: &sestypes.EmailContent{Raw: &sestypes.RawMessage{Data: []byte("x")}}})
	fmt.Println("ses", aws.ToString(mail.MessageId), err)
}
`

// TestAWSCallInsideWasm runs a guest program under wazero with a fake
// learnsls host module, proving the wasip1 binding passes service,
// operation and request through guest memory and reads responses of any
// size back, including error responses, and that every guest SDK module
// builds for wasip1 and calls with the right signing name.
func TestAWSCallInsideWasm(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	art, err := sdkTestBuilder(t).Build(ctx, build.Source{Files: map[string][]byte{"main.go": []byte(sdkWasmProgram)}})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	big := strings.Repeat("x", 200_000) // larger than any initial buffer
	type call struct{ Service, Op, Body string }
	var calls []call
	var pending []byte
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	_, err = r.NewHostModuleBuilder("learnsls").
		NewFunctionBuilder().WithFunc(func(ctx context.Context, m api.Module, svcPtr, svcLen, opPtr, opLen, reqPtr, reqLen, respLenPtr uint32) uint32 {
		svc, _ := m.Memory().Read(svcPtr, svcLen)
		op, _ := m.Memory().Read(opPtr, opLen)
		req, _ := m.Memory().Read(reqPtr, reqLen)
		calls = append(calls, call{string(svc), string(op), string(req)})
		status := uint32(200)
		switch string(op) {
		case "PutItem":
			status, pending = 400, []byte(`{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}`)
		case "GetItem":
			pending = []byte(`{"Item":{"pk":{"S":"u1"},"name":{"S":"Ada"},"big":{"S":"` + big + `"}}}`)
		case "SendMessage":
			pending = []byte(`{"MessageId":"m-1"}`)
		case "Publish":
			pending = []byte(`{"MessageId":"p-1"}`)
		case "PutEvents":
			pending = []byte(`{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}`)
		case "SendEmail":
			pending = []byte(`{"MessageId":"s-1"}`)
		default:
			status, pending = 400, []byte(`{"__type":"UnknownOperationException"}`)
		}
		m.Memory().WriteUint32Le(respLenPtr, uint32(len(pending)))
		return status
	}).Export("aws_call").
		NewFunctionBuilder().WithFunc(func(ctx context.Context, m api.Module, ptr uint32) {
		m.Memory().Write(ptr, pending)
	}).Export("read_response").
		Instantiate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	_, err = r.InstantiateWithConfig(ctx, art.Wasm, wazero.NewModuleConfig().
		WithStdout(&stdout).WithStderr(&stderr).WithEnv("AWS_REGION", "eu-west-1").WithArgs("fn"))
	var exit *sys.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 0) {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	wantOut := "region eu-west-1\nput conditional failed: true\ngot u1 Ada 200000\nprojection #0\n" +
		"sqs m-1 <nil>\nsns p-1 <nil>\nevents 0 <nil>\nses s-1 <nil>\n"
	if stdout.String() != wantOut {
		t.Errorf("stdout = %q, want %q (stderr %s)", stdout.String(), wantOut, stderr.String())
	}
	wantCalls := []call{
		{"dynamodb", "PutItem", `{"ConditionExpression":"attribute_not_exists(pk)","Item":{"name":{"S":"Ada"},"pk":{"S":"u1"}},"TableName":"users"}`},
		{"dynamodb", "GetItem", `{"Key":{"pk":{"S":"u1"}},"TableName":"users"}`},
		{"sqs", "SendMessage", `{"QueueUrl":"q","MessageBody":"hi"}`},
		{"sns", "Publish", `{"TopicArn":"t","Message":"hi"}`},
		{"events", "PutEvents", `{"Entries":[{"Source":"s","DetailType":"d","Detail":"{}"}]}`},
		{"ses", "SendEmail", `{"Content":{"Raw":{"Data":"eA=="}}}`},
	}
	if len(calls) != len(wantCalls) {
		t.Fatalf("calls = %+v", calls)
	}
	for i, c := range calls {
		var got, want any
		_ = json.Unmarshal([]byte(c.Body), &got)
		_ = json.Unmarshal([]byte(wantCalls[i].Body), &want)
		if c.Service != wantCalls[i].Service || c.Op != wantCalls[i].Op || !reflect.DeepEqual(got, want) {
			t.Errorf("call %d = %+v, want %+v", i, c, wantCalls[i])
		}
	}
}

// sdkBenchProgram makes os.Args[1] GetItem calls and decodes each item with
// attributevalue: the guest-side cost of one DynamoDB read.
const sdkBenchProgram = `package main

import (
	"context"
	"os"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

type order struct {
	PK    string   ` + "`dynamodbav:\"pk\"`" + `
	SK    int      ` + "`dynamodbav:\"sk\"`" + `
	Name  string   ` + "`dynamodbav:\"name\"`" + `
	Total float64  ` + "`dynamodbav:\"total\"`" + `
	Tags  []string ` + "`dynamodbav:\"tags,stringset\"`" + `
}

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	db := dynamodb.NewFromConfig(aws.Config{Region: "us-east-1"})
	for i := 0; i < n; i++ {
		out, err := db.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("orders"),
			Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "c1"}, "sk": &types.AttributeValueMemberN{Value: "1"}}})
		if err != nil {
			panic(err)
		}
		var o order
		if err := attributevalue.UnmarshalMap(out.Item, &o); err != nil {
			panic(err)
		}
	}
}
`

// BenchmarkGuestGetItem measures one GetItem made by a wasip1 guest
// (request encoding, the aws_call/read_response round trip to a host that
// answers at once, response decoding, UnmarshalMap) under wazero's
// compiler. Module compilation is outside the timer; one instantiation per
// b.N batch is inside it.
func BenchmarkGuestGetItem(b *testing.B) {
	ctx := context.Background()
	art, err := sdkTestBuilder(b).Build(ctx, build.Source{Files: map[string][]byte{"main.go": []byte(sdkBenchProgram)}})
	if err != nil {
		b.Fatal(err)
	}
	resp := []byte(`{"Item":{"pk":{"S":"c1"},"sk":{"N":"1"},"name":{"S":"Ada Lovelace"},"total":{"N":"12.5"},"tags":{"SS":["a","b"]}}}`)
	r := wazero.NewRuntime(ctx)
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	_, err = r.NewHostModuleBuilder("learnsls").
		NewFunctionBuilder().WithFunc(func(ctx context.Context, m api.Module, _, _, _, _, _, _, respLenPtr uint32) uint32 {
		m.Memory().WriteUint32Le(respLenPtr, uint32(len(resp)))
		return 200
	}).Export("aws_call").
		NewFunctionBuilder().WithFunc(func(ctx context.Context, m api.Module, ptr uint32) {
		m.Memory().Write(ptr, resp)
	}).Export("read_response").
		Instantiate(ctx)
	if err != nil {
		b.Fatal(err)
	}
	compiled, err := r.CompileModule(ctx, art.Wasm)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	_, err = r.InstantiateModule(ctx, compiled, wazero.NewModuleConfig().WithArgs("bench", strconv.Itoa(b.N)).WithName(""))
	var exit *sys.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 0) {
		b.Fatal(err)
	}
}
