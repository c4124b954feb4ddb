package web

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"
)

// gradeQueue shares a fixed number of grading workers fairly: first come,
// first served, one grading at a time per learner, and a per-learner rate
// limit so one learner cannot hog the pool. Waiters learn their position as
// it changes, for the page's "3rd in line" message.
type gradeQueue struct {
	workers int
	rate    time.Duration // one token per rate...
	burst   int           // ...up to burst tokens
	now     func() time.Time

	mu       sync.Mutex
	running  int
	waiting  []*ticket
	busy     map[int64]bool // learners with a grading queued or running
	tokens   map[int64]*bucket
	changed  chan struct{} // closed and replaced whenever positions move
	capacity int           // most waiters allowed
}

type ticket struct {
	learner int64
	ready   chan struct{} // closed when the ticket gets a worker
}

type bucket struct {
	tokens float64
	last   time.Time
}

// errBusyLearner and rateError are what a learner reads when they must wait.
var errBusyLearner = errors.New("your previous run is still being graded; wait for its result, then try again")

type rateError struct{ wait time.Duration }

func (e *rateError) Error() string {
	return fmt.Sprintf("you are running checks very often; try again in %d seconds", int(math.Ceil(e.wait.Seconds())))
}

var errQueueFull = errors.New("the grader is very busy right now; try again in a minute")

func newGradeQueue(workers int, rate time.Duration, burst int) *gradeQueue {
	if workers < 1 {
		workers = 1
	}
	return &gradeQueue{workers: workers, rate: rate, burst: burst, now: time.Now,
		busy: map[int64]bool{}, tokens: map[int64]*bucket{}, changed: make(chan struct{}), capacity: 200}
}

// acquire waits for a worker. position is called with the learner's place
// in line (1 = next) whenever it changes while waiting. The returned
// release must be called when grading ends.
func (q *gradeQueue) acquire(ctx context.Context, learner int64, position func(int)) (release func(), err error) {
	q.mu.Lock()
	if q.busy[learner] {
		q.mu.Unlock()
		return nil, errBusyLearner
	}
	if err := q.take(learner); err != nil {
		q.mu.Unlock()
		return nil, err
	}
	if len(q.waiting) >= q.capacity {
		q.mu.Unlock()
		return nil, errQueueFull
	}
	q.busy[learner] = true
	t := &ticket{learner: learner, ready: make(chan struct{})}
	q.waiting = append(q.waiting, t)
	q.dispatch()
	q.mu.Unlock()

	release = func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		q.running--
		delete(q.busy, learner)
		q.dispatch()
	}
	last := -1
	for {
		q.mu.Lock()
		changed := q.changed
		pos := q.position(t)
		q.mu.Unlock()
		select {
		case <-t.ready:
			return release, nil
		default:
		}
		if pos != last && pos > 0 {
			position(pos)
			last = pos
		}
		select {
		case <-t.ready:
			return release, nil
		case <-changed:
		case <-ctx.Done():
			q.mu.Lock()
			select {
			case <-t.ready: // got a worker just now: give it back
				q.running--
			default:
				q.remove(t)
			}
			delete(q.busy, learner)
			q.dispatch()
			q.mu.Unlock()
			return nil, ctx.Err()
		}
	}
}

// dispatch hands free workers to the front of the line. Called with mu held.
func (q *gradeQueue) dispatch() {
	for q.running < q.workers && len(q.waiting) > 0 {
		t := q.waiting[0]
		q.waiting = q.waiting[1:]
		q.running++
		close(t.ready)
	}
	close(q.changed)
	q.changed = make(chan struct{})
}

func (q *gradeQueue) position(t *ticket) int {
	for i, w := range q.waiting {
		if w == t {
			return i + 1
		}
	}
	return 0
}

func (q *gradeQueue) remove(t *ticket) {
	for i, w := range q.waiting {
		if w == t {
			q.waiting = append(q.waiting[:i], q.waiting[i+1:]...)
			return
		}
	}
}

// take spends one of the learner's tokens. Called with mu held.
func (q *gradeQueue) take(learner int64) error {
	if q.rate <= 0 {
		return nil
	}
	now := q.now()
	b := q.tokens[learner]
	if b == nil {
		b = &bucket{tokens: float64(q.burst), last: now}
		q.tokens[learner] = b
	}
	b.tokens += now.Sub(b.last).Seconds() / q.rate.Seconds()
	if b.tokens > float64(q.burst) {
		b.tokens = float64(q.burst)
	}
	b.last = now
	if b.tokens < 1 {
		return &rateError{wait: time.Duration((1 - b.tokens) * float64(q.rate))}
	}
	b.tokens--
	return nil
}
