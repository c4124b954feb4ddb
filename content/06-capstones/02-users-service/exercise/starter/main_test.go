package main

import (
	"encoding/json"
	"testing"
)

// go test runs every TestXxx function in a _test.go file. This one checks
// the JSON names of a user; add tests of your validation (parseInput) and
// of the handler's 400 answers beside it.
func TestUserJSON(t *testing.T) {
	b, err := json.Marshal(User{ID: "u-1", Name: "Ada", Email: "ada@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"u-1","name":"Ada","email":"ada@example.com"}`; string(b) != want {
		t.Errorf("User as JSON = %s, want %s", b, want)
	}
}
