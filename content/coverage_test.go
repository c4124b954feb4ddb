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
	lessonFloor := map[string]int{
		"foundations":  5,
		"iam":          1,
		"lambda":       1,
		"api-gateway":  1,
		"dynamodb":     1,
		"event-driven": 1,
		"capstones":    1,
	}
	exerciseFloor := map[string]int{
		lessons.KindHandler:  0,
		lessons.KindPolicy:   0,
		lessons.KindTemplate: 0,
		lessons.KindPattern:  0,
		lessons.KindQuiz:     0,
	}
	for slug, floor := range lessonFloor {
		p, err := c.Path(slug)
		if err != nil {
			t.Errorf("path %q is gone: %v", slug, err)
			continue
		}
		if n := len(p.Lessons); n < floor {
			t.Errorf("path %q has %d lessons, fewer than the %d it had", slug, n, floor)
		} else if n > floor {
			t.Logf("path %q has %d lessons: raise its floor from %d", slug, n, floor)
		}
	}
	kinds := map[string]int{}
	for _, ex := range c.Exercises() {
		kinds[ex.Kind]++
	}
	for kind, floor := range exerciseFloor {
		if n := kinds[kind]; n < floor {
			t.Errorf("%d %s exercises, fewer than the %d the course had", n, kind, floor)
		} else if n > floor {
			t.Logf("%d %s exercises: raise the floor from %d", n, kind, floor)
		}
	}
	if len(c.Paths) != len(lessonFloor) {
		t.Errorf("the course has %d paths, the floors name %d: add the new path above", len(c.Paths), len(lessonFloor))
	}
}
