package sandbox

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestDynamoDBStreamMapping(t *testing.T) {
	ctx := context.Background()
	s := newTestStack(t, 0)
	tmpl, _ := os.ReadFile("testdata/streams/template.yaml")
	code, _ := os.ReadFile("testdata/streams/main.go.txt")
	if err := s.Deploy(ctx, tmpl, map[string][]byte{"audit/main.go": code}, nil); err != nil {
		t.Fatal(err)
	}
	// The template's StreamArn is the stream the table really has.
	tables := s.Model().Tables()
	if d, err := s.dynamo.Describe(tables[0].Name); err != nil || d.LatestStreamArn == "" || d.LatestStreamArn != tables[0].StreamARN {
		t.Errorf("template StreamArn %q, table's stream %+v (%v)", tables[0].StreamARN, d, err)
	}
	if w := s.Warnings(); len(w) != 0 {
		t.Errorf("warnings = %v; the stream mapping should be wired", w)
	}
	put := func(ids ...string) {
		var items []map[string]any
		for _, id := range ids {
			items = append(items, map[string]any{"id": map[string]any{"S": id}})
		}
		if err := s.PutItems(ctx, "Orders", items); err != nil {
			t.Fatal(err)
		}
	}
	put("o1", "o2")
	if s.Invocations("Audit") != 0 {
		t.Fatal("records were delivered before the clock moved")
	}
	s.Advance(time.Second)
	if n := s.Invocations("Audit"); n != 1 {
		t.Errorf("invocations after two writes = %d, want one batch", n)
	}
	logs := strings.Join(s.Logs(), "\n")
	if !strings.Contains(logs, "INSERT o1 2") || !strings.Contains(logs, "INSERT o2 2") {
		t.Errorf("logs = %s", logs)
	}
	// A failing batch is retried MaximumRetryAttempts times, then dropped.
	put("bad")
	s.Advance(time.Second) // first attempt fails
	s.Advance(time.Second) // retry fails, gives up
	s.Advance(time.Second) // nothing left
	if n := s.Invocations("Audit"); n != 3 {
		t.Errorf("invocations = %d, want 1 + 2 attempts for the bad record", n)
	}
	put("o3")
	s.Advance(time.Second)
	if n := s.Invocations("Audit"); n != 4 || !strings.Contains(strings.Join(s.Logs(), "\n"), "INSERT o3 1") {
		t.Errorf("after the bad batch: %d invocations, logs %q", n, s.Logs())
	}
}

// TestStreamStartingPosition: a mapping added to a table that already has
// stream records reads them from TRIM_HORIZON, skips them from LATEST, and
// a redeploy does not rewind an existing mapping.
func TestStreamStartingPosition(t *testing.T) {
	full, _ := os.ReadFile("testdata/streams/template.yaml")
	code, _ := os.ReadFile("testdata/streams/main.go.txt")
	files := map[string][]byte{"audit/main.go": code}
	noEvents, _, _ := strings.Cut(string(full), "      Events:")
	for _, tt := range []struct {
		position string
		want     int // invocations after the mapping is added
	}{
		{"TRIM_HORIZON", 1},
		{"LATEST", 0},
	} {
		t.Run(tt.position, func(t *testing.T) {
			ctx := context.Background()
			s := newTestStack(t, 0)
			if err := s.Deploy(ctx, []byte(noEvents), files, nil); err != nil {
				t.Fatal(err)
			}
			if err := s.PutItems(ctx, "Orders", []map[string]any{{"id": map[string]any{"S": "early"}}}); err != nil {
				t.Fatal(err)
			}
			withMapping := strings.Replace(string(full), "StartingPosition: LATEST", "StartingPosition: "+tt.position, 1)
			if err := s.Deploy(ctx, []byte(withMapping), files, nil); err != nil {
				t.Fatal(err)
			}
			s.Advance(time.Second)
			if n := s.Invocations("Audit"); n != tt.want {
				t.Fatalf("invocations = %d, want %d; logs %q", n, tt.want, s.Logs())
			}
			if tt.want > 0 && !strings.Contains(strings.Join(s.Logs(), "\n"), "INSERT early") {
				t.Errorf("backlog record not delivered: %q", s.Logs())
			}
			// Redeploying the same template keeps the mapping's position.
			if err := s.Deploy(ctx, []byte(withMapping), files, nil); err != nil {
				t.Fatal(err)
			}
			s.Advance(time.Second)
			if n := s.Invocations("Audit"); n != tt.want {
				t.Errorf("after a redeploy: %d invocations, want still %d", n, tt.want)
			}
		})
	}
}
