package dynamodb

import (
	"context"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
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
	bp := bodyPool.Get().(*[]byte)
	defer bodyPool.Put(bp)
	body, err := readBody(r, *bp)
	if err != nil {
		status, resp = encodeError(serialization("could not read the request body"))
		writeResponse(w, status, resp)
		return
	}
	if cap(body) <= keepBodyCap {
		*bp = body[:0]
	}
	// The decoders copy what they keep, so the buffer can be reused.
	status, resp = s.CallTarget(r.Context(), target, body)
	writeResponse(w, status, resp)
}

// bodyPool holds request body buffers between requests.
var bodyPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// readBody reads the request body into buf, sized from Content-Length
// when known.
func readBody(r *http.Request, buf []byte) ([]byte, error) {
	if n := r.ContentLength; n >= 0 && n <= maxBody {
		if int64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		_, err := io.ReadFull(r.Body, buf)
		return buf, err
	}
	return io.ReadAll(io.LimitReader(r.Body, maxBody))
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
	x := rand.Uint64()
	for i := range b {
		if i%12 == 0 { // 12 base-36 digits per 64 random bits
			x = rand.Uint64()
		}
		b[i] = requestIDChars[x%36]
		x /= 36
	}
	return string(b[:])
}

// jsonContentType is shared by every response; net/http only reads it.
var jsonContentType = []string{"application/x-amz-json-1.0"}

func writeResponse(w http.ResponseWriter, status int, body []byte) {
	// Keys are already canonical, so the map is written directly.
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["X-Amzn-Requestid"] = []string{newRequestID()}
	h["X-Amz-Crc32"] = []string{strconv.FormatUint(uint64(crc32.ChecksumIEEE(body)), 10)}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	w.Write(body)
}
