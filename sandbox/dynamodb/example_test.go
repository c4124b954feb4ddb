package dynamodb_test

import (
	"context"
	"fmt"

	"github.com/learnsls/learnsls/sandbox/dynamodb"
)

// The in-process JSON door speaks DynamoDB's wire protocol, errors
// included.
func ExampleService_Call() {
	svc := dynamodb.New(dynamodb.Options{})
	ctx := context.Background()
	svc.Call(ctx, "CreateTable", []byte(`{"TableName":"Users","BillingMode":"PAY_PER_REQUEST",
		"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}]}`))
	status, resp := svc.Call(ctx, "PutItem", []byte(`{"TableName":"Users","Item":{"id":{"S":"ann"},"visits":{"N":"01.0"}}}`))
	fmt.Println(status, string(resp))
	status, resp = svc.Call(ctx, "GetItem", []byte(`{"TableName":"Users","Key":{"id":{"S":"ann"}}}`))
	fmt.Println(status, string(resp))
	status, resp = svc.Call(ctx, "PutItem", []byte(`{"TableName":"Users","Item":{"id":{"S":"ann"}},"ConditionExpression":"attribute_not_exists(id)"}`))
	fmt.Println(status, string(resp))
	// Output:
	// 200 {}
	// 200 {"Item":{"id":{"S":"ann"},"visits":{"N":"1"}}}
	// 400 {"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}
}

// Grading code seeds items and reads a table back through the Go API.
func ExampleService_Seed() {
	svc := dynamodb.New(dynamodb.Options{})
	ctx := context.Background()
	svc.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: "Orders", BillingMode: "PAY_PER_REQUEST",
		KeySchema:            []dynamodb.KeySchemaElement{{AttributeName: "pk", KeyType: "HASH"}, {AttributeName: "sk", KeyType: "RANGE"}},
		AttributeDefinitions: []dynamodb.AttributeDefinition{{AttributeName: "pk", AttributeType: "S"}, {AttributeName: "sk", AttributeType: "N"}}})
	err := svc.Seed("Orders", []dynamodb.Item{
		{"pk": dynamodb.S("c1"), "sk": dynamodb.N("10")},
		{"pk": dynamodb.S("c1"), "sk": dynamodb.N("9")},
	})
	fmt.Println(err)
	out, _ := svc.Query(ctx, &dynamodb.QueryInput{TableName: "Orders", KeyConditionExpression: "pk = :c",
		ExprParams: dynamodb.ExprParams{ExpressionAttributeValues: dynamodb.Item{":c": dynamodb.S("c1")}}})
	for _, it := range out.Items {
		fmt.Println(string(dynamodb.MarshalItem(it)))
	}
	// Output:
	// <nil>
	// {"pk":{"S":"c1"},"sk":{"N":"9"}}
	// {"pk":{"S":"c1"},"sk":{"N":"10"}}
}
