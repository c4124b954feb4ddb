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
)

// courseCheck is one step of `learnsls check` run after the course loaded
// cleanly (for example: every solution passes, every starter fails). It
// reports each problem with report, in the same file:line form as Load.
// Add a step by appending to courseChecks from the file that implements it.
type courseCheck struct {
	name string // shown while the step runs, e.g. "grading solutions"
	run  func(ctx context.Context, c *lessons.Course, report func(lessons.Problem))
}

// courseChecks are the steps of `learnsls check` after loading, in order.
var courseChecks []courseCheck

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
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls check [--content DIR]\n\nValidates a course: front matter, links, images, exercises. Lists every problem as file:line and exits 1 if there is any.")
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
	where := "built-in course"
	if *dir != "" {
		where = *dir
	}
	c, err := loadCourse(*dir)
	if err != nil {
		var ve *lessons.ValidationError
		if !errors.As(err, &ve) {
			fmt.Fprintf(env.Stderr, "learnsls check: %v\n", err)
			return 1
		}
		printProblems(env.Stdout, *dir, ve.Problems)
		fmt.Fprintf(env.Stderr, "%s: %d %s\n", where, len(ve.Problems), plural(len(ve.Problems), "problem", "problems"))
		return 1
	}
	var found []lessons.Problem
	for _, step := range courseChecks {
		if err := ctx.Err(); err != nil {
			fmt.Fprintf(env.Stderr, "learnsls check: %v\n", err)
			return 1
		}
		fmt.Fprintf(env.Stderr, "%s…\n", step.name)
		step.run(ctx, c, func(p lessons.Problem) { found = append(found, p) })
	}
	if len(found) > 0 {
		printProblems(env.Stdout, *dir, found)
		fmt.Fprintf(env.Stderr, "%s: %d %s\n", where, len(found), plural(len(found), "problem", "problems"))
		return 1
	}
	fmt.Fprintf(env.Stdout, "%s OK: %d %s, %d %s, %d %s\n", where,
		len(c.Paths), plural(len(c.Paths), "path", "paths"),
		len(c.Lessons()), plural(len(c.Lessons()), "lesson", "lessons"),
		len(c.Exercises()), plural(len(c.Exercises()), "exercise", "exercises"))
	return 0
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
