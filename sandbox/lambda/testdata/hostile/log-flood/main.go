// Attack: write 100 MB to the log stream.
package main

import (
	"bytes"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
)

func main() {
	lambda.Start(func() (string, error) {
		line := append(bytes.Repeat([]byte("x"), 1023), '\n')
		chunk := bytes.Repeat(line, 64) // 64 KiB
		for i := 0; i < 1600; i++ {     // 100 MiB
			os.Stdout.Write(chunk)
		}
		return "flooded", nil
	})
}
