package sqs

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// TargetPrefix is the X-Amz-Target prefix of SQS's JSON protocol.
const TargetPrefix = "AmazonSQS."

// ServeHTTP is the HTTP door: POST with X-Amz-Target AmazonSQS.<Op> and an
// AWS JSON 1.0 body, as aws-sdk-go-v2's sqs client sends. Credentials are
// not checked. Errors carry x-amzn-query-error, which SDKs use for the
// query-compatible error code.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	if r.Method != http.MethodPost || !strings.HasPrefix(target, TargetPrefix) {
		writeHTTP(w, http.StatusBadRequest, []byte(`{"__type":"com.amazonaws.sqs#UnsupportedOperation","message":"POST an AWS JSON 1.0 request with X-Amz-Target: AmazonSQS.<Operation>"}`))
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 2<<20))
	if err != nil {
		writeHTTP(w, http.StatusBadRequest, []byte(`{"__type":"com.amazonaws.sqs#InvalidRequest","message":"could not read the request body"}`))
		return
	}
	st, resp := s.Call(r.Context(), target[len(TargetPrefix):], body)
	if st >= 400 {
		var e struct {
			Type string `json:"__type"`
		}
		if json.Unmarshal(resp, &e) == nil {
			typ := strings.TrimPrefix(e.Type, "com.amazonaws.sqs#")
			w.Header().Set("x-amzn-query-error", queryCode(typ)+";Sender")
		}
	}
	writeHTTP(w, st, resp)
}

func writeHTTP(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
	w.WriteHeader(status)
	w.Write(body)
}

// queryCode maps a JSON error type to the query protocol's code.
func queryCode(typ string) string {
	switch typ {
	case "QueueDoesNotExist":
		return "AWS.SimpleQueueService.NonExistentQueue"
	case "QueueNameExists":
		return "QueueAlreadyExists"
	case "EmptyBatchRequest", "TooManyEntriesInBatchRequest", "BatchEntryIdsNotDistinct", "BatchRequestTooLong",
		"InvalidBatchEntryId", "MessageNotInflight", "UnsupportedOperation":
		return "AWS.SimpleQueueService." + typ
	}
	return typ
}
