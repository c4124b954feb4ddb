package events

// The reflection-free JSON codecs of the hot event types are generated
// into jsoncodec_gen.go by a host-side tool of learnsls; they register
// themselves with internal/jsoncodec, where the lambda runtime finds them.
// jsoncodec_test.go checks them against encoding/json.

//go:generate go run github.com/learnsls/learnsls/sandbox/guest/internal/jsoncodecgen -dir .
