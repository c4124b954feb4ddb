package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/lambda"
)

// repeated collects a flag given several times (--code a.go --code b.go).
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// invokeFlags are the parsed flags of `learnsls invoke`.
type invokeFlags struct {
	code    repeated
	event   string
	timeout time.Duration
	memory  int
	env     repeated
	times   int
	data    string
	engine  string
	name    string

	template string            // with a template: deploy it and invoke one of its functions
	function string            // the function's logical ID
	params   map[string]string // template parameter overrides
	set      map[string]bool   // flags given on the command line
}

// runInvoke builds a handler, cold-starts it and invokes it, like
// `sam local invoke`: the response on stdout, the log stream on stderr,
// exit status 1 when the function fails.
func runInvoke(ctx context.Context, env Env) int {
	var f invokeFlags
	fl := flag.NewFlagSet("invoke", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Var(&f.code, "code", "Go `file` of package main (repeat for several files)")
	fl.StringVar(&f.event, "event", "", "event JSON `file`, or - for standard input (default: {})")
	fl.DurationVar(&f.timeout, "timeout", lambda.DefaultTimeout, "function timeout (1s to 15m)")
	fl.IntVar(&f.memory, "memory", lambda.DefaultMemoryMB, "memory size in `MB` (128 to 10240)")
	fl.Var(&f.env, "env", "environment variable `K=V` for the function (repeatable)")
	fl.IntVar(&f.times, "times", 1, "invoke `N` times in a row (the first is a cold start, the rest warm)")
	fl.StringVar(&f.engine, "engine", "auto", "wazero engine: auto (interpreter, compiling functions invoked often), compiler or interpreter")
	fl.StringVar(&f.name, "name", "handler", "function `name`")
	fl.StringVar(&f.template, "template", "", "SAM `template`: deploy it and invoke one of its functions (code from the template's folder, or --code)")
	fl.StringVar(&f.function, "function", "", "with --template: the function's `LogicalId` (default: the only function)")
	var params paramFlags
	fl.Var(&params, "param", "with --template: parameter override `Name=Value` (repeatable)")
	data := addDataFlag(fl)
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls invoke --code main.go [--code more.go] [--event event.json|-] [--timeout 3s] [--memory 128] [--env K=V]... [--times N]\n       learnsls invoke --template template.yaml [--function LogicalId] [--code DIR|FILE]... [--param Name=Value]... [--event event.json|-] [--times N]\n\nBuilds a Go Lambda handler, starts it in a fresh execution environment and invokes it.\nWith --template, deploys the template into a simulated account first and invokes one of\nits functions, with the memory, timeout, environment and role the template gives it.\nThe response goes to standard output, the log stream to standard error; the exit status is 1 if the function fails.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(env.Args); err != nil {
		return 2
	}
	f.data = *data
	f.params = params.m
	f.set = map[string]bool{}
	fl.Visit(func(x *flag.Flag) { f.set[x.Name] = true })
	if (len(f.code) == 0 && f.template == "") || fl.NArg() > 0 || f.times < 1 {
		fl.Usage()
		return 2
	}
	run := doInvoke
	if f.template != "" {
		run = doInvokeTemplate
	} else if f.set["function"] || f.set["param"] {
		fmt.Fprintln(env.Stderr, "learnsls invoke: --function and --param need --template")
		return 2
	}
	if err := run(ctx, env, f); err != nil {
		var fe *functionFailed
		if errors.As(err, &fe) {
			return 1
		}
		fmt.Fprintf(env.Stderr, "learnsls invoke: %v\n", err)
		return 1
	}
	return 0
}

// functionFailed reports that the function ran and failed; its error
// record is already on stdout.
type functionFailed struct{}

func (*functionFailed) Error() string { return "function failed" }

// readEvent reads the event from a file, standard input ("-") or gives {}.
func readEvent(env Env, path string) ([]byte, error) {
	switch path {
	case "":
		return []byte("{}"), nil
	case "-":
		b, err := io.ReadAll(io.LimitReader(env.Stdin, lambda.MaxSyncPayloadBytes+1))
		if err != nil {
			return nil, fmt.Errorf("read the event from standard input: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the event: %w", err)
	}
	return b, nil
}

func doInvoke(ctx context.Context, env Env, f invokeFlags) error {
	files := map[string][]byte{}
	for _, p := range f.code {
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		base := filepath.Base(p)
		if _, dup := files[base]; dup {
			return fmt.Errorf("two files are named %s; file names must differ", base)
		}
		files[base] = b
	}
	event, err := readEvent(env, f.event)
	if err != nil {
		return err
	}
	vars := map[string]string{}
	for _, kv := range f.env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return fmt.Errorf("--env %q: want KEY=VALUE", kv)
		}
		vars[k] = v
	}
	engine, err := lambda.ParseEngine(f.engine)
	if err != nil {
		return err
	}
	dir, err := dataDir(f.data)
	if err != nil {
		return err
	}
	b, err := build.New(build.Options{CacheDir: filepath.Join(dir, "build")})
	if err != nil {
		return err
	}
	art, err := b.Build(ctx, build.Source{Files: files})
	if err != nil {
		var de *build.DiagnosticsError
		if errors.As(err, &de) {
			for _, d := range de.Diagnostics {
				fmt.Fprintln(env.Stderr, d.String())
			}
			return errors.New("the handler does not compile")
		}
		return fmt.Errorf("build: %w", err)
	}

	svc, err := lambda.New(ctx, lambda.Options{
		Engine:              engine,
		CompilationCacheDir: filepath.Join(dir, "wazero"),
		Logs:                lambda.LogSinkFunc(func(e lambda.LogEvent) { fmt.Fprintln(env.Stderr, e.Message) }),
	})
	if err != nil {
		return err
	}
	defer svc.Close(context.WithoutCancel(ctx))
	cfg := lambda.FunctionConfig{Name: f.name, MemoryMB: f.memory, Timeout: f.timeout, Environment: vars}
	if _, err := svc.CreateFunction(ctx, cfg, art.Wasm); err != nil {
		return err
	}
	failed := false
	for i := 0; i < f.times; i++ {
		res, err := svc.Invoke(ctx, f.name, event)
		if err != nil {
			return err
		}
		env.Stdout.Write(res.Payload)
		fmt.Fprintln(env.Stdout)
		if res.FunctionError != "" {
			failed = true
		}
	}
	if failed {
		return &functionFailed{}
	}
	return nil
}
