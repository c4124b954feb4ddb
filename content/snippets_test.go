package content_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/learnsls/learnsls/content"
	"github.com/learnsls/learnsls/lessons"
	"github.com/learnsls/learnsls/sandbox/build"
)

// goCache is a GOCACHE shared across test runs (content addressed, so safe
// to share), the same one sandbox/build's tests use.
func goCache() string {
	if d := os.Getenv("LEARNSLS_TEST_GOCACHE"); d != "" {
		return d
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "learnsls-test-gocache")
}

// TestSnippetsCompile builds every ```go compile block of the course for
// wasip1 against the guest SDK, exactly as a learner's handler is built, so
// a worked example can never show code that does not compile.
func TestSnippetsCompile(t *testing.T) {
	c, err := lessons.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	b, err := build.New(build.Options{CacheDir: t.TempDir(), GoCacheDir: goCache()})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	t.Run("snippets", func(t *testing.T) {
		for _, l := range c.Lessons() {
			for _, s := range l.Snippets {
				if !s.Compile {
					continue
				}
				n++
				t.Run(fmt.Sprintf("%s:%d", s.File, s.Line), func(t *testing.T) {
					t.Parallel() // the Builder bounds concurrent compilers by CPU count
					_, err := b.Build(context.Background(), build.Source{Files: map[string][]byte{"main.go": []byte(s.Code)}})
					if err != nil {
						t.Errorf("%s:%d: the go compile block does not build:\n%v", s.File, s.Line, err)
					}
				})
			}
		}
	})
	if n == 0 {
		t.Error("the course has no go compile blocks")
	}
}
