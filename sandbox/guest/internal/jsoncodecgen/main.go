// Command jsoncodecgen writes the reflection-free JSON codecs of the guest
// events package (github.com/aws/aws-lambda-go/events under
// sandbox/guest/_modules): for each root type below, a decoder and an
// encoder that behave exactly as encoding/json does on success, registered
// with the guest's internal/jsoncodec package from an init function.
//
// It runs on the host (go generate in the events directory) and is never
// compiled into a guest. It type-checks the events package with go/types,
// so embedded fields, method sets (json.Marshaler, json.Unmarshaler) and
// underlying types are resolved the way encoding/json's reflection sees
// them, and it refuses, rather than approximates, any shape it does not
// handle (a `string` tag option, encoding.TextMarshaler-only types,
// pointer-receiver MarshalJSON, arrays, non-string map keys, ...).
//
// Usage (from the events directory): go run github.com/learnsls/learnsls/sandbox/guest/internal/jsoncodecgen
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// rootTypes are the event and response types that get registered codecs:
// the ones handlers receive and return on hot paths.
var rootTypes = []string{
	"APIGatewayProxyRequest",
	"APIGatewayProxyResponse",
	"APIGatewayV2HTTPRequest",
	"APIGatewayV2HTTPResponse",
	"LambdaFunctionURLRequest",
	"LambdaFunctionURLResponse",
	"APIGatewayCustomAuthorizerRequest",
	"APIGatewayCustomAuthorizerRequestTypeRequest",
	"APIGatewayCustomAuthorizerResponse",
	"APIGatewayV2CustomAuthorizerV2Request",
	"APIGatewayV2CustomAuthorizerSimpleResponse",
	"APIGatewayV2CustomAuthorizerIAMPolicyResponse",
	"SQSEvent",
	"SQSEventResponse",
	"SNSEvent",
	"CloudWatchEvent", // EventBridgeEvent is an alias
	"DynamoDBEvent",
	"DynamoDBEventResponse",
	"KinesisEvent",
	"KinesisEventResponse",
}

// outFile is the generated file's name inside the events directory.
const outFile = "jsoncodec_gen.go"

func main() {
	dir := flag.String("dir", ".", "directory of the events package")
	flag.Parse()
	src, err := Generate(*dir, rootTypes)
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsoncodecgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(*dir, outFile), src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "jsoncodecgen:", err)
		os.Exit(1)
	}
}
