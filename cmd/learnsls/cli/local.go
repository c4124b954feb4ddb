package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox/dynamodb"
)

// localConfig is what `learnsls local` is told by its flags.
type localConfig struct {
	Addr    string // listen address
	DataDir string // "" keeps everything in memory only
	Region  string
}

// localService is one simulated service behind the `local` front door.
// AWS's JSON protocols name the operation in X-Amz-Target (DynamoDB,
// DynamoDB Streams, EventBridge, SQS's JSON protocol); the query
// protocols (SNS, SQS's older form) put Action=… in a form body. Match
// decides, so each service added later brings its own rule.
type localService struct {
	Name    string
	Match   func(r *http.Request) bool
	Handler http.Handler
}

// targetPrefix matches requests whose X-Amz-Target starts with one of the
// prefixes.
func targetPrefix(prefixes ...string) func(*http.Request) bool {
	return func(r *http.Request) bool {
		t := r.Header.Get("X-Amz-Target")
		for _, p := range prefixes {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
		return false
	}
}

// localRouter sends each request to the first service that matches it.
type localRouter struct {
	services []localService
	fallback http.Handler // GET / health check and unknown targets
}

func (lr *localRouter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, s := range lr.services {
		if s.Match(r) {
			s.Handler.ServeHTTP(w, r)
			return
		}
	}
	lr.fallback.ServeHTTP(w, r)
}

// snapshotFile is where --data keeps the DynamoDB state between runs.
const snapshotFile = "dynamodb.json"

// runLocal serves the simulated services' wire protocols until ctx ends.
// With --data, the DynamoDB state is restored from DIR/dynamodb.json at
// start and written back (atomically) on shutdown.
func runLocal(ctx context.Context, env Env) int {
	fs := flag.NewFlagSet("local", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var cfg localConfig
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8000", "listen address")
	fs.StringVar(&cfg.DataDir, "data", "", "directory to keep state in between runs (default: memory only)")
	fs.StringVar(&cfg.Region, "region", "us-east-1", "region the services report")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: learnsls local [--addr 127.0.0.1:8000] [--data DIR] [--region us-east-1]")
		fmt.Fprintln(env.Stderr, "\nServes DynamoDB and DynamoDB Streams on their real wire protocols, so the AWS CLI and SDKs work against it.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := serveLocal(ctx, cfg, env); err != nil {
		fmt.Fprintf(env.Stderr, "learnsls local: %v\n", err)
		return 1
	}
	return 0
}

func serveLocal(ctx context.Context, cfg localConfig, env Env) error {
	ddb := dynamodb.New(dynamodb.Options{Region: cfg.Region})
	var snapPath string
	if cfg.DataDir != "" {
		if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
			return fmt.Errorf("create data directory: %w", err)
		}
		snapPath = filepath.Join(cfg.DataDir, snapshotFile)
		data, err := os.ReadFile(snapPath)
		switch {
		case err == nil:
			if err := ddb.Restore(data); err != nil {
				return fmt.Errorf("restore %s (move it away to start empty): %w", snapPath, err)
			}
		case !errors.Is(err, os.ErrNotExist):
			return fmt.Errorf("read saved state: %w", err)
		}
	}
	router := &localRouter{
		services: []localService{
			{Name: "DynamoDB", Match: targetPrefix(dynamodb.TargetPrefix, dynamodb.StreamsTargetPrefix), Handler: ddb},
		},
		fallback: ddb, // answers GET / and reports unknown operations in DynamoDB's shape
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s (is another server using the port? try --addr 127.0.0.1:8001): %w", cfg.Addr, err)
	}
	endpoint := "http://" + ln.Addr().String()
	stopEvents := addLocalEvents(router, cfg.Region, endpoint, env.Stdout)
	defer stopEvents()
	fmt.Fprintf(env.Stdout, "learnsls local: DynamoDB and DynamoDB Streams at %s (region %s, any credentials accepted)\n", endpoint, cfg.Region)
	if snapPath != "" {
		fmt.Fprintf(env.Stdout, "  state is loaded from and saved to %s\n", snapPath)
	} else {
		fmt.Fprintln(env.Stdout, "  state is kept in memory only (use --data DIR to keep it)")
	}
	fmt.Fprintf(env.Stdout, "  try: aws dynamodb list-tables --endpoint-url %s\n", endpoint)
	// SDK-shaped DynamoDB requests take the fast path; everything else
	// (other services, GET /, unusual HTTP) goes through the router.
	srv := &dynamodb.FastServer{
		Call:     ddb.CallTarget,
		Targets:  []string{dynamodb.TargetPrefix, dynamodb.StreamsTargetPrefix},
		Fallback: &http.Server{Handler: router, ReadHeaderTimeout: 10 * time.Second},
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(shutdownCtx)
	if snapPath != "" {
		if err := saveSnapshot(ddb, snapPath); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "learnsls local: state saved to %s\n", snapPath)
	}
	return nil
}

// saveSnapshot writes the state to a temporary file and renames it, so a
// crash mid-write never leaves a half-written snapshot.
func saveSnapshot(ddb *dynamodb.Service, path string) error {
	data, err := ddb.Snapshot()
	if err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	return nil
}
