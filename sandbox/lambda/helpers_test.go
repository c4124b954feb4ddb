package lambda

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/learnsls/learnsls/sandbox/build"
)

var (
	builderOnce sync.Once
	builder     *build.Builder
	builderErr  error
	built       sync.Map // guest dir -> []byte
)

// testBuilder shares one build cache across test runs: builds are content
// addressed, so a warm cache makes the guests cost a fraction of a second.
func testBuilder(t testing.TB) *build.Builder {
	builderOnce.Do(func() {
		builder, builderErr = build.New(build.Options{CacheDir: filepath.Join(os.TempDir(), "learnsls-lambda-test-build")})
	})
	if builderErr != nil {
		t.Fatalf("build.New: %v", builderErr)
	}
	return builder
}

// buildDir compiles the Go files of dir (under testdata/) to wasm.
func buildDir(t testing.TB, dir string) []byte {
	t.Helper()
	if b, ok := built.Load(dir); ok {
		return b.([]byte)
	}
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".go" {
			b, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files[e.Name()] = b
		}
	}
	art, err := testBuilder(t).Build(context.Background(), build.Source{Files: files})
	if err != nil {
		t.Fatalf("build %s: %v", dir, err)
	}
	built.Store(dir, art.Wasm)
	return art.Wasm
}

func newTestService(t testing.TB, opts Options) *Service {
	t.Helper()
	if opts.Engine == EngineAuto {
		opts.Engine = EngineInterpreter // loads fastest; tests compile many modules
	}
	s, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func createFunction(t testing.TB, s *Service, cfg FunctionConfig, code []byte) {
	t.Helper()
	if _, err := s.CreateFunction(context.Background(), cfg, code); err != nil {
		t.Fatalf("CreateFunction(%s): %v", cfg.Name, err)
	}
}

func invoke(t testing.TB, s *Service, name, payload string) *InvokeResult {
	t.Helper()
	res, err := s.Invoke(context.Background(), name, []byte(payload))
	if err != nil {
		t.Fatalf("Invoke(%s, %s): %v", name, payload, err)
	}
	return res
}
