package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// warmStd are standard packages handlers commonly use; Warm compiles them
// with the guest packages so a learner's first build only compiles main.
var warmStd = []string{
	"bytes", "context", "crypto/sha256", "encoding/base64", "encoding/json",
	"errors", "fmt", "log", "log/slog", "math", "math/rand/v2", "net/url", "os",
	"regexp", "sort", "strconv", "strings", "sync", "testing", "time", "unicode/utf8",
}

// Warm fills GOCACHE by compiling every guest package and common standard
// packages for WASIP1 once (several seconds on a cold cache, well under one
// on a warm one). progress, if not nil, is called with the packages done so
// far, the total, and a message; the last call has done == total. serve runs
// it in the background at start.
func (b *Builder) Warm(ctx context.Context, progress func(done, total int, msg string)) error {
	if progress == nil {
		progress = func(int, int, string) {}
	}
	tc, err := b.toolchain(ctx)
	if err != nil {
		return err
	}
	guestDir, err := b.extractGuest()
	if err != nil {
		return err
	}
	release, err := b.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()

	work, err := os.MkdirTemp(filepath.Join(b.opts.CacheDir, "work"), "warm-")
	if err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	defer os.RemoveAll(work)
	src := filepath.Join(work, "src")
	for _, d := range []string{src, filepath.Join(work, "tmp")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("build: warm: %w", err)
		}
	}
	rel, err := filepath.Rel(src, guestDir)
	if err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), b.guest.goMod(rel), 0o644); err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	var main strings.Builder
	main.WriteString("package main\n\nimport (\n")
	for _, p := range warmStd {
		fmt.Fprintf(&main, "\t_ %q\n", p)
	}
	main.WriteString(")\n\nfunc main() {}\n")
	if err := os.WriteFile(filepath.Join(src, "main.go"), []byte(main.String()), 0o644); err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	pkgs := append([]string{"."}, b.guest.pkgs...)

	// Count what will be compiled so progress has a total.
	total := 0
	res, err := b.runGo(ctx, tc, work, src, WASIP1, b.opts.WarmTimeout, func(string) { total++ },
		append([]string{"list", "-e", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...)
	if err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	if res.exitErr != nil {
		return fmt.Errorf("build: warm: list packages: %s", b.sanitizer(src, guestDir, tc).clean(res.output))
	}
	progress(0, total, fmt.Sprintf("compiling %d packages for %s", total, WASIP1))

	done := 0
	res, err = b.runGo(ctx, tc, work, src, WASIP1, b.opts.WarmTimeout, func(line string) {
		if line == "" || strings.ContainsAny(line, " :") {
			return // a message, not a package name
		}
		done++
		progress(min(done, total), total, "compiled "+line)
	}, append([]string{"build", "-v", "-trimpath", "-buildvcs=false"}, pkgs...)...)
	if err != nil {
		return fmt.Errorf("build: warm: %w", err)
	}
	if res.timedOut {
		return fmt.Errorf("build: warm: %w after %s", ErrTimeout, b.opts.WarmTimeout)
	}
	if res.exitErr != nil {
		// A guest package that does not compile is our bug, not the
		// learner's: report it in full.
		diags := parseDiagnostics(b.sanitizer(src, guestDir, tc).clean(res.output))
		lines := make([]string, 0, len(diags))
		for _, d := range diags {
			lines = append(lines, d.String())
		}
		sort.Strings(lines)
		return fmt.Errorf("build: warm: guest packages do not compile:\n%s", strings.Join(lines, "\n"))
	}
	progress(total, total, "build cache warm")
	return nil
}
