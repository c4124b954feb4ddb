package cli

import (
	"bytes"
	"context"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	info := func(mainVersion string, settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: mainVersion}, Settings: settings}, true
		}
	}
	vcs := []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"},
		{Key: "vcs.time", Value: "2026-11-25T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	tests := []struct {
		name    string
		ldflags string
		read    func() (*debug.BuildInfo, bool)
		want    string
		wantGo  string
	}{
		{"ldflags win", "v1.2.0", info("v1.1.0"), "v1.2.0", "go1.26.8"},
		{"module version", "", info("v1.1.0"), "v1.1.0", "go1.26.8"},
		{"source build", "", info("(devel)"), "devel", "go1.26.8"},
		{"vcs details", "", info("(devel)", vcs...), "devel (0123456789ab, 2026-11-25T10:00:00Z, modified)", "go1.26.8"},
		{"no build info", "", func() (*debug.BuildInfo, bool) { return nil, false }, "devel", runtime.Version()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := versionFrom(tt.ldflags, tt.read)
			if v.String() != tt.want || v.Go != tt.wantGo {
				t.Errorf("version = %q (go %q), want %q (go %q)", v.String(), v.Go, tt.want, tt.wantGo)
			}
		})
	}
}

func TestRunVersion(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run(context.Background(), []string{"version"}, nil, &out, &errOut)
	if code != 0 || !strings.HasPrefix(out.String(), "learnsls ") || !strings.Contains(out.String(), runtime.GOOS+"/"+runtime.GOARCH) {
		t.Errorf("version: exit %d, out %q, err %q", code, out.String(), errOut.String())
	}
}
