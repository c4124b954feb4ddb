package lambda_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/learnsls/learnsls/sandbox/lambda"
)

// A function is created from a WebAssembly module that speaks the learnsls
// ABI (here the hand-written echo module; usually a Go handler built by
// sandbox/build) and invoked synchronously, as with Lambda's Invoke API.
func Example() {
	ctx := context.Background()
	svc, err := lambda.New(ctx, lambda.Options{Engine: lambda.EngineInterpreter})
	if err != nil {
		panic(err)
	}
	defer svc.Close(ctx)

	code, err := os.ReadFile("testdata/wat/echo.wasm")
	if err != nil {
		panic(err)
	}
	if _, err := svc.CreateFunction(ctx, lambda.FunctionConfig{Name: "echo"}, code); err != nil {
		panic(err)
	}
	for _, event := range []string{`{"n":1}`, `"not an object"`} {
		res, err := svc.Invoke(ctx, "echo", []byte(event))
		if err != nil {
			panic(err)
		}
		fmt.Printf("cold=%v error=%q payload=%s\n", res.ColdStart, res.FunctionError, res.Payload)
		fmt.Println(strings.Count(res.Logs, "RequestId: "+res.RequestID), "log lines name the request")
	}
	// Output:
	// cold=true error="" payload={"echo":{"n":1}}
	// 3 log lines name the request
	// cold=false error="Unhandled" payload={"errorMessage":"strings are not accepted","errorType":"WatError"}
	// 3 log lines name the request
}
