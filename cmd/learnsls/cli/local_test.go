package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// startLocal runs `learnsls local` on a free port and returns its endpoint
// and a function that stops it and returns the exit code.
func startLocal(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- runLocal(ctx, Env{Args: append([]string{"--addr", "127.0.0.1:0"}, args...), Stdout: pw, Stderr: pw})
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var endpoint string
	for sc.Scan() {
		line := sc.Text()
		if _, rest, ok := strings.Cut(line, "--endpoint-url "); ok {
			endpoint = rest
			break
		}
	}
	if endpoint == "" {
		t.Fatal("no endpoint printed")
	}
	go io.Copy(io.Discard, pr)
	return endpoint, func() int {
		cancel()
		select {
		case c := <-code:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("local did not stop")
			return -1
		}
	}
}

func localClient(endpoint string) *dynamodb.Client {
	return dynamodb.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("a", "b", ""), RetryMaxAttempts: 1},
		func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(endpoint) })
}

func TestLocalPersistsWithData(t *testing.T) {
	dir := t.TempDir()
	endpoint, stop := startLocal(t, "--data", dir)
	ctx := context.Background()
	c := localClient(endpoint)
	_, err := c.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName: aws.String("Notes"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("Notes"), Item: map[string]types.AttributeValue{
		"id": &types.AttributeValueMemberS{Value: "n1"}}}); err != nil {
		t.Fatal(err)
	}
	if code := stop(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "dynamodb.json")); err != nil {
		t.Fatal(err)
	}
	endpoint, stop = startLocal(t, "--data", dir)
	defer stop()
	out, err := localClient(endpoint).GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("Notes"),
		Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "n1"}}})
	if err != nil || out.Item == nil {
		t.Fatalf("item not restored: %v", err)
	}
}

func TestLocalBadFlag(t *testing.T) {
	var stderr strings.Builder
	if code := runLocal(context.Background(), Env{Args: []string{"--nope"}, Stdout: io.Discard, Stderr: &stderr}); code != 2 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr.String(), "Usage: learnsls local") {
		t.Fatalf("stderr %q", stderr.String())
	}
}

// TestLocalSharesConnections sends DynamoDB (fast path), SQS and a health
// check (both through the router) over one keep-alive client, so a
// connection moves from the fast path to net/http mid-way.
func TestLocalSharesConnections(t *testing.T) {
	endpoint, stop := startLocal(t)
	defer stop()
	ctx := context.Background()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("a", "b", ""), RetryMaxAttempts: 1, HTTPClient: hc}
	ddb := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(endpoint) })
	queues := sqs.NewFromConfig(cfg, func(o *sqs.Options) { o.BaseEndpoint = aws.String(endpoint) })
	for i := range 3 {
		if _, err := ddb.ListTables(ctx, &dynamodb.ListTablesInput{}); err != nil {
			t.Fatalf("round %d: ListTables: %v", i, err)
		}
		if _, err := queues.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("q")}); err != nil {
			t.Fatalf("round %d: CreateQueue: %v", i, err)
		}
		resp, err := hc.Get(endpoint + "/")
		if err != nil {
			t.Fatalf("round %d: health check: %v", i, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.HasPrefix(string(body), "healthy: dynamodb.us-east-1") {
			t.Fatalf("round %d: health check answered %q", i, body)
		}
	}
}
