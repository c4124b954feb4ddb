package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/learnsls/learnsls/sandbox/build"
	"github.com/learnsls/learnsls/web"
)

func TestWarmerStatus(t *testing.T) {
	tests := []struct {
		name      string
		warm      func(ctx context.Context, progress func(done, total int, msg string)) error
		cancelled bool
		want      []web.StatusLine // after run returns
		wantText  string           // a line must contain it
	}{
		{"done", func(ctx context.Context, p func(int, int, string)) error {
			p(3, 7, "fmt")
			p(7, 7, "done")
			return nil
		}, false, nil, ""},
		{"no toolchain", func(ctx context.Context, p func(int, int, string)) error {
			return fmt.Errorf("build: %w: no go command", build.ErrNoToolchain)
		}, false, []web.StatusLine{{Problem: true}}, "Install Go"},
		{"failure", func(ctx context.Context, p func(int, int, string)) error {
			return errors.New("disk full")
		}, false, []web.StatusLine{{Problem: true}}, "learnsls doctor"},
		{"shutdown", func(ctx context.Context, p func(int, int, string)) error {
			return ctx.Err()
		}, true, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelled {
				cancel()
			}
			w := &warmer{}
			w.run(ctx, tt.warm, discardLogger())
			got := w.Status()
			if len(got) != len(tt.want) {
				t.Fatalf("status = %+v, want %d line(s)", got, len(tt.want))
			}
			for i := range got {
				if got[i].Problem != tt.want[i].Problem || !strings.Contains(got[i].Text, tt.wantText) {
					t.Errorf("line %d = %+v, want problem=%v containing %q", i, got[i], tt.want[i].Problem, tt.wantText)
				}
			}
		})
	}
}

// While warming, the banner shows the progress reported so far.
func TestWarmerShowsProgress(t *testing.T) {
	w := &warmer{}
	seen := make(chan []web.StatusLine, 1)
	w.run(context.Background(), func(ctx context.Context, p func(int, int, string)) error {
		p(3, 7, "fmt")
		seen <- w.Status()
		return nil
	}, discardLogger())
	lines := <-seen
	if len(lines) != 1 || lines[0].Done != 3 || lines[0].Total != 7 || lines[0].Text != warmText || lines[0].Problem {
		t.Errorf("status while warming = %+v", lines)
	}
}
