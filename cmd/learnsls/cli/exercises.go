package cli

import (
	"context"
	"fmt"
)

// runExercises is not built yet; its issue replaces this file.
func runExercises(ctx context.Context, env Env) int {
	fmt.Fprintln(env.Stderr, "learnsls exercises: not available in this build yet")
	return 1
}
