package guest_test

// Compiled into the host test binary (real AWS SDK) and into the guest
// program (learnsls's SDK), like sdk_shared_test.go: one scenario a learner
// might write, run by each client against its own fresh simulated DynamoDB
// (sandbox/dynamodb). Both must observe exactly the same things.

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

type sdkE2EOrder struct {
	Customer string   `dynamodbav:"pk"`
	Seq      int      `dynamodbav:"sk"`
	Total    float64  `dynamodbav:"total"`
	Tags     []string `dynamodbav:"tags,stringset,omitempty"`
	Count    int      `dynamodbav:"count,omitempty"`
}

// sdkE2E runs the scenario and returns what it observed, step by step.
func sdkE2E(ctx context.Context, db *dynamodb.Client) []any {
	var obs []any
	note := func(step string, out any, err error) {
		entry := map[string]any{"step": step, "out": sdkDump(reflect.ValueOf(out))}
		if err != nil {
			d := map[string]any{}
			var api smithy.APIError
			if errors.As(err, &api) {
				d["code"], d["message"], d["type"] = api.ErrorCode(), api.ErrorMessage(), reflect.TypeOf(api).String()
				d["fields"] = sdkDump(reflect.ValueOf(api))
			} else {
				d["text"] = err.Error()
			}
			entry["err"] = d
		}
		obs = append(obs, entry)
	}
	table := aws.String("orders")

	_, err := db.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            table,
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}, {AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN}},
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		BillingMode:          types.BillingModePayPerRequest,
	})
	note("create", nil, err)
	desc, err := db.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: table})
	if err == nil {
		note("describe", []any{desc.Table.TableStatus, desc.Table.KeySchema, desc.Table.TableName, desc.Table.BillingModeSummary}, nil)
	} else {
		note("describe", nil, err)
	}

	for i := 1; i <= 5; i++ {
		item, err := attributevalue.MarshalMap(sdkE2EOrder{Customer: "alice", Seq: i, Total: float64(i) * 10.5, Tags: []string{"t" + fmt.Sprint(i)}})
		if err != nil {
			note("marshal", nil, err)
			continue
		}
		_, err = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: table, Item: item})
		note(fmt.Sprint("put ", i), nil, err)
	}

	dup, _ := attributevalue.MarshalMap(sdkE2EOrder{Customer: "alice", Seq: 1, Total: 1})
	cond := expression.Name("pk").AttributeNotExists()
	ce, _ := expression.NewBuilder().WithCondition(cond).Build()
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: table, Item: dup, ConditionExpression: ce.Condition(),
		ExpressionAttributeNames: ce.Names(), ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld})
	var ccf *types.ConditionalCheckFailedException
	note(fmt.Sprint("conditional put, errors.As=", errors.As(err, &ccf)), nil, err)

	got, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: table, Key: map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "3"}}})
	var o sdkE2EOrder
	if err == nil {
		err = attributevalue.UnmarshalMap(got.Item, &o)
	}
	note("get", o, err)

	ue, _ := expression.NewBuilder().WithUpdate(expression.Add(expression.Name("count"), expression.Value(2)).
		Set(expression.Name("total"), expression.Name("total").Plus(expression.Value(0.5)))).Build()
	upd, err := db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: table,
		Key:                      map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "3"}},
		UpdateExpression:         ue.Update(),
		ExpressionAttributeNames: ue.Names(), ExpressionAttributeValues: ue.Values(), ReturnValues: types.ReturnValueUpdatedNew})
	note("update", upd, err)

	ke, _ := expression.NewBuilder().WithKeyCondition(expression.Key("pk").Equal(expression.Value("alice")).And(expression.Key("sk").GreaterThan(expression.Value(1)))).
		WithFilter(expression.Name("total").LessThan(expression.Value(50))).Build()
	p := dynamodb.NewQueryPaginator(db, &dynamodb.QueryInput{TableName: table, KeyConditionExpression: ke.KeyCondition(), FilterExpression: ke.Filter(),
		ExpressionAttributeNames: ke.Names(), ExpressionAttributeValues: ke.Values(), Limit: aws.Int32(2), ScanIndexForward: aws.Bool(false)})
	for page := 0; p.HasMorePages() && page < 10; page++ {
		out, err := p.NextPage(ctx)
		if err != nil {
			note("query page", nil, err)
			break
		}
		var batch []sdkE2EOrder
		err = attributevalue.UnmarshalListOfMaps(out.Items, &batch)
		note(fmt.Sprint("query page ", page), []any{batch, out.Count, out.ScannedCount, out.LastEvaluatedKey}, err)
	}

	_, err = db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Update: &types.Update{TableName: table, Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "2"}},
			UpdateExpression: aws.String("SET #t = :t"), ExpressionAttributeNames: map[string]string{"#t": "total"}, ExpressionAttributeValues: map[string]types.AttributeValue{":t": &types.AttributeValueMemberN{Value: "1"}}}},
		{ConditionCheck: &types.ConditionCheck{TableName: table, Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "bob"}, "sk": &types.AttributeValueMemberN{Value: "1"}},
			ConditionExpression: aws.String("attribute_exists(pk)")}},
	}})
	var tce *types.TransactionCanceledException
	note(fmt.Sprint("transaction, errors.As=", errors.As(err, &tce)), nil, err)

	bw, err := db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"orders": {
		{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "5"}}}},
		{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "bob"}, "sk": &types.AttributeValueMemberN{Value: "1"}}}},
	}}})
	note("batch write", bw, err)
	bg, err := db.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"orders": {Keys: []map[string]types.AttributeValue{
		{"pk": &types.AttributeValueMemberS{Value: "bob"}, "sk": &types.AttributeValueMemberN{Value: "1"}},
		{"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "5"}},
	}}}})
	note("batch get", bg, err)

	del, err := db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: table, ReturnValues: types.ReturnValueAllOld,
		Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "alice"}, "sk": &types.AttributeValueMemberN{Value: "4"}}})
	note("delete", del, err)

	scan, err := db.Scan(ctx, &dynamodb.ScanInput{TableName: table, Select: types.SelectCount})
	note("scan count", scan, err)

	ps, err := db.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(`SELECT total FROM "orders" WHERE pk = ? AND sk = ?`),
		Parameters: []types.AttributeValue{&types.AttributeValueMemberS{Value: "alice"}, &types.AttributeValueMemberN{Value: "1"}}})
	note("partiql", ps, err)

	_, err = db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("missing"), Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "x"}}})
	note("missing table", nil, err)
	_, err = db.GetItem(ctx, &dynamodb.GetItemInput{TableName: table, Key: map[string]types.AttributeValue{"pk": &types.AttributeValueMemberN{Value: "1"}}})
	note("bad key", nil, err)
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: table, Item: map[string]types.AttributeValue{}})
	note("empty item", nil, err)
	return obs
}
