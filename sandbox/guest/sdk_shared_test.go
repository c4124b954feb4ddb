package guest_test

// This file is compiled twice: into the host test binary, where the
// github.com/aws/aws-sdk-go-v2/... imports are the real AWS SDK, and (with
// its package clause rewritten to main) into a native program built by
// sandbox/build, where the same import paths are learnsls's guest SDK.
// Both run the same cases against the same canned service responses; the
// test compares the wire JSON each sent and what each decoded.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// sdkCase is one client call (or a short sequence, for paginators) and the
// responses the fake service gives, in order.
type sdkCase struct {
	Name      string
	Responses []sdkResponse
	Run       func(ctx context.Context, c *dynamodb.Client) (any, error)
}

// sdkResponse is one canned HTTP response.
type sdkResponse struct {
	Status int
	Body   string
}

// sdkResult is what running a case produced, as comparable JSON.
type sdkResult struct {
	Name   string `json:"name"`
	Output any    `json:"output,omitempty"`
	Error  any    `json:"error,omitempty"`
}

func sdkOK(body string) []sdkResponse { return []sdkResponse{{200, body}} }

func sdkErr(status int, body string) []sdkResponse { return []sdkResponse{{status, body}} }

func sdkS(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }
func sdkN(s string) types.AttributeValue { return &types.AttributeValueMemberN{Value: s} }

// sdkItem is an item using every attribute type.
func sdkItem() map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk":     sdkS("USER#alice"),
		"sk":     sdkN("42"),
		"blob":   &types.AttributeValueMemberB{Value: []byte{0, 1, 2, 250}},
		"ok":     &types.AttributeValueMemberBOOL{Value: true},
		"off":    &types.AttributeValueMemberBOOL{Value: false},
		"none":   &types.AttributeValueMemberNULL{Value: true},
		"empty":  sdkS(""),
		"tags":   &types.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"scores": &types.AttributeValueMemberNS{Value: []string{"1", "2.5", "-3e10"}},
		"bins":   &types.AttributeValueMemberBS{Value: [][]byte{[]byte("x"), []byte("yz")}},
		"list":   &types.AttributeValueMemberL{Value: []types.AttributeValue{sdkS("one"), sdkN("2"), &types.AttributeValueMemberL{Value: []types.AttributeValue{}}}},
		"map": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{
			"nested": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"deep": sdkN("0.000000000000000000000000000000000001")}},
			"emptyM": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{}},
		}},
	}
}

// sdkItemJSON is sdkItem as DynamoDB sends it.
const sdkItemJSON = `{"pk":{"S":"USER#alice"},"sk":{"N":"42"},"blob":{"B":"AAEC+g=="},"ok":{"BOOL":true},"off":{"BOOL":false},"none":{"NULL":true},"empty":{"S":""},"tags":{"SS":["a","b"]},"scores":{"NS":["1","2.5","-3e10"]},"bins":{"BS":["eA==","eXo="]},"list":{"L":[{"S":"one"},{"N":"2"},{"L":[]}]},"map":{"M":{"nested":{"M":{"deep":{"N":"0.000000000000000000000000000000000001"}}},"emptyM":{"M":{}}}}}`

const sdkTableDescriptionJSON = `{"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"gsi1pk","AttributeType":"S"}],
"TableName":"orders","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
"TableStatus":"ACTIVE","CreationDateTime":1700000000.123,"ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,"WriteCapacityUnits":0},
"TableSizeBytes":1234,"ItemCount":7,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b2f7c3e-1111-2222-3333-444455556666",
"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST","LastUpdateToPayPerRequestDateTime":1700000000},
"GlobalSecondaryIndexes":[{"IndexName":"gsi1","KeySchema":[{"AttributeName":"gsi1pk","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["total"]},"IndexStatus":"ACTIVE","IndexSizeBytes":10,"ItemCount":2,"IndexArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/gsi1","Backfilling":false}],
"LocalSecondaryIndexes":[{"IndexName":"lsi1","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"created","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"},"IndexSizeBytes":0,"ItemCount":0}],
"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},"LatestStreamLabel":"2023-11-14T22:13:20.123","LatestStreamArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2023-11-14T22:13:20.123",
"DeletionProtectionEnabled":false,"TableClassSummary":{"TableClass":"STANDARD"},"SSEDescription":{"Status":"ENABLED","SSEType":"KMS"}}`

const sdkConsumedJSON = `{"TableName":"orders","CapacityUnits":1.5,"ReadCapacityUnits":0.5,"WriteCapacityUnits":1,"Table":{"CapacityUnits":1},"GlobalSecondaryIndexes":{"gsi1":{"CapacityUnits":0.5}}}`

// sdkWireCases cover every supported operation with representative inputs,
// outputs and errors.
var sdkWireCases = []sdkCase{
	{
		Name:      "PutItem/full",
		Responses: sdkOK(`{"Attributes":` + sdkItemJSON + `,"ConsumedCapacity":` + sdkConsumedJSON + `,"ItemCollectionMetrics":{"ItemCollectionKey":{"pk":{"S":"USER#alice"}},"SizeEstimateRangeGB":[0,1]}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, &dynamodb.PutItemInput{
				TableName:                           aws.String("orders"),
				Item:                                sdkItem(),
				ConditionExpression:                 aws.String("attribute_not_exists(#pk) OR #v < :v"),
				ExpressionAttributeNames:            map[string]string{"#pk": "pk", "#v": "version"},
				ExpressionAttributeValues:           map[string]types.AttributeValue{":v": sdkN("3")},
				ReturnValues:                        types.ReturnValueAllOld,
				ReturnConsumedCapacity:              types.ReturnConsumedCapacityIndexes,
				ReturnItemCollectionMetrics:         types.ReturnItemCollectionMetricsSize,
				ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
			})
		},
	},
	{
		Name:      "PutItem/minimal",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("t"), Item: map[string]types.AttributeValue{"pk": sdkS("a")}})
		},
	},
	{
		Name:      "PutItem/empty-maps-are-sent",
		Responses: sdkErr(400, `{"__type":"com.amazon.coral.validate#ValidationException","message":"ExpressionAttributeNames must not be empty"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("t"), Item: map[string]types.AttributeValue{},
				ExpressionAttributeNames: map[string]string{}, ExpressionAttributeValues: map[string]types.AttributeValue{}})
		},
	},
	{
		Name: "PutItem/conditional-check-failed",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed",
			"Item":{"pk":{"S":"USER#alice"},"version":{"N":"4"}}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("orders"), Item: map[string]types.AttributeValue{"pk": sdkS("USER#alice")},
				ConditionExpression: aws.String("attribute_not_exists(pk)"), ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld})
		},
	},
	{
		Name:      "PutItem/missing-table-name",
		Responses: nil, // rejected before sending
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, &dynamodb.PutItemInput{})
		},
	},
	{
		Name:      "PutItem/nil-input",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.PutItem(ctx, nil)
		},
	},
	{
		Name:      "TransactWriteItems/nested-missing-table",
		Responses: nil, // rejected before sending
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{ClientRequestToken: aws.String("t"), TransactItems: []types.TransactWriteItem{
				{Put: &types.Put{TableName: aws.String("orders"), Item: map[string]types.AttributeValue{"pk": sdkS("a")}}},
				{Update: &types.Update{Key: map[string]types.AttributeValue{"pk": sdkS("a")}, UpdateExpression: aws.String("SET n = :n")}},
			}})
		},
	},
	{
		Name:      "CreateTable/missing-name-and-key-type",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.CreateTable(ctx, &dynamodb.CreateTableInput{
				AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk")}},
				KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk")}},
			})
		},
	},
	{
		Name:      "BatchWriteItem/nested-missing-item",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
				"orders": {{PutRequest: &types.PutRequest{}}, {DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{"pk": sdkS("a")}}}},
			}})
		},
	},
	{
		Name:      "GetItem/found",
		Responses: sdkOK(`{"Item":` + sdkItemJSON + `,"ConsumedCapacity":{"TableName":"orders","CapacityUnits":0.5}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{
				TableName:                aws.String("orders"),
				Key:                      map[string]types.AttributeValue{"pk": sdkS("USER#alice"), "sk": sdkN("42")},
				ConsistentRead:           aws.Bool(true),
				ProjectionExpression:     aws.String("#n, map.nested.deep, list[1]"),
				ExpressionAttributeNames: map[string]string{"#n": "name"},
				ReturnConsumedCapacity:   types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name:      "GetItem/not-found",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("nobody")}, ConsistentRead: aws.Bool(false)})
		},
	},
	{
		Name:      "GetItem/resource-not-found",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("missing"), Key: map[string]types.AttributeValue{"pk": sdkS("x")}})
		},
	},
	{
		Name:      "GetItem/validation-exception",
		Responses: sdkErr(400, `{"__type":"com.amazon.coral.validate#ValidationException","message":"The provided key element does not match the schema"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkN("1")}})
		},
	},
	{
		Name:      "GetItem/access-denied",
		Responses: sdkErr(400, `{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:sts::123456789012:assumed-role/fn-role/fn is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("x")}})
		},
	},
	{
		Name:      "GetItem/missing-key-and-table",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{})
		},
	},
	{
		Name:      "UpdateItem/full",
		Responses: sdkOK(`{"Attributes":{"count":{"N":"5"},"tags":{"SS":["x"]}},"ConsumedCapacity":{"TableName":"orders","CapacityUnits":1}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UpdateItem(ctx, &dynamodb.UpdateItemInput{
				TableName:                 aws.String("orders"),
				Key:                       map[string]types.AttributeValue{"pk": sdkS("USER#alice"), "sk": sdkN("1")},
				UpdateExpression:          aws.String("SET #c = if_not_exists(#c, :zero) + :one, #l = list_append(#l, :items) REMOVE obsolete ADD tags :tag DELETE old :tag"),
				ConditionExpression:       aws.String("attribute_exists(pk) AND size(#l) < :max"),
				ExpressionAttributeNames:  map[string]string{"#c": "count", "#l": "items"},
				ExpressionAttributeValues: map[string]types.AttributeValue{":zero": sdkN("0"), ":one": sdkN("1"), ":max": sdkN("100"), ":items": &types.AttributeValueMemberL{Value: []types.AttributeValue{sdkS("i")}}, ":tag": &types.AttributeValueMemberSS{Value: []string{"x"}}},
				ReturnValues:              types.ReturnValueUpdatedNew,
				ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name:      "UpdateItem/legacy-attribute-updates",
		Responses: sdkOK(`{}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UpdateItem(ctx, &dynamodb.UpdateItemInput{
				TableName:           aws.String("orders"),
				Key:                 map[string]types.AttributeValue{"pk": sdkS("a")},
				AttributeUpdates:    map[string]types.AttributeValueUpdate{"n": {Action: types.AttributeActionAdd, Value: sdkN("1")}},
				Expected:            map[string]types.ExpectedAttributeValue{"pk": {Exists: aws.Bool(true), Value: sdkS("a")}, "n": {ComparisonOperator: types.ComparisonOperatorBetween, AttributeValueList: []types.AttributeValue{sdkN("1"), sdkN("9")}}},
				ConditionalOperator: types.ConditionalOperatorAnd,
			})
		},
	},
	{
		Name:      "DeleteItem/return-old",
		Responses: sdkOK(`{"Attributes":{"pk":{"S":"a"},"n":{"N":"1"}}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DeleteItem(ctx, &dynamodb.DeleteItemInput{
				TableName:                 aws.String("orders"),
				Key:                       map[string]types.AttributeValue{"pk": sdkS("a")},
				ConditionExpression:       aws.String("n = :n"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":n": sdkN("1")},
				ReturnValues:              types.ReturnValueAllOld,
			})
		},
	},
	{
		Name:      "DeleteItem/throughput-exceeded",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded.","ThrottlingReasons":[{"reason":"TableWriteProvisionedThroughputExceeded","resource":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("a")}})
		},
	},
	{
		Name: "Query/full",
		Responses: sdkOK(`{"Items":[` + sdkItemJSON + `,{"pk":{"S":"USER#alice"},"sk":{"N":"43"}}],"Count":2,"ScannedCount":5,
			"LastEvaluatedKey":{"pk":{"S":"USER#alice"},"sk":{"N":"43"}},"ConsumedCapacity":{"TableName":"orders","CapacityUnits":0.5}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.Query(ctx, &dynamodb.QueryInput{
				TableName:                 aws.String("orders"),
				IndexName:                 aws.String("gsi1"),
				KeyConditionExpression:    aws.String("pk = :pk AND begins_with(sk, :prefix)"),
				FilterExpression:          aws.String("#s IN (:a, :b) AND total BETWEEN :lo AND :hi"),
				ProjectionExpression:      aws.String("pk, sk, #s"),
				ExpressionAttributeNames:  map[string]string{"#s": "status"},
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sdkS("USER#alice"), ":prefix": sdkS("ORDER#"), ":a": sdkS("NEW"), ":b": sdkS("PAID"), ":lo": sdkN("10"), ":hi": sdkN("20")},
				ExclusiveStartKey:         map[string]types.AttributeValue{"pk": sdkS("USER#alice"), "sk": sdkN("40")},
				Limit:                     aws.Int32(25),
				ScanIndexForward:          aws.Bool(false),
				ConsistentRead:            aws.Bool(false),
				Select:                    types.SelectSpecificAttributes,
				ReturnConsumedCapacity:    types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name:      "Query/count",
		Responses: sdkOK(`{"Count":3,"ScannedCount":3}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("orders"), KeyConditionExpression: aws.String("pk = :pk"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sdkS("a")}, Select: types.SelectCount})
		},
	},
	{
		Name:      "Query/legacy-key-conditions",
		Responses: sdkOK(`{"Items":[],"Count":0,"ScannedCount":0}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("orders"),
				KeyConditions:   map[string]types.Condition{"pk": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{sdkS("a")}}},
				QueryFilter:     map[string]types.Condition{"n": {ComparisonOperator: types.ComparisonOperatorNotNull}},
				AttributesToGet: []string{"pk", "n"}})
		},
	},
	{
		Name: "Query/paginator",
		Responses: []sdkResponse{
			{200, `{"Items":[{"pk":{"S":"a"},"sk":{"N":"1"}},{"pk":{"S":"a"},"sk":{"N":"2"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"pk":{"S":"a"},"sk":{"N":"2"}}}`},
			{200, `{"Items":[{"pk":{"S":"a"},"sk":{"N":"3"}}],"Count":1,"ScannedCount":1}`},
		},
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			p := dynamodb.NewQueryPaginator(c, &dynamodb.QueryInput{TableName: aws.String("orders"), KeyConditionExpression: aws.String("pk = :pk"),
				ExpressionAttributeValues: map[string]types.AttributeValue{":pk": sdkS("a")}}, func(o *dynamodb.QueryPaginatorOptions) { o.Limit = 2 })
			var pages []any
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					return pages, err
				}
				pages = append(pages, out)
			}
			_, err := p.NextPage(ctx)
			pages = append(pages, fmt.Sprintf("after last page: %v", err))
			return pages, nil
		},
	},
	{
		Name: "Scan/segments-and-paginator",
		Responses: []sdkResponse{
			{200, `{"Items":[{"pk":{"S":"a"}}],"Count":1,"ScannedCount":10,"LastEvaluatedKey":{"pk":{"S":"a"}}}`},
			{200, `{"Items":[],"Count":0,"ScannedCount":3}`},
		},
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			p := dynamodb.NewScanPaginator(c, &dynamodb.ScanInput{
				TableName: aws.String("orders"), Segment: aws.Int32(0), TotalSegments: aws.Int32(4), Limit: aws.Int32(10),
				FilterExpression: aws.String("contains(tags, :t) AND attribute_type(n, :ty)"), ExpressionAttributeValues: map[string]types.AttributeValue{":t": sdkS("x"), ":ty": sdkS("N")},
				ConsistentRead: aws.Bool(true), Select: types.SelectAllAttributes,
				ScanFilter: map[string]types.Condition{"n": {ComparisonOperator: types.ComparisonOperatorGt, AttributeValueList: []types.AttributeValue{sdkN("1")}}},
			})
			var pages []any
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					return pages, err
				}
				pages = append(pages, out)
			}
			return pages, nil
		},
	},
	{
		Name: "BatchGetItem/unprocessed",
		Responses: sdkOK(`{"Responses":{"orders":[{"pk":{"S":"a"}}],"users":[]},"UnprocessedKeys":{"orders":{"Keys":[{"pk":{"S":"b"}}],"ProjectionExpression":"pk","ConsistentRead":true}},
			"ConsumedCapacity":[{"TableName":"orders","CapacityUnits":1}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{
				RequestItems: map[string]types.KeysAndAttributes{
					"orders": {Keys: []map[string]types.AttributeValue{{"pk": sdkS("a")}, {"pk": sdkS("b")}}, ProjectionExpression: aws.String("pk"), ConsistentRead: aws.Bool(true)},
					"users":  {Keys: []map[string]types.AttributeValue{{"id": sdkN("7")}}, ExpressionAttributeNames: map[string]string{"#n": "name"}, ProjectionExpression: aws.String("#n"), AttributesToGet: nil},
				},
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name: "BatchGetItem/paginator",
		Responses: []sdkResponse{
			{200, `{"Responses":{"t":[{"pk":{"S":"a"}}]},"UnprocessedKeys":{"t":{"Keys":[{"pk":{"S":"b"}}]}}}`},
			{200, `{"Responses":{"t":[{"pk":{"S":"b"}}]},"UnprocessedKeys":{}}`},
		},
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			p := dynamodb.NewBatchGetItemPaginator(c, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
				"t": {Keys: []map[string]types.AttributeValue{{"pk": sdkS("a")}, {"pk": sdkS("b")}}}}})
			var pages []any
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					return pages, err
				}
				pages = append(pages, out)
			}
			return pages, nil
		},
	},
	{
		Name: "BatchWriteItem/unprocessed",
		Responses: sdkOK(`{"UnprocessedItems":{"orders":[{"DeleteRequest":{"Key":{"pk":{"S":"c"}}}}]},
			"ItemCollectionMetrics":{"orders":[{"ItemCollectionKey":{"pk":{"S":"a"}},"SizeEstimateRangeGB":[0.5,1.5]}]}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{
				RequestItems: map[string][]types.WriteRequest{"orders": {
					{PutRequest: &types.PutRequest{Item: sdkItem()}},
					{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{"pk": sdkS("c")}}},
				}},
				ReturnConsumedCapacity:      types.ReturnConsumedCapacityNone,
				ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize,
			})
		},
	},
	{
		Name:      "TransactGetItems/basic",
		Responses: sdkOK(`{"Responses":[{"Item":{"pk":{"S":"a"}}},{}],"ConsumedCapacity":[{"TableName":"orders","CapacityUnits":4,"ReadCapacityUnits":4}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{
				TransactItems: []types.TransactGetItem{
					{Get: &types.Get{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("a")}, ProjectionExpression: aws.String("#p"), ExpressionAttributeNames: map[string]string{"#p": "pk"}}},
					{Get: &types.Get{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("b")}}},
				},
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name:      "TransactWriteItems/all-actions",
		Responses: sdkOK(`{"ConsumedCapacity":[{"TableName":"orders","CapacityUnits":8,"WriteCapacityUnits":8}],"ItemCollectionMetrics":{}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{
				ClientRequestToken: aws.String("order-42-attempt"),
				TransactItems: []types.TransactWriteItem{
					{Put: &types.Put{TableName: aws.String("orders"), Item: map[string]types.AttributeValue{"pk": sdkS("ORDER#42")}, ConditionExpression: aws.String("attribute_not_exists(pk)"), ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
					{Update: &types.Update{TableName: aws.String("stock"), Key: map[string]types.AttributeValue{"sku": sdkS("X")}, UpdateExpression: aws.String("SET qty = qty - :n"), ConditionExpression: aws.String("qty >= :n"), ExpressionAttributeValues: map[string]types.AttributeValue{":n": sdkN("1")}}},
					{Delete: &types.Delete{TableName: aws.String("carts"), Key: map[string]types.AttributeValue{"id": sdkS("c1")}}},
					{ConditionCheck: &types.ConditionCheck{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": sdkS("u1")}, ConditionExpression: aws.String("#s = :active"), ExpressionAttributeNames: map[string]string{"#s": "status"}, ExpressionAttributeValues: map[string]types.AttributeValue{":active": sdkS("ACTIVE")}}},
				},
				ReturnConsumedCapacity:      types.ReturnConsumedCapacityTotal,
				ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize,
			})
		},
	},
	{
		Name: "TransactWriteItems/cancelled",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]",
			"CancellationReasons":[{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":{"pk":{"S":"ORDER#42"}}},{"Code":"None"}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			// No ClientRequestToken: both SDKs generate one (compared as a UUID).
			return c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
				{Put: &types.Put{TableName: aws.String("orders"), Item: map[string]types.AttributeValue{"pk": sdkS("ORDER#42")}, ConditionExpression: aws.String("attribute_not_exists(pk)")}},
				{Delete: &types.Delete{TableName: aws.String("carts"), Key: map[string]types.AttributeValue{"id": sdkS("c1")}}},
			}})
		},
	},
	{
		Name:      "TransactWriteItems/conflict",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#TransactionConflictException","message":"Transaction is ongoing for the item"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{ClientRequestToken: aws.String("t"), TransactItems: []types.TransactWriteItem{
				{Delete: &types.Delete{TableName: aws.String("carts"), Key: map[string]types.AttributeValue{"id": sdkS("c1")}}}}})
		},
	},
	{
		Name:      "ExecuteStatement/select",
		Responses: sdkOK(`{"Items":[{"pk":{"S":"a"},"n":{"N":"1"}}],"NextToken":"tok-2","LastEvaluatedKey":{"pk":{"S":"a"}}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{
				Statement:      aws.String(`SELECT * FROM "orders" WHERE pk = ? AND n > ?`),
				Parameters:     []types.AttributeValue{sdkS("a"), sdkN("0")},
				ConsistentRead: aws.Bool(true), Limit: aws.Int32(10), NextToken: aws.String("tok-1"),
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureNone,
			})
		},
	},
	{
		Name:      "ExecuteStatement/duplicate",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#DuplicateItemException","message":"Duplicate primary key exists in table"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{Statement: aws.String(`INSERT INTO "orders" VALUE {'pk': ?}`), Parameters: []types.AttributeValue{sdkS("a")}})
		},
	},
	{
		Name: "BatchExecuteStatement/mixed",
		Responses: sdkOK(`{"Responses":[{"TableName":"orders","Item":{"pk":{"S":"a"}}},
			{"TableName":"orders","Error":{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":{"pk":{"S":"b"}}}}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.BatchExecuteStatement(ctx, &dynamodb.BatchExecuteStatementInput{
				Statements: []types.BatchStatementRequest{
					{Statement: aws.String(`SELECT * FROM "orders" WHERE pk = ?`), Parameters: []types.AttributeValue{sdkS("a")}, ConsistentRead: aws.Bool(true)},
					{Statement: aws.String(`UPDATE "orders" SET n = 1 WHERE pk = ?`), Parameters: []types.AttributeValue{sdkS("b")}, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld},
				},
				ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes,
			})
		},
	},
	{
		Name:      "ExecuteTransaction/basic",
		Responses: sdkOK(`{"Responses":[{"Item":{"pk":{"S":"a"}}}]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.ExecuteTransaction(ctx, &dynamodb.ExecuteTransactionInput{
				TransactStatements: []types.ParameterizedStatement{
					{Statement: aws.String(`SELECT * FROM "orders" WHERE pk = ?`), Parameters: []types.AttributeValue{sdkS("a")}},
				},
				ClientRequestToken:     aws.String("tx-1"),
				ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
			})
		},
	},
	{
		Name:      "CreateTable/full",
		Responses: sdkOK(`{"TableDescription":` + sdkTableDescriptionJSON + `}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.CreateTable(ctx, &dynamodb.CreateTableInput{
				TableName: aws.String("orders"),
				AttributeDefinitions: []types.AttributeDefinition{
					{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS},
					{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN},
					{AttributeName: aws.String("gsi1pk"), AttributeType: types.ScalarAttributeTypeS},
					{AttributeName: aws.String("created"), AttributeType: types.ScalarAttributeTypeB},
				},
				KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
				GlobalSecondaryIndexes: []types.GlobalSecondaryIndex{{
					IndexName: aws.String("gsi1"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("gsi1pk"), KeyType: types.KeyTypeHash}},
					Projection:            &types.Projection{ProjectionType: types.ProjectionTypeInclude, NonKeyAttributes: []string{"total"}},
					ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(5)},
				}},
				LocalSecondaryIndexes: []types.LocalSecondaryIndex{{
					IndexName: aws.String("lsi1"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("created"), KeyType: types.KeyTypeRange}},
					Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly},
				}},
				BillingMode:               types.BillingModeProvisioned,
				ProvisionedThroughput:     &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(0)},
				StreamSpecification:       &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewAndOldImages},
				SSESpecification:          &types.SSESpecification{Enabled: aws.Bool(false)},
				Tags:                      []types.Tag{{Key: aws.String("team"), Value: aws.String("orders")}},
				TableClass:                types.TableClassStandard,
				DeletionProtectionEnabled: aws.Bool(false),
				OnDemandThroughput:        &types.OnDemandThroughput{MaxReadRequestUnits: aws.Int64(-1)},
			})
		},
	},
	{
		Name:      "CreateTable/in-use",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceInUseException","message":"Table already exists: orders"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: aws.String("orders"), BillingMode: types.BillingModePayPerRequest,
				AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}},
				KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}}})
		},
	},
	{
		Name:      "DescribeTable/full",
		Responses: sdkOK(`{"Table":` + sdkTableDescriptionJSON + `}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("orders")})
		},
	},
	{
		Name:      "DescribeTable/server-error",
		Responses: sdkErr(500, `{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("orders")})
		},
	},
	{
		Name: "ListTables/paginator",
		Responses: []sdkResponse{
			{200, `{"TableNames":["a","b"],"LastEvaluatedTableName":"b"}`},
			{200, `{"TableNames":["c"]}`},
		},
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			p := dynamodb.NewListTablesPaginator(c, &dynamodb.ListTablesInput{Limit: aws.Int32(2)})
			var pages []any
			for p.HasMorePages() {
				out, err := p.NextPage(ctx)
				if err != nil {
					return pages, err
				}
				pages = append(pages, out)
			}
			return pages, nil
		},
	},
	{
		Name:      "ListTables/start",
		Responses: sdkOK(`{"TableNames":[]}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.ListTables(ctx, &dynamodb.ListTablesInput{ExclusiveStartTableName: aws.String("m")})
		},
	},
	{
		Name:      "UpdateTable/indexes-and-stream",
		Responses: sdkOK(`{"TableDescription":` + sdkTableDescriptionJSON + `}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UpdateTable(ctx, &dynamodb.UpdateTableInput{
				TableName:            aws.String("orders"),
				AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("gsi2pk"), AttributeType: types.ScalarAttributeTypeS}},
				GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{
					{Create: &types.CreateGlobalSecondaryIndexAction{IndexName: aws.String("gsi2"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("gsi2pk"), KeyType: types.KeyTypeHash}}, Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll}}},
					{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("gsi1")}},
					{Update: &types.UpdateGlobalSecondaryIndexAction{IndexName: aws.String("gsi3"), ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(1), WriteCapacityUnits: aws.Int64(1)}}},
				},
				StreamSpecification: &types.StreamSpecification{StreamEnabled: aws.Bool(false)},
				BillingMode:         types.BillingModePayPerRequest,
			})
		},
	},
	{
		Name:      "DeleteTable/basic",
		Responses: sdkOK(`{"TableDescription":{"TableName":"orders","TableStatus":"DELETING","TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("orders")})
		},
	},
	{
		Name:      "TagResource/basic",
		Responses: sdkOK(``),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
				Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("orders")}, {Key: aws.String("env"), Value: aws.String("")}}})
		},
	},
	{
		Name:      "TagResource/missing-tag-key",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: aws.String("arn"), Tags: []types.Tag{{Value: aws.String("v")}}})
		},
	},
	{
		Name:      "UntagResource/basic",
		Responses: sdkOK(``),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UntagResource(ctx, &dynamodb.UntagResourceInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/orders"), TagKeys: []string{"env"}})
		},
	},
	{
		Name:      "ListTagsOfResource/basic",
		Responses: sdkOK(`{"Tags":[{"Key":"team","Value":"orders"}],"NextToken":"n"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String("arn:aws:dynamodb:us-east-1:123456789012:table/orders"), NextToken: aws.String("m")})
		},
	},
	{
		Name:      "UpdateTimeToLive/enable",
		Responses: sdkOK(`{"TimeToLiveSpecification":{"AttributeName":"expiresAt","Enabled":true}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("orders"),
				TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String("expiresAt"), Enabled: aws.Bool(true)}})
		},
	},
	{
		Name:      "UpdateTimeToLive/missing-spec",
		Responses: nil,
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("orders")})
		},
	},
	{
		Name:      "DescribeTimeToLive/basic",
		Responses: sdkOK(`{"TimeToLiveDescription":{"AttributeName":"expiresAt","TimeToLiveStatus":"ENABLED"}}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("orders")})
		},
	},
	{
		Name:      "GetItem/unmodelled-error-without-namespace",
		Responses: sdkErr(400, `{"__type":"ThrottlingException","message":"Rate exceeded"}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders"), Key: map[string]types.AttributeValue{"pk": sdkS("a")}})
		},
	},
	{
		Name:      "Scan/request-limit",
		Responses: sdkErr(400, `{"__type":"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded","message":"Throughput exceeds the current throughput limit for your account."}`),
		Run: func(ctx context.Context, c *dynamodb.Client) (any, error) {
			return c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("orders")})
		},
	},
}

// sdkRunWire runs one case and describes its outcome.
func sdkRunWire(ctx context.Context, c *dynamodb.Client, cs sdkCase) sdkResult {
	out, err := cs.Run(ctx, c)
	r := sdkResult{Name: cs.Name, Output: sdkDump(reflect.ValueOf(out))}
	if err != nil {
		r.Error = sdkDumpErr(err)
	}
	return r
}

// sdkDumpErr describes an error by what learner code can observe: its
// text, the API error's code, message, fault and concrete type (with its
// fields), and the operation it came from.
func sdkDumpErr(err error) map[string]any {
	d := map[string]any{"text": sdkRetryText(err.Error())}
	var api smithy.APIError
	if errors.As(err, &api) {
		d["code"], d["message"], d["fault"] = api.ErrorCode(), api.ErrorMessage(), api.ErrorFault().String()
		d["type"] = reflect.TypeOf(api).String()
		d["fields"] = sdkDump(reflect.ValueOf(api))
	}
	var op *smithy.OperationError
	if errors.As(err, &op) {
		d["operation"] = op.Service() + "." + op.Operation()
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		d["httpStatus"] = re.HTTPStatusCode()
	}
	var ccf *types.ConditionalCheckFailedException
	var tce *types.TransactionCanceledException
	var rnf *types.ResourceNotFoundException
	d["as"] = fmt.Sprint(errors.As(err, &ccf), errors.As(err, &tce), errors.As(err, &rnf))
	return d
}

// sdkRetryText drops the retry summary the real SDK adds around errors
// it retried; the guest client does not retry (see SDK.md).
func sdkRetryText(s string) string {
	const marker = "exceeded maximum number of attempts, "
	if i := strings.Index(s, marker); i >= 0 {
		rest := s[i+len(marker):]
		if j := strings.Index(rest, ", "); j >= 0 {
			return s[:i] + rest[j+2:]
		}
	}
	return s
}

// sdkDump turns a value into comparable JSON: exported fields (nil and
// zero ones left out, ResultMetadata skipped), interface values tagged
// with their dynamic type, bytes as base64, times in UTC RFC 3339.
func sdkDump(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		// Types of the shared test files live in package guest_test here
		// and main in the guest program.
		typ := strings.NewReplacer("guest_test.", "", "main.", "").Replace(e.Type().String())
		return map[string]any{"$type": typ, "value": sdkDump(e)}
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return sdkDump(v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return t.UTC().Format(time.RFC3339Nano)
		}
		obj := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" || v.Field(i).IsZero() {
				continue
			}
			obj[f.Name] = sdkDump(v.Field(i))
		}
		return obj
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		obj := map[string]any{}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			obj[fmt.Sprint(k)] = sdkDump(v.MapIndex(k))
		}
		return obj
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			reflect.Copy(reflect.ValueOf(b), v)
			return "base64:" + base64.StdEncoding.EncodeToString(b)
		}
		arr := make([]any, v.Len())
		for i := range arr {
			arr[i] = sdkDump(v.Index(i))
		}
		return arr
	case reflect.String:
		return v.String()
	}
	return v.Interface()
}

// sdkAVJSON renders an AttributeValue in DynamoDB's JSON, using only the
// exported member types (so it means the same with either SDK).
func sdkAVJSON(av types.AttributeValue) any {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		return map[string]any{"S": v.Value}
	case *types.AttributeValueMemberN:
		return map[string]any{"N": v.Value}
	case *types.AttributeValueMemberB:
		return map[string]any{"B": base64.StdEncoding.EncodeToString(v.Value)}
	case *types.AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}
	case *types.AttributeValueMemberNULL:
		return map[string]any{"NULL": v.Value}
	case *types.AttributeValueMemberSS:
		return map[string]any{"SS": v.Value}
	case *types.AttributeValueMemberNS:
		return map[string]any{"NS": v.Value}
	case *types.AttributeValueMemberBS:
		out := make([]string, len(v.Value))
		for i, b := range v.Value {
			out[i] = base64.StdEncoding.EncodeToString(b)
		}
		return map[string]any{"BS": out}
	case *types.AttributeValueMemberL:
		out := make([]any, len(v.Value))
		for i, e := range v.Value {
			out[i] = sdkAVJSON(e)
		}
		return map[string]any{"L": out}
	case *types.AttributeValueMemberM:
		return map[string]any{"M": sdkAVMapJSON(v.Value)}
	case nil:
		return nil
	}
	return fmt.Sprintf("unexpected %T", av)
}

func sdkAVMapJSON(m map[string]types.AttributeValue) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, e := range m {
		out[k] = sdkAVJSON(e)
	}
	return out
}

// sdkAVFromJSON builds an AttributeValue from DynamoDB JSON.
func sdkAVFromJSON(raw json.RawMessage) types.AttributeValue {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		panic(err)
	}
	for tag, v := range m {
		switch tag {
		case "S", "N":
			var s string
			_ = json.Unmarshal(v, &s)
			if tag == "S" {
				return &types.AttributeValueMemberS{Value: s}
			}
			return &types.AttributeValueMemberN{Value: s}
		case "B":
			var b []byte
			_ = json.Unmarshal(v, &b)
			return &types.AttributeValueMemberB{Value: b}
		case "BOOL", "NULL":
			var b bool
			_ = json.Unmarshal(v, &b)
			if tag == "BOOL" {
				return &types.AttributeValueMemberBOOL{Value: b}
			}
			return &types.AttributeValueMemberNULL{Value: b}
		case "SS", "NS":
			var ss []string
			_ = json.Unmarshal(v, &ss)
			if tag == "SS" {
				return &types.AttributeValueMemberSS{Value: ss}
			}
			return &types.AttributeValueMemberNS{Value: ss}
		case "BS":
			var bs [][]byte
			_ = json.Unmarshal(v, &bs)
			return &types.AttributeValueMemberBS{Value: bs}
		case "L":
			var l []json.RawMessage
			_ = json.Unmarshal(v, &l)
			out := make([]types.AttributeValue, len(l))
			for i, e := range l {
				out[i] = sdkAVFromJSON(e)
			}
			return &types.AttributeValueMemberL{Value: out}
		case "M":
			return &types.AttributeValueMemberM{Value: sdkAVMapFromJSON(v)}
		}
	}
	panic("bad attribute value " + string(raw))
}

func sdkAVMapFromJSON(raw json.RawMessage) map[string]types.AttributeValue {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		panic(err)
	}
	out := make(map[string]types.AttributeValue, len(m))
	for k, v := range m {
		out[k] = sdkAVFromJSON(v)
	}
	return out
}

// --- attributevalue -------------------------------------------------------

// SdkAVMeta is embedded by pointer (exported, so decoding may allocate it).
// Its ID is the attribute "ID", distinct from sdkAVBase's "id".
type SdkAVMeta struct {
	Owner string `dynamodbav:"owner"`
	ID    string
}

type sdkAVBase struct {
	ID      string `dynamodbav:"id"`
	Version int    `dynamodbav:"v"`
}

type sdkAVLine struct {
	SKU   string  `dynamodbav:"sku"`
	Price float32 `dynamodbav:"price"`
	Qty   *int    `dynamodbav:"qty"`
}

type sdkAVAddress struct {
	Street string  `dynamodbav:"street"`
	Zip    *string `dynamodbav:"zip,omitempty"`
}

// sdkAVUpper encodes itself upper-cased and decodes lower-cased.
type sdkAVUpper string

func (u sdkAVUpper) MarshalDynamoDBAttributeValue() (types.AttributeValue, error) {
	return &types.AttributeValueMemberS{Value: strings.ToUpper(string(u))}, nil
}

func (u *sdkAVUpper) UnmarshalDynamoDBAttributeValue(av types.AttributeValue) error {
	s, ok := av.(*types.AttributeValueMemberS)
	if !ok {
		return fmt.Errorf("sdkAVUpper: want S, got %T", av)
	}
	*u = sdkAVUpper(strings.ToLower(s.Value))
	return nil
}

type sdkAVOrder struct {
	sdkAVBase
	*SdkAVMeta
	Customer  string  `dynamodbav:"customer"`
	Total     float64 `dynamodbav:"total"`
	Qty       int32
	Count     uint8                  `dynamodbav:",omitempty"`
	Note      string                 `dynamodbav:"note,omitempty"`
	Paid      bool                   `dynamodbav:"paid"`
	Unpaid    bool                   `dynamodbav:"unpaid,omitempty"`
	Tags      []string               `dynamodbav:"tags,stringset"`
	EmptyTags []string               `dynamodbav:"emptyTags,stringset"`
	Scores    []int                  `dynamodbav:"scores,numberset,omitempty"`
	Bins      [][]byte               `dynamodbav:"bins"`
	Raw       []byte                 `dynamodbav:"raw"`
	NilRaw    []byte                 `dynamodbav:"nilRaw"`
	Lines     []sdkAVLine            `dynamodbav:"lines"`
	NoLines   []sdkAVLine            `dynamodbav:"noLines"`
	Attrs     map[string]interface{} `dynamodbav:"attrs"`
	Counts    map[int]string         `dynamodbav:"counts"`
	Created   time.Time              `dynamodbav:"created"`
	Expires   time.Time              `dynamodbav:"ttl,unixtime"`
	Zero      time.Time              `dynamodbav:"zero,omitempty"`
	Addr      sdkAVAddress           `dynamodbav:"addr,omitempty"`
	AddrPtr   *sdkAVAddress          `dynamodbav:"addrPtr,omitempty"`
	NilPtr    *sdkAVAddress          `dynamodbav:"nilPtr"`
	Skip      string                 `dynamodbav:"-"`
	private   string
	Num       attributevalue.Number `dynamodbav:"num"`
	AsStr     int                   `dynamodbav:"asStr,string"`
	Any       interface{}           `dynamodbav:"any"`
	NullE     string                `dynamodbav:"nullE,nullempty"`
	Custom    sdkAVUpper            `dynamodbav:"custom"`
	Elems     []string              `dynamodbav:"elems,omitemptyelem"`
	Fixed     [3]int                `dynamodbav:"fixed"`
	Ptrs      []*string             `dynamodbav:"ptrs"`
}

func sdkAVFullOrder() sdkAVOrder {
	qty := 3
	zip := "12345"
	return sdkAVOrder{
		sdkAVBase: sdkAVBase{ID: "o-1", Version: 7},
		SdkAVMeta: &SdkAVMeta{Owner: "alice", ID: "shadowed"},
		Customer:  "Alice", Total: 12.5, Qty: -2, Paid: true,
		Tags: []string{"gift", "express"}, EmptyTags: []string{}, Scores: []int{1, 5},
		Bins: [][]byte{{1}, {2, 3}}, Raw: []byte("hello"),
		Lines:   []sdkAVLine{{SKU: "X", Price: 1.1, Qty: &qty}, {SKU: "Y", Price: 0.1}},
		NoLines: []sdkAVLine{},
		Attrs:   map[string]interface{}{"color": "red", "size": 42, "nested": map[string]interface{}{"ok": true}, "list": []interface{}{"a", 1.5, nil}},
		Counts:  map[int]string{1: "one", 20: "twenty"},
		Created: time.Date(2024, 1, 2, 3, 4, 5, 6000000, time.UTC),
		Expires: time.Unix(1700000000, 0),
		Addr:    sdkAVAddress{Street: "Main"},
		AddrPtr: &sdkAVAddress{Street: "Side", Zip: &zip},
		Skip:    "skipped", private: "private",
		Num: "123456789012345678901234567890.5", AsStr: 99, Any: []string{"x"},
		Custom: "MiXeD", Elems: []string{"a", "", "b"}, Fixed: [3]int{1, 2, 3},
		Ptrs: []*string{&zip, nil},
	}
}

type sdkAVCase struct {
	Name string
	Run  func() any
}

func sdkErrText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// sdkRoundTrip marshals v as an item, then unmarshals the item into a new T.
func sdkRoundTrip[T any](v T) any {
	m, err := attributevalue.MarshalMap(v)
	var back T
	err2 := attributevalue.UnmarshalMap(m, &back)
	return map[string]any{"item": sdkAVMapJSON(m), "err": sdkErrText(err), "back": sdkDump(reflect.ValueOf(back)), "backErr": sdkErrText(err2)}
}

// sdkMarshal marshals v as one value, with optional encoder options.
func sdkMarshal(v any, opts ...func(*attributevalue.EncoderOptions)) any {
	av, err := attributevalue.MarshalWithOptions(v, opts...)
	return map[string]any{"av": sdkAVJSON(av), "err": sdkErrText(err)}
}

// sdkUnmarshal decodes the DynamoDB JSON item js into a new T.
func sdkUnmarshal[T any](js string, opts ...func(*attributevalue.DecoderOptions)) any {
	var out T
	err := attributevalue.UnmarshalMapWithOptions(sdkAVMapFromJSON(json.RawMessage(js)), &out, opts...)
	return map[string]any{"out": sdkDump(reflect.ValueOf(&out)), "err": sdkErrText(err)}
}

var sdkAVCases = []sdkAVCase{
	{"struct/full", func() any { return sdkRoundTrip(sdkAVFullOrder()) }},
	{"struct/zero", func() any { return sdkRoundTrip(sdkAVOrder{}) }},
	{"struct/pointer", func() any { o := sdkAVFullOrder(); return sdkRoundTrip(&o) }},
	{"map/any", func() any {
		return sdkRoundTrip(map[string]any{"s": "x", "n": 1, "f": 2.25, "b": true, "nil": nil, "bytes": []byte{9}, "l": []any{}, "m": map[string]any{}})
	}},
	{"map/typed", func() any { return sdkRoundTrip(map[string][]int{"a": {1, 2}, "b": nil}) }},
	{"scalar/int", func() any { return sdkMarshal(-17) }},
	{"scalar/uint64", func() any { return sdkMarshal(uint64(18446744073709551615)) }},
	{"scalar/float", func() any { return sdkMarshal(1e21) }},
	{"scalar/float-small", func() any { return sdkMarshal(0.000001) }},
	{"scalar/float32", func() any { return sdkMarshal(float32(0.1)) }},
	{"scalar/string-empty", func() any { return sdkMarshal("") }},
	{"scalar/nil", func() any { return sdkMarshal(nil) }},
	{"scalar/bytes-empty", func() any { return sdkMarshal([]byte{}) }},
	{"scalar/time", func() any { return sdkMarshal(time.Date(2020, 2, 29, 12, 0, 0, 0, time.FixedZone("x", 3600))) }},
	{"list/mixed", func() any { return sdkMarshal([]any{1, "a", nil, []byte("b"), map[string]int{"k": 1}}) }},
	{"list/of-bytes-is-BS", func() any { return sdkMarshal([][]byte{[]byte("a")}) }},
	{"list/empty-set-not-null", func() any {
		type T struct {
			S []string `dynamodbav:"s,stringset"`
		}
		return sdkMarshal(T{S: []string{}}, func(o *attributevalue.EncoderOptions) { o.NullEmptySets = false })
	}},
	{"map/empty-key", func() any { return sdkMarshal(map[string]int{"": 1}) }},
	{"struct/omitempty-and-nullempty", func() any {
		type T struct {
			A string `dynamodbav:"a,omitempty,nullempty"`
		}
		return sdkMarshal(T{})
	}},
	{"struct/json-tag-key", func() any {
		type T struct {
			A string `json:"alpha,omitempty" dynamodbav:"a"`
			B string `json:"beta"`
		}
		return sdkMarshal(T{A: "", B: "b"}, func(o *attributevalue.EncoderOptions) { o.TagKey = "json" })
	}},
	{"struct/custom-time", func() any {
		type T struct{ At time.Time }
		return sdkMarshal(T{At: time.Unix(1, 0)}, func(o *attributevalue.EncoderOptions) {
			o.EncodeTime = func(t time.Time) (types.AttributeValue, error) {
				return &types.AttributeValueMemberN{Value: fmt.Sprint(t.UnixMilli())}, nil
			}
		})
	}},
	{"unmarshal/case-insensitive-and-conversions", func() any {
		return sdkUnmarshal[sdkAVOrder](`{"ID":{"S":"o-9"},"CUSTOMER":{"S":"Bob"},"total":{"N":"1.25"},"qty":{"N":"7"},"tags":{"SS":["a"]},"scores":{"NS":["3","4"]},
			"counts":{"M":{"5":{"S":"five"}}},"created":{"S":"2024-05-06T07:08:09Z"},"ttl":{"N":"1700000000"},"addrPtr":{"M":{"street":{"S":"S"}}},"nilPtr":{"NULL":true},
			"num":{"N":"1e400"},"asStr":{"S":"12"},"any":{"L":[{"N":"1"},{"S":"x"},{"BOOL":true},{"NULL":true},{"M":{"k":{"SS":["v"]}}}]},"custom":{"S":"LOUD"},"fixed":{"L":[{"N":"9"}]},
			"owner":{"S":"carol"},"unknown":{"S":"ignored"},"bins":{"BS":["AQI="]},"raw":{"B":"aGk="}}`)
	}},
	{"unmarshal/use-number", func() any {
		return sdkUnmarshal[map[string]any](`{"n":{"N":"12345678901234567890"},"ns":{"NS":["1","2"]}}`, func(o *attributevalue.DecoderOptions) { o.UseNumber = true })
	}},
	{"unmarshal/into-any", func() any {
		return sdkUnmarshal[map[string]any](`{"n":{"N":"1.5"},"ns":{"NS":["1","2"]},"ss":{"SS":["x"]},"bs":{"BS":["AA=="]},"b":{"B":"AA=="},"m":{"M":{"x":{"NULL":true}}}}`)
	}},
	{"unmarshal/type-mismatch", func() any { return sdkUnmarshal[sdkAVOrder](`{"customer":{"N":"1"}}`) }},
	{"unmarshal/overflow", func() any { return sdkUnmarshal[struct{ Small int8 }](`{"Small":{"N":"300"}}`) }},
	{"unmarshal/bad-time", func() any { return sdkUnmarshal[struct{ At time.Time }](`{"At":{"S":"yesterday"}}`) }},
	{"unmarshal/null-clears", func() any {
		return sdkUnmarshal[struct {
			P *int
			S string
		}](`{"P":{"NULL":true},"S":{"NULL":true}}`)
	}},
	{"unmarshal/list-of-maps", func() any {
		var out []sdkAVLine
		err := attributevalue.UnmarshalListOfMaps([]map[string]types.AttributeValue{
			sdkAVMapFromJSON(json.RawMessage(`{"sku":{"S":"A"},"price":{"N":"1"},"qty":{"N":"2"}}`)),
			sdkAVMapFromJSON(json.RawMessage(`{"sku":{"S":"B"}}`)),
		}, &out)
		return map[string]any{"out": sdkDump(reflect.ValueOf(out)), "err": sdkErrText(err)}
	}},
	{"unmarshal/non-pointer", func() any {
		var out map[string]string
		return sdkErrText(attributevalue.UnmarshalMap(map[string]types.AttributeValue{}, out))
	}},
	{"unmarshal/list", func() any {
		var out []int
		err := attributevalue.UnmarshalList([]types.AttributeValue{sdkN("1"), sdkN("2")}, &out)
		return map[string]any{"out": out, "err": sdkErrText(err)}
	}},
	{"marshal-list", func() any {
		l, err := attributevalue.MarshalList([]sdkAVLine{{SKU: "A"}})
		l2, err2 := attributevalue.MarshalList("not a list")
		return map[string]any{"l": sdkAVJSON(&types.AttributeValueMemberL{Value: l}), "err": sdkErrText(err), "l2": len(l2), "err2": sdkErrText(err2)}
	}},
	{"unixtime-type", func() any {
		av, err := attributevalue.Marshal(attributevalue.UnixTime(time.Unix(1234567890, 0)))
		var back attributevalue.UnixTime
		err2 := attributevalue.Unmarshal(av, &back)
		return map[string]any{"av": sdkAVJSON(av), "err": sdkErrText(err), "back": time.Time(back).Unix(), "err2": sdkErrText(err2)}
	}},
	{"decoder-encoder", func() any {
		enc := attributevalue.NewEncoder(func(o *attributevalue.EncoderOptions) { o.NullEmptySets = true })
		av, err := enc.Encode(map[string]bool{"yes": true})
		var back map[string]bool
		err2 := attributevalue.NewDecoder().Decode(av, &back)
		return map[string]any{"av": sdkAVJSON(av), "err": sdkErrText(err), "back": back, "err2": sdkErrText(err2)}
	}},
}

// sdkRunAV runs every attributevalue case.
func sdkRunAV() map[string]any {
	out := map[string]any{}
	for _, c := range sdkAVCases {
		out[c.Name] = c.Run()
	}
	return out
}

// --- expression -----------------------------------------------------------

// sdkExprResult describes a built expression (or the error building it).
func sdkExprResult(b expression.Builder) any {
	e, err := b.Build()
	if err != nil {
		return map[string]any{"err": err.Error(), "errType": reflect.TypeOf(err).String()}
	}
	return map[string]any{
		"condition": e.Condition(), "filter": e.Filter(), "keyCondition": e.KeyCondition(),
		"projection": e.Projection(), "update": e.Update(),
		"names": e.Names(), "values": sdkAVMapJSON(e.Values()),
	}
}

var sdkExprCases = []sdkAVCase{
	{"query", func() any {
		key := expression.Key("pk").Equal(expression.Value("USER#1")).And(expression.Key("sk").BeginsWith("ORDER#"))
		filter := expression.Name("status").In(expression.Value("NEW"), expression.Value("PAID")).
			And(expression.Name("total").Between(expression.Value(10), expression.Value(20.5)))
		proj := expression.NamesList(expression.Name("pk"), expression.Name("sk"), expression.Name("status"), expression.Name("items[0].sku"))
		return sdkExprResult(expression.NewBuilder().WithKeyCondition(key).WithFilter(filter).WithProjection(proj))
	}},
	{"conditional-update", func() any {
		cond := expression.Name("pk").AttributeNotExists().Or(expression.Name("version").LessThan(expression.Value(3)))
		upd := expression.Set(expression.Name("count"), expression.Plus(expression.IfNotExists(expression.Name("count"), expression.Value(0)), expression.Value(1))).
			Set(expression.Name("items"), expression.ListAppend(expression.Name("items"), expression.Value([]string{"x"}))).
			Set(expression.Name("stock"), expression.Name("stock").Minus(expression.Value(2))).
			Remove(expression.Name("old.field")).
			Add(expression.Name("tags"), expression.Value(&types.AttributeValueMemberSS{Value: []string{"a"}})).
			Delete(expression.Name("gone"), expression.Value(types.AttributeValueMemberSS{Value: []string{"b"}}))
		return sdkExprResult(expression.NewBuilder().WithCondition(cond).WithUpdate(upd))
	}},
	{"functions-and-reused-names", func() any {
		c := expression.And(
			expression.Name("a").Size().GreaterThanEqual(expression.Value(2)),
			expression.Name("a").AttributeType(expression.StringSet),
			expression.Not(expression.Name("b").Contains("x")),
			expression.Name("a").NotEqual(expression.Name("b")),
			expression.Value(5).LessThanEqual(expression.Name("c")),
			expression.Size(expression.Name("c")).Between(expression.Value(1), expression.Value(9)),
			expression.Name("d").BeginsWith("p").Or(expression.Name("d").GreaterThan(expression.Value("q")), expression.Name("d").Equal(expression.Value(true))),
		)
		return sdkExprResult(expression.NewBuilder().WithFilter(c).WithProjection(expression.NamesList(expression.Name("a")).AddNames(expression.Name("b"))))
	}},
	{"paths", func() any {
		p := expression.NamesList(expression.NameNoDotSplit("a.b"), expression.Name("list").AppendName(expression.Name("[1][2].x")),
			expression.Name("m").AppendName(expression.Name("n")), expression.Name("l[3][4]"))
		return sdkExprResult(expression.NewBuilder().WithProjection(p))
	}},
	{"update-without-reassigning", func() any {
		u := expression.Set(expression.Name("a"), expression.Value(1))
		u.Set(expression.Name("b"), expression.Value(2)) // result ignored on purpose
		b := expression.NewBuilder()
		b = b.WithUpdate(u)
		b.WithCondition(expression.Name("a").AttributeExists()) // result ignored on purpose
		return sdkExprResult(b)
	}},
	{"value-options", func() any {
		type item struct {
			Name string `json:"name"`
			Skip string `json:"-"`
		}
		v := expression.ValueWithOptions(item{Name: "x", Skip: "y"}, func(o *expression.ValueBuilderOptions) {
			o.EncoderOptions = append(o.EncoderOptions, func(eo *attributevalue.EncoderOptions) { eo.TagKey = "json" })
		})
		return sdkExprResult(expression.NewBuilder().WithUpdate(expression.Set(expression.Name("doc"), v)))
	}},
	{"key-between-and-compare", func() any {
		k := expression.KeyAnd(expression.KeyEqual(expression.Key("pk"), expression.Value("a")), expression.KeyBetween(expression.Key("sk"), expression.Value(1), expression.Value(5)))
		return sdkExprResult(expression.NewBuilder().WithKeyCondition(k))
	}},
	{"key-greater", func() any {
		k := expression.Key("pk").Equal(expression.Value("a")).And(expression.Key("sk").GreaterThan(expression.Value(1)))
		return sdkExprResult(expression.NewBuilder().WithKeyCondition(k))
	}},
	{"error/empty-builder", func() any { return sdkExprResult(expression.NewBuilder()) }},
	{"error/empty-name", func() any {
		return sdkExprResult(expression.NewBuilder().WithCondition(expression.Name("").Equal(expression.Value(1))))
	}},
	{"error/bad-index", func() any {
		return sdkExprResult(expression.NewBuilder().WithProjection(expression.NamesList(expression.Name("a[x]"))))
	}},
	{"error/empty-part", func() any {
		return sdkExprResult(expression.NewBuilder().WithProjection(expression.NamesList(expression.Name("a..b"))))
	}},
	{"error/key-order", func() any {
		k := expression.Key("sk").BeginsWith("x").And(expression.Key("pk").Equal(expression.Value("a")))
		return sdkExprResult(expression.NewBuilder().WithKeyCondition(k))
	}},
	{"error/unset-condition", func() any {
		return sdkExprResult(expression.NewBuilder().WithFilter(expression.ConditionBuilder{}))
	}},
	{"error/bad-value", func() any {
		return sdkExprResult(expression.NewBuilder().WithUpdate(expression.Set(expression.Name("a"), expression.Value(map[string]int{"": 1}))))
	}},
	{"is-set", func() any {
		return fmt.Sprint(expression.ConditionBuilder{}.IsSet(), expression.Name("a").AttributeExists().IsSet(),
			expression.KeyConditionBuilder{}.IsSet(), expression.Key("a").Equal(expression.Value(1)).IsSet())
	}},
}

// sdkRunExpr runs every expression case.
func sdkRunExpr() map[string]any {
	out := map[string]any{}
	for _, c := range sdkExprCases {
		out[c.Name] = c.Run()
	}
	return out
}

// sdkAVRandomRoundTrip decodes each random item (DynamoDB JSON) into a
// generic map and into sdkAVOrder, and encodes the generic map again: the
// property test of TestAttributeValueRandomItemsMatchRealSDK.
func sdkAVRandomRoundTrip(items []json.RawMessage) []any {
	out := make([]any, 0, len(items))
	for _, raw := range items {
		item := sdkAVMapFromJSON(raw)
		var generic map[string]any
		err1 := attributevalue.UnmarshalMap(item, &generic)
		var typed sdkAVOrder
		err2 := attributevalue.UnmarshalMap(item, &typed)
		again, err3 := attributevalue.MarshalMap(generic)
		var number map[string]any
		err4 := attributevalue.UnmarshalMapWithOptions(item, &number, func(o *attributevalue.DecoderOptions) { o.UseNumber = true })
		out = append(out, map[string]any{
			"generic": sdkDump(reflect.ValueOf(generic)), "err1": sdkErrText(err1),
			"typed": sdkDump(reflect.ValueOf(typed)), "err2": sdkErrText(err2),
			"again": sdkAVMapJSON(again), "err3": sdkErrText(err3),
			"number": sdkDump(reflect.ValueOf(number)), "err4": sdkErrText(err4),
		})
	}
	return out
}
