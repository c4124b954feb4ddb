package dynamodb

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ddb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The conformance scenarios also run through FastServer.
func init() {
	doors = append(doors, door{"fasthttp", func(t *testing.T, svc *Service) (string, aws.HTTPClient) {
		url := startFast(t, NewFastServer(svc, nil))
		return url, &http.Client{Transport: &http.Transport{}}
	}})
}

// startFast serves fs on a loopback port until the test ends.
func startFast(t testing.TB, fs *FastServer) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- fs.Serve(ln) }()
	t.Cleanup(func() {
		fs.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve returned %v, want http.ErrServerClosed", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// rawPost is a request as the SDK sends it.
func rawPost(op, body string) string {
	return "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: " + TargetPrefix + op +
		"\r\nContent-Type: application/x-amz-json-1.0\r\nAuthorization: AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body
}

func exchange(t *testing.T, c net.Conn, br *bufio.Reader, req string) *http.Response {
	t.Helper()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		t.Fatal(err)
	}
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("read response to %q: %v", req, err)
		}
		if resp.StatusCode != http.StatusContinue {
			return resp
		}
	}
}

func readAll(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkHeaders checks the headers DynamoDB sends with every answer.
func checkHeaders(t *testing.T, r *http.Response, body string) {
	t.Helper()
	if got := r.Header.Get("Content-Type"); got != "application/x-amz-json-1.0" {
		t.Errorf("Content-Type = %q", got)
	}
	if got, want := r.Header.Get("X-Amz-Crc32"), strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(body))), 10); got != want {
		t.Errorf("X-Amz-Crc32 = %q, want %q", got, want)
	}
	if id := r.Header.Get("X-Amzn-Requestid"); len(id) != 52 || strings.Trim(id, requestIDChars) != "" {
		t.Errorf("X-Amzn-Requestid = %q, want 52 upper-case letters and digits", id)
	}
	if r.ContentLength != int64(len(body)) {
		t.Errorf("Content-Length = %d, body has %d bytes", r.ContentLength, len(body))
	}
	if _, err := http.ParseTime(r.Header.Get("Date")); err != nil {
		t.Errorf("Date: %v", err)
	}
}

// TestFastServerMatchesServeHTTP sends the same requests to the net/http
// door and to FastServer (each with its own fresh service) and expects
// the same status and body.
func TestFastServerMatchesServeHTTP(t *testing.T) {
	clock := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	slow := httptest.NewServer(New(Options{Clock: clock}))
	defer slow.Close()
	fast := startFast(t, NewFastServer(New(Options{Clock: clock}), nil))
	steps := []struct {
		op, body string
		status   int // as net/http answers; checked so the test cannot pass on errors alone
	}{
		{"GetItem", `{"TableName":"tbl","Key":{"pk":{"S":"a"}}}`, 400},
		{"CreateTable", `{"TableName":"tbl","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}`, 200},
		{"PutItem", `{"TableName":"tbl","Item":{"pk":{"S":"a"},"n":{"N":"1.50"},"l":{"L":[{"BOOL":true},{"NULL":true}]}}}`, 200},
		{"GetItem", `{"TableName":"tbl","Key":{"pk":{"S":"a"}}}`, 200},
		{"GetItem", `{"TableName":"tbl","Key":{"pk":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}`, 200},
		{"Query", `{"TableName":"tbl","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"a"}}}`, 200},
		{"PutItem", `{"TableName":"tbl","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)"}`, 400},
		{"GetItem", `{"TableName":`, 400},
		{"GetItem", ``, 400},
		{"NoSuchOperation", `{}`, 400},
		{"DescribeTable", `{"TableName":"tbl"}`, 200},
		{"Scan", `{"TableName":"tbl","Limit":1}`, 200},
	}
	dial := func(url string) (net.Conn, *bufio.Reader) {
		c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c, bufio.NewReader(c)
	}
	sc, sbr := dial(slow.URL)
	fc, fbr := dial(fast)
	for i, s := range steps {
		want := exchange(t, sc, sbr, rawPost(s.op, s.body))
		wantBody := readAll(t, want)
		if want.StatusCode != s.status {
			t.Errorf("step %d %s: net/http answered %d %s, the test expects %d", i, s.op, want.StatusCode, wantBody, s.status)
		}
		got := exchange(t, fc, fbr, rawPost(s.op, s.body))
		gotBody := readAll(t, got)
		if got.StatusCode != want.StatusCode || gotBody != wantBody {
			t.Errorf("step %d %s: fast answered %d %s\nnet/http answered %d %s", i, s.op, got.StatusCode, gotBody, want.StatusCode, wantBody)
		}
		checkHeaders(t, got, gotBody)
	}
}

// TestFastServerHandsOff checks that requests outside the fast shape are
// served by the fallback, on the same connection as fast ones.
func TestFastServerHandsOff(t *testing.T) {
	svc := New(Options{})
	other := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("X-Amz-Target"), "AWSEvents.") {
			body, _ := io.ReadAll(r.Body)
			fmt.Fprintf(w, "events got %q", body)
			return
		}
		svc.ServeHTTP(w, r)
	})
	url := startFast(t, NewFastServer(svc, other))
	const list = `{"TableNames":[]}`
	cases := []struct {
		name, req, want string
	}{
		{"health check", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "healthy: dynamodb.us-east-1.amazonaws.com "},
		{"other service", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSEvents.PutEvents\r\nContent-Length: 2\r\n\r\n{}", `events got "{}"`},
		{"chunked body", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", list},
		{"expect continue", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}", list},
		{"bare LF", "POST / HTTP/1.1\nHost: x\nX-Amz-Target: DynamoDB_20120810.ListTables\nContent-Length: 2\n\n{}", list},
		{"HTTP/1.0", "POST / HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 2\r\n\r\n{}", list},
		{"folded header", "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Note: a\r\n b\r\nContent-Length: 2\r\n\r\n{}", list},
		{"no target", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}", `{"__type":"com.amazon.coral.service#UnknownOperationException","message":""}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			br := bufio.NewReader(c)
			// A fast request first, so the hand-off happens mid-connection,
			// then the odd one, then a fast-shaped one (now on net/http).
			for i, req := range []string{rawPost("ListTables", "{}"), tc.req, rawPost("ListTables", "{}")} {
				r := exchange(t, c, br, req)
				body := readAll(t, r)
				want := list
				if i == 1 {
					want = tc.want
				}
				if body != want {
					t.Errorf("request %d: got %q, want %q", i, body, want)
				}
			}
		})
	}
}

// TestFastServerPipelined sends requests back to back before reading.
func TestFastServerPipelined(t *testing.T) {
	url := startFast(t, NewFastServer(New(Options{}), nil))
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	reqs := rawPost("ListTables", "{}") + rawPost("DescribeTable", `{"TableName":"nope"}`) + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
	if _, err := io.WriteString(c, reqs); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(c)
	for i, want := range []int{200, 400, 200} {
		r, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("response %d: %v", i, err)
		}
		readAll(t, r)
		if r.StatusCode != want {
			t.Errorf("response %d: status %d, want %d", i, r.StatusCode, want)
		}
	}
	if n, err := c.Read(make([]byte, 1)); err == nil {
		t.Errorf("connection still open after Connection: close (read %d bytes)", n)
	}
}

// TestFastServerConnectionClose honours Connection: close on the fast path.
func TestFastServerConnectionClose(t *testing.T) {
	url := startFast(t, NewFastServer(New(Options{}), nil))
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	br := bufio.NewReader(c)
	req := strings.Replace(rawPost("ListTables", "{}"), "Host: localhost\r\n", "Host: localhost\r\nConnection: close\r\n", 1)
	r := exchange(t, c, br, req)
	readAll(t, r)
	if !r.Close {
		t.Error("response does not say Connection: close")
	}
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("after the response: %v, want EOF", err)
	}
}

// TestFastServerShutdown closes idle connections and makes Serve return.
func TestFastServerShutdown(t *testing.T) {
	fs := NewFastServer(New(Options{}), nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- fs.Serve(ln) }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	br := bufio.NewReader(c)
	readAll(t, exchange(t, c, br, rawPost("ListTables", "{}")))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := fs.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v", err)
	}
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("idle connection after Shutdown: %v, want EOF", err)
	}
}

// FuzzParseHead checks that whatever the fast head parser accepts,
// net/http reads the same way.
func FuzzParseHead(f *testing.F) {
	for _, s := range []string{
		rawPost("GetItem", `{"TableName":"tbl"}`),
		"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nconnection: Keep-Alive, close\r\ncontent-length: 2\r\n\r\n{}",
		"POST /a?b HTTP/1.1\r\nhost: x\r\nx-amz-target: DynamoDB_20120810.Query\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
		"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target:\tDynamoDB_20120810.Scan \r\nContent-Length: 007\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		br := bufio.NewReaderSize(bytes.NewReader(data), fastBufSize)
		head, ok, err := peekHead(br)
		if err != nil || !ok {
			return
		}
		var h fastHead
		if !parseHead(head, &h) {
			return
		}
		req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			t.Fatalf("fast parser accepted %q; net/http: %v", head, err)
		}
		if req.Method != "POST" || req.ContentLength != int64(h.bodyLen) || req.Header.Get("X-Amz-Target") != string(h.target) || req.Close != h.close {
			t.Fatalf("fast parser read %q as length %d target %q close %v; net/http: %s length %d target %q close %v",
				head, h.bodyLen, h.target, h.close, req.Method, req.ContentLength, req.Header.Get("X-Amz-Target"), req.Close)
		}
	})
}

// BenchmarkHTTPDoor measures one GetItem over loopback HTTP through each
// stack, with a minimal keep-alive client, so the server's share shows.
func BenchmarkHTTPDoor(b *testing.B) {
	stacks := []struct {
		name  string
		start func(b *testing.B, svc *Service) string
	}{
		{"nethttp", func(b *testing.B, svc *Service) string {
			srv := httptest.NewServer(svc)
			b.Cleanup(srv.Close)
			return srv.URL
		}},
		{"fast", func(b *testing.B, svc *Service) string { return startFast(b, NewFastServer(svc, nil)) }},
	}
	for _, st := range stacks {
		b.Run(st.name, func(b *testing.B) {
			svc := New(Options{})
			url := st.start(b, svc)
			c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close()
			br := bufio.NewReader(c)
			call := func(op, body string) {
				if _, err := io.WriteString(c, rawPost(op, body)); err != nil {
					b.Fatal(err)
				}
				r, err := http.ReadResponse(br, nil)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, r.Body)
				if r.StatusCode != 200 {
					b.Fatalf("%s: status %d", op, r.StatusCode)
				}
			}
			call("CreateTable", `{"TableName":"tbl","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}`)
			call("PutItem", `{"TableName":"tbl","Item":{"pk":{"S":"a"},"name":{"S":"Ann Example"},"age":{"N":"42"}}}`)
			b.ReportAllocs()
			for b.Loop() {
				call("GetItem", `{"TableName":"tbl","Key":{"pk":{"S":"a"}}}`)
			}
		})
	}
}

// TestFastServerConcurrent drives the fast path from several SDK clients
// at once (run with -race to check the connection bookkeeping), then shuts
// down while their connections are still open.
func TestFastServerConcurrent(t *testing.T) {
	svc := New(Options{})
	fs := NewFastServer(svc, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- fs.Serve(ln) }()
	h := newHarness(t, door{"fast", func(*testing.T, *Service) (string, aws.HTTPClient) {
		return "http://" + ln.Addr().String(), &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	}})
	ctx := context.Background()
	if _, err := h.db.CreateTable(ctx, &ddb.CreateTableInput{
		TableName: aws.String("conc"), BillingMode: ddbtypes.BillingModePayPerRequest,
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}},
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
	}); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for w := range 8 {
		go func() {
			for i := range 50 {
				key := fmt.Sprintf("w%d-%d", w, i)
				if _, err := h.db.PutItem(ctx, &ddb.PutItemInput{TableName: aws.String("conc"), Item: map[string]ddbtypes.AttributeValue{
					"pk": &ddbtypes.AttributeValueMemberS{Value: key}}}); err != nil {
					errs <- err
					return
				}
				out, err := h.db.GetItem(ctx, &ddb.GetItemInput{TableName: aws.String("conc"), Key: map[string]ddbtypes.AttributeValue{
					"pk": &ddbtypes.AttributeValueMemberS{Value: key}}})
				if err != nil {
					errs <- err
					return
				}
				if out.Item == nil {
					errs <- fmt.Errorf("%s: item not found after PutItem", key)
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := fs.Shutdown(sctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve returned %v", err)
	}
}
