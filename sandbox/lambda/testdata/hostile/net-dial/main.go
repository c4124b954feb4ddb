// Attack: reach the network (a listener on the host whose address the test
// passes in TARGET, and the outside world).
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() ([]string, error) {
		var report []string
		for _, addr := range []string{os.Getenv("TARGET"), "169.254.169.254:80", "1.1.1.1:53"} {
			c, err := net.DialTimeout("tcp", addr, time.Second)
			if err != nil {
				report = append(report, fmt.Sprintf("dial %s: denied", addr))
				continue
			}
			c.Close()
			report = append(report, "dial "+addr+": LEAKED")
		}
		client := http.Client{Timeout: time.Second}
		if _, err := client.Get("http://" + os.Getenv("TARGET") + "/"); err != nil {
			report = append(report, "http get: denied")
		} else {
			report = append(report, "http get: LEAKED")
		}
		return report, nil
	})
}
