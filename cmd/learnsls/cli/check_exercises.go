package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/lessons/grade"
)

// checkChecksFiles parses every exercise's checks.yaml, so a malformed
// checks file is a content error with its line, never a failure at grading
// time.
func checkChecksFiles(_ context.Context, env checkEnv) error {
	for _, ex := range env.Course.Exercises() {
		file := ex.Dir + "/checks.yaml"
		if len(ex.Checks) == 0 {
			env.Report(lessons.Problem{File: file, Msg: "missing checks.yaml", Hint: "every exercise needs checks; see content/README.md"})
			continue
		}
		_, err := grade.Parse(ex.Checks, file, ex.Kind)
		var es grade.Errors
		switch {
		case errors.As(err, &es):
			for _, e := range es {
				env.Report(lessons.Problem{File: file, Line: e.Line, Msg: e.Msg})
			}
		case err != nil:
			env.Report(lessons.Problem{File: file, Msg: err.Error()})
		}
	}
	return nil
}

// checkExerciseSolutions grades every exercise twice, in parallel: the
// reference solution must pass every check (hidden ones included) and the
// starter must fail at least one, or the exercise teaches nothing.
func checkExerciseSolutions(ctx context.Context, env checkEnv) error {
	g, err := grade.NewGrader(env.DataDir)
	if err != nil {
		return err
	}
	type job struct {
		ex       *lessons.Exercise
		solution bool
	}
	var jobs []job
	for _, ex := range env.Course.Exercises() {
		if _, err := grade.Parse(ex.Checks, ex.Dir+"/checks.yaml", ex.Kind); err != nil {
			continue // reported by checkChecksFiles
		}
		jobs = append(jobs, job{ex, true}, job{ex, false})
	}
	var (
		mu       sync.Mutex
		firstErr error
		wg       sync.WaitGroup
		next     = make(chan job)
	)
	report := func(p lessons.Problem) {
		mu.Lock()
		env.Report(p)
		mu.Unlock()
	}
	for w := 0; w < max(1, runtime.NumCPU()); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				files, which := j.ex.Starter, "starter"
				if j.solution {
					files, which = j.ex.Solution, "solution"
				}
				v, err := g.Grade(ctx, j.ex, files, grade.Submit, nil)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("%s (%s): %w", j.ex.Dir, which, err)
					}
					mu.Unlock()
					continue
				}
				dir := j.ex.Dir + "/" + which
				switch {
				case j.solution && !v.Compiled():
					report(lessons.Problem{File: dir, Msg: "the solution does not grade: " + verdictProblem(v), Hint: "fix the reference solution or the exercise"})
				case j.solution && !v.Passed:
					for _, c := range v.Checks {
						if !c.Passed {
							report(lessons.Problem{File: dir, Msg: fmt.Sprintf("the solution fails check %q: %s", c.Name, c.Failure), Hint: "a reference solution must pass every check"})
						}
					}
				case !j.solution && v.Passed:
					report(lessons.Problem{File: dir, Msg: "the starter passes every check", Hint: "a starter must fail at least one check, or the learner has nothing to do"})
				}
			}
		}()
	}
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

func verdictProblem(v *grade.Verdict) string {
	if len(v.Diagnostics) > 0 {
		return v.Diagnostics[0].String()
	}
	return v.Problem
}
