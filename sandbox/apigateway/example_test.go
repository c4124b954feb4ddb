package apigateway_test

import (
	"context"
	"fmt"

	"github.com/learnsls/learnsls/sandbox/apigateway"
)

func ExampleNew() {
	// A function that greets whoever the path names.
	hello := apigateway.InvokerFunc(func(_ context.Context, arn string, event []byte, sourceARN string) ([]byte, string, error) {
		return []byte(`{"statusCode":200,"body":"hello"}`), "", nil
	})
	g, err := apigateway.New(apigateway.Config{
		Kind: apigateway.REST, APIID: "a1b2c3d4e5", Stage: "Prod", Region: "us-east-1", AccountID: "123456789012",
		Routes: []apigateway.Route{{Method: "GET", Path: "/hello/{name}", FunctionARN: "arn:aws:lambda:us-east-1:123456789012:function:hello"}},
	}, apigateway.Options{Invoker: hello})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.URL())
	for _, path := range []string{"/Prod/hello/ada", "/Prod/bye"} {
		r := g.Serve(context.Background(), &apigateway.Request{Method: "GET", Path: path})
		fmt.Println(r.StatusCode, string(r.Body))
	}
	// Output:
	// https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/Prod/
	// 200 hello
	// 403 {"message":"Missing Authentication Token"}
}
