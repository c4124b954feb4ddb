package dynamodb

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// TestExpressionBuilder feeds expressions produced by the real
// feature/dynamodb/expression builder (its own spacing, parentheses and
// #0/:0 placeholders) and items from attributevalue.MarshalMap through
// both doors: what learners' code sends must parse and behave.
func TestExpressionBuilder(t *testing.T) {
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) { runScenario(t, newHarness(t, d), scenarioBuilder) })
	}
}

type order struct {
	PK     string   `dynamodbav:"pk"`
	SK     int      `dynamodbav:"sk"`
	Status string   `dynamodbav:"status,omitempty"`
	Total  float64  `dynamodbav:"total"`
	Tags   []string `dynamodbav:"tags,stringset,omitempty"`
	Note   string   `dynamodbav:"note"`
}

func scenarioBuilder(t *testing.T, h *harness) {
	createOrders(t, h)
	for i, o := range []order{
		{PK: "c1", SK: 1, Status: "open", Total: 10.5, Tags: []string{"gift"}, Note: "first"},
		{PK: "c1", SK: 2, Total: 99.99, Note: "second"},
		{PK: "c1", SK: 3, Status: "open", Total: 5, Note: "third"},
	} {
		av, err := attributevalue.MarshalMap(o)
		if err != nil {
			t.Fatal(err)
		}
		must(h.db.PutItem(bg, &ddb.PutItemInput{TableName: aws.String("Orders"), Item: av}))
		_ = i
	}
	keyCond := expression.Key("pk").Equal(expression.Value("c1")).And(expression.Key("sk").GreaterThanEqual(expression.Value(2)))
	filt := expression.Name("total").GreaterThan(expression.Value(1)).And(expression.Name("status").AttributeNotExists().Or(expression.Name("note").BeginsWith("th")))
	proj := expression.NamesList(expression.Name("sk"), expression.Name("note"))
	expr := must(expression.NewBuilder().WithKeyCondition(keyCond).WithFilter(filt).WithProjection(proj).Build())
	q := must(h.db.Query(bg, &ddb.QueryInput{TableName: aws.String("Orders"), KeyConditionExpression: expr.KeyCondition(),
		FilterExpression: expr.Filter(), ProjectionExpression: expr.Projection(),
		ExpressionAttributeNames: expr.Names(), ExpressionAttributeValues: expr.Values()}))
	var got []order
	if err := attributevalue.UnmarshalListOfMaps(q.Items, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].SK != 2 || got[1].Note != "third" || got[0].Total != 0 {
		t.Fatalf("query with builder expressions: %+v", got)
	}
	upd := expression.Set(expression.Name("total"), expression.Name("total").Plus(expression.Value(0.5))).
		Set(expression.Name("history"), expression.ListAppend(expression.IfNotExists(expression.Name("history"), expression.Value([]string{})), expression.Value([]string{"paid"}))).
		Add(expression.Name("tags"), expression.Value(&types.AttributeValueMemberSS{Value: []string{"vip"}})).
		Remove(expression.Name("status"))
	cond := expression.Name("status").Equal(expression.Value("open")).And(expression.Name("total").Between(expression.Value(1), expression.Value(20)))
	ue := must(expression.NewBuilder().WithUpdate(upd).WithCondition(cond).Build())
	out := must(h.db.UpdateItem(bg, &ddb.UpdateItemInput{TableName: aws.String("Orders"),
		Key:                       map[string]types.AttributeValue{"pk": str("c1"), "sk": num("1")},
		UpdateExpression:          ue.Update(),
		ConditionExpression:       ue.Condition(),
		ExpressionAttributeNames:  ue.Names(),
		ExpressionAttributeValues: ue.Values(),
		ReturnValues:              types.ReturnValueAllNew}))
	var o struct {
		Total   float64  `dynamodbav:"total"`
		Tags    []string `dynamodbav:"tags,stringset"`
		History []string `dynamodbav:"history"`
		Status  string   `dynamodbav:"status"`
	}
	if err := attributevalue.UnmarshalMap(out.Attributes, &o); err != nil {
		t.Fatal(err)
	}
	if o.Total != 11 || len(o.Tags) != 2 || len(o.History) != 1 || o.History[0] != "paid" || o.Status != "" {
		t.Fatalf("after builder update: %+v", o)
	}
	// The same condition now fails (status was removed).
	_, err := h.db.UpdateItem(bg, &ddb.UpdateItemInput{TableName: aws.String("Orders"),
		Key: map[string]types.AttributeValue{"pk": str("c1"), "sk": num("1")}, UpdateExpression: ue.Update(),
		ConditionExpression: ue.Condition(), ExpressionAttributeNames: ue.Names(), ExpressionAttributeValues: ue.Values()})
	var ccf *types.ConditionalCheckFailedException
	if !errorsAs(err, &ccf) {
		t.Fatalf("want ConditionalCheckFailedException, got %v", err)
	}
	sizeCond := must(expression.NewBuilder().WithFilter(expression.Name("tags").Size().Equal(expression.Value(2)).
		And(expression.Name("tags").Contains("vip")).And(expression.Name("note").AttributeType(expression.String)).
		And(expression.Name("sk").In(expression.Value(1), expression.Value(3)))).Build())
	s := must(h.db.Scan(bg, &ddb.ScanInput{TableName: aws.String("Orders"), FilterExpression: sizeCond.Filter(),
		ExpressionAttributeNames: sizeCond.Names(), ExpressionAttributeValues: sizeCond.Values()}))
	if s.Count != 1 {
		t.Fatalf("scan with builder filter: %d items", s.Count)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
