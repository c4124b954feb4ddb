package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// clock is a test clock that advances one second per reading.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(time.Second)
	return c.t
}

func openTemp(t *testing.T, opts ...Option) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	d, err := Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d, path
}

func TestOpenConfiguresSQLite(t *testing.T) {
	d, _ := openTemp(t)
	ctx := context.Background()
	// Several connections of the pool must all carry the settings.
	for i := 0; i < 3; i++ {
		conn, err := d.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"busy_timeout": "5000",
			"foreign_keys": "1",
			"synchronous":  "1", // NORMAL
		} {
			var got string
			if err := conn.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatalf("PRAGMA %s: %v", pragma, err)
			}
			if got != want {
				t.Errorf("connection %d: PRAGMA %s = %q, want %q", i, pragma, got, want)
			}
		}
	}
	v, err := d.Version(ctx)
	if err != nil || v != SchemaVersion() {
		t.Fatalf("Version = %d, %v; want %d", v, err, SchemaVersion())
	}
	l, err := d.Learner(ctx, LocalLearnerID)
	if err != nil {
		t.Fatalf("local learner: %v", err)
	}
	if l.Name != "local" || l.CreatedAt.IsZero() {
		t.Errorf("local learner = %+v", l)
	}
	if _, err := d.Learner(ctx, 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("Learner(42) error = %v, want ErrNotFound", err)
	}
	if err := d.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	path := filepath.Join(t.TempDir(), FileName)
	d, err := Open(ctx, path, WithClock(clk.now))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.MarkDone(ctx, LocalLearnerID, "foundations/regions"); err != nil {
		t.Fatal(err)
	}
	if err := d.RecordVisit(ctx, LocalLearnerID, "foundations/regions"); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveDrafts(ctx, LocalLearnerID, "foundations/regions", map[string]string{"main.go": "package main\n"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}

	d, err = Open(ctx, path, WithClock(clk.now))
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer d.Close()
	p, err := d.Progress(ctx, LocalLearnerID)
	if err != nil || len(p) != 1 || p["foundations/regions"].IsZero() {
		t.Errorf("Progress after reopen = %v, %v", p, err)
	}
	v, err := d.LastVisited(ctx, LocalLearnerID)
	if err != nil || v.LessonKey != "foundations/regions" {
		t.Errorf("LastVisited after reopen = %+v, %v", v, err)
	}
	dr, err := d.Drafts(ctx, LocalLearnerID, "foundations/regions")
	if err != nil || len(dr) != 1 || dr[0].Content != "package main\n" {
		t.Errorf("Drafts after reopen = %+v, %v", dr, err)
	}
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	d, path := openTemp(t)
	if _, err := d.sql.ExecContext(ctx, `UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	before := readAll(t, path)

	_, err := Open(ctx, path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("Open error = %v, want ErrNewerSchema", err)
	}
	var se *SchemaError
	if !errors.As(err, &se) || se.Database != 99 || se.Binary != SchemaVersion() || se.Path != path {
		t.Errorf("SchemaError = %+v", se)
	}
	for _, want := range []string{"99", strconv.Itoa(SchemaVersion()), path, "newer learnsls"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if after := readAll(t, path); !bytes.Equal(before, after) {
		t.Error("Open changed a database it refused")
	}
}

func TestCorruptFileIsRefusedUntouched(t *testing.T) {
	ctx := context.Background()
	// A healthy database to damage: enough rows for several pages.
	healthy := func(t *testing.T) []byte {
		d, path := openTemp(t)
		files := map[string]string{}
		for i := 0; i < 200; i++ {
			files["f"+strconv.Itoa(i)] = strings.Repeat("x", 500)
		}
		if err := d.SaveDrafts(ctx, LocalLearnerID, "p/l", files); err != nil {
			t.Fatal(err)
		}
		if _, err := d.sql.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			t.Fatal(err)
		}
		d.Close()
		return readAll(t, path)
	}
	tests := []struct {
		name    string
		content func(t *testing.T) []byte
	}{
		{"text file", func(*testing.T) []byte { return []byte("these are my notes, not a database\n") }},
		{"short header", func(*testing.T) []byte { return []byte("SQLite for") }},
		{"damaged pages", func(t *testing.T) []byte {
			b := healthy(t)
			// Keep the header page, scribble over the b-tree pages after it.
			for i := 4096; i < len(b) && i < 4096*6; i++ {
				b[i] = byte(i * 7)
			}
			return b
		}},
		{"damaged header page", func(t *testing.T) []byte {
			b := healthy(t)
			for i := 100; i < 4096; i++ {
				b[i] = 0xff
			}
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			content := tt.content(t)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			d, err := Open(ctx, path)
			if err == nil {
				d.Close()
				t.Fatal("Open succeeded on a damaged file")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open error = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "untouched") {
				t.Errorf("error %q should name the file and say it was left untouched", err)
			}
			if after := readAll(t, path); !bytes.Equal(content, after) {
				t.Error("Open modified the damaged file")
			}
		})
	}
}

func TestEmptyFileIsANewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open empty file: %v", err)
	}
	d.Close()
}

func TestMigrateStepByStep(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	sqlDB, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	list := []string{
		`CREATE TABLE a (x INTEGER)`,
		`CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (7)`,
	}
	if err := migrate(ctx, sqlDB, path, list[:1]); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	if v, _ := schemaVersion(ctx, sqlDB); v != 1 {
		t.Fatalf("version = %d, want 1", v)
	}
	if err := migrate(ctx, sqlDB, path, list); err != nil {
		t.Fatalf("migrate to 2: %v", err)
	}
	// Running again is a no-op: migration 2 must not insert a second row.
	if err := migrate(ctx, sqlDB, path, list); err != nil {
		t.Fatalf("migrate again: %v", err)
	}
	var n int
	if err := sqlDB.QueryRowContext(ctx, `SELECT count(*) FROM b`).Scan(&n); err != nil || n != 1 {
		t.Errorf("rows in b = %d, %v; want 1", n, err)
	}
	if v, _ := schemaVersion(ctx, sqlDB); v != 2 {
		t.Errorf("version = %d, want 2", v)
	}
	// A failing migration leaves the version where it was.
	bad := append(list, `CREATE TABLE c (z INTEGER); THIS IS NOT SQL`)
	if err := migrate(ctx, sqlDB, path, bad); err == nil || !strings.Contains(err.Error(), "schema version 3") {
		t.Errorf("bad migration error = %v", err)
	}
	if v, _ := schemaVersion(ctx, sqlDB); v != 2 {
		t.Errorf("version after failed migration = %d, want 2", v)
	}
	var tables int
	sqlDB.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'c'`).Scan(&tables)
	if tables != 0 {
		t.Error("failed migration left table c behind")
	}
}

func TestProgress(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d, _ := openTemp(t, WithClock(clk.now))
	if p, err := d.Progress(ctx, LocalLearnerID); err != nil || len(p) != 0 {
		t.Fatalf("initial Progress = %v, %v", p, err)
	}
	must(t, d.MarkDone(ctx, LocalLearnerID, "foundations/intro"))
	first, _ := d.Progress(ctx, LocalLearnerID)
	must(t, d.MarkDone(ctx, LocalLearnerID, "foundations/intro")) // again: keeps first time
	must(t, d.MarkDone(ctx, LocalLearnerID, "lambda/handlers"))
	p, err := d.Progress(ctx, LocalLearnerID)
	must(t, err)
	if len(p) != 2 || !p["foundations/intro"].Equal(first["foundations/intro"]) || !p["lambda/handlers"].After(p["foundations/intro"]) {
		t.Errorf("Progress = %v (first %v)", p, first)
	}
	if done, err := d.IsDone(ctx, LocalLearnerID, "lambda/handlers"); err != nil || !done {
		t.Errorf("IsDone = %v, %v", done, err)
	}
	must(t, d.MarkNotDone(ctx, LocalLearnerID, "lambda/handlers"))
	if done, err := d.IsDone(ctx, LocalLearnerID, "lambda/handlers"); err != nil || done {
		t.Errorf("IsDone after MarkNotDone = %v, %v", done, err)
	}
	// Foreign keys are on: an unknown learner cannot have progress.
	if err := d.MarkDone(ctx, 42, "foundations/intro"); err == nil {
		t.Error("MarkDone for unknown learner succeeded")
	}
}

func TestLastVisited(t *testing.T) {
	ctx := context.Background()
	frozen := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		now    func() time.Time
		visits []string
		want   string
	}{
		{"ticking clock", newClock().now, []string{"a/1", "a/2", "b/1"}, "b/1"},
		{"revisit moves to front", newClock().now, []string{"a/1", "a/2", "a/1"}, "a/1"},
		{"same millisecond", func() time.Time { return frozen }, []string{"a/2", "a/1", "b/3", "a/2"}, "a/2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := openTemp(t, WithClock(tt.now))
			if _, err := d.LastVisited(ctx, LocalLearnerID); !errors.Is(err, ErrNotFound) {
				t.Fatalf("LastVisited before any visit: %v, want ErrNotFound", err)
			}
			for _, k := range tt.visits {
				must(t, d.RecordVisit(ctx, LocalLearnerID, k))
			}
			v, err := d.LastVisited(ctx, LocalLearnerID)
			if err != nil || v.LessonKey != tt.want || v.At.IsZero() {
				t.Errorf("LastVisited = %+v, %v; want %s", v, err, tt.want)
			}
		})
	}
}

func TestDrafts(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d, _ := openTemp(t, WithClock(clk.now))
	if dr, err := d.Drafts(ctx, LocalLearnerID, "p/l"); err != nil || dr == nil || len(dr) != 0 {
		t.Fatalf("Drafts of nothing = %#v, %v; want empty slice", dr, err)
	}
	must(t, d.SaveDrafts(ctx, LocalLearnerID, "p/l", map[string]string{"main.go": "v1", "go.mod": "module x"}))
	must(t, d.SaveDrafts(ctx, LocalLearnerID, "p/l", map[string]string{"main.go": "v2"}))
	must(t, d.SaveDrafts(ctx, LocalLearnerID, "p/other", map[string]string{"main.go": "other"}))
	dr, err := d.Drafts(ctx, LocalLearnerID, "p/l")
	must(t, err)
	if len(dr) != 2 || dr[0].FileName != "go.mod" || dr[0].Content != "module x" ||
		dr[1].FileName != "main.go" || dr[1].Content != "v2" || !dr[1].UpdatedAt.After(dr[0].UpdatedAt) {
		t.Errorf("Drafts = %+v", dr)
	}
	must(t, d.DeleteDrafts(ctx, LocalLearnerID, "p/l"))
	if dr, _ := d.Drafts(ctx, LocalLearnerID, "p/l"); len(dr) != 0 {
		t.Errorf("Drafts after delete = %+v", dr)
	}
	if dr, _ := d.Drafts(ctx, LocalLearnerID, "p/other"); len(dr) != 1 {
		t.Errorf("DeleteDrafts touched another exercise: %+v", dr)
	}
}

func TestSubmissions(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d, _ := openTemp(t, WithClock(clk.now))
	add := func(passed bool, verdict string) int64 {
		t.Helper()
		id, err := d.AddSubmission(ctx, Submission{
			LearnerID: LocalLearnerID, ExerciseKey: "p/l",
			Files:   map[string]string{"main.go": "package main // " + verdict},
			Verdict: json.RawMessage(verdict), Passed: passed, Duration: 1500 * time.Millisecond,
		})
		must(t, err)
		return id
	}
	id1 := add(false, `{"checks":[{"ok":false}]}`)
	id2 := add(true, `{"checks":[{"ok":true}]}`)
	if id2 <= id1 {
		t.Errorf("ids %d, %d not increasing", id1, id2)
	}
	subs, err := d.Submissions(ctx, LocalLearnerID, "p/l", 0)
	must(t, err)
	if len(subs) != 2 || subs[0].ID != id2 || !subs[0].Passed || subs[1].Passed ||
		subs[0].Duration != 1500*time.Millisecond || string(subs[0].Verdict) != `{"checks":[{"ok":true}]}` ||
		subs[0].Files["main.go"] != `package main // {"checks":[{"ok":true}]}` || !subs[0].CreatedAt.After(subs[1].CreatedAt) {
		t.Errorf("Submissions = %+v", subs)
	}
	if subs, _ := d.Submissions(ctx, LocalLearnerID, "p/l", 1); len(subs) != 1 || subs[0].ID != id2 {
		t.Errorf("Submissions limit 1 = %+v", subs)
	}
	if _, err := d.AddSubmission(ctx, Submission{LearnerID: LocalLearnerID, ExerciseKey: "p/l", Verdict: json.RawMessage("{oops")}); err == nil {
		t.Error("AddSubmission accepted invalid verdict JSON")
	}
	passed, err := d.Passed(ctx, LocalLearnerID)
	must(t, err)
	if len(passed) != 1 || !passed["p/l"] {
		t.Errorf("Passed = %v", passed)
	}
}

// Two handles on one file behave like two processes: their writes must
// wait for each other (busy_timeout, BEGIN IMMEDIATE) rather than fail.
func TestConcurrentWritersWait(t *testing.T) {
	ctx := context.Background()
	a, path := openTemp(t)
	b, err := Open(ctx, path)
	must(t, err)
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w, d := range []*DB{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				key := "p/" + strconv.Itoa(w) + "-" + strconv.Itoa(i)
				errs <- d.MarkDone(ctx, LocalLearnerID, key)
				errs <- d.RecordVisit(ctx, LocalLearnerID, key)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent write: %v", err)
		}
	}
	p, err := a.Progress(ctx, LocalLearnerID)
	if err != nil || len(p) != 200 {
		t.Errorf("Progress has %d lessons, %v; want 200", len(p), err)
	}
}

func TestOpenURL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		url      string
		wantFile string // created database file, "" when an error is expected
		wantErr  error
		wantMsg  string
	}{
		{"", filepath.Join(dir, FileName), nil, ""},
		{"sqlite:" + filepath.Join(dir, "a.db"), filepath.Join(dir, "a.db"), nil, ""},
		{"sqlite://" + filepath.Join(dir, "b.db"), filepath.Join(dir, "b.db"), nil, ""},
		{"file:" + filepath.Join(dir, "c.db"), filepath.Join(dir, "c.db"), nil, ""},
		{"postgres://teacher:s3cret@db.example:5432/learnsls", "", ErrUnsupported, "not supported yet"},
		{"postgresql://db.example/learnsls", "", ErrUnsupported, "not supported yet"},
		{"mysql://db.example/learnsls", "", ErrUnsupported, "unknown database URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			d, err := OpenURL(ctx, tt.url, dir)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
					t.Fatalf("OpenURL error = %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
				}
				if strings.Contains(err.Error(), "s3cret") {
					t.Errorf("error leaks the password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("OpenURL: %v", err)
			}
			defer d.Close()
			if d.Path() != tt.wantFile {
				t.Errorf("Path = %s, want %s", d.Path(), tt.wantFile)
			}
			if _, err := os.Stat(tt.wantFile); err != nil {
				t.Errorf("database file: %v", err)
			}
		})
	}
}

func TestPathCharacters(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "a?b.db"))
	if err == nil || !strings.Contains(err.Error(), "may not contain") {
		t.Errorf("Open with '?' error = %v", err)
	}
	// Other unusual characters are fine.
	path := filepath.Join(t.TempDir(), "my #1 course & notes", FileName)
	os.MkdirAll(filepath.Dir(path), 0o700)
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open %s: %v", path, err)
	}
	d.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %s: %v", path, err)
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"postgres://u:pw@h/db", "postgres://h/db", "postgres://u@h", "x:y@z", "postgres://a:b:c@d@e/f", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got := redact(raw)
		if again := redact(got); again != got {
			t.Fatalf("redact not idempotent: %q -> %q -> %q", raw, got, again)
		}
		// Judge with net/url, an independent parser: whenever it reads a
		// password from the output, that password must be the mask.
		if u, err := url.Parse(got); err == nil && u.User != nil {
			if pw, ok := u.User.Password(); ok && pw != "xxxxx" && pw != "" {
				t.Fatalf("redact(%q) = %q keeps password %q", raw, got, pw)
			}
		}
	})
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
