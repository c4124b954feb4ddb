package guest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	ddbsim "github.com/learnsls/learnsls/sandbox/dynamodb"
)

// sdkNewDynamoDB returns a fresh simulated DynamoDB on a fixed clock, so
// two instances given the same calls answer identically.
func sdkNewDynamoDB() *ddbsim.Service {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return ddbsim.New(ddbsim.Options{Clock: func() time.Time { return at }})
}

// sdkAWSCallDoor serves the native guest transport's calls (POST with
// X-Learnsls-Service and X-Learnsls-Operation) from the simulator's
// in-process door, as the sandbox's aws_call does inside learnsls.
func sdkAWSCallDoor(t *testing.T, sim *ddbsim.Service) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if svc := r.Header.Get("X-Learnsls-Service"); svc != "dynamodb" {
			w.WriteHeader(400)
			_, _ = io.WriteString(w, `{"__type":"UnknownServiceException","message":"service `+svc+`"}`)
			return
		}
		status, resp := sim.Call(r.Context(), r.Header.Get("X-Learnsls-Operation"), body)
		w.WriteHeader(status)
		_, _ = w.Write(resp)
	})
}

// TestSDKAgainstSimulatedDynamoDB runs one learner-like scenario (tables,
// conditional writes, expressions, paginated queries, transactions,
// batches, PartiQL, errors) twice against fresh simulated DynamoDBs: with
// the real aws-sdk-go-v2 over the simulator's HTTP door, and with the guest
// SDK over its in-process door (the path aws_call takes). Every
// observation must be the same.
func TestSDKAgainstSimulatedDynamoDB(t *testing.T) {
	guest, _ := sdkGuest(t)
	srv := httptest.NewServer(sdkNewDynamoDB())
	defer srv.Close()
	c := dynamodb.NewFromConfig(aws.Config{Region: "us-east-1", Credentials: sdkRealCreds, RetryMaxAttempts: 1},
		func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(srv.URL) })
	real := sdkE2E(context.Background(), c)
	var got []json.RawMessage
	if err := json.Unmarshal(guest.E2E, &got); err != nil {
		t.Fatalf("guest e2e output: %v\n%s", err, guest.E2E)
	}
	if len(got) != len(real) {
		t.Fatalf("guest made %d observations, real SDK %d", len(got), len(real))
	}
	failures := 0
	for i := range real {
		want, err := json.Marshal(real[i])
		if err != nil {
			t.Fatal(err)
		}
		if !sdkJSONEqual(t, want, got[i]) {
			t.Errorf("observation %d differs\nreal:  %s\nguest: %s", i, want, got[i])
			failures++
		}
	}
	// The scenario must exercise the simulator, not just fail early.
	var errs int
	for _, o := range real {
		if o.(map[string]any)["err"] != nil {
			errs++
		}
	}
	if errs < 5 || errs > 7 {
		t.Errorf("scenario saw %d errors, want the 6 it provokes: %v", errs, real)
	}
}
