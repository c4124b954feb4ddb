package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/learnsls/learnsls/db"
)

// minGoMinor is the oldest Go 1.x that compiles learners' handlers (the
// guest modules' go.mod files say go 1.24).
const minGoMinor = 24

// finding is the outcome of one doctor check.
type finding struct {
	Name   string // "Go toolchain"
	OK     bool
	Detail string // what was found
	Fix    string // what to do, when !OK
}

// doctorDeps are the doctor's windows on the system, replaceable in tests.
type doctorDeps struct {
	lookPath func(file string) (string, error)
	goroot   string // fallback GOROOT of the binary's own toolchain
	runGo    func(ctx context.Context, bin string, args ...string) ([]byte, error)
}

func systemDoctorDeps() doctorDeps {
	return doctorDeps{
		lookPath: exec.LookPath,
		goroot:   runtime.GOROOT(), //nolint:staticcheck // a fallback only, as the builder does
		runGo: func(ctx context.Context, bin string, args ...string) ([]byte, error) {
			cmd := exec.CommandContext(ctx, bin, args...)
			cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local", "GOTELEMETRY=off")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil && stderr.Len() > 0 {
				err = fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
			}
			return out, err
		},
	}
}

const goInstallFix = "install Go 1.24 or newer from https://go.dev/dl/ and make sure the go command is on PATH"

// checkGo finds the go command learner handlers are compiled with.
func checkGo(ctx context.Context, d doctorDeps) finding {
	f := finding{Name: "Go toolchain"}
	bin, err := d.lookPath("go")
	if err != nil {
		bin = ""
		if d.goroot != "" {
			p := filepath.Join(d.goroot, "bin", "go")
			if _, serr := os.Stat(p); serr == nil {
				bin = p
			}
		}
	}
	if bin == "" {
		f.Detail = "no go command on PATH; exercises cannot be compiled"
		f.Fix = goInstallFix
		return f
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := d.runGo(ctx, bin, "env", "GOVERSION")
	if err != nil {
		f.Detail = fmt.Sprintf("%s does not run: %v", bin, err)
		f.Fix = "reinstall Go (" + goInstallFix + ")"
		return f
	}
	v := strings.TrimSpace(string(out))
	minor, known := goMinor(v)
	if known && minor < minGoMinor {
		f.Detail = fmt.Sprintf("%s at %s is too old to compile exercises", v, bin)
		f.Fix = goInstallFix
		return f
	}
	f.OK = true
	f.Detail = fmt.Sprintf("%s at %s (learners' handlers are compiled with it)", v, bin)
	return f
}

// goMinor extracts 24 from "go1.24.3" or "go1.24rc1"; known is false for
// development builds.
func goMinor(v string) (minor int, known bool) {
	rest, ok := strings.CutPrefix(v, "go1.")
	if !ok {
		return 0, false
	}
	end := 0
	for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(rest[:end])
	return n, err == nil
}

// checkDataDir makes sure the data directory exists and takes files.
func checkDataDir(flagValue string) (finding, string) {
	f := finding{Name: "data directory"}
	dir, err := dataDir(flagValue)
	if err != nil {
		f.Detail = err.Error()
		f.Fix = "pass a writable directory with --data DIR (or set LEARNSLS_DATA)"
		return f, ""
	}
	probe, err := os.CreateTemp(dir, ".doctor-*")
	if err == nil {
		_, err = probe.WriteString("ok")
		probe.Close()
		os.Remove(probe.Name())
	}
	if err != nil {
		f.Detail = fmt.Sprintf("%s is not writable: %v", dir, err)
		f.Fix = "fix its permissions, or pass another directory with --data DIR"
		return f, dir
	}
	f.OK = true
	f.Detail = dir + " is writable"
	return f, dir
}

// checkDatabase opens the database if there is one (applying pending
// migrations, as serve would) and reports its schema version.
func checkDatabase(ctx context.Context, dir, dbURL string) finding {
	f := finding{Name: "database"}
	if dbURL == "" {
		path := filepath.Join(dir, db.FileName)
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			f.OK = true
			f.Detail = path + " will be created by learnsls serve"
			return f
		}
	}
	store, err := db.OpenURL(ctx, dbURL, dir)
	if err != nil {
		f.Detail = err.Error()
		switch {
		case errors.Is(err, db.ErrCorrupt):
			f.Fix = "move the file aside (or restore a backup); learnsls serve then starts a fresh database"
		case errors.Is(err, db.ErrNewerSchema):
			f.Fix = "install the newer learnsls that wrote it, or use another --data directory"
		default:
			f.Fix = "check --db and --data"
		}
		return f
	}
	defer store.Close()
	v, err := store.Version(ctx)
	if err != nil {
		f.Detail = err.Error()
		f.Fix = "check the database file"
		return f
	}
	f.OK = true
	f.Detail = fmt.Sprintf("%s, schema version %d", store.Path(), v)
	return f
}

// checkPort makes sure serve can listen on addr.
func checkPort(addr string) finding {
	f := finding{Name: "port"}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		f.Detail = listenError(addr, err).Error()
		f.Fix = "stop the program using it, or run learnsls serve with another --addr, e.g. 127.0.0.1:8081"
		return f
	}
	ln.Close()
	f.OK = true
	f.Detail = addr + " is free for learnsls serve"
	return f
}

// printFindings writes one line per check and returns whether all passed.
func printFindings(w io.Writer, fs []finding) bool {
	all := true
	for _, f := range fs {
		mark := "ok     "
		if !f.OK {
			mark = "problem"
			all = false
		}
		fmt.Fprintf(w, "%s  %s: %s\n", mark, f.Name, f.Detail)
		if !f.OK && f.Fix != "" {
			fmt.Fprintf(w, "         what to do: %s\n", f.Fix)
		}
	}
	return all
}

// runDoctor is `learnsls doctor`: checks the Go toolchain (learners'
// handlers are compiled with it), the data directory, the database and
// the port; exit status 1 when any check finds a problem.
func runDoctor(ctx context.Context, env Env) int {
	return doctor(ctx, env, systemDoctorDeps())
}

func doctor(ctx context.Context, env Env, deps doctorDeps) int {
	fs := flag.NewFlagSet("doctor", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address learnsls serve will listen on")
	data := addDataFlag(fs)
	dbURL := fs.String("db", "", "database URL, as for learnsls serve")
	if err := fs.Parse(env.Args); err != nil {
		return 2
	}
	findings := []finding{checkGo(ctx, deps)}
	dirFinding, dir := checkDataDir(*data)
	findings = append(findings, dirFinding)
	if dir != "" {
		findings = append(findings, checkDatabase(ctx, dir, *dbURL))
	}
	findings = append(findings, checkPort(*addr))
	if !printFindings(env.Stdout, findings) {
		return 1
	}
	fmt.Fprintln(env.Stdout, "\nAll good: run learnsls serve.")
	return 0
}
