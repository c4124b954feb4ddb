package guest_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/guest"
)

// TestGuestLambdaModule runs the tests inside our guest aws-lambda-go
// module natively (the host's go command does not see the embedded tree as
// packages): the runtime loop and handler shapes (lambda, lambdacontext),
// and the generated JSON codecs (events/jsoncodec_test.go,
// internal/jsoncodec) with their differential tests and fuzz seed corpora
// against encoding/json, over the sample events in testdata/events. The
// module is extracted with its go.mod, so it builds on its own, as in a
// learner's build.
func TestGuestLambdaModule(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("no go command on PATH")
	}
	dir := t.TempDir()
	const root = "github.com/aws/aws-lambda-go"
	err = fs.WalkDir(guest.Modules(), root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(guest.Modules(), p)
		if err != nil {
			return err
		}
		if rel == "go.mod.embed" {
			dst = filepath.Join(dir, "go.mod")
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	samples, err := filepath.Abs(filepath.Join("testdata", "events"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "test", "-count=1", "./lambda/", "./lambdacontext/", "./events/", "./internal/jsoncodec/")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LEARNSLS_EVENT_SAMPLES="+samples, "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test of the guest aws-lambda-go module: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), "ok  \t"); n != 3 { // lambdacontext has no tests
		t.Fatalf("%d of 3 packages with tests reported ok:\n%s", n, out)
	}
}
