package aws

import (
	"context"
	"fmt"
	"time"
)

// RetryMode names a retry strategy; accepted for compatibility.
type RetryMode string

// The retry modes the real SDK knows.
const (
	RetryModeStandard RetryMode = "standard"
	RetryModeAdaptive RetryMode = "adaptive"
)

// ParseRetryMode parses "standard" or "adaptive".
func ParseRetryMode(v string) (RetryMode, error) {
	switch v {
	case "standard":
		return RetryModeStandard, nil
	case "adaptive":
		return RetryModeAdaptive, nil
	}
	return RetryMode(""), fmt.Errorf("unknown RetryMode, %v", v)
}

// String returns the mode's name.
func (m RetryMode) String() string { return string(m) }

// Retryer decides whether and when to retry a failed attempt. The guest
// clients never retry, but configuration code may build one.
type Retryer interface {
	IsErrorRetryable(error) bool
	MaxAttempts() int
	RetryDelay(attempt int, opErr error) (time.Duration, error)
	GetRetryToken(ctx context.Context, opErr error) (releaseToken func(error) error, err error)
	GetInitialToken() (releaseToken func(error) error)
}

// NopRetryer never retries.
type NopRetryer struct{}

// IsErrorRetryable is always false.
func (NopRetryer) IsErrorRetryable(error) bool { return false }

// MaxAttempts is 1.
func (NopRetryer) MaxAttempts() int { return 1 }

// RetryDelay reports that no retry is possible.
func (NopRetryer) RetryDelay(int, error) (time.Duration, error) {
	return 0, fmt.Errorf("not retrying any attempt errors")
}

// GetRetryToken returns a no-op release function.
func (NopRetryer) GetRetryToken(context.Context, error) (func(error) error, error) {
	return func(error) error { return nil }, nil
}

// GetInitialToken returns a no-op release function.
func (NopRetryer) GetInitialToken() func(error) error {
	return func(error) error { return nil }
}
