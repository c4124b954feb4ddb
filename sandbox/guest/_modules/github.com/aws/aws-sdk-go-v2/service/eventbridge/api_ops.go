package eventbridge

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
)

// PutEventsInput is the input of PutEvents.
type PutEventsInput struct {
	Entries    []types.PutEventsRequestEntry
	EndpointId *string
}

// PutEventsOutput is the result of PutEvents.
type PutEventsOutput struct {
	Entries          []types.PutEventsResultEntry
	FailedEntryCount int32
}

// PutEvents puts up to 10 events on event buses; check FailedEntryCount, as entries fail on their own.
func (c *Client) PutEvents(ctx context.Context, params *PutEventsInput, optFns ...func(*Options)) (*PutEventsOutput, error) {
	if params == nil {
		params = &PutEventsInput{}
	}
	out := &PutEventsOutput{}
	if err := c.invoke(ctx, "PutEvents", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}

// TestEventPatternInput is the input of TestEventPattern.
type TestEventPatternInput struct {
	Event        *string
	EventPattern *string
}

// TestEventPatternOutput is the result of TestEventPattern.
type TestEventPatternOutput struct {
	Result bool
}

// TestEventPattern reports whether an event matches an event pattern.
func (c *Client) TestEventPattern(ctx context.Context, params *TestEventPatternInput, optFns ...func(*Options)) (*TestEventPatternOutput, error) {
	if params == nil {
		params = &TestEventPatternInput{}
	}
	out := &TestEventPatternOutput{}
	if err := c.invoke(ctx, "TestEventPattern", params, out, optFns); err != nil {
		return nil, err
	}
	return out, nil
}
