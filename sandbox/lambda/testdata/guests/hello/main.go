// Command hello is the test guest for warm reuse, logs, context metadata,
// environment variables and /tmp: its behaviour is chosen by the event.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"
)

type event struct {
	Name   string `json:"name"`
	Action string `json:"action"`
	Arg    string `json:"arg"`
}

type response struct {
	Greeting  string            `json:"greeting,omitempty"`
	Count     int               `json:"count"`
	RequestID string            `json:"requestId,omitempty"`
	ARN       string            `json:"arn,omitempty"`
	Deadline  int64             `json:"deadlineInMs,omitempty"`
	Now       int64             `json:"nowUnix,omitempty"`
	Env       map[string]string `json:"env,omitempty"`
	Text      string            `json:"text,omitempty"`
	Function  string            `json:"function,omitempty"`
	Memory    int               `json:"memory,omitempty"`
}

type MyError struct{ Code int }

func (e *MyError) Error() string { return fmt.Sprintf("custom failure %d", e.Code) }

// count survives warm invocations: the environment is reused.
var count int

func init() {
	fmt.Println("init: hello guest starting")
}

func handle(ctx context.Context, ev event) (*response, error) {
	count++
	lc, _ := lambdacontext.FromContext(ctx)
	dl, _ := ctx.Deadline()
	r := &response{Count: count, RequestID: lc.AwsRequestID, ARN: lc.InvokedFunctionArn, Deadline: dl.UnixMilli(),
		Now: time.Now().Unix(), Function: lambdacontext.FunctionName, Memory: lambdacontext.MemoryLimitInMB}
	fmt.Printf("handling %s\n", ev.Action)
	switch ev.Action {
	case "greet":
		r.Greeting = "hello " + ev.Name
	case "error":
		return nil, errors.New(ev.Arg)
	case "custom-error":
		return nil, &MyError{Code: 42}
	case "panic":
		panic(ev.Arg)
	case "exit":
		os.Exit(3)
	case "env":
		r.Env = map[string]string{}
		for _, kv := range os.Environ() {
			k, v, _ := strings.Cut(kv, "=")
			r.Env[k] = v
		}
	case "write-tmp":
		if err := os.WriteFile("/tmp/"+ev.Name, []byte(ev.Arg), 0o644); err != nil {
			return nil, err
		}
	case "read-tmp":
		b, err := os.ReadFile("/tmp/" + ev.Name)
		if err != nil {
			return nil, err
		}
		r.Text = string(b)
	case "list-tmp":
		entries, err := os.ReadDir("/tmp")
		if err != nil {
			return nil, err
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		r.Text = strings.Join(names, ",")
	case "fill-tmp":
		// Write 1 MiB chunks until the disk is full.
		f, err := os.Create("/tmp/fill")
		if err != nil {
			return nil, err
		}
		chunk := make([]byte, 1<<20)
		total := 0
		for {
			n, err := f.Write(chunk)
			total += n
			if err != nil {
				return nil, fmt.Errorf("wrote %d MiB then: %w", total>>20, err)
			}
		}
	case "sleep":
		d, _ := time.ParseDuration(ev.Arg)
		time.Sleep(d)
	case "log-partial":
		fmt.Print("no newline at end")
	}
	return r, nil
}

func main() {
	lambda.Start(handle)
}
