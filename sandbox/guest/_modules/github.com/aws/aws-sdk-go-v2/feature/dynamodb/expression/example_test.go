package expression_test

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/expression"
)

func ExampleBuilder_Build() {
	key := expression.Key("pk").Equal(expression.Value("USER#1"))
	filter := expression.Name("status").Equal(expression.Value("OPEN")).
		And(expression.Name("total").GreaterThan(expression.Value(100)))
	expr, err := expression.NewBuilder().WithKeyCondition(key).WithFilter(filter).Build()
	if err != nil {
		panic(err)
	}
	fmt.Println(*expr.KeyCondition())
	fmt.Println(*expr.Filter())
	fmt.Println(expr.Names())
	fmt.Println(len(expr.Values()))
	// Output:
	// #2 = :2
	// (#0 = :0) AND (#1 > :1)
	// map[#0:status #1:total #2:pk]
	// 3
}

func ExampleSet() {
	update := expression.Set(expression.Name("count"), expression.Name("count").Plus(expression.Value(1))).
		Remove(expression.Name("draft"))
	expr, err := expression.NewBuilder().WithUpdate(update).Build()
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", *expr.Update())
	// Output: "REMOVE #0\nSET #1 = #1 + :0\n"
}
