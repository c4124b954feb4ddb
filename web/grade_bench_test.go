package web

import (
	"bufio"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/learnsls/learnsls/db"
)

// benchLearners adds learners 2..n+1 to the server's database (offline
// there is only learner 1), so that n learners can grade at once.
func benchLearners(b *testing.B, path string, n int) {
	b.Helper()
	sqlDB, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		b.Fatal(err)
	}
	defer sqlDB.Close()
	for id := 2; id <= n+1; id++ {
		if _, err := sqlDB.Exec(`INSERT OR IGNORE INTO learners (id, name, created_at) VALUES (?, ?, 0)`, id, fmt.Sprint("bench-", id)); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuNow is the processor time of this process and its waited-for
// children (the go tool), so builds count.
func cpuNow() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(kids.Utime) + tv(kids.Stime)
}

// BenchmarkTwentySubmissions submits 20 different handlers (a constant
// varies, so every build compiles) for 20 learners at once through the
// real HTTP server on loopback, measuring the time until all 20 verdicts
// have arrived; meanwhile a 21st client fetches the lesson page in a loop,
// and the p95 of those GETs is reported. Targets: all within 10 s, pages
// ≤ 50 ms p95.
func BenchmarkTwentySubmissions(b *testing.B) {
	const n = 20
	dir := b.TempDir()
	ts := startServer(b, exerciseCourse(b), dir, func(o *Options) {
		o.Grader = testGrader(b)
		o.Logger = nil // the test log would hold every request
		o.Identify = func(c echo.Context) (int64, error) {
			if id, err := strconv.ParseInt(c.Request().Header.Get("X-Bench-Learner"), 10, 64); err == nil {
				return id, nil
			}
			return db.LocalLearnerID, nil
		}
	})
	benchLearners(b, filepath.Join(dir, db.FileName), n)
	solution, err := os.ReadFile(filepath.Join("..", "lessons", "grade", "testdata", "hello", "solution.go"))
	if err != nil {
		b.Fatal(err)
	}
	page := ts.URL + "/learn/basics/hello/exercise"
	lesson := ts.URL + "/learn/basics/hello"

	// submit grades code for a learner and returns the last event.
	submit := func(learner int, code string) (string, string, error) {
		c := newClient(b, true)
		c.Timeout = 3 * time.Minute
		get := func(u string) (*http.Response, string, error) {
			req, _ := http.NewRequest(http.MethodGet, u, nil)
			req.Header.Set("X-Bench-Learner", strconv.Itoa(learner))
			resp, err := c.Do(req)
			if err != nil {
				return nil, "", err
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			return resp, string(body), err
		}
		_, body, err := get(page)
		if err != nil {
			return "", "", err
		}
		m := csrfRE.FindStringSubmatch(body)
		if m == nil {
			return "", "", fmt.Errorf("no CSRF token on the exercise page")
		}
		vals := url.Values{"_csrf": {m[1]}, "action": {"submit"}, "file:main.go": {code}}
		req, _ := http.NewRequest(http.MethodPost, page+"/grade", strings.NewReader(vals.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Bench-Learner", strconv.Itoa(learner))
		resp, err := c.Do(req)
		if err != nil {
			return "", "", err
		}
		defer resp.Body.Close()
		// The last event of the stream is the verdict (or a problem).
		var kind, data string
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 8<<20)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				kind, data = line[7:], ""
			case strings.HasPrefix(line, "data: "):
				data += line[6:]
			}
		}
		return kind, data, sc.Err()
	}
	// Warm the build cache once (the target is for a warm cache).
	if kind, data, err := submit(1, string(solution)); err != nil || kind != "verdict" || !strings.Contains(data, `"passed":true`) {
		b.Fatalf("warm-up: %s %.300s %v", kind, data, err)
	}

	var pageLat, total []time.Duration
	cpu0 := cpuNow()
	for round := 0; b.Loop(); round++ {
		stop := make(chan struct{})
		pagesDone := make(chan []time.Duration)
		go func() {
			c := newClient(b, true)
			var lat []time.Duration
			for {
				select {
				case <-stop:
					pagesDone <- lat
					return
				default:
				}
				start := time.Now()
				resp, err := c.Get(lesson)
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil || resp.StatusCode != 200 {
					b.Errorf("lesson page during grading: %v", err)
				}
				lat = append(lat, time.Since(start))
				time.Sleep(20 * time.Millisecond)
			}
		}()
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				code := fmt.Sprintf("%s\nconst benchRound = %q\n", solution, fmt.Sprint(time.Now().UnixNano(), "-", round, "-", i))
				kind, data, err := submit(i+2, code)
				if err == nil && (kind != "verdict" || !strings.Contains(data, `"passed":true`)) {
					err = fmt.Errorf("learner %d: %s %.300s", i+2, kind, data)
				}
				if err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		total = append(total, time.Since(start))
		close(stop)
		pageLat = append(pageLat, <-pagesDone...)
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		// The per-learner rate limit (a burst of 10) allows several rounds.
	}
	cpu := cpuNow() - cpu0
	slices.Sort(pageLat)
	slices.Sort(total)
	pct := func(s []time.Duration, p float64) float64 {
		return s[int(p*float64(len(s)-1))].Seconds() * 1000
	}
	b.ReportMetric(pct(total, 0.5), "all-verdicts-ms")
	b.ReportMetric(pct(total, 1), "all-verdicts-max-ms")
	b.ReportMetric(pct(pageLat, 0.5), "page-p50-ms")
	b.ReportMetric(pct(pageLat, 0.95), "page-p95-ms")
	b.ReportMetric(float64(len(pageLat))/float64(len(total)), "pages/op")
	b.ReportMetric(cpu.Seconds()*1000/float64(len(total)), "cpu-ms/op")
}
