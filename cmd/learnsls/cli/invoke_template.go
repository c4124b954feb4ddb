package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/learnsls/learnsls/sandbox"
	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/sandbox/lambda"
	"github.com/learnsls/learnsls/sandbox/sam"
)

// maxCodeFile bounds the size of one source file invoke reads.
const maxCodeFile = 1 << 20

// doInvokeTemplate is `learnsls invoke --template`: deploy the template into
// a fresh simulated account (DESIGN §7: build, deploy, invoke once), invoke
// one of its functions and print what `sam local invoke` prints.
func doInvokeTemplate(ctx context.Context, env Env, f invokeFlags) error {
	// Memory, timeout and environment come from the template there.
	for _, name := range []string{"memory", "timeout", "env", "name"} {
		if f.set[name] {
			return fmt.Errorf("--%s cannot be combined with --template: set it on the function in the template", name)
		}
	}
	tmpl, err := os.ReadFile(f.template)
	if err != nil {
		return fmt.Errorf("read the template: %w", err)
	}
	// Load first: a template error or a wrong --function is reported
	// before anything is built.
	m, err := sam.Load(filepath.Base(f.template), tmpl, sam.Options{Parameters: f.params})
	if err != nil {
		return err
	}
	function, err := pickFunction(m.Functions(), f.function)
	if err != nil {
		return err
	}
	files, err := templateCode(filepath.Dir(f.template), f.code)
	if err != nil {
		return err
	}
	event, err := readEvent(env, f.event)
	if err != nil {
		return err
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
	s, err := sandbox.New(ctx, sandbox.Options{
		Builder:             b,
		Engine:              engine,
		CompilationCacheDir: filepath.Join(dir, "wazero"),
		Logs:                lambda.LogSinkFunc(func(e lambda.LogEvent) { fmt.Fprintln(env.Stderr, e.Message) }),
	})
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	if err := s.Deploy(ctx, tmpl, files, f.params); err != nil {
		var de *build.DiagnosticsError
		if errors.As(err, &de) {
			for _, d := range de.Diagnostics {
				fmt.Fprintln(env.Stderr, d.String())
			}
			return fmt.Errorf("function %s does not compile", function)
		}
		return fmt.Errorf("deploy: %w", err)
	}
	for _, w := range s.Warnings() {
		fmt.Fprintf(env.Stderr, "learnsls invoke: warning: %s\n", w)
	}
	failed := false
	for i := 0; i < f.times; i++ {
		res, err := s.Invoke(ctx, function, event)
		if err != nil {
			return fmt.Errorf("invoke %s: %w", function, err)
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

// pickFunction chooses the function to invoke: the one named, or the only
// one; with several and none named, the error lists them.
func pickFunction(fns []sam.Function, want string) (string, error) {
	ids := make([]string, 0, len(fns))
	for _, fn := range fns {
		ids = append(ids, fn.LogicalID)
	}
	sort.Strings(ids)
	if want != "" {
		for _, id := range ids {
			if id == want {
				return id, nil
			}
		}
		if len(ids) == 0 {
			return "", fmt.Errorf("the template has no function %s; it declares no functions", want)
		}
		return "", fmt.Errorf("the template has no function %s; its functions are: %s", want, strings.Join(ids, ", "))
	}
	switch len(ids) {
	case 0:
		return "", errors.New("the template declares no functions (AWS::Serverless::Function or AWS::Lambda::Function) to invoke")
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("the template has %d functions; choose one with --function: %s", len(ids), strings.Join(ids, ", "))
}

// templateCode collects the Go sources a deploy needs, by slash path
// relative to the template's folder (where CodeUri paths start). Without
// --code that is every .go file under the folder; a --code folder is read
// the same way, and a --code file keeps its path relative to the
// template's folder (its base name when it lies outside).
func templateCode(root string, code []string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if len(code) == 0 {
		return files, readGoTree(root, files)
	}
	for _, p := range code {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("--code: %w", err)
		}
		if info.IsDir() {
			if err := readGoTree(p, files); err != nil {
				return nil, err
			}
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		rel := filepath.Base(p)
		if r, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
		files[filepath.ToSlash(rel)] = b
	}
	return files, nil
}

// readGoTree adds the .go files under dir (tests, hidden and vendor
// folders skipped) to files, by slash path relative to dir.
func readGoTree(dir string, files map[string][]byte) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read code: %w", err)
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(name, ".") || name == "vendor" || name == "node_modules" || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > maxCodeFile {
			return fmt.Errorf("%s is larger than 1 MiB; is it really a handler source file?", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
}
