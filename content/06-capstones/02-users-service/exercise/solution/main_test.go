package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

func TestUserJSON(t *testing.T) {
	b, err := json.Marshal(User{ID: "u-1", Name: "Ada", Email: "ada@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"u-1","name":"Ada","email":"ada@example.com"}`; string(b) != want {
		t.Errorf("User as JSON = %s, want %s", b, want)
	}
}

func TestParseInput(t *testing.T) {
	tests := []struct {
		name, body string
		ok         bool
	}{
		{"valid", `{"name":"Ada","email":"ada@example.com"}`, true},
		{"100 characters", `{"name":"` + strings.Repeat("é", 100) + `","email":"a@b.co"}`, true},
		{"101 characters", `{"name":"` + strings.Repeat("a", 101) + `","email":"a@b.co"}`, false},
		{"empty name", `{"name":"","email":"ada@example.com"}`, false},
		{"blank name", `{"name":"   ","email":"ada@example.com"}`, false},
		{"email without @", `{"name":"Ada","email":"ada.example.com"}`, false},
		{"email without domain", `{"name":"Ada","email":"ada@example"}`, false},
		{"not JSON", `name=Ada`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseInput(tt.body)
			if (err == nil) != tt.ok {
				t.Errorf("parseInput(%s) error = %v, want ok=%v", tt.body, err, tt.ok)
			}
		})
	}
}

// The handler answers 400 before it touches the table, so these need no DynamoDB.
func TestCreateRejectsBadRequests(t *testing.T) {
	tests := []struct {
		name    string
		headers map[string]string
		body    string
	}{
		{"no Idempotency-Key", nil, `{"name":"Ada","email":"ada@example.com"}`},
		{"invalid body", map[string]string{"Idempotency-Key": "k-1"}, `{"name":"","email":"ada@example.com"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := events.APIGatewayProxyRequest{HTTPMethod: "POST", Resource: "/users", Headers: tt.headers, Body: tt.body}
			resp, err := handler(context.Background(), req)
			if err != nil || resp.StatusCode != 400 {
				t.Errorf("status %d, error %v; want 400", resp.StatusCode, err)
			}
		})
	}
}

func TestIdempotencyRecordsAreNotUsers(t *testing.T) {
	req := events.APIGatewayProxyRequest{HTTPMethod: "GET", Resource: "/users/{id}", PathParameters: map[string]string{"id": "idem#k-1"}}
	resp, err := handler(context.Background(), req)
	if err != nil || resp.StatusCode != 404 {
		t.Errorf("status %d, error %v; want 404", resp.StatusCode, err)
	}
}
