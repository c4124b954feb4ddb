package grade

import (
	"errors"
	"fmt"

	"github.com/learnsls/learnsls/sandbox/events/pattern"
)

// EventPatterns grades pattern exercises with the sandbox's EventBridge
// pattern engine, the same one rules on simulated buses use.
type EventPatterns struct{}

var _ PatternEngine = EventPatterns{}

// Match implements PatternEngine. An invalid pattern's error starts with
// "line L, column C:" so the verdict's diagnostic points at it.
func (EventPatterns) Match(pat, event []byte) (bool, string, error) {
	ok, why, err := pattern.Match(pat, event)
	if err != nil {
		var se *pattern.SyntaxError
		if errors.As(err, &se) {
			return false, "", fmt.Errorf("line %d, column %d: %s", se.Line, se.Column, se.Reason)
		}
		return false, "", fmt.Errorf("check event: %w", err)
	}
	return ok, why, nil
}
