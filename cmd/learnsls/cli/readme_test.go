package cli

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeTestCommandCoversEveryPackage keeps the README's test command
// (which .ci/run runs) honest: it names its packages by folder, so a new
// top-level folder must be added there or its tests would never run.
func TestReadmeTestCommandCoversEveryPackage(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var command string
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "go vet ./...") {
			command = line
			break
		}
	}
	if command == "" {
		t.Fatal("README has no test command starting with `go vet ./...`")
	}
	ci, err := os.ReadFile("../../../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	cmdOnly, _, _ := strings.Cut(command, "   #")
	if !strings.Contains(string(ci), strings.TrimSpace(cmdOnly)) {
		t.Errorf(".ci/run does not run the README's test command:\n%s", cmdOnly)
	}
	var prefixes []string
	for _, m := range regexp.MustCompile(`\./([a-z]+)/\.\.\.`).FindAllStringSubmatch(command, -1) {
		prefixes = append(prefixes, "github.com/learnsls/learnsls/"+m[1]+"/")
	}
	out, err := exec.Command("go", "list", "-C", "../../..", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		covered := false
		for _, p := range prefixes {
			if strings.HasPrefix(pkg+"/", p) {
				covered = true
			}
		}
		if !covered {
			t.Errorf("package %s is not tested by the README's test command", pkg)
		}
	}
}
