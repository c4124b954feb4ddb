package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is the release version, set when building a release:
//
//	go build -ldflags "-X github.com/learnsls/learnsls/cmd/learnsls/cli.version=v1.2.0" ./cmd/learnsls
//
// When empty, the module version recorded by the go command is used
// (set by `go install github.com/learnsls/learnsls/cmd/learnsls@v1.2.0`).
var version string

// buildVersion describes this binary: its version and, when the go
// command recorded them, the VCS revision, commit time and whether the
// tree had local changes.
type buildVersion struct {
	Version  string // "v1.2.0", or "devel"
	Revision string
	Time     string
	Modified bool
	Go       string // toolchain that built the binary
}

// readVersion reads the build information of the running binary.
func readVersion() buildVersion {
	return versionFrom(version, debug.ReadBuildInfo)
}

func versionFrom(ldflagsVersion string, read func() (*debug.BuildInfo, bool)) buildVersion {
	v := buildVersion{Version: ldflagsVersion, Go: runtime.Version()}
	info, ok := read()
	if ok {
		if v.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v.Version = info.Main.Version
		}
		if info.GoVersion != "" {
			v.Go = info.GoVersion
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.time":
				v.Time = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if v.Version == "" {
		v.Version = "devel"
	}
	return v
}

// String is the one-line form: "v1.2.0 (abc1234def56, 2026-11-25T10:00:00Z, modified)".
func (v buildVersion) String() string {
	s := v.Version
	if v.Revision != "" {
		rev := v.Revision
		if len(rev) > 12 {
			rev = rev[:12]
		}
		s += " (" + rev
		if v.Time != "" {
			s += ", " + v.Time
		}
		if v.Modified {
			s += ", modified"
		}
		s += ")"
	}
	return s
}

// runVersion prints the version, VCS information and the Go toolchain.
func runVersion(ctx context.Context, env Env) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(env.Args); err != nil {
		return 2
	}
	v := readVersion()
	fmt.Fprintf(env.Stdout, "learnsls %s\nbuilt with %s for %s/%s\n", v, v.Go, runtime.GOOS, runtime.GOARCH)
	return 0
}
