// Command ddbbench measures a DynamoDB-compatible HTTP endpoint with the
// real aws-sdk-go-v2 client (or, with -raw, plain HTTP POSTs), or with
// -serve serves learnsls's simulated DynamoDB in its own process, like
// the server it is compared with: through dynamodb.FastServer (default)
// or net/http (-stack nethttp). -serve -null answers with canned
// responses and does no work, which shows the client's own ceiling on
// the machine. run.sh drives all of them and dynalite in the same run.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	ddbsim "github.com/learnsls/learnsls/sandbox/dynamodb"
)

func main() {
	os.Exit(run())
}

func run() int {
	serve := flag.String("serve", "", "serve the simulated DynamoDB on this address instead of measuring")
	stack := flag.String("stack", "fast", "with -serve: the HTTP stack, fast (dynamodb.FastServer) or nethttp (net/http with Service.ServeHTTP)")
	null := flag.Bool("null", false, "with -serve: answer with canned responses and do no work (measures the client's own ceiling)")
	endpoint := flag.String("endpoint", "", "endpoint to measure, e.g. http://127.0.0.1:8000")
	label := flag.String("label", "server", "name printed with the results")
	duration := flag.Duration("duration", 10*time.Second, "how long to measure")
	warmup := flag.Duration("warmup", 2*time.Second, "how long to run the workload before measuring")
	serverPID := flag.Int("serverpid", 0, "process id of the server, to report its CPU time per operation (Linux /proc)")
	workers := flag.Int("workers", 16, "concurrent clients")
	items := flag.Int("items", 1000, "items seeded before measuring")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of this process here")
	memprofile := flag.String("memprofile", "", "write an allocation profile of this process here on exit")
	oneWrite := flag.Bool("onewrite", false, "give the SDK an HTTP client that sends each request's head and body in one write (net/http writes them separately for the SDK's body type)")
	gogc := flag.Int("gogc", 100, "client: the Go GC percentage (the SDK allocates a lot for each call and the heap is tiny, so at Go's default 100 the client spends a good part of its CPU collecting)")
	raw := flag.Bool("raw", false, "send the same operations as plain HTTP POSTs with fixed headers instead of through the SDK (a lighter client, to see more of the server's own speed)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if f, err := os.Create(*memprofile); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}()
	}
	if *serve != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if err := serveOn(ctx, *serve, *stack, *null); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if *endpoint == "" {
		fmt.Fprintln(os.Stderr, "ddbbench: -endpoint or -serve is required")
		return 2
	}
	debug.SetGCPercent(*gogc)
	res, err := measure(*endpoint, *warmup, *duration, *workers, *items, *raw, *oneWrite, *serverPID)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ddbbench %s: %v\n", *label, err)
		return 1
	}
	perOp := func(t time.Duration) float64 { return t.Seconds() * 1e6 / float64(res.ops) }
	fmt.Printf("%-10s workers=%-3d ops=%-8d ops/s=%-9.0f p50=%-9s p99=%-9s errors=%-4d client-cpu/op=%.1fus server-cpu/op=%.1fus\n",
		*label, *workers, res.ops, res.rate, res.p50, res.p99, res.errors, perOp(res.clientCPU), perOp(res.serverCPU))
	return 0
}

// serveOn serves learnsls's simulated DynamoDB (or, with null, canned
// answers) on addr until ctx ends.
func serveOn(ctx context.Context, addr, stack string, null bool) error {
	svc := ddbsim.New(ddbsim.Options{})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	type server interface {
		Serve(net.Listener) error
		Close() error
	}
	var srv server
	switch {
	case stack == "nethttp" && null:
		srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			status, resp := nullCall(r.Context(), r.Header.Get("X-Amz-Target"), body)
			h := w.Header()
			h["Content-Type"] = []string{"application/x-amz-json-1.0"}
			h["X-Amz-Crc32"] = []string{strconv.FormatUint(uint64(crc32.ChecksumIEEE(resp)), 10)}
			h["Content-Length"] = []string{strconv.Itoa(len(resp))}
			w.WriteHeader(status)
			w.Write(resp)
		})}
	case stack == "nethttp":
		srv = &http.Server{Handler: svc}
	case stack == "fast":
		fs := ddbsim.NewFastServer(svc, nil)
		if null {
			fs.Call = nullCall
		}
		srv = fs
	default:
		return fmt.Errorf("unknown -stack %q (want fast or nethttp)", stack)
	}
	go func() { <-ctx.Done(); srv.Close() }()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) && ctx.Err() == nil {
		return err
	}
	return nil
}

type result struct {
	ops, errors int
	rate        float64
	p50, p99    time.Duration
	clientCPU   time.Duration // this process's CPU time while measuring
	serverCPU   time.Duration // the server's (with -serverpid)
}

// newHTTPClient is the client both servers are measured with: keep-alive
// connections, at least one idle connection per worker so none is
// re-dialled, and no compression.
func newHTTPClient(workers int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns: workers * 2, MaxIdleConnsPerHost: workers * 2, DisableCompression: true,
	}}
}

// client is the SDK client both servers are measured with: static
// credentials and no retries (a retried call would count as one slow
// operation and hide errors).
func client(endpoint string, workers int, oneWrite bool) *dynamodb.Client {
	var hc aws.HTTPClient = newHTTPClient(workers)
	if oneWrite {
		hc = oneWriteClient{newHTTPClient(workers)}
	}
	cfg := aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("bench", "bench", ""),
		HTTPClient:  hc,
		Retryer:     func() aws.Retryer { return aws.NopRetryer{} },
	}
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(endpoint) })
}

// oneWriteClient hands net/http the SDK's (small, already serialised)
// request body as a *bytes.Reader. net/http flushes the head before any
// body it does not know to be in memory, so with the SDK's own body type
// every request costs two writes, two TCP segments and often two wake-ups
// of the server.
type oneWriteClient struct{ hc *http.Client }

func (c oneWriteClient) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(b))
		req.ContentLength = int64(len(b))
	}
	return c.hc.Do(req)
}

// procCPU is the user+system CPU time of process pid (0: none), from
// /proc/pid/stat.
func procCPU(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the parenthesised command name; utime and stime are
	// the 14th and 15th fields of the whole line, in clock ticks (100 Hz
	// on Linux, which is what _SC_CLK_TCK reports there).
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+st) * (time.Second / 100)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measure seeds a table and runs a mix of 60% GetItem, 30% PutItem and
// 10% Query (10 items) from many workers, recording every latency.
func measure(endpoint string, warmup, d time.Duration, workers, items int, raw, oneWrite bool, serverPID int) (result, error) {
	ctx := context.Background()
	c := client(endpoint, workers, oneWrite)
	hc := newHTTPClient(workers)
	table := aws.String("bench" + strconv.FormatInt(time.Now().UnixNano(), 36))
	if _, err := c.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName: table, BillingMode: types.BillingModePayPerRequest,
		KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash},
			{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS},
			{AttributeName: aws.String("sk"), AttributeType: types.ScalarAttributeTypeN}},
	}); err != nil {
		return result{}, fmt.Errorf("create table: %w", err)
	}
	// dynalite, like DynamoDB, creates tables asynchronously.
	if err := dynamodb.NewTableExistsWaiter(c, func(o *dynamodb.TableExistsWaiterOptions) { o.MinDelay = 100 * time.Millisecond }).
		Wait(ctx, &dynamodb.DescribeTableInput{TableName: table}, time.Minute); err != nil {
		return result{}, fmt.Errorf("wait for table: %w", err)
	}
	item := func(i int) map[string]types.AttributeValue {
		return map[string]types.AttributeValue{
			"pk":   &types.AttributeValueMemberS{Value: "user-" + strconv.Itoa(i/10)},
			"sk":   &types.AttributeValueMemberN{Value: strconv.Itoa(i % 10)},
			"name": &types.AttributeValueMemberS{Value: "Ann Example"},
			"age":  &types.AttributeValueMemberN{Value: strconv.Itoa(20 + i%50)},
		}
	}
	for i := 0; i < items; i += 25 {
		var reqs []types.WriteRequest
		for j := i; j < min(i+25, items); j++ {
			reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: item(j)}})
		}
		if _, err := c.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{*table: reqs}}); err != nil {
			return result{}, fmt.Errorf("seed: %w", err)
		}
	}
	var mu sync.Mutex
	var all []time.Duration
	errs := 0
	// The first warmup of the run is not recorded: connections are opened
	// and dynalite's JIT compiles its hot paths.
	warmEnd := time.Now().Add(warmup)
	deadline := warmEnd.Add(d)
	var cpu0, srv0 time.Duration
	var marked sync.Once
	mark := func() { cpu0, srv0 = cpuTime(), procCPU(serverPID) }
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 7))
			var lat []time.Duration
			bad := 0
			for {
				start := time.Now()
				if !start.Before(deadline) {
					break
				}
				warm := start.Before(warmEnd)
				if !warm {
					marked.Do(mark)
				}
				i := r.IntN(items)
				var err error
				switch p := r.IntN(10); {
				case raw:
					err = rawCall(hc, endpoint, p, *table, i)
				case p < 6:
					_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: table, Key: map[string]types.AttributeValue{
						"pk": &types.AttributeValueMemberS{Value: "user-" + strconv.Itoa(i/10)}, "sk": &types.AttributeValueMemberN{Value: strconv.Itoa(i % 10)}}})
				case p < 9:
					_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: table, Item: item(i)})
				default:
					_, err = c.Query(ctx, &dynamodb.QueryInput{TableName: table, KeyConditionExpression: aws.String("pk = :p"),
						ExpressionAttributeValues: map[string]types.AttributeValue{":p": &types.AttributeValueMemberS{Value: "user-" + strconv.Itoa(i/10)}}})
				}
				if warm {
					continue
				}
				lat = append(lat, time.Since(start))
				if err != nil {
					bad++
				}
			}
			mu.Lock()
			all = append(all, lat...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	clientCPU, serverCPU := cpuTime()-cpu0, procCPU(serverPID)-srv0
	if len(all) == 0 {
		return result{}, errors.New("no operations completed")
	}
	slices.Sort(all)
	return result{
		ops: len(all), errors: errs, rate: float64(len(all)) / d.Seconds(),
		p50: all[len(all)/2].Round(time.Microsecond), p99: all[len(all)*99/100].Round(time.Microsecond),
		clientCPU: clientCPU, serverCPU: serverCPU,
	}, nil
}

// rawCall sends the operation the SDK would send, as a plain POST with the
// headers both servers require (dynalite checks that a signature is
// present; neither verifies it).
func rawCall(hc *http.Client, endpoint string, p int, table string, i int) error {
	key := `"pk":{"S":"user-` + strconv.Itoa(i/10) + `"},"sk":{"N":"` + strconv.Itoa(i%10) + `"}`
	var op, body string
	switch {
	case p < 6:
		op, body = "GetItem", `{"TableName":"`+table+`","Key":{`+key+`}}`
	case p < 9:
		op, body = "PutItem", `{"TableName":"`+table+`","Item":{`+key+`,"name":{"S":"Ann Example"},"age":{"N":"`+strconv.Itoa(20+i%50)+`"}}}`
	default:
		op, body = "Query", `{"TableName":"`+table+`","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"user-`+strconv.Itoa(i/10)+`"}}}`
	}
	req, err := http.NewRequest("POST", endpoint, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Date", "20260101T000000Z")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: status %d", op, resp.StatusCode)
	}
	return nil
}
