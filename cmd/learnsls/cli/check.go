package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/learnsls/learnsls/content"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/build"
)

// checkEnv is what a step of `learnsls check` works with.
type checkEnv struct {
	Course  *lessons.Course
	DataDir string                // the resolved --data directory
	Build   build.Options         // options for a build.Builder (cache under DataDir)
	Report  func(lessons.Problem) // records one problem, in Load's file:line form
}

// courseCheck is one step of `learnsls check` run after the course loaded
// cleanly (compiling worked examples; later: every solution passes, every
// starter fails). Add a step by appending to courseChecks.
type courseCheck struct {
	name      string // shown while the step runs, e.g. "building go compile blocks"
	toolchain bool   // needs the Go toolchain; skipped with --skip-build
	run       func(ctx context.Context, env checkEnv) error
}

// courseChecks are the steps of `learnsls check` after loading, in order.
var courseChecks = []courseCheck{
	{name: "building go compile blocks", toolchain: true, run: checkSnippets},
	{name: "reading checks files", run: checkChecksFiles},
	{name: "grading every exercise: solutions must pass, starters must fail", toolchain: true, run: checkExerciseSolutions},
}

// courseFS returns the course to use: the embedded one, or the folder an
// instructor named with --content.
func courseFS(dir string) (fs.FS, error) {
	if dir == "" {
		return content.FS(), nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("course folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("course folder %s is not a folder", dir)
	}
	return os.DirFS(dir), nil
}

// loadCourse loads and validates the course named by --content ("" for the
// embedded one).
func loadCourse(dir string) (*lessons.Course, error) {
	fsys, err := courseFS(dir)
	if err != nil {
		return nil, err
	}
	return lessons.Load(fsys)
}

// runCheck validates a course and lists every problem; exit status 1 if any.
func runCheck(ctx context.Context, env Env) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	dir := fl.String("content", "", "course `folder` to check (default: the built-in course)")
	data := fl.String("data", "", "data `directory` for the build cache (default: $LEARNSLS_DATA or the user data directory)")
	skipBuild := fl.Bool("skip-build", false, "only validate files, links and front matter; compile nothing")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls check [--content DIR] [--data DIR] [--skip-build]\n\nValidates a course: front matter, links, images, exercises, and that every\n```go compile block builds. Lists every problem as file:line and exits 1 if\nthere is any.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "learnsls check: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	opts := checkOptions{Content: *dir, SkipBuild: *skipBuild}
	if !*skipBuild {
		d, err := dataDir(*data)
		if err != nil {
			fmt.Fprintf(env.Stderr, "learnsls check: %v\n", err)
			return 1
		}
		opts.DataDir = d
		opts.Build = build.Options{CacheDir: filepath.Join(d, "build")}
	}
	return checkCourse(ctx, opts, env.Stdout, env.Stderr)
}

// checkOptions configure checkCourse.
type checkOptions struct {
	Content   string        // --content folder, "" for the built-in course
	DataDir   string        // resolved --data directory
	SkipBuild bool          // skip the steps that need the Go toolchain
	Build     build.Options // for steps that compile
}

// checkCourse loads the course, runs every step and prints the problems,
// returning the exit status.
func checkCourse(ctx context.Context, opts checkOptions, stdout, stderr io.Writer) int {
	where := "built-in course"
	if opts.Content != "" {
		where = opts.Content
	}
	c, err := loadCourse(opts.Content)
	if err != nil {
		var ve *lessons.ValidationError
		if !errors.As(err, &ve) {
			fmt.Fprintf(stderr, "learnsls check: %v\n", err)
			return 1
		}
		printProblems(stdout, opts.Content, ve.Problems)
		fmt.Fprintf(stderr, "%s: %d %s\n", where, len(ve.Problems), plural(len(ve.Problems), "problem", "problems"))
		return 1
	}
	var found []lessons.Problem
	cenv := checkEnv{Course: c, DataDir: opts.DataDir, Build: opts.Build,
		Report: func(p lessons.Problem) { found = append(found, p) }}
	for _, step := range courseChecks {
		if step.toolchain && opts.SkipBuild {
			continue
		}
		fmt.Fprintf(stderr, "%s…\n", step.name)
		if err := step.run(ctx, cenv); err != nil {
			fmt.Fprintf(stderr, "learnsls check: %s: %v\n", step.name, err)
			return 1
		}
	}
	if len(found) > 0 {
		printProblems(stdout, opts.Content, found)
		fmt.Fprintf(stderr, "%s: %d %s\n", where, len(found), plural(len(found), "problem", "problems"))
		return 1
	}
	fmt.Fprintf(stdout, "%s OK: %d %s, %d %s, %d %s\n", where,
		len(c.Paths), plural(len(c.Paths), "path", "paths"),
		len(c.Lessons()), plural(len(c.Lessons()), "lesson", "lessons"),
		len(c.Exercises()), plural(len(c.Exercises()), "exercise", "exercises"))
	return 0
}

// checkSnippets builds every ```go compile block for wasip1 against the guest
// SDK, as a learner's handler is built, and reports compiler messages at
// their line in the lesson.
func checkSnippets(ctx context.Context, env checkEnv) error {
	b, err := build.New(env.Build)
	if err != nil {
		return err
	}
	for _, l := range env.Course.Lessons() {
		for _, s := range l.Snippets {
			if !s.Compile {
				continue
			}
			_, err := b.Build(ctx, build.Source{Files: map[string][]byte{"main.go": []byte(s.Code)}})
			var de *build.DiagnosticsError
			switch {
			case errors.As(err, &de):
				for _, d := range de.Diagnostics {
					line := s.Line
					if d.File == "main.go" && d.Line > 0 {
						line = s.Line + d.Line - 1
					}
					env.Report(lessons.Problem{File: s.File, Line: line, Msg: "go compile block: " + d.Message, Hint: d.Hint})
				}
			case err != nil:
				return fmt.Errorf("%s:%d: %w", s.File, s.Line, err)
			}
		}
	}
	return nil
}

// printProblems prints one problem per line with its file named from the
// current directory (the --content folder, or content/ of the source tree
// for the built-in course), so editors can jump to file:line.
func printProblems(w io.Writer, dir string, ps []lessons.Problem) {
	if dir == "" {
		dir = "content"
	}
	for _, p := range ps {
		p.File = filepath.Join(dir, filepath.FromSlash(p.File))
		fmt.Fprintln(w, p.String())
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
