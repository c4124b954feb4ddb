// Package build turns a learner's Go Lambda handler into a WebAssembly
// module (GOOS=wasip1 GOARCH=wasm) with the host's Go toolchain, offline.
//
// Learners import AWS's own paths (github.com/aws/aws-lambda-go/lambda,
// github.com/aws/aws-sdk-go-v2/...). The build writes a go.mod for the
// learner's program that requires every guest module (sandbox/guest) and
// replaces it with a copy extracted into the cache directory, so the same
// source compiles for AWS and here.
//
// How a build runs:
//
//   - The source is checked first: only plain *.go file names (no
//     directories, no "..", at most 64 characters), a size limit per file and
//     in total, package main, no cgo. These give precise messages and keep
//     hostile input away from the go tool.
//   - The result is cached by a hash of (files, guest tree, Go version,
//     target): the same source is never built twice; concurrent requests for
//     the same source share one build. Compile errors are remembered in
//     memory (bounded), so resubmitting the same broken source is free too.
//   - At most Options.MaxConcurrent go processes run at once; other builds
//     wait for a slot (bounded by Options.MaxQueued) until their context ends.
//   - The go tool runs in a fresh directory under CacheDir/work that is
//     removed afterwards, with a clean environment (no host variables),
//     GOPROXY=off, GOTOOLCHAIN=local, CGO_ENABLED=0, GOFLAGS=-mod=mod,
//     GOENV=off, GOWORK=off, -trimpath and -buildvcs=false, a persistent
//     GOCACHE under CacheDir, a wall-time limit (the whole process group is
//     killed) and, on Linux, data-segment and file-size rlimits.
//   - Compiler output becomes a *DiagnosticsError whose file names are the
//     learner's own; every server path (build dir, cache dir, GOROOT) is
//     rewritten. An AWS package or symbol outside the implemented subset
//     gets a hint pointing at Options.DocURL (default /docs/guest-sdk).
//
// Cache directory layout: guest/<hash>/ (extracted guest modules, written
// atomically), gocache/ (GOCACHE, unless Options.GoCacheDir), gopath/,
// config/ (Go telemetry switched off), work/ (throw-away build dirs), out/
// (artifacts by key; Prune removes unused ones). The generated go.mod
// replaces with paths relative to the build directory, so neither it (a
// learner may embed it) nor the module's build info names a server path.
//
// Besides WASIP1, a Source may name another Target (see Native and
// BuildNative), which the tests of guest packages use to run guest code
// natively on the host. With Source.Test the artifact is the package's test
// binary ("go test -c"), so a grader can run the tests a learner wrote.
//
// Warm compiles the guest packages and common standard packages once, so
// that a learner's build only compiles and links main; serve runs it in the
// background at start and shows its progress.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/learnsls/learnsls/sandbox/guest"
)

// Options configure a Builder. Zero values get the defaults noted.
type Options struct {
	// CacheDir holds the extracted guest modules, GOCACHE and built
	// artifacts. Required.
	CacheDir string
	// GoCacheDir is GOCACHE (default CacheDir/gocache). It is content
	// addressed, so tests may share one across runs.
	GoCacheDir string
	// GoBin is the go command to run; "" looks up "go" on PATH, then
	// $GOROOT/bin/go of the running program's toolchain.
	GoBin string
	// MaxSourceBytes limits each file and the sum of all files (default 1 MB).
	MaxSourceBytes int64
	// MaxFiles limits the number of files (default 32).
	MaxFiles int
	// Timeout is the wall-time limit of one go invocation (default 60 s;
	// a build with a warm GOCACHE takes a fraction of a second).
	Timeout time.Duration
	// WarmTimeout is the wall-time limit of Warm (default 10 min).
	WarmTimeout time.Duration
	// MaxConcurrent limits concurrently running go processes (default:
	// the number of CPUs).
	MaxConcurrent int
	// MaxQueued limits builds waiting for a slot; beyond it Build returns
	// ErrBusy at once (default 64).
	MaxQueued int
	// MaxOutputBytes limits the size of the compiled module (default 64 MB).
	MaxOutputBytes int64
	// MaxMemoryBytes limits the heap (RLIMIT_DATA) of each toolchain
	// process on Linux (default 2 GB); a compile bomb fails instead of swapping
	// the server to death.
	MaxMemoryBytes int64
	// Modules is the guest module tree (default guest.Modules()).
	Modules fs.FS
	// DocURL is where hints send learners for the supported AWS API list
	// (default "/docs/guest-sdk").
	DocURL string
}

// Artifact is a built program.
type Artifact struct {
	// Wasm is the module's bytes (for a non-wasm target: the executable's).
	// Callers joined to one build share it: read it, do not modify it.
	Wasm []byte
	// Path is the artifact's file in the cache directory (executable for
	// native targets). Callers must not modify it.
	Path string
	// Hash is the cache key: hex sha256 of source, guest tree, Go version
	// and target.
	Hash string
	// Cached reports that no compiler ran for this call.
	Cached bool
	// Duration is the wall time of this call.
	Duration time.Duration
	// CPUTime is the processor time the toolchain used (0 when cached): a
	// cost measure that does not depend on how busy the machine is.
	CPUTime time.Duration
	Target  Target
}

// Builder compiles learner programs. It is safe for concurrent use, and
// several Builders (in one or more processes) may share a CacheDir.
type Builder struct {
	opts   Options
	guest  *guestTree
	sem    chan struct{}
	queued atomic.Int64

	mu       sync.Mutex
	tc       *toolchain // nil until found
	guestDir string     // "" until extracted
	inflight map[string]*flight

	failures     map[string]*DiagnosticsError // by key; see failed
	failureOrder []string                     // oldest first, for eviction
}

// flight is one build in progress that later callers for the same key join.
type flight struct {
	done chan struct{}
	art  *Artifact
	err  error
}

// New returns a Builder. It scans the guest modules but does not look for
// the toolchain yet: a server without Go still starts, and the first Build
// reports ErrNoToolchain.
func New(opts Options) (*Builder, error) {
	if opts.CacheDir == "" {
		return nil, errors.New("build: Options.CacheDir is required")
	}
	abs, err := filepath.Abs(opts.CacheDir)
	if err != nil {
		return nil, fmt.Errorf("build: cache dir: %w", err)
	}
	opts.CacheDir = abs
	if opts.GoCacheDir == "" {
		opts.GoCacheDir = filepath.Join(abs, "gocache")
	}
	if opts.GoCacheDir, err = filepath.Abs(opts.GoCacheDir); err != nil {
		return nil, fmt.Errorf("build: go cache dir: %w", err)
	}
	if opts.MaxSourceBytes <= 0 {
		opts.MaxSourceBytes = 1 << 20
	}
	if opts.MaxFiles <= 0 {
		opts.MaxFiles = 32
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.WarmTimeout <= 0 {
		opts.WarmTimeout = 10 * time.Minute
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.NumCPU()
	}
	if opts.MaxQueued <= 0 {
		opts.MaxQueued = 64
	}
	if opts.MaxOutputBytes <= 0 {
		opts.MaxOutputBytes = 64 << 20
	}
	if opts.MaxMemoryBytes <= 0 {
		opts.MaxMemoryBytes = 2 << 30
	}
	if opts.Modules == nil {
		opts.Modules = guest.Modules()
	}
	if opts.DocURL == "" {
		opts.DocURL = "/docs/guest-sdk"
	}
	removeStaleWork(filepath.Join(opts.CacheDir, "work"))
	g, err := scanGuest(opts.Modules)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	for _, d := range []string{"work", "out", "gopath"} {
		if err := os.MkdirAll(filepath.Join(opts.CacheDir, d), 0o755); err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
	}
	if err := os.MkdirAll(opts.GoCacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	// Go telemetry is configured by a file in the user config dir, not by
	// the environment. Left on, the go command starts a detached uploader
	// that writes into the config dir after the build ends; off, nothing
	// is written or sent.
	telemetry := filepath.Join(opts.CacheDir, "config", "go", "telemetry")
	if err := os.MkdirAll(telemetry, 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := os.WriteFile(filepath.Join(telemetry, "mode"), []byte("off"), 0o644); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	return &Builder{
		opts:     opts,
		guest:    g,
		sem:      make(chan struct{}, opts.MaxConcurrent),
		inflight: map[string]*flight{},
		failures: map[string]*DiagnosticsError{},
	}, nil
}

// GuestHash is the content hash of the guest module tree this Builder uses.
func (b *Builder) GuestHash() string { return b.guest.hash }

// GuestModules lists the module paths the generated go.mod replaces.
func (b *Builder) GuestModules() []string {
	out := make([]string, 0, len(b.guest.modules))
	for _, m := range b.guest.modules {
		out = append(out, m.Path)
	}
	return out
}

// Native is the host's own platform, for running guest code in tests.
func Native() Target { return Target{GOOS: runtime.GOOS, GOARCH: runtime.GOARCH} }

// BuildNative builds src for the host platform and returns the artifact;
// Artifact.Path is an executable. It is Build with Target set to Native().
func (b *Builder) BuildNative(ctx context.Context, src Source) (*Artifact, error) {
	src.Target = Native()
	return b.Build(ctx, src)
}

// Build compiles src (for WASIP1 unless src.Target says otherwise). Errors:
// *DiagnosticsError for source the learner must fix; errors wrapping
// ErrSourceTooLarge, ErrTooManyFiles, ErrTimeout, ErrOutputTooLarge,
// ErrCompilerMemory, ErrBusy, ErrQueueWait or ErrNoToolchain for limits and setup.
func (b *Builder) Build(ctx context.Context, src Source) (*Artifact, error) {
	start := time.Now()
	target := src.Target.orDefault()
	files, err := b.checkSource(src)
	if err != nil {
		return nil, err
	}
	tc, err := b.toolchain(ctx)
	if err != nil {
		return nil, err
	}
	key := b.key(files, tc.version, target, src.Test)
	out := b.outPath(key, target, src.Test)
	if art, ok := b.cached(out, key, target, start); ok {
		return art, nil
	}
	if de := b.failed(key); de != nil {
		return nil, de
	}

	// Join an identical build already running.
	b.mu.Lock()
	if f, ok := b.inflight[key]; ok {
		b.mu.Unlock()
		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, fmt.Errorf("build: %w", ctx.Err())
		}
		if f.err != nil {
			if (errors.Is(f.err, context.Canceled) || errors.Is(f.err, context.DeadlineExceeded)) && ctx.Err() == nil {
				// The build we joined was abandoned by its own caller,
				// not by us: build for ourselves.
				return b.Build(ctx, src)
			}
			var de *DiagnosticsError
			if errors.As(f.err, &de) {
				// Each caller gets its own copy to annotate or trim.
				return nil, &DiagnosticsError{Diagnostics: append([]Diagnostic(nil), de.Diagnostics...)}
			}
			return nil, f.err
		}
		art := *f.art
		art.Cached, art.Duration = true, time.Since(start)
		return &art, nil
	}
	f := &flight{done: make(chan struct{})}
	b.inflight[key] = f
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.inflight, key)
		b.mu.Unlock()
		close(f.done)
	}()

	f.art, f.err = b.build(ctx, files, tc, key, out, target, src.Test, start)
	var de *DiagnosticsError
	if errors.As(f.err, &de) {
		b.rememberFailure(key, de)
	}
	return f.art, f.err
}

// maxFailures bounds the in-memory cache of compile errors.
const maxFailures = 512

// failed returns a copy of the remembered compile errors for key, if any:
// compile errors are deterministic, so pressing Run again on the same
// broken source costs nothing. Limits (time, memory) are not remembered:
// they can depend on the load of the moment.
func (b *Builder) failed(key string) *DiagnosticsError {
	b.mu.Lock()
	defer b.mu.Unlock()
	de, ok := b.failures[key]
	if !ok {
		return nil
	}
	return &DiagnosticsError{Diagnostics: append([]Diagnostic(nil), de.Diagnostics...)}
}

func (b *Builder) rememberFailure(key string, de *DiagnosticsError) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.failures[key]; ok {
		return
	}
	if len(b.failureOrder) >= maxFailures {
		delete(b.failures, b.failureOrder[0])
		b.failureOrder = b.failureOrder[1:]
	}
	b.failures[key] = &DiagnosticsError{Diagnostics: append([]Diagnostic(nil), de.Diagnostics...)}
	b.failureOrder = append(b.failureOrder, key)
}

func (b *Builder) cached(out, key string, target Target, start time.Time) (*Artifact, bool) {
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(out, now, now) // lets a future cleaner evict by age
	return &Artifact{Wasm: data, Path: out, Hash: key, Cached: true, Duration: time.Since(start), Target: target}, true
}

func (b *Builder) build(ctx context.Context, files []sourceFile, tc *toolchain, key, out string, target Target, test bool, start time.Time) (*Artifact, error) {
	release, err := b.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	// Another process sharing the cache may have finished it meanwhile.
	if art, ok := b.cached(out, key, target, start); ok {
		return art, nil
	}
	guestDir, err := b.extractGuest()
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp(filepath.Join(b.opts.CacheDir, "work"), "b-")
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	defer os.RemoveAll(work)
	src := filepath.Join(work, "src")
	if err := os.MkdirAll(filepath.Join(work, "tmp"), 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(src, f.name), f.content, 0o644); err != nil {
			return nil, fmt.Errorf("build: %w", err)
		}
	}
	rel, err := filepath.Rel(src, guestDir)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := os.WriteFile(filepath.Join(src, "go.mod"), b.guest.goMod(rel), 0o644); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	binName := "module.wasm"
	if target.GOOS != "wasip1" {
		binName = "program"
	}
	bin := filepath.Join(work, binName)
	args := []string{"build", "-trimpath", "-buildvcs=false", "-o", bin, "."}
	if test {
		args = []string{"test", "-c", "-trimpath", "-buildvcs=false", "-o", bin, "."}
	}
	res, err := b.runGo(ctx, tc, work, src, target, b.opts.Timeout, nil, args...)
	if err != nil {
		return nil, err
	}
	if res.exitErr != nil {
		return nil, b.failure(res, files, src, guestDir, tc)
	}
	st, err := os.Stat(bin)
	if err != nil {
		return nil, fmt.Errorf("build: no output: %w", err)
	}
	if st.Size() > b.opts.MaxOutputBytes {
		return nil, fmt.Errorf("%w: the module is %s, the limit is %s; look for very large constants or arrays",
			ErrOutputTooLarge, humanBytes(st.Size()), humanBytes(b.opts.MaxOutputBytes))
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	// Publish atomically: readers either see the whole file or none.
	if err := os.Chmod(bin, 0o755); err != nil {
		return nil, fmt.Errorf("build: %w", err)
	}
	if err := os.Rename(bin, out); err != nil {
		return nil, fmt.Errorf("build: publish artifact: %w", err)
	}
	return &Artifact{Wasm: data, Path: out, Hash: key, Duration: time.Since(start), CPUTime: res.cpu, Target: target}, nil
}

// failure maps a failed go invocation to the error the learner sees.
func (b *Builder) failure(res *goResult, files []sourceFile, src, guestDir string, tc *toolchain) error {
	if res.timedOut {
		return fmt.Errorf("%w: the compiler was stopped after %s; a handler normally builds in under a second, so look for huge constants, arrays or generic types", ErrTimeout, b.opts.Timeout)
	}
	text := b.sanitizer(src, guestDir, tc).clean(res.output)
	switch {
	case strings.Contains(text, "file size limit exceeded"):
		return fmt.Errorf("%w: the compiler's output passed the size limit; look for very large constants or arrays", ErrOutputTooLarge)
	case strings.Contains(text, "out of memory") || strings.Contains(text, "cannot allocate memory") ||
		strings.Contains(text, "signal: killed") ||
		// Under the heap rlimit the compiler's runtime can also fault when
		// an mmap fails, instead of saying "out of memory".
		strings.Contains(text, "SIGSEGV: segmentation violation") || strings.Contains(text, "fatal error: runtime:"):
		return fmt.Errorf("%w: the compiler needed more than %s; look for huge constants (strings doubled again and again), arrays or deeply nested generic types",
			ErrCompilerMemory, humanBytes(b.opts.MaxMemoryBytes))
	}
	// A crashing compiler prints its goroutines; the learner needs only
	// what came before.
	if i := strings.Index(text, "\ngoroutine "); i >= 0 {
		text = text[:i]
	}
	diags := parseDiagnostics(text)
	if len(diags) == 0 {
		diags = []Diagnostic{{Message: "the compiler failed without a message (" + res.exitErr.Error() + ")"}}
	}
	addHints(diags, files, b.opts.DocURL)
	return &DiagnosticsError{Diagnostics: diags}
}

// sanitizer builds the path rewriting for one build.
func (b *Builder) sanitizer(src, guestDir string, tc *toolchain) *sanitizer {
	rel, _ := filepath.Rel(src, guestDir)
	return newSanitizer(
		src+string(filepath.Separator), "",
		src, ".",
		guestDir+string(filepath.Separator), "",
		rel+string(filepath.Separator), "",
		filepath.Dir(src)+string(filepath.Separator), "",
		b.opts.CacheDir, "$CACHE",
		b.opts.GoCacheDir, "$GOCACHE",
		tc.goroot, "$GOROOT",
	)
}

// acquire waits for a build slot.
func (b *Builder) acquire(ctx context.Context) (func(), error) {
	select {
	case b.sem <- struct{}{}:
		return func() { <-b.sem }, nil
	default:
	}
	if n := b.queued.Add(1); n > int64(b.opts.MaxQueued) {
		b.queued.Add(-1)
		return nil, fmt.Errorf("%w: %d builds are waiting; try again in a few seconds", ErrBusy, n-1)
	}
	defer b.queued.Add(-1)
	select {
	case b.sem <- struct{}{}:
		return func() { <-b.sem }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: %d builds were running and the wait ended: %w", ErrQueueWait, b.opts.MaxConcurrent, ctx.Err())
	}
}

func (b *Builder) extractGuest() (string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.guestDir != "" {
		return b.guestDir, nil
	}
	dir, err := b.guest.extract(filepath.Join(b.opts.CacheDir, "guest"))
	if err != nil {
		return "", fmt.Errorf("build: %w", err)
	}
	b.guestDir = dir
	return dir, nil
}

// keyVersion changes whenever the way a build is run changes (flags,
// generated go.mod), so stale artifacts are not reused.
const keyVersion = "learnsls-build-1"

func (b *Builder) key(files []sourceFile, goVersion string, t Target, test bool) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%v\x00", keyVersion, goVersion, b.guest.hash, t, test)
	sorted := append([]sourceFile(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, f := range sorted {
		fmt.Fprintf(h, "%s\x00%d\x00", f.name, len(f.content))
		h.Write(f.content)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (b *Builder) outPath(key string, t Target, test bool) string {
	ext := ".wasm"
	if t.GOOS != "wasip1" {
		ext = "." + t.GOOS + "-" + t.GOARCH
	}
	if test {
		ext = ".test" + ext
	}
	return filepath.Join(b.opts.CacheDir, "out", key[:32]+ext)
}

// limitedBuffer keeps the first max bytes written and counts the rest.
type limitedBuffer struct {
	buf     bytes.Buffer
	max     int
	dropped int
	mu      sync.Mutex
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	room := l.max - l.buf.Len()
	if room < len(p) {
		if room > 0 {
			l.buf.Write(p[:room])
		}
		l.dropped += len(p) - max(room, 0)
		return len(p), nil
	}
	return l.buf.Write(p)
}

func (l *limitedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.buf.String()
	if l.dropped > 0 {
		s += fmt.Sprintf("\n(%d more bytes of compiler output cut)", l.dropped)
	}
	return s
}

// staleWork is the age after which a build directory must be a leftover
// of a crashed process: far beyond any build's time limit.
const staleWork = 6 * time.Hour

// removeStaleWork deletes build directories a crashed process left behind.
// Directories of builds running now (in any process) are young and stay.
func removeStaleWork(dir string) {
	entries, _ := os.ReadDir(dir)
	cutoff := time.Now().Add(-staleWork)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			_ = os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// Prune removes built artifacts not used for olderThan (a cache hit counts
// as a use) and extracted guest trees other than the current one. It is
// safe to run while builds run: artifacts are published by rename, so a
// build never sees a half-removed file, only a miss.
func (b *Builder) Prune(olderThan time.Duration) (removed int, err error) {
	removeStaleWork(filepath.Join(b.opts.CacheDir, "work"))
	cutoff := time.Now().Add(-olderThan)
	outDir := filepath.Join(b.opts.CacheDir, "out")
	entries, err := os.ReadDir(outDir)
	if err != nil {
		return 0, fmt.Errorf("build: prune: %w", err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !info.Mode().IsRegular() || info.ModTime().After(cutoff) {
			continue
		}
		if os.Remove(filepath.Join(outDir, e.Name())) == nil {
			removed++
		}
	}
	guestRoot := filepath.Join(b.opts.CacheDir, "guest")
	current := b.guest.hash[:20]
	entries, _ = os.ReadDir(guestRoot)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || !e.IsDir() || e.Name() == current || info.ModTime().After(cutoff) {
			continue
		}
		if os.RemoveAll(filepath.Join(guestRoot, e.Name())) == nil {
			removed++
		}
	}
	return removed, nil
}
