//go:build !linux

package build

import "os/exec"

// setProcessGroup falls back to killing the go command alone; its children
// end when their pipes close.
func setProcessGroup(cmd *exec.Cmd) {}

// applyLimits has no portable equivalent outside Linux; the wall-time limit
// still holds.
func applyLimits(pid int, maxMem, maxFile int64) {}

// waitGroupGone has nothing to wait for without process groups.
func waitGroupGone(pid int) {}
