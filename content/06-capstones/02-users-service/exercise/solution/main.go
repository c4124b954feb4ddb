package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const idemPrefix = "idem#"

var (
	db      *dynamodb.Client
	table   = os.Getenv("TABLE_NAME")
	emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// User is a user as stored and as answered.
type User struct {
	ID    string `json:"id" dynamodbav:"id"`
	Name  string `json:"name" dynamodbav:"name"`
	Email string `json:"email" dynamodbav:"email"`
}

// Input is what a client may send for a user.
type Input struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

func parseInput(body string) (Input, error) {
	var in Input
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		return in, errors.New("the body must be a JSON object with name and email")
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(in.Name)); n < 1 || n > 100 {
		return in, errors.New("name must have 1 to 100 characters")
	}
	if !emailRE.MatchString(in.Email) {
		return in, errors.New("email must look like someone@example.com")
	}
	return in, nil
}

func key(id string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}}
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	id := req.PathParameters["id"]
	if strings.HasPrefix(id, idemPrefix) {
		return reply(404, msg("user "+id+" not found")) // internal records are not users
	}
	switch req.HTTPMethod + " " + req.Resource {
	case "POST /users":
		return create(ctx, req)
	case "GET /users/{id}":
		u, found, err := get(ctx, id)
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		if !found {
			return reply(404, msg("user "+id+" not found"))
		}
		return reply(200, u)
	case "PUT /users/{id}":
		in, err := parseInput(req.Body)
		if err != nil {
			return reply(400, msg(err.Error()))
		}
		u := User{ID: id, Name: strings.TrimSpace(in.Name), Email: in.Email}
		item, err := attributevalue.MarshalMap(u)
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		_, err = db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName:           aws.String(table),
			Item:                item,
			ConditionExpression: aws.String("attribute_exists(id)"),
		})
		var ccf *types.ConditionalCheckFailedException
		if errors.As(err, &ccf) {
			return reply(404, msg("user "+id+" not found"))
		}
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		return reply(200, u)
	case "DELETE /users/{id}":
		if _, err := db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: key(id)}); err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		return events.APIGatewayProxyResponse{StatusCode: 204}, nil
	}
	return reply(404, msg("no route"))
}

func create(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	idem := req.Headers["Idempotency-Key"]
	if idem == "" {
		idem = req.Headers["idempotency-key"]
	}
	if idem == "" || len(idem) > 200 {
		return reply(400, msg("send an Idempotency-Key header (up to 200 characters)"))
	}
	in, err := parseInput(req.Body)
	if err != nil {
		return reply(400, msg(err.Error()))
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	u := User{ID: "u-" + hex.EncodeToString(b), Name: strings.TrimSpace(in.Name), Email: in.Email}
	item, err := attributevalue.MarshalMap(u)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	record := map[string]types.AttributeValue{
		"id":     &types.AttributeValueMemberS{Value: idemPrefix + idem},
		"userId": &types.AttributeValueMemberS{Value: u.ID},
	}
	_, err = db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{
		TransactItems: []types.TransactWriteItem{
			{Put: &types.Put{TableName: aws.String(table), Item: item, ConditionExpression: aws.String("attribute_not_exists(id)")}},
			{Put: &types.Put{TableName: aws.String(table), Item: record, ConditionExpression: aws.String("attribute_not_exists(id)")}},
		},
	})
	var tce *types.TransactionCanceledException
	if errors.As(err, &tce) && len(tce.CancellationReasons) == 2 && aws.ToString(tce.CancellationReasons[1].Code) == "ConditionalCheckFailed" {
		// A retry: answer with the user the first request created.
		out, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: key(idemPrefix + idem), ConsistentRead: aws.Bool(true)})
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		var rec struct {
			UserID string `dynamodbav:"userId"`
		}
		if err := attributevalue.UnmarshalMap(out.Item, &rec); err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		prev, found, err := get(ctx, rec.UserID)
		if err != nil {
			return events.APIGatewayProxyResponse{}, err
		}
		if !found {
			return reply(409, msg("this Idempotency-Key was used for a user that has since been deleted"))
		}
		return reply(201, prev)
	}
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return reply(201, u)
}

func get(ctx context.Context, id string) (User, bool, error) {
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: key(id), ConsistentRead: aws.Bool(true)})
	if err != nil || out.Item == nil {
		return User{}, false, err
	}
	var u User
	err = attributevalue.UnmarshalMap(out.Item, &u)
	return u, err == nil, err
}

func msg(s string) map[string]string { return map[string]string{"message": s} }

func reply(status int, v any) (events.APIGatewayProxyResponse, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	return events.APIGatewayProxyResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(b)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	lambda.Start(handler)
}
