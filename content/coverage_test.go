package content_test

import (
	"testing"

	"github.com/learnsls/learnsls/content"
	"github.com/learnsls/learnsls/lessons"
)

// TestCoverage is a ratchet: the course may gain lessons and exercises, never
// lose them. When you add some, raise the floors below to the new counts.
func TestCoverage(t *testing.T) {
	c, err := lessons.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	// path -> {lessons, exercises}
	pathFloor := map[string][2]int{
		"foundations":  {5, 5},
		"iam":          {7, 7},
		"lambda":       {8, 8},
		"api-gateway":  {8, 8},
		"dynamodb":     {10, 10},
		"event-driven": {8, 7},
		"capstones":    {2, 2},
	}
	kindFloor := map[string]int{
		lessons.KindHandler:  25,
		lessons.KindPolicy:   5,
		lessons.KindTemplate: 4,
		lessons.KindPattern:  1,
		lessons.KindQuiz:     12,
	}
	for slug, floor := range pathFloor {
		p, err := c.Path(slug)
		if err != nil {
			t.Errorf("path %q is gone: %v", slug, err)
			continue
		}
		exercises := 0
		for _, l := range p.Lessons {
			if l.Exercise != nil {
				exercises++
			}
		}
		for i, what := range []string{"lessons", "exercises"} {
			n := []int{len(p.Lessons), exercises}[i]
			if n < floor[i] {
				t.Errorf("path %q has %d %s, fewer than the %d it had", slug, n, what, floor[i])
			} else if n > floor[i] {
				t.Logf("path %q has %d %s: raise its floor from %d", slug, n, what, floor[i])
			}
		}
	}
	kinds := map[string]int{}
	for _, ex := range c.Exercises() {
		kinds[ex.Kind]++
	}
	for kind, floor := range kindFloor {
		if n := kinds[kind]; n < floor {
			t.Errorf("%d %s exercises, fewer than the %d the course had", n, kind, floor)
		} else if n > floor {
			t.Logf("%d %s exercises: raise the floor from %d", n, kind, floor)
		}
	}
	if len(c.Paths) != len(pathFloor) {
		t.Errorf("the course has %d paths, the floors name %d: add the new path above", len(c.Paths), len(pathFloor))
	}
	if n := len(c.Exercises()); n < 30 {
		t.Errorf("the course has %d graded exercises; the course issue asks for at least 30", n)
	}
}
