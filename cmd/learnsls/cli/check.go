package cli

import (
	"context"
	"fmt"
)

// runCheck is not built yet; its issue replaces this file.
func runCheck(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls check: not available in this build yet")
	return 1
}
