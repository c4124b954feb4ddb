package main

import (
	"context"
	"encoding/json"
	"os"
	"regexp"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
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

func handler(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	// TODO: validate the zip, read the temperature (WeatherTable: zip → tempC)
	// and the caller's unit (PreferencesTable: userId → unit), convert,
	// send {"user","zip"} to the analytics queue, publish an alert at 35 °C.
	body, _ := json.Marshal(map[string]string{"message": "not implemented"})
	return events.APIGatewayV2HTTPResponse{StatusCode: 501, Body: string(body)}, nil
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
