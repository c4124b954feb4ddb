package events

import (
	"encoding/json"
	"time"
)

// SecondsEpochTime is a time that travels as fractional seconds since the
// Unix epoch, as DynamoDB Streams' ApproximateCreationDateTime does.
type SecondsEpochTime struct {
	time.Time
}

// MilliSecondsEpochTime is a time that travels as whole milliseconds since
// the Unix epoch.
type MilliSecondsEpochTime struct {
	time.Time
}

// MarshalJSON writes the time as a JSON number of seconds.
func (e SecondsEpochTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(float64(e.UnixNano()) / 1e9)
}

// UnmarshalJSON reads a JSON number of seconds (fraction allowed).
func (e *SecondsEpochTime) UnmarshalJSON(b []byte) error {
	var secs float64
	if err := json.Unmarshal(b, &secs); err != nil {
		return err
	}
	whole := int64(secs)
	e.Time = time.Unix(whole, int64((secs-float64(whole))*1e9))
	return nil
}

// MarshalJSON writes the time as a JSON number of milliseconds.
func (e MilliSecondsEpochTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(e.UnixNano() / int64(time.Millisecond))
}

// UnmarshalJSON reads a JSON integer of milliseconds.
func (e *MilliSecondsEpochTime) UnmarshalJSON(b []byte) error {
	var ms int64
	if err := json.Unmarshal(b, &ms); err != nil {
		return err
	}
	e.Time = time.Unix(ms/1000, (ms%1000)*int64(time.Millisecond))
	return nil
}
