package sandbox

import "github.com/learnsls/learnsls/sandbox/dynamodb"

// DynamoDB is the stack's DynamoDB engine, for read-only views such as the
// web app's table viewer (TableNames, Describe, ScanPage). Calls through it
// are not authorised with IAM: functions reach DynamoDB through CallAWS.
func (s *Stack) DynamoDB() *dynamodb.Service { return s.dynamo }
