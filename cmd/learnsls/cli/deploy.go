package cli

import (
	"context"
	"fmt"
)

// runDeploy is not built yet; its issue replaces this file.
func runDeploy(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls deploy: not available in this build yet")
	return 1
}
