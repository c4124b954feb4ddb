// Package events (a stand-in) holds struct shapes that exercise the
// generator beyond the real event types: embedded structs and Go's
// dominance rules, tag edge cases, named and foreign types.
package events

import "time"

type Base struct {
	ID     string `json:"id"`
	Name   string
	Shadow string `json:"shadow"`
}

type Other struct {
	Name  string // collides with Base.Name at the same depth: both dropped
	Extra int    `json:"extra,omitempty"`
}

type inner struct {
	Hidden string `json:"hidden"`
}

// Stamp gets time.Time's JSON methods by promotion.
type Stamp struct{ time.Time }

type Key string

type Str string

type NamedStrings map[Key][]Str

type Count int16

// NamedByte slices are byte slices to encoding/json too (base64).
type NamedByte uint8

type T struct {
	Base
	Other
	inner
	Shadow int            `json:"shadow"` // beats Base.Shadow (shallower)
	Tagged Base           `json:"tagged"`
	When   Stamp          `json:"when"`
	F32    float32        `json:"f32"`
	U16    uint16         `json:"u16,omitempty"`
	N      Count          `json:"n,omitempty"`
	Ptr    *Base          `json:"ptr,omitempty"`
	PP     **Str          `json:"pp"`
	Any    interface{}    `json:"any"`
	Named  NamedStrings   `json:"named"`
	Amb    string         `json:"AMB"`
	Amb2   string         `json:"amb"` // folds like AMB: AMB wins folded matches
	Dash   string         `json:"-,"`
	Skip   string         `json:"-"`
	Bad    string         `json:"a\"b"` // invalid tag name: the Go name is used
	HTML   string         `json:"<&>,omitempty"`
	Bytes  []byte         `json:"bytes"`
	Nested [][]Str        `json:"nested"`
	Maps   []map[Key]bool `json:"maps"`
	NB     []NamedByte    `json:"nb"`
	unexp  string
}
