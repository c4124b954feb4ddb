package cli

import (
	"context"
	"fmt"
)

// runVersion is not built yet; its issue replaces this file.
func runVersion(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls version: not available in this build yet")
	return 1
}
