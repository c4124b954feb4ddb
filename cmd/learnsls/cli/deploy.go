package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
)

// runDeploy deploys a SAM template with its Go code into a local simulated
// account and serves its APIs, like `sam local start-api` without Docker:
// live function logs in the terminal, redeploy when a file changes.
func runDeploy(ctx context.Context, env Env) int {
	fl := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	template := fl.String("template", "template.yaml", "the SAM `template`")
	code := fl.String("code", "", "`folder` where the functions' CodeUri paths start (default: the template's folder)")
	addr := fl.String("addr", "127.0.0.1:3000", "`address` to serve the APIs on")
	data := addDataFlag(fl)
	var params paramFlags
	fl.Var(&params, "param", "template parameter override `Name=Value` (repeatable)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls deploy [--template template.yaml] [--code DIR] [--addr 127.0.0.1:3000] [--param Name=Value]...\n\nDeploys the template and its Go handlers into a simulated AWS account on this\nmachine and serves its APIs: one API at the root of --addr, several under\n/<LogicalId>/. Function logs stream here; editing the template or a .go\nfile redeploys. Stop with Ctrl+C.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir, err := dataDir(*data)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls deploy: %v\n", err)
		return 1
	}
	b, err := build.New(build.Options{CacheDir: filepath.Join(dir, "build")})
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls deploy: %v\n", err)
		return 1
	}
	err = sandbox.RunLocal(ctx, sandbox.LocalOptions{
		Stack:        sandbox.Options{Builder: b, CompilationCacheDir: filepath.Join(dir, "wazero")},
		TemplatePath: *template,
		CodeDir:      *code,
		Params:       params.m,
		Addr:         *addr,
		Out:          env.Stdout,
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(env.Stderr, "learnsls deploy: %v\n", err)
		return 1
	}
	return 0
}

// paramFlags collects repeated Name=Value flags.
type paramFlags struct{ m map[string]string }

func (p *paramFlags) String() string { return "" }

func (p *paramFlags) Set(s string) error {
	name, value, ok := strings.Cut(s, "=")
	if !ok || name == "" {
		return fmt.Errorf("want Name=Value, got %q", s)
	}
	if p.m == nil {
		p.m = map[string]string{}
	}
	p.m[name] = value
	return nil
}
