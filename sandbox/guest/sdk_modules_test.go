package guest_test

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/learnsls/learnsls/sandbox/guest"
)

// TestGuestSDKModuleTests runs the unit tests, fuzz seed corpora and
// benchmarks-as-tests that live inside the guest SDK modules (the host's go
// tool never sees them under _modules). The modules are extracted with
// their go.mod files and tied together by a go.work, so each one builds
// against the other guest modules, never against the real SDK in the
// module cache.
func TestGuestSDKModuleTests(t *testing.T) {
	dir := t.TempDir()
	fsys := guest.Modules()
	var mods []string
	testDirs := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasPrefix(p, "github.com/aws/aws-sdk-go-v2") && !strings.HasPrefix(p, "github.com/aws/smithy-go") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := p
		if strings.HasSuffix(p, "_test.go") {
			testDirs["./"+path.Dir(p)] = true
		}
		if path.Base(p) == "go.mod.embed" {
			name = path.Join(path.Dir(p), "go.mod")
			mods = append(mods, path.Dir(p))
		}
		out := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(mods) < 4 {
		t.Fatalf("found only the guest SDK modules %v", mods)
	}
	work := "go 1.26\n\nuse (\n"
	for _, m := range mods {
		work += "\t./" + m + "\n"
	}
	work += ")\n"
	if err := os.WriteFile(filepath.Join(dir, "go.work"), []byte(work), 0o644); err != nil {
		t.Fatal(err)
	}
	if len(testDirs) < 4 {
		t.Fatalf("found tests in only %v", testDirs)
	}
	// One go command for every package with tests: the workspace resolves
	// the relative directories to their modules.
	args := []string{"test", "-count=1"}
	for d := range testDirs {
		args = append(args, d)
	}
	sort.Strings(args[2:])
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"), "GOPROXY=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("go test %v: %v\n%s", args[2:], err, out)
	}
	if n := strings.Count(string(out), "ok  \t"); n != len(testDirs) {
		t.Errorf("%d of %d packages reported ok:\n%s", n, len(testDirs), out)
	}
}
