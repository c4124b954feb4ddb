package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// goResult is the outcome of one go invocation that started.
type goResult struct {
	output   string // combined stdout+stderr, capped, not yet sanitized
	exitErr  error  // non-nil when the command failed
	timedOut bool
	cpu      time.Duration // user+system time of go and the tools it ran
}

// maxCompilerOutput caps what is kept of the compiler's messages.
const maxCompilerOutput = 256 << 10

// runGo runs the go command in dir with a clean environment and the build's
// limits. work is the throw-away directory that also serves as HOME and
// TMPDIR. onLine, if set, sees every output line as it arrives. The error
// is non-nil only when the command could not run at all or the caller's
// context ended; compiler failures come back in goResult.
func (b *Builder) runGo(ctx context.Context, tc *toolchain, work, dir string, target Target, timeout time.Duration, onLine func(string), args ...string) (*goResult, error) {
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, tc.bin, args...)
	cmd.Dir = dir
	cmd.Env = b.env(tc, work, target)
	out := &limitedBuffer{max: maxCompilerOutput}
	var w interface{ Write([]byte) (int, error) } = out
	if onLine != nil {
		w = &lineSplitter{next: out, onLine: onLine}
	}
	cmd.Stdout, cmd.Stderr = w, w
	setProcessGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: cannot start %s: %v; %s", ErrNoToolchain, tc.bin, err, installHint)
	}
	applyLimits(cmd.Process.Pid, b.opts.MaxMemoryBytes, 2*b.opts.MaxOutputBytes+(64<<20))
	err := cmd.Wait()
	waitGroupGone(cmd.Process.Pid)
	res := &goResult{output: out.String(), exitErr: err}
	if ps := cmd.ProcessState; ps != nil {
		res.cpu = ps.UserTime() + ps.SystemTime()
	}
	if err != nil && ctx.Err() != nil {
		return nil, fmt.Errorf("build: %w", ctx.Err())
	}
	if err != nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
		res.timedOut = true
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ProcessState != nil && !ee.Exited() {
			res.output += "\n" + ee.Error() // e.g. "signal: killed"
		}
	}
	return res, nil
}

// env is the complete environment of the go command: nothing is inherited
// from the host, so no secret in the server's environment can reach the
// compiler. HOME and TMPDIR point into the throw-away directory; the config
// dir is the cache's, where Go telemetry is switched off.
func (b *Builder) env(tc *toolchain, work string, t Target) []string {
	tmp := filepath.Join(work, "tmp")
	return []string{
		"PATH=" + filepath.Dir(tc.bin),
		"HOME=" + work,
		"XDG_CONFIG_HOME=" + filepath.Join(b.opts.CacheDir, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(work, "cache"),
		"TMPDIR=" + tmp,
		"GOTMPDIR=" + tmp,
		"GOCACHE=" + b.opts.GoCacheDir,
		"GOPATH=" + filepath.Join(b.opts.CacheDir, "gopath"),
		"GOMODCACHE=" + filepath.Join(b.opts.CacheDir, "gopath", "pkg", "mod"),
		"GOENV=off",
		"GOWORK=off",
		"GOPROXY=off",
		"GOSUMDB=off",
		"GONOSUMDB=",
		"GOPRIVATE=",
		"GOFLAGS=-mod=mod",
		"GOTOOLCHAIN=local",
		"CGO_ENABLED=0",
		"GOOS=" + t.GOOS,
		"GOARCH=" + t.GOARCH,
	}
}

// lineSplitter forwards bytes and calls onLine for each complete line.
type lineSplitter struct {
	next   interface{ Write([]byte) (int, error) }
	onLine func(string)
	mu     sync.Mutex
	part   bytes.Buffer
}

func (l *lineSplitter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.part.Write(p)
	for {
		i := bytes.IndexByte(l.part.Bytes(), '\n')
		if i < 0 {
			break
		}
		line := string(l.part.Next(i + 1))
		l.onLine(strings.TrimRight(line, "\r\n"))
	}
	return l.next.Write(p)
}
