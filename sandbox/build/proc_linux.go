//go:build linux

package build

import (
	"errors"
	"os/exec"
	"syscall"
	"time"

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

// applyLimits caps the data segment (RLIMIT_DATA: on Linux >= 4.7 every
// private writable mapping, which is where the Go runtime's heap lives) and
// the size of any file the go command (and the compile and link processes
// it starts, which inherit the limits) may write. RLIMIT_AS is not used: the
// Go runtime reserves address space it never touches, so an address-space
// cap makes ordinary builds fail at random. It runs right after start, before the go command has
// had time to start a compiler. Failing to set a limit is not fatal: the
// wall-time limit still holds.
func applyLimits(pid int, maxMem, maxFile int64) {
	if maxMem > 0 {
		_ = unix.Prlimit(pid, unix.RLIMIT_DATA, &unix.Rlimit{Cur: uint64(maxMem), Max: uint64(maxMem)}, nil)
	}
	if maxFile > 0 {
		_ = unix.Prlimit(pid, unix.RLIMIT_FSIZE, &unix.Rlimit{Cur: uint64(maxFile), Max: uint64(maxFile)}, nil)
	}
}

// waitGroupGone waits (briefly) until no process of the group is left, so
// the build directory is not removed while a killed compiler still writes
// into it.
func waitGroupGone(pid int) {
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if err := syscall.Kill(-pid, 0); errors.Is(err, syscall.ESRCH) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}
