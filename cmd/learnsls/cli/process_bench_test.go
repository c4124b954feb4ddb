package cli

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkProcessStartToFirstRequest measures the whole story of the
// issue's target (≤ 300 ms): exec the real learnsls binary (embedded course
// included), wait for it to print its URL, and get the first page. The
// binary is built once, outside the timing. --warm=false: every iteration
// has a fresh data directory, so the background build-cache warm-up would
// only start compiling and be killed; it never delays the first page.
func BenchmarkProcessStartToFirstRequest(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "learnsls")
	build := exec.Command("go", "build", "-o", bin, "github.com/learnsls/learnsls/cmd/learnsls")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build learnsls: %v\n%s", err, out)
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for b.Loop() {
		b.StopTimer()
		data := b.TempDir()
		b.StartTimer()

		cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--warm=false")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		url := ""
		for lines.Scan() {
			if m := servingLine.FindStringSubmatch(lines.Text()); m != nil {
				url = m[1]
				break
			}
		}
		if url == "" {
			cmd.Process.Kill()
			cmd.Wait()
			b.Fatal("learnsls serve printed no URL")
		}
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("first request: %d", resp.StatusCode)
		}

		b.StopTimer()
		go io.Copy(io.Discard, stdout)
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("learnsls serve after Ctrl+C: %v", err)
		}
		b.StartTimer()
	}
}
