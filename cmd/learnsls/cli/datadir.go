package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// dataDirUsage is the help text of --data, shared by every command.
const dataDirUsage = "directory for the database, build cache and compiled modules " +
	"(default: $LEARNSLS_DATA, else $XDG_DATA_HOME/learnsls, else ~/.local/share/learnsls)"

// addDataFlag registers --data on a command's flag set.
func addDataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", dataDirUsage)
}

// resolveDataDir picks the data directory: the --data flag, else
// $LEARNSLS_DATA, else $XDG_DATA_HOME/learnsls, else
// ~/.local/share/learnsls. The result is absolute. getenv and home are
// passed in so tests need not touch the process environment.
func resolveDataDir(flagValue string, getenv func(string) string, home func() (string, error)) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = getenv("LEARNSLS_DATA")
	}
	if dir == "" {
		if xdg := getenv("XDG_DATA_HOME"); xdg != "" && filepath.IsAbs(xdg) { // XDG: relative values are ignored
			dir = filepath.Join(xdg, "learnsls")
		}
	}
	if dir == "" {
		h, err := home()
		if err != nil || h == "" {
			return "", errors.New("cannot find a data directory: no home directory is known; pass --data DIR or set LEARNSLS_DATA")
		}
		dir = filepath.Join(h, ".local", "share", "learnsls")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("data directory %s: %w", dir, err)
	}
	return abs, nil
}

// dataDir resolves the data directory from the flag and the environment
// and creates it (readable by its owner only) if needed.
func dataDir(flagValue string) (string, error) {
	dir, err := resolveDataDir(flagValue, os.Getenv, os.UserHomeDir)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the data directory %s: %w; choose another with --data DIR", dir, err)
	}
	return dir, nil
}
