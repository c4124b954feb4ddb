// Package db stores what learnsls remembers about learners: who they are,
// which lessons they finished, where to resume, their exercise drafts and
// graded submissions.
//
// It uses SQLite (modernc.org/sqlite, no cgo) in WAL mode in the data
// directory. The schema is an ordered list of migrations embedded in the
// binary (migrations.go) and applied at Open. A database written by a newer
// learnsls, or a file that is not a healthy SQLite database, is refused with
// an error that says what to do; Open never rewrites such a file.
//
// Every write runs in a transaction. Times are passed through a clock given
// at Open, so tests control them.
package db

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors callers test for with errors.Is.
var (
	// ErrNotFound means the learner, visit or row asked for does not exist.
	ErrNotFound = errors.New("db: not found")
	// ErrCorrupt means the database file is damaged or is not a SQLite database.
	ErrCorrupt = errors.New("db: database file is damaged or not a SQLite database")
	// ErrNewerSchema means the database was written by a newer learnsls.
	ErrNewerSchema = errors.New("db: database schema is newer than this learnsls")
	// ErrUnsupported means the database URL names a backend this build lacks.
	ErrUnsupported = errors.New("db: database backend not supported")
)

// SchemaError reports a database whose schema version this binary cannot use.
// It matches ErrNewerSchema with errors.Is.
type SchemaError struct {
	Path     string
	Database int // version recorded in the file
	Binary   int // newest version this binary knows
}

func (e *SchemaError) Error() string {
	return fmt.Sprintf("database %s has schema version %d, but this learnsls only knows versions up to %d: "+
		"install a newer learnsls, or use another data directory with --data", e.Path, e.Database, e.Binary)
}

// Is makes errors.Is(err, ErrNewerSchema) true.
func (e *SchemaError) Is(target error) bool { return target == ErrNewerSchema }

// LocalLearnerID is the learner every offline request acts as. Migration 1
// creates it, so it always exists.
const LocalLearnerID int64 = 1

// FileName is the database file's name inside the data directory.
const FileName = "learnsls.db"

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// DB is an open learnsls database. It is safe for concurrent use.
type DB struct {
	sql  *sql.DB
	path string
	now  func() time.Time
}

// Option configures Open.
type Option func(*DB)

// WithClock makes the database stamp rows with now() instead of time.Now.
func WithClock(now func() time.Time) Option {
	return func(d *DB) { d.now = now }
}

// Open opens (creating if needed) the SQLite database at path, checks that
// it is healthy and not newer than this binary, and applies any pending
// migrations. The parent directory must exist.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if strings.Contains(path, "?") { // the driver reads what follows '?' as options
		return nil, fmt.Errorf("db: open %s: the path may not contain '?'; choose another --data directory", path)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	// busy_timeout must come before journal_mode=WAL: switching the journal
	// mode takes a lock, and without a timeout a second process opening the
	// file at the same moment would fail at once with SQLITE_BUSY. The driver
	// applies busy_timeout first; we also list it first to say so.
	// synchronous=NORMAL is the recommended pairing with WAL: durable
	// against crashes of the process, only the last commits may be lost on
	// power failure, and commits skip an fsync each.
	// _txlock=immediate makes every write transaction take the write lock at
	// BEGIN, so two writers wait (busy_timeout) instead of deadlocking.
	dsn := path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_txlock=immediate"
	sqlDB, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	d := &DB{sql: sqlDB, path: path, now: time.Now}
	for _, o := range opts {
		o(d)
	}
	if err := d.check(ctx); err != nil {
		sqlDB.Close()
		return nil, err
	}
	if err := migrate(ctx, sqlDB, path, migrations); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return d, nil
}

// OpenURL opens the database named by a --db URL. An empty URL means the
// SQLite file FileName in dataDir; "sqlite:PATH" or "file:PATH" name a SQLite
// file. PostgreSQL URLs are recognised and refused with ErrUnsupported until
// that backend exists.
func OpenURL(ctx context.Context, url, dataDir string, opts ...Option) (*DB, error) {
	switch {
	case url == "":
		return Open(ctx, dataDir+string(os.PathSeparator)+FileName, opts...)
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return nil, fmt.Errorf("--db %s: PostgreSQL is not supported yet in this build; "+
			"leave --db out to use the SQLite file in the data directory: %w", redact(url), ErrUnsupported)
	case strings.HasPrefix(url, "sqlite:"):
		return Open(ctx, strings.TrimPrefix(strings.TrimPrefix(url, "sqlite:"), "//"), opts...)
	case strings.HasPrefix(url, "file:"):
		return Open(ctx, strings.TrimPrefix(strings.TrimPrefix(url, "file:"), "//"), opts...)
	default:
		return nil, fmt.Errorf("--db %s: unknown database URL; use sqlite:PATH (or leave --db out): %w", redact(url), ErrUnsupported)
	}
}

// redact hides a password in a URL so it never reaches logs or terminals.
// It finds the authority the way net/url does: after "//", up to the next
// '/', '?' or '#'; the userinfo is what precedes its last '@'.
func redact(url string) string {
	start := strings.Index(url, "//")
	if start < 0 {
		return url
	}
	start += 2
	end := len(url)
	if i := strings.IndexAny(url[start:], "/?#"); i >= 0 {
		end = start + i
	}
	at := strings.LastIndex(url[start:end], "@")
	if at < 0 {
		return url
	}
	userinfo := url[start : start+at]
	colon := strings.Index(userinfo, ":")
	if colon < 0 {
		return url
	}
	return url[:start] + userinfo[:colon] + ":xxxxx" + url[start+at:]
}

// Path is the database file's path.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.sql.Close() }

// Ping checks that the database answers; /healthz uses it.
func (d *DB) Ping(ctx context.Context) error {
	var one int
	if err := d.sql.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("db: ping: %w", err)
	}
	return nil
}

// checkHeader refuses an existing non-empty file that does not start like a
// SQLite database, before SQLite touches it: opening it in WAL mode could
// otherwise write to a file that holds something else.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("db: open %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return nil // an empty file is a new database to SQLite
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("db: read %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteHeader) || n < len(sqliteHeader) {
		return corrupt(path, errors.New("the file does not start with the SQLite header"))
	}
	return nil
}

// check runs SQLite's quick integrity check; a damaged file is reported, never repaired.
func (d *DB) check(ctx context.Context) error {
	rows, err := d.sql.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return classify(d.path, "check", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return classify(d.path, "check", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(d.path, "check", err)
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = append(problems[:3], "…")
		}
		return corrupt(d.path, errors.New(strings.Join(problems, "; ")))
	}
	return nil
}

func corrupt(path string, cause error) error {
	return fmt.Errorf("%w: %s (%v). learnsls left it untouched: move it aside (or restore a backup) and start again, "+
		"and a fresh database will be created", ErrCorrupt, path, cause)
}

// classify wraps err, turning SQLite's "not a database" and "corrupt"
// results into ErrCorrupt.
func classify(path, op string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return corrupt(path, err)
		}
	}
	return fmt.Errorf("db: %s %s: %w", op, path, err)
}

// migrate brings the database at path up to len(list), one transaction per
// migration. A database newer than the list is refused untouched.
func migrate(ctx context.Context, sqlDB *sql.DB, path string, list []string) error {
	current, err := schemaVersion(ctx, sqlDB)
	if err != nil {
		return classify(path, "read schema version", err)
	}
	if current > len(list) {
		return &SchemaError{Path: path, Database: current, Binary: len(list)}
	}
	for v := current; v < len(list); v++ {
		if err := applyMigration(ctx, sqlDB, v, list[v]); err != nil {
			return classify(path, fmt.Sprintf("migrate to schema version %d", v+1), err)
		}
	}
	return nil
}

func schemaVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int, error) {
	var tables int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).Scan(&tables)
	if err != nil || tables == 0 {
		return 0, err
	}
	var v int
	err = q.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

func applyMigration(ctx context.Context, sqlDB *sql.DB, from int, stmt string) error {
	tx, err := sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Re-read inside the write transaction: another process may have
	// migrated the file since we looked.
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v != from {
		return nil
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if from == 0 {
		_, err = tx.ExecContext(ctx, `CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1)`)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, from+1)
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Version reports the schema version recorded in the open database.
func (d *DB) Version(ctx context.Context) (int, error) {
	v, err := schemaVersion(ctx, d.sql)
	if err != nil {
		return 0, fmt.Errorf("db: read schema version: %w", err)
	}
	return v, nil
}

// write runs fn in one transaction and commits it.
func (d *DB) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("db: %s: begin: %w", op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("db: %s: %w", op, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("db: %s: commit: %w", op, err)
	}
	return nil
}

func millis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }
