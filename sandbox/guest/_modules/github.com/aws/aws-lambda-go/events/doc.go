// Package events holds the shapes of the events AWS services send to Lambda
// functions, and of the responses some of them expect back.
//
// This is learnsls's own implementation of github.com/aws/aws-lambda-go/events:
// the type names, fields and JSON field names are the same, so a handler
// written against it compiles and decodes the same payloads on AWS. A
// host-side test in learnsls proves that every type here encodes sample
// payloads to exactly the same JSON as the upstream package, and a
// differential fuzzer compares DynamoDBAttributeValue decoding.
//
// What is here, by event source:
//
//   - API Gateway REST API (Lambda proxy, payload 1.0):
//     APIGatewayProxyRequest, APIGatewayProxyRequestContext,
//     APIGatewayRequestIdentity, APIGatewayProxyResponse.
//   - API Gateway HTTP API (payload 2.0): APIGatewayV2HTTPRequest,
//     APIGatewayV2HTTPRequestContext (with its HTTP, authorizer — JWT,
//     Lambda, IAM — and mutual-TLS descriptions), APIGatewayV2HTTPResponse.
//   - Lambda authorizers: APIGatewayCustomAuthorizerRequest (TOKEN),
//     APIGatewayCustomAuthorizerRequestTypeRequest (REQUEST),
//     APIGatewayCustomAuthorizerResponse with APIGatewayCustomAuthorizerPolicy
//     (IAMPolicyDocument, IAMPolicyStatement); for HTTP APIs
//     APIGatewayV2CustomAuthorizerV2Request,
//     APIGatewayV2CustomAuthorizerSimpleResponse and
//     APIGatewayV2CustomAuthorizerIAMPolicyResponse.
//   - Function URLs: LambdaFunctionURLRequest (and its context),
//     LambdaFunctionURLResponse.
//   - DynamoDB Streams: DynamoDBEvent, DynamoDBEventRecord,
//     DynamoDBStreamRecord, DynamoDBAttributeValue (accessors String,
//     Number, Integer, Int64, Float, Boolean, Binary, List, Map, StringSet,
//     NumberSet, BinarySet, IsNull, DataType; constructors New*Attribute),
//     DynamoDBEventResponse for partial batch failures.
//   - Kinesis: KinesisEvent, KinesisEventRecord, KinesisRecord,
//     KinesisEventResponse.
//   - SQS: SQSEvent, SQSMessage, SQSMessageAttribute, SQSEventResponse and
//     SQSBatchItemFailure for partial batch failures.
//   - SNS: SNSEvent, SNSEventRecord, SNSEntity.
//   - EventBridge: EventBridgeEvent (an alias of CloudWatchEvent).
//
// Not here: the other services' events (S3, Cognito, ALB, WebSocket APIs,
// ...), streaming responses and Kinesis/DynamoDB time windows.
package events
