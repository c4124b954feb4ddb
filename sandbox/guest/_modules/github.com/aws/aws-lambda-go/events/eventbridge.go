package events

import (
	"encoding/json"
	"time"
)

// CloudWatchEvent is an EventBridge (formerly CloudWatch Events) event as a
// rule's Lambda target receives it. Detail is kept raw: decode it into your
// own struct for the detail-type you handle.
type CloudWatchEvent struct {
	Version    string          `json:"version"`
	ID         string          `json:"id"`
	DetailType string          `json:"detail-type"`
	Source     string          `json:"source"`
	AccountID  string          `json:"account"`
	Time       time.Time       `json:"time"`
	Region     string          `json:"region"`
	Resources  []string        `json:"resources"`
	Detail     json.RawMessage `json:"detail"`
}

// EventBridgeEvent is the same type under the service's current name.
type EventBridgeEvent = CloudWatchEvent
