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
	if err := parseMeta(metaJSON, &meta); err != nil {
		reportFailure(rt, errorResponse(fmt.Errorf("failed to parse invocation metadata: %v", err)))
		return nil
	}
	// The client context is checked for every handler, as aws-lambda-go
	// does, even one that cannot see it.
	var clientContext lambdacontext.ClientContext
	if meta.ClientContext != "" {
		if err := json.Unmarshal([]byte(meta.ClientContext), &clientContext); err != nil {
			reportFailure(rt, errorResponse(fmt.Errorf("failed to unmarshal client context json: %v", err)))
			return nil
		}
	}
	os.Setenv("_X_AMZN_TRACE_ID", meta.TraceID)
	ctx := h.baseContext
	if !h.noContext {
		var cancel context.CancelFunc
		ctx, cancel = withDeadline(h.baseContext, time.UnixMilli(meta.DeadlineMs))
		defer cancel()
		dc, _ := ctx.(*deadlineContext)

		lc := lambdacontext.LambdaContext{
			AwsRequestID:       meta.RequestID,
			InvokedFunctionArn: meta.InvokedFunctionArn,
			TenantID:           meta.TenantID,
			Identity: lambdacontext.CognitoIdentity{
				CognitoIdentityID:     meta.CognitoIdentityID,
				CognitoIdentityPoolID: meta.CognitoIdentityPoolID,
			},
			ClientContext: clientContext,
		}
		ctx = lambdacontext.NewContext(ctx, &lc)
		if dc != nil {
			// The deadline context answers for the trace ID key itself: the
			// same lookups as a WithValue here, one context fewer to build.
			dc.traceID, dc.traced = meta.TraceID, true
		} else {
			ctx = context.WithValue(ctx, traceIDKey, meta.TraceID) //nolint:staticcheck // key kept from aws-lambda-go
		}
	}

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

// parseMeta decodes the invocation metadata. The host writes a flat object
// of strings and integers; this scanner handles that shape without
// reflection (encoding/json costs more than the rest of an invocation in
// WebAssembly) and falls back to encoding/json for anything else, such as
// escaped strings.
func parseMeta(b []byte, m *invocationMeta) error {
	if fastParseMeta(b, m) {
		return nil
	}
	*m = invocationMeta{}
	return json.Unmarshal(b, m)
}

func fastParseMeta(raw []byte, m *invocationMeta) bool {
	// One string for the whole object: the fields are slices of it, so a
	// parse costs one allocation (each is about 1 µs in WebAssembly).
	b := string(raw)
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return false
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return skipSpace(b, i+1) == len(b)
	}
	for {
		key, next, ok := rawString(b, i)
		if !ok {
			return false
		}
		i = skipSpace(b, next)
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return false
		}
		if b[i] == '"' {
			val, next, ok := rawString(b, i)
			if !ok {
				return false
			}
			switch key {
			case "requestId":
				m.RequestID = val
			case "invokedFunctionArn":
				m.InvokedFunctionArn = val
			case "traceId":
				m.TraceID = val
			case "clientContext":
				m.ClientContext = val
			case "cognitoIdentityId":
				m.CognitoIdentityID = val
			case "cognitoIdentityPoolId":
				m.CognitoIdentityPoolID = val
			case "tenantId":
				m.TenantID = val
			default:
				// encoding/json matches keys case-insensitively; let it.
				return false
			}
			i = next
		} else {
			if key != "deadlineMs" {
				return false
			}
			neg := b[i] == '-'
			if neg {
				i++
			}
			digits := i
			var n int64
			for i < len(b) && b[i] >= '0' && b[i] <= '9' {
				if i-digits >= 18 {
					return false // may overflow: encoding/json decides
				}
				n = n*10 + int64(b[i]-'0')
				i++
			}
			if i == digits || (b[digits] == '0' && i-digits > 1) {
				return false // no digits, or a leading zero: not JSON
			}
			if neg {
				n = -n
			}
			m.DeadlineMs = n
		}
		i = skipSpace(b, i)
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case ',':
			i = skipSpace(b, i+1)
		case '}':
			return skipSpace(b, i+1) == len(b)
		default:
			return false
		}
	}
}

// rawString reads a plain-ASCII JSON string without escapes starting at b[i] == '"'.
func rawString(b string, i int) (s string, next int, ok bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	j := i + 1
	// Eight bytes at a time while none of them ends the string or needs
	// a closer look: under WebAssembly every loop iteration pays the
	// host's termination check at its header (a countdown when compiled,
	// an exit check when interpreted), so byte-at-a-time scanning was most
	// of the metadata's cost.
	for ; j+8 <= len(b); j += 8 {
		x := uint64(b[j]) | uint64(b[j+1])<<8 | uint64(b[j+2])<<16 | uint64(b[j+3])<<24 |
			uint64(b[j+4])<<32 | uint64(b[j+5])<<40 | uint64(b[j+6])<<48 | uint64(b[j+7])<<56
		if hasZeroByte(x^(lsb*'"'))|hasZeroByte(x^(lsb*'\\'))|hasByteBelow(x, 0x20)|x&msb != 0 {
			break
		}
	}
	for ; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			return b[i+1 : j], j + 1, true
		case c == '\\' || c < 0x20 || c >= 0x80:
			// Escapes, control and non-ASCII bytes: encoding/json decides.
			return "", 0, false
		}
	}
	return "", 0, false
}

const (
	lsb uint64 = 0x0101010101010101
	msb uint64 = 0x8080808080808080
)

// hasZeroByte is non-zero if any byte of x is zero (exact as a test for
// presence).
func hasZeroByte(x uint64) uint64 { return (x - lsb) & ^x & msb }

// hasByteBelow is non-zero if any byte of x is below n (n <= 128); exact
// as a test for presence.
func hasByteBelow(x uint64, n byte) uint64 { return (x - lsb*uint64(n)) & ^x & msb }

func skipSpace(b string, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}
