package db_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/learnsls/learnsls/db"
)

func Example() {
	dir, _ := os.MkdirTemp("", "learnsls-example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }

	d, err := db.Open(ctx, filepath.Join(dir, db.FileName), db.WithClock(clock))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()

	d.RecordVisit(ctx, db.LocalLearnerID, "foundations/regions-and-arns")
	d.MarkDone(ctx, db.LocalLearnerID, "foundations/regions-and-arns")

	done, _ := d.Progress(ctx, db.LocalLearnerID)
	last, _ := d.LastVisited(ctx, db.LocalLearnerID)
	fmt.Println(len(done), done["foundations/regions-and-arns"].Format(time.RFC3339))
	fmt.Println("resume at", last.LessonKey)
	// Output:
	// 1 2026-03-01T09:00:00Z
	// resume at foundations/regions-and-arns
}
