package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// minGoMinor is the oldest Go 1.x release the guest modules build with
// (their go.mod files say go 1.24).
const minGoMinor = 24

// toolchain is a located, working go command.
type toolchain struct {
	bin     string
	version string // e.g. "go1.26.8"
	goroot  string
}

const installHint = "install Go 1.24 or newer from https://go.dev/dl/ and make sure the \"go\" command is on PATH"

// toolchain finds the go command once; a failure is not remembered, so
// installing Go fixes a running server.
func (b *Builder) toolchain(ctx context.Context) (*toolchain, error) {
	b.mu.Lock()
	tc := b.tc
	b.mu.Unlock()
	if tc != nil {
		return tc, nil
	}
	tc, err := findToolchain(ctx, b.opts.GoBin, filepath.Join(b.opts.CacheDir, "config"))
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.tc = tc
	b.mu.Unlock()
	return tc, nil
}

// GoVersion reports the version of the toolchain builds use (e.g.
// "go1.26.8"), or an error wrapping ErrNoToolchain that says what to
// install. serve and doctor can show it at start.
func (b *Builder) GoVersion(ctx context.Context) (string, error) {
	tc, err := b.toolchain(ctx)
	if err != nil {
		return "", err
	}
	return tc.version, nil
}

func findToolchain(ctx context.Context, goBin, configDir string) (*toolchain, error) {
	bin := goBin
	if bin == "" {
		if p, err := exec.LookPath("go"); err == nil {
			bin = p
		} else if root := runtime.GOROOT(); root != "" { //nolint:staticcheck // a fallback only
			p := filepath.Join(root, "bin", "go")
			if _, err := os.Stat(p); err == nil {
				bin = p
			}
		}
	}
	if bin == "" {
		return nil, fmt.Errorf("%w: no \"go\" command found; %s", ErrNoToolchain, installHint)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "env", "GOVERSION", "GOROOT")
	cmd.Env = []string{"GOENV=off", "GOTOOLCHAIN=local", "HOME=" + configDir, "XDG_CONFIG_HOME=" + configDir}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("build: %w", ctx.Err())
		}
		var ee *exec.Error
		if errors.As(err, &ee) || errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s cannot be run; %s", ErrNoToolchain, bin, installHint)
		}
		return nil, fmt.Errorf("%w: %s env failed (%v: %s); %s", ErrNoToolchain, bin, err, strings.TrimSpace(errOut.String()), installHint)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("%w: %s env printed %q; %s", ErrNoToolchain, bin, out.String(), installHint)
	}
	tc := &toolchain{bin: bin, version: strings.TrimSpace(lines[0]), goroot: strings.TrimSpace(lines[1])}
	if minor, ok := goMinor(tc.version); ok && minor < minGoMinor {
		return nil, fmt.Errorf("%w: %s is %s, too old; %s", ErrNoToolchain, bin, tc.version, installHint)
	}
	return tc, nil
}

// goMinor extracts 24 from "go1.24.3" (or "go1.24rc1"); ok is false for
// development versions, which are accepted.
func goMinor(v string) (int, bool) {
	rest, ok := strings.CutPrefix(v, "go1.")
	if !ok {
		return 0, false
	}
	end := 0
	for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(rest[:end])
	return n, err == nil
}
