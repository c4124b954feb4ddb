package cli

import (
	"context"
	"fmt"
)

// runServe is not built yet; its issue replaces this file.
func runServe(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls serve: not available in this build yet")
	return 1
}
