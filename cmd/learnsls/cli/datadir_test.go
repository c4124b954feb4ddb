package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestResolveDataDir(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	home := func() (string, error) { return "/home/ada", nil }
	noHome := func() (string, error) { return "", errors.New("no home") }
	tests := []struct {
		name    string
		flag    string
		env     map[string]string
		home    func() (string, error)
		want    string
		wantErr string
	}{
		{"flag wins", "/srv/data", map[string]string{"LEARNSLS_DATA": "/env", "XDG_DATA_HOME": "/xdg"}, home, "/srv/data", ""},
		{"relative flag made absolute", "data", nil, home, filepath.Join(cwd, "data"), ""},
		{"LEARNSLS_DATA", "", map[string]string{"LEARNSLS_DATA": "/env", "XDG_DATA_HOME": "/xdg"}, home, "/env", ""},
		{"XDG_DATA_HOME", "", map[string]string{"XDG_DATA_HOME": "/xdg"}, home, "/xdg/learnsls", ""},
		{"relative XDG_DATA_HOME ignored", "", map[string]string{"XDG_DATA_HOME": "xdg"}, home, "/home/ada/.local/share/learnsls", ""},
		{"home", "", nil, home, "/home/ada/.local/share/learnsls", ""},
		{"nothing known", "", nil, noHome, "", "pass --data DIR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := resolveDataDir(tt.flag, func(k string) string { return tt.env[k] }, tt.home)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("resolveDataDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestDataDirCreatesPrivateDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	got, err := dataDir(dir)
	if err != nil || got != dir {
		t.Fatalf("dataDir = %q, %v", got, err)
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() || st.Mode().Perm() != 0o700 {
		t.Errorf("data dir %v, %v; want a 0700 directory", st.Mode(), err)
	}
	// A file where the directory should be is explained.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o600)
	if _, err := dataDir(filepath.Join(file, "sub")); err == nil || !strings.Contains(err.Error(), "--data") {
		t.Errorf("dataDir under a file: %v", err)
	}
}
