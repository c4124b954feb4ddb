package dynamodb

import (
	"context"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
)

// Target prefixes of the two JSON protocols the HTTP door speaks; a
// front door serving several services routes on them.
const (
	TargetPrefix        = "DynamoDB_20120810."
	StreamsTargetPrefix = "DynamoDBStreams_20120810."
)

// maxBody bounds a request body (BatchWriteItem may carry 16 MB).
const maxBody = 17 << 20

// ServeHTTP is the HTTP door: POST with X-Amz-Target
// DynamoDB_20120810.<Op> or DynamoDBStreams_20120810.<Op> and a JSON 1.0
// body. Any credentials and signature are accepted, as DynamoDB Local
// does. Responses carry x-amzn-RequestId and x-amz-crc32 like DynamoDB's.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path == "/" {
		// DynamoDB answers health checks on GET /.
		w.Write([]byte("healthy: dynamodb." + s.region + ".amazonaws.com "))
		return
	}
	var status int
	var resp []byte
	target := r.Header.Get("X-Amz-Target")
	if r.Method != http.MethodPost {
		status, resp = encodeError(&Error{Type: "UnknownOperationException", Status: 400})
		writeResponse(w, status, resp)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		status, resp = encodeError(serialization("could not read the request body"))
		writeResponse(w, status, resp)
		return
	}
	status, resp = s.CallTarget(r.Context(), target, body)
	writeResponse(w, status, resp)
}

// CallTarget dispatches on a full X-Amz-Target value.
func (s *Service) CallTarget(ctx context.Context, target string, body []byte) (int, []byte) {
	switch {
	case strings.HasPrefix(target, TargetPrefix):
		return s.Call(ctx, target[len(TargetPrefix):], body)
	case strings.HasPrefix(target, StreamsTargetPrefix):
		return s.CallStreams(ctx, target[len(StreamsTargetPrefix):], body)
	}
	return encodeError(&Error{Type: "UnknownOperationException", Status: 400})
}

const requestIDChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// newRequestID makes an ID shaped like DynamoDB's (52 upper-case letters
// and digits).
func newRequestID() string {
	var b [52]byte
	for i := range b {
		b[i] = requestIDChars[rand.IntN(len(requestIDChars))]
	}
	return string(b[:])
}

func writeResponse(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/x-amz-json-1.0")
	h.Set("X-Amzn-Requestid", newRequestID())
	h.Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
