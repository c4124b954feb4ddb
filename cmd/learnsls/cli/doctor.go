package cli

import (
	"context"
	"fmt"
)

// runDoctor is not built yet; its issue replaces this file.
func runDoctor(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls doctor: not available in this build yet")
	return 1
}
