// Command learnsls is an interactive course on AWS serverless development
// with an in-process simulated AWS. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/learnsls/learnsls/cmd/learnsls/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
