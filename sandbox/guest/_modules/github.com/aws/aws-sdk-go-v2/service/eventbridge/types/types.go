// Package types holds the data types and errors of the EventBridge guest client,
// with the AWS SDK's names and fields.
package types

import "time"

// PutEventsRequestEntry is one event: Source, DetailType and Detail (a JSON object as a string) are required; EventBusName defaults to the default bus.
type PutEventsRequestEntry struct {
	Detail       *string
	DetailType   *string
	EventBusName *string
	Resources    []string
	Source       *string
	Time         *time.Time
	TraceHeader  *string
}

// PutEventsResultEntry is the result of one entry: an EventId, or an ErrorCode and ErrorMessage.
type PutEventsResultEntry struct {
	ErrorCode    *string
	ErrorMessage *string
	EventId      *string
}
