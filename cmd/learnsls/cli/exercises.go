package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/learnsls/learnsls/lessons"
)

// runExercises lists a course's exercises: id (path/lesson), kind, title.
// The id is what `learnsls grade --exercise` takes.
func runExercises(ctx context.Context, env Env) int {
	fl := flag.NewFlagSet("exercises", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	dir := fl.String("content", "", "course `folder` (default: the built-in course)")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls exercises [--content DIR]\n\nLists the exercises of a course: id (path/lesson), kind and title.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(env.Stderr, "learnsls exercises: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	c, err := loadCourse(*dir)
	if err != nil {
		var ve *lessons.ValidationError
		if errors.As(err, &ve) {
			printProblems(env.Stderr, *dir, ve.Problems)
			fmt.Fprintln(env.Stderr, "learnsls exercises: the course has problems; run learnsls check for the list")
			return 1
		}
		fmt.Fprintf(env.Stderr, "learnsls exercises: %v\n", err)
		return 1
	}
	exs := c.Exercises()
	if len(exs) == 0 {
		fmt.Fprintln(env.Stderr, "the course has no exercises")
		return 0
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EXERCISE\tKIND\tTITLE")
	for _, ex := range exs {
		fmt.Fprintf(tw, "%s/%s\t%s\t%s\n", ex.Lesson.Path.Slug, ex.Lesson.Slug, ex.Kind, ex.Title)
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(env.Stderr, "learnsls exercises: %v\n", err)
		return 1
	}
	return 0
}
