package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
)

// runGrade grades local files against one exercise, like pressing Submit.
func runGrade(ctx context.Context, env Env) int {
	fl := flag.NewFlagSet("grade", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	exName := fl.String("exercise", "", "the exercise, as `path/lesson` (see learnsls exercises)")
	dir := fl.String("content", "", "course `folder` (default: the built-in course)")
	data := addDataFlag(fl)
	asJSON := fl.Bool("json", false, "print the verdict as JSON")
	visible := fl.Bool("run", false, "run only the visible checks (like the Run button)")
	colour := fl.String("color", "auto", "colour output: auto, always or never")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "Usage: learnsls grade --exercise PATH/LESSON [--json] FILE...\n\nGrades your files against an exercise's checks, like Submit in the browser.\nEach FILE is named as the exercise names it (main.go, policy.json, ...).\nExit status 1 when a check fails or the code does not compile.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *exName == "" || fl.NArg() == 0 {
		fmt.Fprintln(env.Stderr, "learnsls grade: name an exercise with --exercise path/lesson and at least one file")
		fl.Usage()
		return 2
	}
	course, err := loadCourse(*dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
		return 1
	}
	ex, err := findExercise(course, *exName)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
		return 1
	}
	files := map[string][]byte{}
	for _, name := range fl.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
			return 1
		}
		base := filepath.Base(name)
		if !editable(ex, base) {
			fmt.Fprintf(env.Stderr, "learnsls grade: %s is not a file of this exercise; it takes %s\n", base, strings.Join(ex.Files, ", "))
			return 2
		}
		files[base] = b
	}
	dd, err := dataDir(*data)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
		return 1
	}
	g, err := grade.NewGrader(dd)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
		return 1
	}
	mode := grade.Submit
	if *visible {
		mode = grade.Run
	}
	progress := func(p grade.Progress) {
		if *asJSON {
			return
		}
		switch p.Stage {
		case "building":
			fmt.Fprintln(env.Stderr, "building and deploying…")
		case "checking":
			fmt.Fprintf(env.Stderr, "check %d of %d: %s\n", p.Check, p.Total, p.Name)
		}
	}
	v, err := g.Grade(ctx, ex, files, mode, progress)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls grade: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			return 1
		}
	} else {
		v.WriteText(env.Stdout, wantColour(*colour, env.Stdout))
	}
	if !v.Passed {
		return 1
	}
	return 0
}

// findExercise looks an exercise up by "path/lesson" slugs.
func findExercise(c *lessons.Course, name string) (*lessons.Exercise, error) {
	pathSlug, lessonSlug, ok := strings.Cut(strings.Trim(name, "/"), "/")
	if ok {
		if l, err := c.Lesson(pathSlug, lessonSlug); err == nil && l.Exercise != nil {
			return l.Exercise, nil
		}
	}
	return nil, fmt.Errorf("no exercise %q; run `learnsls exercises` to list them (written as path/lesson)", name)
}

func editable(ex *lessons.Exercise, name string) bool {
	for _, f := range ex.Files {
		if f == name {
			return true
		}
	}
	return false
}

// wantColour decides on ANSI colours: always, never, or auto (a terminal
// and no NO_COLOR).
func wantColour(mode string, w any) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
