package dynamodb

import (
	"context"
	"encoding/json"
	"testing"
)

// FuzzCall feeds arbitrary operations and bodies to the JSON door of a
// service holding a table with indexes and a stream. The door recovers
// panics as InternalServerError (status 500), so a 500 here is a bug.
func FuzzCall(f *testing.F) {
	seeds := []struct{ op, body string }{
		{"PutItem", `{"TableName":"Fz","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"l":{"L":[{"N":"1"}]}}}`},
		{"UpdateItem", `{"TableName":"Fz","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET l[3] = :v ADD n :n","ExpressionAttributeValues":{":v":{"S":"x"},":n":{"N":"1"}}}`},
		{"Query", `{"TableName":"Fz","KeyConditionExpression":"pk = :p AND sk > :s","ExpressionAttributeValues":{":p":{"S":"a"},":s":{"N":"0"}},"ScanIndexForward":false,"Limit":1}`},
		{"Query", `{"TableName":"Fz","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"x"}},"ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"}}}`},
		{"Scan", `{"TableName":"Fz","Segment":0,"TotalSegments":3,"FilterExpression":"size(l) > :n","ExpressionAttributeValues":{":n":{"N":"0"}}}`},
		{"DeleteItem", `{"TableName":"Fz","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_OLD"}`},
		{"BatchWriteItem", `{"RequestItems":{"Fz":[{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"2"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"a"},"sk":{"N":"1"}}}}]}}`},
		{"TransactWriteItems", `{"TransactItems":[{"Update":{"TableName":"Fz","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"REMOVE l[0]"}}]}`},
		{"ExecuteStatement", `{"Statement":"UPDATE Fz SET x = x + 1 WHERE pk = 'a' AND sk = 1"}`},
		{"UpdateTable", `{"TableName":"Fz","StreamSpecification":{"StreamEnabled":false}}`},
		{"DeleteTable", `{"TableName":"Fz"}`},
	}
	for _, s := range seeds {
		f.Add(s.op, s.body)
	}
	f.Fuzz(func(t *testing.T, op, body string) {
		svc := New(Options{})
		ctx := context.Background()
		svc.Call(ctx, "CreateTable", []byte(`{"TableName":"Fz","BillingMode":"PAY_PER_REQUEST",
			"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
			"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"}],
			"GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
			"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}`))
		svc.Call(ctx, "PutItem", []byte(`{"TableName":"Fz","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"l":{"L":[{"N":"1"},{"M":{"k":{"SS":["a"]}}}]}}}`))
		if status, resp := svc.Call(ctx, op, []byte(body)); status == 500 {
			t.Fatalf("%s %s: %s", op, body, resp)
		}
		// The state must still serialise and restore.
		snap, err := svc.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if err := New(Options{}).Restore(snap); err != nil {
			t.Fatalf("restore after %s %s: %v", op, body, err)
		}
	})
}

// FuzzPartiQL runs arbitrary statements against a small table: compile
// and execution must answer with a DynamoDB error, never a 500.
func FuzzPartiQL(f *testing.F) {
	for _, s := range []string{
		`SELECT * FROM "Fz" WHERE pk = 'a' AND sk BETWEEN 0 AND 5`,
		`SELECT l[1].k, g FROM Fz."byG" WHERE g = 'x'`,
		`INSERT INTO Fz VALUE {'pk': 'n', 'sk': 3, 'm': {'a': [1, <<'s'>>]}}`,
		`UPDATE Fz SET l[0] = l[0] + 1 REMOVE g WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *`,
		`DELETE FROM Fz WHERE pk = 'a' AND sk = 1 AND size(l) > 1`,
		`SELECT * FROM Fz WHERE l IS NOT MISSING OR contains(g, 'x')`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, stmt string) {
		svc := New(Options{})
		ctx := context.Background()
		svc.Call(ctx, "CreateTable", []byte(`{"TableName":"Fz","BillingMode":"PAY_PER_REQUEST",
			"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
			"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"}],
			"GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}`))
		svc.Call(ctx, "PutItem", []byte(`{"TableName":"Fz","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"l":{"L":[{"N":"1"},{"M":{"k":{"SS":["a"]}}}]}}}`))
		body, _ := json.Marshal(ExecuteStatementInput{Statement: stmt})
		if status, resp := svc.Call(ctx, "ExecuteStatement", body); status == 500 {
			t.Fatalf("%s: %s", stmt, resp)
		}
	})
}
