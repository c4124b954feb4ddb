package cli

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/db"
)

func fakeGo(path string, lookErr error, out string, runErr error) doctorDeps {
	return doctorDeps{
		lookPath: func(string) (string, error) { return path, lookErr },
		runGo: func(ctx context.Context, bin string, args ...string) ([]byte, error) {
			if bin != path || strings.Join(args, " ") != "env GOVERSION" {
				return nil, errors.New("unexpected command " + bin + " " + strings.Join(args, " "))
			}
			return []byte(out), runErr
		},
	}
}

func TestCheckGo(t *testing.T) {
	tests := []struct {
		name       string
		deps       doctorDeps
		wantOK     bool
		wantDetail string
	}{
		{"found", fakeGo("/usr/local/go/bin/go", nil, "go1.26.8\n", nil), true, "go1.26.8 at /usr/local/go/bin/go"},
		{"development build", fakeGo("/opt/go/bin/go", nil, "devel go1.27-abcdef\n", nil), true, "devel go1.27-abcdef"},
		{"too old", fakeGo("/usr/bin/go", nil, "go1.21.4\n", nil), false, "go1.21.4 at /usr/bin/go is too old"},
		{"broken", fakeGo("/usr/bin/go", nil, "", errors.New("exit status 2")), false, "/usr/bin/go does not run"},
		{"missing", fakeGo("", errors.New("not found"), "", nil), false, "no go command on PATH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := checkGo(context.Background(), tt.deps)
			if f.OK != tt.wantOK || !strings.Contains(f.Detail, tt.wantDetail) {
				t.Errorf("checkGo = %+v, want ok=%v detail containing %q", f, tt.wantOK, tt.wantDetail)
			}
			if !f.OK && !strings.Contains(f.Fix, "go.dev/dl") {
				t.Errorf("fix %q does not say where to get Go", f.Fix)
			}
		})
	}
}

func TestGoMinor(t *testing.T) {
	for v, want := range map[string]int{"go1.24.3": 24, "go1.26rc1": 26, "go1.9": 9} {
		if got, ok := goMinor(v); !ok || got != want {
			t.Errorf("goMinor(%q) = %d, %v", v, got, ok)
		}
	}
	if _, ok := goMinor("devel go1.27-x"); ok {
		t.Error("development version reported as known")
	}
}

func TestDoctor(t *testing.T) {
	okGo := fakeGo("/usr/local/go/bin/go", nil, "go1.26.8\n", nil)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	corruptDir := t.TempDir()
	os.WriteFile(filepath.Join(corruptDir, db.FileName), []byte("not a database at all"), 0o600)
	fileDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(fileDir, nil, 0o600)

	tests := []struct {
		name     string
		deps     doctorDeps
		args     []string
		wantCode int
		want     []string
	}{
		{"all good", okGo, []string{"--data", t.TempDir(), "--addr", "127.0.0.1:0"}, 0, []string{
			"ok       Go toolchain: go1.26.8", "ok       data directory:", "is writable",
			"ok       database:", "will be created", "ok       port: 127.0.0.1:0 is free", "All good",
		}},
		{"no go", fakeGo("", errors.New("not found"), "", nil), []string{"--data", t.TempDir(), "--addr", "127.0.0.1:0"}, 1, []string{
			"problem  Go toolchain: no go command on PATH", "what to do: install Go 1.24 or newer",
		}},
		{"port in use", okGo, []string{"--data", t.TempDir(), "--addr", busy.Addr().String()}, 1, []string{
			"problem  port:", "already in use", "what to do: stop the program using it",
		}},
		{"corrupt database", okGo, []string{"--data", corruptDir, "--addr", "127.0.0.1:0"}, 1, []string{
			"problem  database:", "untouched", "what to do: move the file aside",
		}},
		{"data dir is a file", okGo, []string{"--data", filepath.Join(fileDir, "sub"), "--addr", "127.0.0.1:0"}, 1, []string{
			"problem  data directory:", "what to do: pass a writable directory",
		}},
		{"postgres", okGo, []string{"--data", t.TempDir(), "--addr", "127.0.0.1:0", "--db", "postgres://h/db"}, 1, []string{
			"problem  database:", "not supported yet",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := doctor(context.Background(), Env{Args: tt.args, Stdout: &out, Stderr: &errOut}, tt.deps)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.wantCode, out.String(), errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
	// The existing database is reported with its schema version.
	dir := t.TempDir()
	d, err := db.Open(context.Background(), filepath.Join(dir, db.FileName))
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	var out bytes.Buffer
	doctor(context.Background(), Env{Args: []string{"--data", dir, "--addr", "127.0.0.1:0"}, Stdout: &out, Stderr: &out}, okGo)
	if !strings.Contains(out.String(), "schema version 1") {
		t.Errorf("doctor on an existing database:\n%s", out.String())
	}
}
