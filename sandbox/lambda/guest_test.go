package lambda

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/sandbox/guest"
)

// TestGuestLambdaPackage runs the unit and fuzz-seed tests of our guest
// aws-lambda-go packages natively: they live in the embedded guest tree,
// which the host's go command does not see as packages.
func TestGuestLambdaPackage(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	dir := t.TempDir()
	root := "github.com/aws/aws-lambda-go"
	err = fs.WalkDir(guest.Modules(), root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		dst := filepath.Join(dir, rel)
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
	cmd := exec.Command(goBin, "test", "-count=1", "./lambda/", "./lambdacontext/")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test of the guest packages: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
