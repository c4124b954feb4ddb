package cli

import (
	"context"
	"fmt"
)

// runEvents is not built yet; its issue replaces this file.
func runEvents(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls events: not available in this build yet")
	return 1
}
