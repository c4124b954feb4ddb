package attributevalue_test

import (
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

type order struct {
	CustomerID string   `dynamodbav:"pk"`
	OrderID    string   `dynamodbav:"sk"`
	Total      float64  `dynamodbav:"total"`
	Tags       []string `dynamodbav:"tags,stringset,omitempty"`
	Note       string   `dynamodbav:"note,omitempty"`
}

func ExampleMarshalMap() {
	item, err := attributevalue.MarshalMap(order{CustomerID: "c1", OrderID: "o1", Total: 12.5, Tags: []string{"gift"}})
	if err != nil {
		panic(err)
	}
	names := make([]string, 0, len(item))
	for k := range item {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		switch v := item[k].(type) {
		case *types.AttributeValueMemberS:
			fmt.Printf("%s S %s\n", k, v.Value)
		case *types.AttributeValueMemberN:
			fmt.Printf("%s N %s\n", k, v.Value)
		case *types.AttributeValueMemberSS:
			fmt.Printf("%s SS %v\n", k, v.Value)
		}
	}
	// Output:
	// pk S c1
	// sk S o1
	// tags SS [gift]
	// total N 12.5
}

func ExampleUnmarshalMap() {
	item := map[string]types.AttributeValue{
		"pk":    &types.AttributeValueMemberS{Value: "c1"},
		"sk":    &types.AttributeValueMemberS{Value: "o1"},
		"total": &types.AttributeValueMemberN{Value: "99.9"},
	}
	var o order
	if err := attributevalue.UnmarshalMap(item, &o); err != nil {
		panic(err)
	}
	fmt.Printf("%+v\n", o)
	// Output: {CustomerID:c1 OrderID:o1 Total:99.9 Tags:[] Note:}
}
