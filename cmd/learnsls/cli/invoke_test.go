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

func TestInvokeCommand(t *testing.T) {
	// A data directory kept across runs: its build cache is content
	// addressed, and warming it costs seconds once.
	data := filepath.Join(os.TempDir(), "learnsls-invoke-test-data")
	src := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(src, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	hello := write("main.go", `package main

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
	failing := write("fail.go", `package main

import (
	"errors"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() { lambda.Start(func() error { return errors.New("boom") }) }
`)
	broken := write("broken.go", "package main\n\nfunc main() {\n\tx := 1\n}\n")
	event := write("event.json", `{"name":"Ada"}`)

	cases := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string // exact
		wantStderr string // regexp
	}{
		{name: "event file, warm second call", args: []string{"--code", hello, "--event", event, "--times", "2", "--env", "STAGE=dev"}, wantCode: 0,
			wantStdout: "{\"calls\":1,\"greeting\":\"hi Ada\",\"stage\":\"dev\"}\n{\"calls\":2,\"greeting\":\"hi Ada\",\"stage\":\"dev\"}\n",
			wantStderr: `(?s)^START RequestId: \S+ Version: \$LATEST\nhello Ada\nEND RequestId: \S+\nREPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\nSTART .*\nREPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\t\n$`},
		{name: "event on stdin", args: []string{"--code", hello, "--event", "-", "--memory", "256"}, stdin: `{"name":"Bo"}`, wantCode: 0,
			wantStdout: "{\"calls\":1,\"greeting\":\"hi Bo\",\"stage\":\"\"}\n", wantStderr: `Memory Size: 256 MB`},
		{name: "function error", args: []string{"--code", failing}, wantCode: 1,
			wantStdout: "{\"errorMessage\":\"boom\",\"errorType\":\"errorString\"}\n", wantStderr: `\{"errorMessage":"boom","errorType":"errorString"\}\nEND RequestId`},
		{name: "compile error", args: []string{"--code", broken}, wantCode: 1,
			wantStdout: "", wantStderr: `^broken\.go:4:2: declared and not used: x\nlearnsls invoke: the handler does not compile\n$`},
		{name: "no code", args: []string{}, wantCode: 2, wantStdout: "", wantStderr: `Usage: learnsls invoke`},
		{name: "bad env", args: []string{"--code", hello, "--env", "NOEQUALS"}, wantCode: 1, wantStdout: "", wantStderr: `--env "NOEQUALS": want KEY=VALUE`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"invoke", "--data", data}, c.args...)
			code := Run(context.Background(), args, strings.NewReader(c.stdin), &stdout, &stderr)
			if code != c.wantCode || stdout.String() != c.wantStdout || !regexp.MustCompile(c.wantStderr).MatchString(stderr.String()) {
				t.Errorf("exit %d (want %d)\nstdout: %q\nwant:   %q\nstderr:\n%s\nwant match: %s", code, c.wantCode, stdout.String(), c.wantStdout, stderr.String(), c.wantStderr)
			}
		})
	}
}
