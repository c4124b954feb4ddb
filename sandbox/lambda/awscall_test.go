package lambda

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// recordingAWS answers aws_call like a tiny DynamoDB and records requests.
type recordingAWS struct {
	mu   sync.Mutex
	reqs []AWSRequest
}

func (r *recordingAWS) CallAWS(ctx context.Context, req AWSRequest) AWSResponse {
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.mu.Unlock()
	var in struct {
		TableName string
		Key       map[string]map[string]string
	}
	if err := json.Unmarshal(req.Body, &in); err != nil {
		return AWSResponse{Status: 400, Body: []byte(`{"__type":"com.amazon.coral.validate#ValidationException","message":"bad body"}`)}
	}
	if in.TableName != "Users" {
		return AWSResponse{Status: 400, Body: []byte(`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`)}
	}
	return AWSResponse{Status: 200, Body: []byte(`{"Item":{"id":{"S":"` + in.Key["id"]["S"] + `"},"name":{"S":"Ada"}}}`)}
}

func TestAWSCallThroughGuestSDK(t *testing.T) {
	aws := &recordingAWS{}
	s := newTestService(t, Options{AWS: aws})
	role := "arn:aws:iam::123456789012:role/reader"
	createFunction(t, s, FunctionConfig{Name: "reader", Role: role}, buildDir(t, "guests/awscall"))

	res := invoke(t, s, "reader", `{"table":"Users","id":"u1"}`)
	if string(res.Payload) != `"Ada"` {
		t.Fatalf("payload %s\nlogs:\n%s", res.Payload, res.Logs)
	}
	aws.mu.Lock()
	req := aws.reqs[0]
	aws.mu.Unlock()
	if req.Service != "dynamodb" || req.Operation != "GetItem" || req.Role != role || req.FunctionName != "reader" ||
		req.RequestID != res.RequestID || req.FunctionARN != "arn:aws:lambda:us-east-1:123456789012:function:reader" ||
		!strings.Contains(string(req.Body), `"TableName":"Users"`) {
		t.Errorf("request = %+v body %s", req, req.Body)
	}

	res = invoke(t, s, "reader", `{"table":"Missing","id":"u1"}`)
	if res.FunctionError != "Unhandled" || !strings.Contains(string(res.Payload), "ResourceNotFoundException") {
		t.Errorf("missing table: %s", res.Payload)
	}
}
