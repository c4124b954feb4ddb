// Attack: run host programs.
package main

import (
	"fmt"
	"os"
	"os/exec"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() ([]string, error) {
		var report []string
		for _, cmd := range [][]string{{"/bin/sh", "-c", "id"}, {"go", "version"}, {"ls", "/"}} {
			out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput()
			if err != nil {
				report = append(report, fmt.Sprintf("exec %s: denied", cmd[0]))
				continue
			}
			report = append(report, fmt.Sprintf("exec %s: LEAKED %q", cmd[0], out))
		}
		if _, err := os.StartProcess("/bin/sh", []string{"sh"}, &os.ProcAttr{}); err == nil {
			report = append(report, "StartProcess: LEAKED")
		}
		return report, nil
	})
}
