package web

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestGradeQueueFairness(t *testing.T) {
	q := newGradeQueue(2, 0, 0)
	ctx := context.Background()
	r1, err := q.acquire(ctx, 1, func(int) {})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := q.acquire(ctx, 2, func(int) {})
	if err != nil {
		t.Fatal(err)
	}
	// Learner 1 already has a grading: refused with a learner-facing reason.
	if _, err := q.acquire(ctx, 1, func(int) {}); !errors.Is(err, errBusyLearner) {
		t.Fatalf("second grading of one learner: %v", err)
	}
	// Two more learners wait in order and see their positions.
	var mu sync.Mutex
	positions := map[int64][]int{}
	acquired := map[int64]chan func(){3: make(chan func(), 1), 4: make(chan func(), 1)}
	for _, l := range []int64{3, 4} {
		waiting := make(chan struct{})
		go func() {
			var once sync.Once
			rel, err := q.acquire(ctx, l, func(p int) {
				mu.Lock()
				positions[l] = append(positions[l], p)
				mu.Unlock()
				once.Do(func() { close(waiting) })
			})
			if err != nil {
				t.Error(err)
				once.Do(func() { close(waiting) })
				return
			}
			acquired[l] <- rel
		}()
		<-waiting // 3 is in line before 4 asks
	}
	r1()
	rel3 := <-acquired[3] // the first in line gets the free worker...
	select {
	case <-acquired[4]:
		t.Fatal("learner 4 got a worker while none was free")
	default:
	}
	r2()
	rel4 := <-acquired[4] // ...and the second the next one
	rel3()
	rel4()
	mu.Lock()
	defer mu.Unlock()
	if p := positions[3]; len(p) == 0 || p[0] != 1 {
		t.Errorf("learner 3 positions %v, want to start at 1", p)
	}
	if p := positions[4]; len(p) == 0 || p[0] != 2 {
		t.Errorf("learner 4 positions %v, want to start at 2", p)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running != 0 || len(q.waiting) != 0 || len(q.busy) != 0 {
		t.Errorf("queue not drained: running=%d waiting=%d busy=%d", q.running, len(q.waiting), len(q.busy))
	}
}

func TestGradeQueueCancelWhileWaiting(t *testing.T) {
	q := newGradeQueue(1, 0, 0)
	rel, _ := q.acquire(context.Background(), 1, func(int) {})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		_, err := q.acquire(ctx, 2, func(int) { cancel() })
		done <- err
	}()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v", err)
	}
	rel()
	q.mu.Lock()
	if q.running != 0 || len(q.waiting) != 0 || q.busy[2] {
		t.Errorf("cancelled ticket left behind: running=%d waiting=%d", q.running, len(q.waiting))
	}
	q.mu.Unlock()
	// The learner can grade again at once.
	rel, err := q.acquire(context.Background(), 2, func(int) {})
	if err != nil {
		t.Fatal(err)
	}
	rel()
}

func TestGradeQueueRateLimit(t *testing.T) {
	q := newGradeQueue(4, 10*time.Second, 2)
	now := time.Unix(0, 0)
	q.now = func() time.Time { return now }
	for i := 0; i < 2; i++ {
		rel, err := q.acquire(context.Background(), 7, func(int) {})
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		rel()
	}
	_, err := q.acquire(context.Background(), 7, func(int) {})
	var re *rateError
	if !errors.As(err, &re) || re.Error() != "you are running checks very often; try again in 10 seconds" {
		t.Fatalf("third run: %v", err)
	}
	if _, err := q.acquire(context.Background(), 8, func(int) {}); err != nil {
		t.Fatalf("another learner is not limited: %v", err)
	}
	now = now.Add(10 * time.Second)
	if rel, err := q.acquire(context.Background(), 7, func(int) {}); err != nil {
		t.Fatalf("after refill: %v", err)
	} else {
		rel()
	}
}
