package main

import (
	"context"
	"strings"

	ddbsim "github.com/learnsls/learnsls/sandbox/dynamodb"
)

// nullCall answers the benchmark's operations with canned responses of
// the same shape and size as the real ones, doing no work, so a run
// against it shows how many operations per second the client alone can
// drive on this machine.
func nullCall(_ context.Context, target string, _ []byte) (int, []byte) {
	if r, ok := nullResponses[strings.TrimPrefix(target, ddbsim.TargetPrefix)]; ok {
		return 200, r
	}
	return 400, []byte(`{"__type":"com.amazon.coral.service#UnknownOperationException","message":""}`)
}

const nullItem = `{"age":{"N":"42"},"name":{"S":"Ann Example"},"pk":{"S":"user-42"},"sk":{"N":"3"}}`

const nullTable = `{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],` +
	`"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},"CreationDateTime":1.7e9,"ItemCount":0,` +
	`"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],` +
	`"ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,"WriteCapacityUnits":0},` +
	`"TableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/bench","TableName":"bench","TableSizeBytes":0,"TableStatus":"ACTIVE"}`

var nullResponses = map[string][]byte{
	"CreateTable":    []byte(`{"TableDescription":` + nullTable + `}`),
	"DescribeTable":  []byte(`{"Table":` + nullTable + `}`),
	"BatchWriteItem": []byte(`{"UnprocessedItems":{}}`),
	"GetItem":        []byte(`{"Item":` + nullItem + `}`),
	"PutItem":        []byte(`{}`),
	"Query":          []byte(`{"Items":[` + strings.Repeat(nullItem+",", 9) + nullItem + `],"Count":10,"ScannedCount":10}`),
}
