package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestInvokeTemplate runs `learnsls invoke --template`: the template is
// deployed into a simulated account and one function invoked with the
// memory, timeout and environment the template gives it.
func TestInvokeTemplate(t *testing.T) {
	data := filepath.Join(os.TempDir(), "learnsls-invoke-test-data")
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	copyFile := func(from, to string) string {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		return write(to, string(b))
	}

	// One function: the grader's hello exercise, as a learner has it.
	single := copyFile("../../../lessons/grade/testdata/hello/template.yaml", "single/template.yaml")
	copyFile("../../../lessons/grade/testdata/hello/solution.go", "single/main.go")
	apiEvent := write("api-event.json", `{"httpMethod":"POST","path":"/hello","body":"{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}"}`)

	// Two functions in their own folders, with settings from the template.
	several := write("several/template.yaml", `Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Runtime: provided.al2023, Handler: bootstrap, Environment: {Variables: {STAGE: prod}}}
Resources:
  Greet:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: greet/, MemorySize: 256}
  Fail:
    Type: AWS::Serverless::Function
    Properties: {CodeUri: fail/}
`)
	write("several/greet/main.go", `package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

type In struct{ Name string `+"`json:\"name\"`"+` }

var calls int

func main() {
	lambda.Start(func(ctx context.Context, in In) (map[string]any, error) {
		calls++
		fmt.Println("hello", in.Name)
		return map[string]any{"greeting": "hi " + in.Name, "calls": calls, "stage": os.Getenv("STAGE")}, nil
	})
}
`)
	write("several/fail/main.go", `package main

import (
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() { lambda.Start(func() error { return errors.New("boom") }) }
`)
	// Another greeting, outside the template folder, for --code.
	other := write("other/main.go", `package main

import "github.com/aws/aws-lambda-go/lambda"

func main() { lambda.Start(func() (string, error) { return "from --code", nil }) }
`)
	// A second tree of sources for the same template, for --code DIR.
	write("alt/fail/main.go", `package main

import "github.com/aws/aws-lambda-go/lambda"

func main() { lambda.Start(func() (string, error) { return "fixed in alt", nil }) }
`)
	write("alt/greet/main.go", `package main

import "github.com/aws/aws-lambda-go/lambda"

func main() { lambda.Start(func() (string, error) { return "greet in alt", nil }) }
`)
	write("bad/template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {CodeUri: fn/, Handler: bootstrap, Runtime: provided.al2023}\n")
	badCode := filepath.Join(dir, "bad", "template.yaml")
	write("bad/fn/main.go", "package main\n\nfunc main() {\n\tx := 1\n}\n")
	broken := write("broken/template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n")
	event := write("event.json", `{"name":"Ada"}`)

	cases := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // exact
		wantStderr string // regexp
	}{
		{name: "only function, code from the template folder", args: []string{"--template", single, "--event", apiEvent}, wantCode: 0,
			wantStdout: `{"statusCode":200,"headers":{"Content-Type":"application/json"},"multiValueHeaders":null,"body":"{\"message\":\"Hello Ada Lovelace!\"}"}` + "\n",
			wantStderr: `(?s)^START RequestId: \S+ Version: \$LATEST\nEND RequestId: \S+\nREPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\n$`},
		{name: "named function with template settings, warm second call", args: []string{"--template", several, "--function", "Greet", "--event", event, "--times", "2"}, wantCode: 0,
			wantStdout: "{\"calls\":1,\"greeting\":\"hi Ada\",\"stage\":\"prod\"}\n{\"calls\":2,\"greeting\":\"hi Ada\",\"stage\":\"prod\"}\n",
			wantStderr: `(?s)^START RequestId: \S+ Version: \$LATEST\nhello Ada\nEND RequestId: \S+\nREPORT RequestId: .*Memory Size: 256 MB.*Init Duration.*\nSTART .*hello Ada\n.*REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\t\n$`},
		{name: "function error exits 1", args: []string{"--template", several, "--function", "Fail"}, wantCode: 1,
			wantStdout: "{\"errorMessage\":\"boom\",\"errorType\":\"errorString\"}\n", wantStderr: `\{"errorMessage":"boom","errorType":"errorString"\}\nEND RequestId`},
		{name: "several functions, none named", args: []string{"--template", several}, wantCode: 1,
			wantStdout: "", wantStderr: `^learnsls invoke: the template has 2 functions; choose one with --function: Fail, Greet\n$`},
		{name: "unknown function", args: []string{"--template", several, "--function", "Greeter"}, wantCode: 1,
			wantStdout: "", wantStderr: `^learnsls invoke: the template has no function Greeter; its functions are: Fail, Greet\n$`},
		{name: "--code folder is where CodeUri paths start", args: []string{"--template", several, "--function", "Fail", "--code", filepath.Join(dir, "alt")}, wantCode: 0,
			wantStdout: "\"fixed in alt\"\n", wantStderr: `^START RequestId`},
		{name: "--code file", args: []string{"--template", single, "--code", other}, wantCode: 0,
			wantStdout: "\"from --code\"\n", wantStderr: `^START RequestId`},
		{name: "template error with its position", args: []string{"--template", broken}, wantCode: 1,
			wantStdout: "", wantStderr: `^learnsls invoke: template\.yaml:4:5: \[E3006\] Resource type 'AWS::S3::Bucket' is not supported`},
		{name: "compile error", args: []string{"--template", badCode}, wantCode: 1,
			wantStdout: "", wantStderr: `^main\.go:4:2: declared and not used: x\nlearnsls invoke: function Fn does not compile\n$`},
		{name: "memory belongs in the template", args: []string{"--template", single, "--memory", "512"}, wantCode: 1,
			wantStdout: "", wantStderr: `--memory cannot be combined with --template: set it on the function in the template`},
		{name: "--function needs --template", args: []string{"--code", other, "--function", "Greet"}, wantCode: 2,
			wantStdout: "", wantStderr: `--function and --param need --template`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"invoke", "--data", data}, c.args...)
			code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
			if code != c.wantCode || stdout.String() != c.wantStdout || !regexp.MustCompile(c.wantStderr).MatchString(stderr.String()) {
				t.Errorf("exit %d (want %d)\nstdout: %q\nwant:   %q\nstderr:\n%s\nwant match: %s", code, c.wantCode, stdout.String(), c.wantStdout, stderr.String(), c.wantStderr)
			}
		})
	}
}
