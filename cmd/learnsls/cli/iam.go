package cli

import (
	"context"
	"fmt"
)

// runIAM is not built yet; its issue replaces this file.
func runIAM(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls iam: not available in this build yet")
	return 1
}
