package lambda

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// runtimeAPI is the guest's view of the host: the learnsls ABI under
// GOOS=wasip1 (abi_wasip1.go), a fake in tests.
type runtimeAPI interface {
	// next blocks until an invocation arrives; ok is false when the
	// environment is shutting down.
	next() (meta, payload []byte, ok bool)
	respond(response []byte)
	fail(errorJSON []byte)
}

// invocationMeta is the metadata JSON of ABI.md.
type invocationMeta struct {
	RequestID             string `json:"requestId"`
	DeadlineMs            int64  `json:"deadlineMs"`
	InvokedFunctionArn    string `json:"invokedFunctionArn"`
	TraceID               string `json:"traceId"`
	ClientContext         string `json:"clientContext,omitempty"`
	CognitoIdentityID     string `json:"cognitoIdentityId,omitempty"`
	CognitoIdentityPoolID string `json:"cognitoIdentityPoolId,omitempty"`
	TenantID              string `json:"tenantId,omitempty"`
}

// errPanicked ends the loop after a handler panic: the process must exit so
// the next invocation gets a fresh environment, as on Lambda.
var errPanicked = errors.New("calling the handler function resulted in a panic, the process should exit")

// runLoop serves invocations until the host shuts the environment down.
func runLoop(rt runtimeAPI, h *handlerOptions) error {
	for {
		meta, payload, ok := rt.next()
		if !ok {
			return nil
		}
		if err := handleInvoke(rt, h, meta, payload); err != nil {
			return err
		}
	}
}

func handleInvoke(rt runtimeAPI, h *handlerOptions, metaJSON, payload []byte) error {
	var meta invocationMeta
	if err := json.Unmarshal(metaJSON, &meta); err != nil {
		reportFailure(rt, errorResponse(fmt.Errorf("failed to parse invocation metadata: %v", err)))
		return nil
	}
	ctx, cancel := context.WithDeadline(h.baseContext, time.UnixMilli(meta.DeadlineMs))
	defer cancel()

	lc := lambdacontext.LambdaContext{
		AwsRequestID:       meta.RequestID,
		InvokedFunctionArn: meta.InvokedFunctionArn,
		TenantID:           meta.TenantID,
		Identity: lambdacontext.CognitoIdentity{
			CognitoIdentityID:     meta.CognitoIdentityID,
			CognitoIdentityPoolID: meta.CognitoIdentityPoolID,
		},
	}
	if meta.ClientContext != "" {
		if err := json.Unmarshal([]byte(meta.ClientContext), &lc.ClientContext); err != nil {
			reportFailure(rt, errorResponse(fmt.Errorf("failed to unmarshal client context json: %v", err)))
			return nil
		}
	}
	ctx = lambdacontext.NewContext(ctx, &lc)
	os.Setenv("_X_AMZN_TRACE_ID", meta.TraceID)
	ctx = context.WithValue(ctx, "x-amzn-trace-id", meta.TraceID) //nolint:staticcheck // key kept from aws-lambda-go

	response, failure, panicked := callHandler(ctx, h, payload)
	if failure != nil {
		reportFailure(rt, *failure)
		if panicked {
			return errPanicked
		}
		return nil
	}
	rt.respond(response)
	return nil
}

func callHandler(ctx context.Context, h *handlerOptions, payload []byte) (response []byte, failure *errorRecord, panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			r := panicResponse(v)
			response, failure, panicked = nil, &r, true
		}
	}()
	response, err := h.invoke(ctx, payload)
	if err != nil {
		r := errorResponse(err)
		return nil, &r, false
	}
	return response, nil, false
}

// reportFailure logs the error record, as aws-lambda-go does, and posts it.
func reportFailure(rt runtimeAPI, r errorRecord) {
	b := marshalError(r)
	log.Printf("%s", b)
	rt.fail(b)
}
