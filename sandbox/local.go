package sandbox

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/learnsls/learnsls/sandbox/lambda"
)

// LocalOptions configure RunLocal, the engine of `learnsls deploy`.
type LocalOptions struct {
	Stack        Options           // Clock defaults to RealClock; LiveEvents is forced on
	TemplatePath string            // template.yaml
	CodeDir      string            // where CodeUri paths start; default: the template's directory
	Params       map[string]string // parameter overrides
	// Listener serves the APIs; if nil, RunLocal listens on Addr.
	Listener net.Listener
	Addr     string        // default 127.0.0.1:3000
	Out      io.Writer     // status lines and function logs
	Poll     time.Duration // how often files are checked for changes; default 500 ms
}

// maxLocalFile bounds what RunLocal reads from the code directory.
const maxLocalFile = 1 << 20

// readCode collects the .go files under dir, by slash path relative to it,
// skipping hidden and vendor directories.
func readCode(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() > maxLocalFile {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	return files, err
}

func fingerprint(template []byte, files map[string][]byte) string {
	h := sha256.New()
	h.Write(template)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(h, "\x00%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// RunLocal deploys a template from disk, serves its APIs like
// `sam local start-api` (one API at the root, several under /{LogicalId}/),
// prints function logs as they are written and redeploys when the template
// or a .go file changes. A failed redeploy is reported and the previous
// deployment keeps serving. It returns when ctx ends.
func RunLocal(ctx context.Context, o LocalOptions) error {
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.CodeDir == "" {
		o.CodeDir = filepath.Dir(o.TemplatePath)
	}
	var outMu sync.Mutex
	printf := func(format string, args ...any) {
		outMu.Lock()
		defer outMu.Unlock()
		fmt.Fprintf(o.Out, format, args...)
	}
	sopt := o.Stack
	if sopt.Clock == nil {
		sopt.Clock = RealClock()
	}
	sopt.LiveEvents = true
	userLogs := sopt.Logs
	sopt.Logs = lambda.LogSinkFunc(func(e lambda.LogEvent) {
		printf("%s\n", e.Message)
		if userLogs != nil {
			userLogs.WriteLog(e)
		}
	})
	s, err := New(ctx, sopt)
	if err != nil {
		return err
	}
	defer s.Close(context.Background())

	load := func() ([]byte, map[string][]byte, error) {
		t, err := os.ReadFile(o.TemplatePath)
		if err != nil {
			return nil, nil, err
		}
		files, err := readCode(o.CodeDir)
		return t, files, err
	}
	tmpl, files, err := load()
	if err != nil {
		return err
	}
	if err := s.Deploy(ctx, tmpl, files, o.Params); err != nil {
		return err
	}
	last := fingerprint(tmpl, files)

	ln := o.Listener
	if ln == nil {
		addr := o.Addr
		if addr == "" {
			addr = "127.0.0.1:3000"
		}
		if ln, err = net.Listen("tcp", addr); err != nil {
			return fmt.Errorf("listen: %w", err)
		}
	}
	base := "http://" + ln.Addr().String()
	printMounts(s, base, printf)
	srv := &http.Server{Handler: s.LocalHandler(), ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	printf("You can now browse to the above endpoints to invoke your functions. Press CTRL+C to stop.\n")

	tick := time.NewTicker(o.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
			return nil
		case err := <-serveErr:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		case <-tick.C:
			t, f, err := load()
			if err != nil {
				continue // a file mid-save; look again next tick
			}
			fp := fingerprint(t, f)
			if fp == last {
				continue
			}
			last = fp
			printf("Change detected, redeploying…\n")
			if err := s.Deploy(ctx, t, f, o.Params); err != nil {
				printf("Redeploy failed; the previous version keeps serving:\n%v\n", err)
				continue
			}
			printf("Redeployed.\n")
			printMounts(s, base, printf)
		}
	}
}

// printMounts lists the routes as `sam local start-api` does.
func printMounts(s *Stack, base string, printf func(string, ...any)) {
	apis := s.APIs()
	m := s.Model()
	fnByARN := map[string]string{}
	for _, f := range m.Functions() {
		fnByARN[f.ARN] = f.LogicalID
	}
	for _, api := range apis {
		s.mu.Lock()
		g := s.gateways[api]
		s.mu.Unlock()
		prefix := base
		if len(apis) > 1 {
			prefix += "/" + api
		}
		type mount struct{ fn, path string }
		methods := map[mount][]string{}
		var order []mount
		for _, r := range g.Config().Routes {
			if r.FunctionARN == "" {
				continue
			}
			k := mount{fnByARN[r.FunctionARN], r.Path}
			if _, seen := methods[k]; !seen {
				order = append(order, k)
			}
			methods[k] = append(methods[k], r.Method)
		}
		for _, k := range order {
			p := k.path
			if p == "$default" {
				p = "/{proxy+}"
			}
			printf("Mounting %s at %s%s [%s]\n", k.fn, prefix, p, strings.Join(methods[k], ", "))
		}
	}
	for _, w := range s.Warnings() {
		printf("Note: %s\n", w)
	}
}
