package cli

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/learnsls/learnsls/sandbox/events/eventbridge"
	"github.com/learnsls/learnsls/sandbox/events/pattern"
	"github.com/learnsls/learnsls/sandbox/events/sns"
	"github.com/learnsls/learnsls/sandbox/events/sqs"
)

const eventsUsage = `Usage:
  learnsls events test-pattern --pattern p.json --event e.json [--json]

test-pattern checks an EventBridge event pattern against one event, like
the TestEventPattern API, and explains the result. It exits 0 whether or
not the event matches, and 1 if the pattern is invalid (with its position).
`

// runEvents dispatches `learnsls events test-pattern`.
func runEvents(ctx context.Context, env Env) int {
	if len(env.Args) == 0 || env.Args[0] == "-h" || env.Args[0] == "--help" || env.Args[0] == "help" {
		io.WriteString(env.Stdout, eventsUsage)
		if len(env.Args) == 0 {
			return 2
		}
		return 0
	}
	sub, rest := env.Args[0], env.Args[1:]
	switch sub {
	case "test-pattern":
		return runTestPattern(env, rest)
	default:
		fmt.Fprintf(env.Stderr, "learnsls events: unknown sub-command %q\n\n%s", sub, eventsUsage)
		return 2
	}
}

// testPatternOutput is the --json form of `learnsls events test-pattern`.
type testPatternOutput struct {
	Match  bool        `json:"match"`
	Reason string      `json:"reason,omitempty"`
	Error  *patternErr `json:"error,omitempty"`
}

type patternErr struct {
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Offset  int    `json:"offset,omitempty"`
}

func runTestPattern(env Env, args []string) int {
	fl := flag.NewFlagSet("events test-pattern", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	patPath := fl.String("pattern", "", "event pattern `file` (JSON)")
	evPath := fl.String("event", "", "event `file` (JSON)")
	asJSON := fl.Bool("json", false, "print the result as JSON")
	fl.Usage = func() { io.WriteString(fl.Output(), eventsUsage+"\nFlags of test-pattern:\n"); fl.PrintDefaults() }
	pos, err := parseInterspersed(fl, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 || *patPath == "" || *evPath == "" {
		fmt.Fprintln(env.Stderr, "learnsls events test-pattern: name both files, e.g. --pattern pattern.json --event event.json")
		return 2
	}
	pat, err := os.ReadFile(*patPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls events test-pattern: read pattern: %v\n", err)
		return 2
	}
	ev, err := os.ReadFile(*evPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "learnsls events test-pattern: read event: %v\n", err)
		return 2
	}
	ok, why, err := pattern.Match(pat, ev)
	if err != nil {
		var se *pattern.SyntaxError
		out := testPatternOutput{Error: &patternErr{Message: err.Error()}}
		if errors.As(err, &se) {
			out.Error.Line, out.Error.Column, out.Error.Offset = se.Line, se.Column, se.Offset
		}
		if *asJSON {
			writeEventsJSON(env.Stdout, out)
		} else if se != nil {
			fmt.Fprintf(env.Stderr, "%s:%d:%d: %s\n", *patPath, se.Line, se.Column, err)
		} else {
			fmt.Fprintf(env.Stderr, "%s: %v\n", *evPath, err)
		}
		return 1
	}
	if *asJSON {
		writeEventsJSON(env.Stdout, testPatternOutput{Match: ok, Reason: why})
		return 0
	}
	if ok {
		fmt.Fprintf(env.Stdout, "match: %s\n", why)
	} else {
		fmt.Fprintf(env.Stdout, "no match: %s\n", why)
	}
	return 0
}

func writeEventsJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// addLocalEvents puts SQS (AWS JSON 1.0) and EventBridge (AWS JSON 1.1) behind
// the `learnsls local` front door, and SNS (query protocol). Rules and
// topics deliver to SQS queues and SNS topics of the same process every
// 250 ms; there are no functions to invoke in local mode.
func addLocalEvents(lr *localRouter, region, endpoint string, out io.Writer) (stop func()) {
	q := sqs.New(sqs.Options{Region: region, URLBase: endpoint, RealTimeWait: true})
	var topics *sns.Service
	bus := eventbridge.New(eventbridge.Options{Region: region, Deliver: func(ctx context.Context, d eventbridge.Delivery) error {
		switch {
		case strings.HasPrefix(d.Target.Arn, "arn:aws:sqs:"):
			in := sqs.SendInput{MessageBody: string(d.Payload)}
			if d.Target.SqsParameters != nil && d.Target.SqsParameters.MessageGroupId != "" {
				in.MessageGroupId = d.Target.SqsParameters.MessageGroupId
				in.MessageDeduplicationId = fmt.Sprintf("%x", sha256.Sum256(d.Event))
			}
			_, err := q.Send(d.Target.Arn, in, "AIDAIEVENTBRIDGEEXAMPLE")
			return err
		case strings.HasPrefix(d.Target.Arn, "arn:aws:sns:"):
			_, err := topics.Publish(sns.PublishInput{TopicArn: d.Target.Arn, Message: string(d.Payload)})
			return err
		}
		return fmt.Errorf("target %s: learnsls local delivers to SQS queues and SNS topics only", d.Target.Arn)
	}})
	topics = sns.New(sns.Options{Region: region, Deliver: func(ctx context.Context, d sns.Delivery) error {
		if d.Protocol != "sqs" {
			return fmt.Errorf("learnsls local delivers SNS messages to SQS only")
		}
		in := sqs.SendInput{MessageBody: string(d.Payload)}
		if d.Raw {
			for k, a := range d.Attributes {
				if in.MessageAttributes == nil {
					in.MessageAttributes = map[string]sqs.MessageAttribute{}
				}
				in.MessageAttributes[k] = sqs.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
			}
		}
		_, err := q.Send(d.Endpoint, in, "AIDAISNSEXAMPLE")
		return err
	}})
	lr.services = append(lr.services,
		localService{Name: "SQS", Match: targetPrefix(sqs.TargetPrefix), Handler: q},
		localService{Name: "EventBridge", Match: targetPrefix(eventbridge.TargetPrefix), Handler: bus},
		// SNS speaks the query protocol: a form POST without X-Amz-Target.
		localService{Name: "SNS", Match: func(r *http.Request) bool {
			return r.Method == http.MethodPost && r.Header.Get("X-Amz-Target") == "" &&
				strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
		}, Handler: topics},
	)
	fmt.Fprintf(out, "  SQS (JSON protocol), EventBridge and SNS are served at the same endpoint\n")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				bus.Pump(ctx)
				topics.Pump(ctx)
			}
		}
	}()
	return func() { cancel(); <-done }
}
