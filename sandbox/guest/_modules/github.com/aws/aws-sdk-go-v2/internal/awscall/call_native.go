//go:build !wasip1

package awscall

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
)

// Transport carries calls when the guest SDK is built for the host (tests).
type Transport func(ctx context.Context, service, operation string, request []byte) (status int, body []byte, err error)

var (
	transportMu sync.Mutex
	transport   Transport = envTransport
)

// SetTransport replaces the transport used outside wasip1 and returns a
// function that restores the previous one. It exists for tests; inside
// learnsls the host function is always used.
func SetTransport(t Transport) (restore func()) {
	transportMu.Lock()
	defer transportMu.Unlock()
	prev := transport
	transport = t
	return func() {
		transportMu.Lock()
		defer transportMu.Unlock()
		transport = prev
	}
}

func call(ctx context.Context, service, operation string, request []byte) (int, []byte, error) {
	transportMu.Lock()
	t := transport
	transportMu.Unlock()
	return t(ctx, service, operation, request)
}

// EnvURL names the environment variable envTransport posts calls to. A
// natively built guest program (outside the sandbox) has no host function,
// so host-side tests run an HTTP server and point this variable at it;
// each call is POSTed with its service and operation in the
// X-Learnsls-Service and X-Learnsls-Operation headers.
const EnvURL = "LEARNSLS_AWSCALL_URL"

func envTransport(ctx context.Context, service, operation string, request []byte) (int, []byte, error) {
	url := os.Getenv(EnvURL)
	if url == "" {
		return 0, nil, errors.New("aws call: no learnsls host (this SDK only talks to AWS services from inside learnsls; set " + EnvURL + " to test it natively)")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(request))
	if err != nil {
		return 0, nil, fmt.Errorf("aws call: %w", err)
	}
	req.Header.Set("X-Learnsls-Service", service)
	req.Header.Set("X-Learnsls-Operation", operation)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("aws call: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, fmt.Errorf("aws call: read response: %w", err)
	}
	return resp.StatusCode, body, nil
}
