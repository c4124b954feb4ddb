// Attack: read host files, directly and by climbing out of /tmp.
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() ([]string, error) {
		var report []string
		for _, p := range []string{"/etc/passwd", "../etc/passwd", "../../../../etc/passwd", "/tmp/../etc/passwd",
			"/tmp/../../etc/hostname", "/proc/self/environ", "/var/task", "go.mod", "/"} {
			b, err := os.ReadFile(p)
			if err != nil {
				report = append(report, fmt.Sprintf("read %s: denied", p))
				continue
			}
			report = append(report, fmt.Sprintf("read %s: LEAKED %d bytes", p, len(b)))
		}
		for _, d := range []string{"/", ".", "..", "/tmp/.."} {
			entries, err := os.ReadDir(d)
			if err != nil {
				report = append(report, fmt.Sprintf("list %s: denied", d))
				continue
			}
			for _, e := range entries {
				if e.Name() != "tmp" {
					report = append(report, fmt.Sprintf("list %s: LEAKED %s", d, e.Name()))
				}
			}
		}
		if err := os.WriteFile("/etc/learnsls-owned", []byte("x"), 0o644); err == nil {
			report = append(report, "write /etc: LEAKED")
		}
		return report, nil
	})
}
