//go:build linux

package build

import (
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// setProcessGroup puts the go command in its own process group and makes
// cancellation kill the whole group, so compile and link children die with
// it when the wall-time limit passes.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// applyLimits caps the address space and the size of any file the go
// command (and the compile and link processes it starts, which inherit the
// limits) may write. It runs right after start, before the go command has
// had time to start a compiler. Failing to set a limit is not fatal: the
// wall-time limit still holds.
func applyLimits(pid int, maxMem, maxFile int64) {
	if maxMem > 0 {
		_ = unix.Prlimit(pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: uint64(maxMem), Max: uint64(maxMem)}, nil)
	}
	if maxFile > 0 {
		_ = unix.Prlimit(pid, unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: uint64(maxFile), Max: uint64(maxFile)}, nil)
	}
}
