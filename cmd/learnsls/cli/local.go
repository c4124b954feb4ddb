package cli

import (
	"context"
	"fmt"
)

// runLocal is not built yet; its issue replaces this file.
func runLocal(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls local: not available in this build yet")
	return 1
}
