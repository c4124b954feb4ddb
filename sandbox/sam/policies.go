package sam

import (
	"fmt"
	"sort"
	"strings"
)

// policyTemplate is one of SAM's policy templates, written as SAM's
// policy_templates.json defines it: statements whose ARNs are Fn::Sub strings
// with the template's parameters as variables.
type policyTemplate struct {
	params     []string // required parameter names, in SAM's order
	statements func(arg map[string]any) []any
}

func sub(format, varName string, value any) map[string]any {
	return map[string]any{"Fn::Sub": []any{format, map[string]any{varName: value}}}
}

const (
	tableARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}"
	indexARN = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*"
	queueARN = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}"
)

func dynamoStatement(actions ...string) func(map[string]any) []any {
	return func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect": "Allow",
			"Action": strs(actions...),
			"Resource": []any{
				sub(tableARN, "tableName", a["TableName"]),
				sub(indexARN, "tableName", a["TableName"]),
			},
		}}
	}
}

func strs(s ...string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// policyTemplates holds the templates learnsls models, checked against
// aws/serverless-application-model samtranslator/policy_templates_data/policy_templates.json.
var policyTemplates = map[string]policyTemplate{
	"DynamoDBCrudPolicy": {[]string{"TableName"}, dynamoStatement(
		"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
		"dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
		"dynamodb:ConditionCheckItem")},
	"DynamoDBReadPolicy": {[]string{"TableName"}, dynamoStatement(
		"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable")},
	"DynamoDBWritePolicy": {[]string{"TableName"}, dynamoStatement(
		"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem")},
	"SQSPollerPolicy": {[]string{"QueueName"}, func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect": "Allow",
			"Action": strs("sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
				"sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"),
			"Resource": sub(queueARN, "queueName", a["QueueName"]),
		}}
	}},
	"SQSSendMessagePolicy": {[]string{"QueueName"}, func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect":   "Allow",
			"Action":   strs("sqs:SendMessage*"),
			"Resource": sub(queueARN, "queueName", a["QueueName"]),
		}}
	}},
	"SNSPublishMessagePolicy": {[]string{"TopicName"}, func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect":   "Allow",
			"Action":   strs("sns:Publish"),
			"Resource": sub("arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${topicName}", "topicName", a["TopicName"]),
		}}
	}},
	"EventBridgePutEventsPolicy": {[]string{"EventBusName"}, func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect":   "Allow",
			"Action":   "events:PutEvents",
			"Resource": sub("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${eventBusName}", "eventBusName", a["EventBusName"]),
		}}
	}},
	"LambdaInvokePolicy": {[]string{"FunctionName"}, func(a map[string]any) []any {
		return []any{map[string]any{
			"Effect":   "Allow",
			"Action":   strs("lambda:InvokeFunction"),
			"Resource": sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*", "functionName", a["FunctionName"]),
		}}
	}},
}

// managedPolicies are the AWS managed policies a function's Policies may name
// without an ARN; SAM turns a bare name into the policy's ARN.
var managedPolicies = map[string]string{
	"AWSLambdaBasicExecutionRole":    "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
	"AWSLambdaDynamoDBExecutionRole": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole",
	"AWSLambdaSQSQueueExecutionRole": "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
	"AWSLambdaRole":                  "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaRole",
	"AmazonDynamoDBFullAccess":       "arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBFullAccess",
	"AmazonDynamoDBReadOnlyAccess":   "arn:${AWS::Partition}:iam::aws:policy/AmazonDynamoDBReadOnlyAccess",
	"AmazonSQSFullAccess":            "arn:${AWS::Partition}:iam::aws:policy/AmazonSQSFullAccess",
	"AmazonSNSFullAccess":            "arn:${AWS::Partition}:iam::aws:policy/AmazonSNSFullAccess",
	"AmazonEventBridgeFullAccess":    "arn:${AWS::Partition}:iam::aws:policy/AmazonEventBridgeFullAccess",
	"AWSXrayWriteOnlyAccess":         "arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess",
}

// ManagedPolicyNames lists the managed policy names learnsls models, sorted.
func ManagedPolicyNames() []string {
	out := make([]string, 0, len(managedPolicies))
	for k := range managedPolicies {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// PolicyTemplateNames lists the SAM policy templates learnsls expands, sorted.
func PolicyTemplateNames() []string {
	out := make([]string, 0, len(policyTemplates))
	for k := range policyTemplates {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// expandPolicyTemplate returns the inline policy document SAM generates for
// {Name: {Param: value}}, or SAM's own error text.
func expandPolicyTemplate(name string, arg any, index int) (map[string]any, string) {
	pt, ok := policyTemplates[name]
	if !ok {
		return nil, fmt.Sprintf("Policy at index %d in the 'Policies' property is not valid", index)
	}
	params, _ := arg.(map[string]any)
	if arg != nil && params == nil {
		return nil, fmt.Sprintf("Policy at index %d in the 'Policies' property is not valid", index)
	}
	var missing []string
	for _, p := range pt.params {
		if _, ok := params[p]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		quoted := make([]string, len(missing))
		for i, m := range missing {
			quoted[i] = "'" + m + "'"
		}
		return nil, fmt.Sprintf("Following required parameters of template '%s' don't have values: [%s]", name, strings.Join(quoted, ", "))
	}
	return map[string]any{"Statement": pt.statements(params)}, ""
}
