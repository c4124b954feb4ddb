package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// TableExistsWaiterOptions configures a TableExistsWaiter.
type TableExistsWaiterOptions struct {
	// ClientOptions apply to every DescribeTable call.
	ClientOptions []func(*Options)
	// MinDelay and MaxDelay bound the pause between attempts (default 20 s
	// and 120 s, as on AWS). The simulated DynamoDB creates tables ACTIVE,
	// so the first attempt usually succeeds.
	MinDelay time.Duration
	MaxDelay time.Duration
	// LogWaitAttempts is accepted and ignored.
	LogWaitAttempts bool
	// Retryable decides, from one attempt, whether to try again.
	Retryable func(context.Context, *DescribeTableInput, *DescribeTableOutput, error) (bool, error)
}

// TableExistsWaiter waits until a table exists and is ACTIVE.
type TableExistsWaiter struct {
	client  DescribeTableAPIClient
	options TableExistsWaiterOptions
}

// NewTableExistsWaiter returns a waiter for an ACTIVE table.
func NewTableExistsWaiter(client DescribeTableAPIClient, optFns ...func(*TableExistsWaiterOptions)) *TableExistsWaiter {
	o := TableExistsWaiterOptions{MinDelay: 20 * time.Second, MaxDelay: 120 * time.Second, Retryable: tableExistsRetryable}
	for _, fn := range optFns {
		fn(&o)
	}
	return &TableExistsWaiter{client: client, options: o}
}

// Wait polls DescribeTable until the table is ACTIVE or maxWaitDur passes.
func (w *TableExistsWaiter) Wait(ctx context.Context, params *DescribeTableInput, maxWaitDur time.Duration, optFns ...func(*TableExistsWaiterOptions)) error {
	_, err := w.WaitForOutput(ctx, params, maxWaitDur, optFns...)
	return err
}

// WaitForOutput is Wait returning the last DescribeTable output.
func (w *TableExistsWaiter) WaitForOutput(ctx context.Context, params *DescribeTableInput, maxWaitDur time.Duration, optFns ...func(*TableExistsWaiterOptions)) (*DescribeTableOutput, error) {
	o := w.options
	for _, fn := range optFns {
		fn(&o)
	}
	return waitTable(ctx, w.client, params, maxWaitDur, o.MinDelay, o.MaxDelay, o.ClientOptions, o.Retryable, "TableExists")
}

// TableNotExistsWaiterOptions configures a TableNotExistsWaiter.
type TableNotExistsWaiterOptions struct {
	ClientOptions   []func(*Options)
	MinDelay        time.Duration
	MaxDelay        time.Duration
	LogWaitAttempts bool
	Retryable       func(context.Context, *DescribeTableInput, *DescribeTableOutput, error) (bool, error)
}

// TableNotExistsWaiter waits until a table is gone.
type TableNotExistsWaiter struct {
	client  DescribeTableAPIClient
	options TableNotExistsWaiterOptions
}

// NewTableNotExistsWaiter returns a waiter for a deleted table.
func NewTableNotExistsWaiter(client DescribeTableAPIClient, optFns ...func(*TableNotExistsWaiterOptions)) *TableNotExistsWaiter {
	o := TableNotExistsWaiterOptions{MinDelay: 20 * time.Second, MaxDelay: 120 * time.Second, Retryable: tableNotExistsRetryable}
	for _, fn := range optFns {
		fn(&o)
	}
	return &TableNotExistsWaiter{client: client, options: o}
}

// Wait polls DescribeTable until it reports ResourceNotFoundException.
func (w *TableNotExistsWaiter) Wait(ctx context.Context, params *DescribeTableInput, maxWaitDur time.Duration, optFns ...func(*TableNotExistsWaiterOptions)) error {
	_, err := w.WaitForOutput(ctx, params, maxWaitDur, optFns...)
	return err
}

// WaitForOutput is Wait returning the last DescribeTable output.
func (w *TableNotExistsWaiter) WaitForOutput(ctx context.Context, params *DescribeTableInput, maxWaitDur time.Duration, optFns ...func(*TableNotExistsWaiterOptions)) (*DescribeTableOutput, error) {
	o := w.options
	for _, fn := range optFns {
		fn(&o)
	}
	return waitTable(ctx, w.client, params, maxWaitDur, o.MinDelay, o.MaxDelay, o.ClientOptions, o.Retryable, "TableNotExists")
}

func tableExistsRetryable(_ context.Context, _ *DescribeTableInput, out *DescribeTableOutput, err error) (bool, error) {
	if err == nil {
		if out.Table != nil && out.Table.TableStatus == types.TableStatusActive {
			return false, nil
		}
		return true, nil
	}
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return true, nil
	}
	return false, err
}

func tableNotExistsRetryable(_ context.Context, _ *DescribeTableInput, _ *DescribeTableOutput, err error) (bool, error) {
	if err == nil {
		return true, nil
	}
	var nf *types.ResourceNotFoundException
	if errors.As(err, &nf) {
		return false, nil
	}
	return false, err
}

// waitTable is the polling loop both waiters share: an attempt at once,
// then pauses growing from minDelay towards maxDelay (with jitter) while
// time remains.
func waitTable(ctx context.Context, client DescribeTableAPIClient, params *DescribeTableInput, maxWait, minDelay, maxDelay time.Duration,
	clientOpts []func(*Options), retryable func(context.Context, *DescribeTableInput, *DescribeTableOutput, error) (bool, error), name string) (*DescribeTableOutput, error) {
	if maxWait <= 0 {
		return nil, fmt.Errorf("maximum wait time for waiter must be greater than zero")
	}
	if maxDelay <= 0 {
		maxDelay = 120 * time.Second
	}
	if minDelay > maxDelay {
		return nil, fmt.Errorf("minimum waiter delay %v must be lesser than or equal to maximum waiter delay of %v.", minDelay, maxDelay)
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, maxWait)
	defer cancel()
	deadline := time.Now().Add(maxWait)
	for attempt := 1; ; attempt++ {
		out, err := client.DescribeTable(ctx, params, clientOpts...)
		again, err := retryable(ctx, params, out, err)
		if err != nil {
			return nil, err
		}
		if !again {
			return out, nil
		}
		remaining := time.Until(deadline)
		if remaining <= 0 || remaining < minDelay {
			return nil, fmt.Errorf("exceeded max wait time for %s waiter", name)
		}
		delay := minDelay << min(attempt-1, 20)
		if delay > maxDelay || delay <= 0 {
			delay = maxDelay
		}
		if delay > minDelay {
			delay = minDelay + rand.N(delay-minDelay)
		}
		if remaining-delay < minDelay {
			// Leave time for a last attempt, as the SDK does.
			delay = remaining - minDelay
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			if parent.Err() == nil {
				// Our own max wait ran out, not the caller's context.
				return nil, fmt.Errorf("exceeded max wait time for %s waiter", name)
			}
			return nil, fmt.Errorf("request cancelled while waiting, %w", parent.Err())
		case <-t.C:
		}
	}
}
