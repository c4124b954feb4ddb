package dynamodb

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/internal/awscall"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The client's own cost per call, natively: validation, request encoding
// and response decoding around a transport that answers at once. Inside
// the sandbox the guest runs this as WebAssembly, several times slower.

func benchCall(b *testing.B, resp string, call func(ctx context.Context, c *Client) error) {
	restore := awscall.SetTransport(func(_ context.Context, _, _ string, _ []byte) (int, []byte, error) {
		return 200, []byte(resp), nil
	})
	defer restore()
	c := NewFromConfig(aws.Config{Region: "us-east-1"})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := call(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGetItem(b *testing.B) {
	benchCall(b, `{"Item":{"id":{"S":"u1"},"name":{"S":"Ada"}}}`, func(ctx context.Context, c *Client) error {
		out, err := c.GetItem(ctx, &GetItemInput{TableName: aws.String("UsersTable"),
			Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "u1"}}})
		if err == nil && len(out.Item) != 2 {
			b.Fatalf("item %v", out.Item)
		}
		return err
	})
}

func BenchmarkPutItem(b *testing.B) {
	benchCall(b, `{}`, func(ctx context.Context, c *Client) error {
		_, err := c.PutItem(ctx, &PutItemInput{TableName: aws.String("UsersTable"), Item: map[string]types.AttributeValue{
			"id": &types.AttributeValueMemberS{Value: "u1"}, "name": &types.AttributeValueMemberS{Value: "Ada"},
			"age": &types.AttributeValueMemberN{Value: "36"}, "tags": &types.AttributeValueMemberSS{Value: []string{"a", "b"}}}})
		return err
	})
}

func BenchmarkQuery(b *testing.B) {
	benchCall(b, `{"Count":3,"Items":[{"pk":{"S":"c1"},"sk":{"N":"1"},"total":{"N":"12.5"}},{"pk":{"S":"c1"},"sk":{"N":"2"},"total":{"N":"3"}},{"pk":{"S":"c1"},"sk":{"N":"3"},"tags":{"L":[{"S":"x"},{"BOOL":true}]}}],"ScannedCount":3}`, func(ctx context.Context, c *Client) error {
		out, err := c.Query(ctx, &QueryInput{TableName: aws.String("orders"), KeyConditionExpression: aws.String("pk = :pk"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":pk": &types.AttributeValueMemberS{Value: "c1"}}})
		if err == nil && len(out.Items) != 3 {
			b.Fatalf("items %v", out.Items)
		}
		return err
	})
}
