// Package cli implements the learnsls sub-commands. main only calls Run, so
// every command is testable with its own arguments and output streams.
//
// Each command lives in its own file (serve.go, check.go, invoke.go, …) and
// is listed once in the commands table below.
package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a command runs with: its arguments (after the command name)
// and its standard streams. Commands never touch os.Args or os.Stdout.
type Env struct {
	Args   []string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	summary string
	run     func(ctx context.Context, env Env) int
}

// commands is the single table of sub-commands.
var commands = map[string]command{
	"serve":     {"serve the course in a browser", runServe},
	"check":     {"validate a course: front matter, links, exercises", runCheck},
	"grade":     {"grade local files against an exercise", runGrade},
	"exercises": {"list the exercises of a course", runExercises},
	"invoke":    {"build a handler, deploy it and invoke it once", runInvoke},
	"deploy":    {"deploy a SAM template and serve its APIs locally", runDeploy},
	"local":     {"serve the simulated services' wire protocols (DynamoDB, SQS, ...)", runLocal},
	"iam":       {"simulate and validate IAM policies", runIAM},
	"events":    {"test EventBridge event patterns", runEvents},
	"doctor":    {"check the Go toolchain, data directory and port", runDoctor},
	"version":   {"print the version", runVersion},
}

// Run runs the sub-command named by args[0] and returns the process exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "learnsls: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(ctx, Env{Args: args[1:], Stdin: stdin, Stdout: stdout, Stderr: stderr})
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("learnsls: learn AWS serverless development with a simulated AWS on your machine\n\nUsage: learnsls <command> [flags]\n\nCommands:\n")
	for _, name := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", name, commands[name].summary)
	}
	b.WriteString("\nRun 'learnsls <command> -h' for a command's flags.\n")
	io.WriteString(w, b.String())
}
