package cli

import (
	"context"
	"fmt"
)

// runInvoke is not built yet; its issue replaces this file.
func runInvoke(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls invoke: not available in this build yet")
	return 1
}
