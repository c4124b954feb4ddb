// Package events holds the shapes of the events AWS services send to Lambda
// functions, and of the responses some of them expect back.
//
// This is learnsls's own implementation of github.com/aws/aws-lambda-go/events:
// the type names, fields and JSON field names are the same, so a handler
// written against it compiles and decodes the same payloads on AWS. It
// covers the event sources the course uses: API Gateway REST (v1 proxy) and
// HTTP (v2) APIs and their Lambda authorizers, Lambda function URLs,
// DynamoDB Streams, Kinesis, SQS (with partial batch failures), SNS and
// EventBridge. A host-side test in learnsls proves that every type here
// encodes sample payloads to exactly the same JSON as the upstream package.
package events
