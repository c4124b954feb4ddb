package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"regexp"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// alertAtC is the temperature, in °C, from which an alert is raised.
const alertAtC = 35.0

var (
	db       *dynamodb.Client
	queue    *sqs.Client
	topic    *sns.Client
	validZip = regexp.MustCompile(`^[0-9]{5}$`)

	weatherTable = os.Getenv("WEATHER_TABLE")
	prefsTable   = os.Getenv("PREFERENCES_TABLE")
	queueURL     = os.Getenv("ANALYTICS_QUEUE_URL")
	topicARN     = os.Getenv("ALERTS_TOPIC_ARN")
)

// Reply is the API's answer.
type Reply struct {
	Zip         string  `json:"zip"`
	Temperature float64 `json:"temperature"`
	Unit        string  `json:"unit"` // "C" or "F"
	Alert       bool    `json:"alert"`
}

func toFahrenheit(c float64) float64 { return math.Round((c*9/5+32)*10) / 10 }

func handler(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	zip := req.PathParameters["zip"]
	if !validZip.MatchString(zip) {
		return reply(400, map[string]string{"message": "zip must be five digits"})
	}
	w, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String(weatherTable),
		Key:       map[string]types.AttributeValue{"zip": &types.AttributeValueMemberS{Value: zip}},
	})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if w.Item == nil {
		return reply(404, map[string]string{"message": "no weather for " + zip})
	}
	var weather struct {
		TempC float64 `dynamodbav:"tempC"`
	}
	if err := attributevalue.UnmarshalMap(w.Item, &weather); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	user := ""
	if a := req.RequestContext.Authorizer; a != nil && a.JWT != nil {
		user = a.JWT.Claims["sub"]
	}
	unit := "C"
	if user != "" {
		p, err := db.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String(prefsTable),
			Key:       map[string]types.AttributeValue{"userId": &types.AttributeValueMemberS{Value: user}},
		})
		if err != nil {
			return events.APIGatewayV2HTTPResponse{}, err
		}
		if u, ok := p.Item["unit"].(*types.AttributeValueMemberS); ok && u.Value == "F" {
			unit = "F"
		}
	}
	r := Reply{Zip: zip, Temperature: weather.TempC, Unit: "C", Alert: weather.TempC >= alertAtC}
	if unit == "F" {
		r.Temperature, r.Unit = toFahrenheit(weather.TempC), "F"
	}
	analytics, _ := json.Marshal(map[string]string{"user": user, "zip": zip})
	if _, err := queue.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(queueURL), MessageBody: aws.String(string(analytics))}); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if r.Alert {
		alert, _ := json.Marshal(map[string]any{"zip": zip, "temperatureC": weather.TempC})
		if _, err := topic.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(topicARN), Subject: aws.String("High temperature"), Message: aws.String(string(alert))}); err != nil {
			return events.APIGatewayV2HTTPResponse{}, err
		}
	}
	return reply(200, r)
}

func reply(status int, v any) (events.APIGatewayV2HTTPResponse, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Headers: map[string]string{"Content-Type": "application/json"}, Body: string(b)}, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	db = dynamodb.NewFromConfig(cfg)
	queue = sqs.NewFromConfig(cfg)
	topic = sns.NewFromConfig(cfg)
	lambda.Start(handler)
}
