package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Learner is a person using learnsls. Offline there is only LocalLearnerID.
type Learner struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}

// Learner returns the learner with the given id, or ErrNotFound.
func (d *DB) Learner(ctx context.Context, id int64) (Learner, error) {
	l := Learner{ID: id}
	var created int64
	err := d.sql.QueryRowContext(ctx, `SELECT name, created_at FROM learners WHERE id = ?`, id).Scan(&l.Name, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return Learner{}, fmt.Errorf("learner %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Learner{}, fmt.Errorf("db: learner %d: %w", id, err)
	}
	l.CreatedAt = fromMillis(created)
	return l, nil
}

// MarkDone records that the learner finished the lesson ("path/lesson").
// Marking a lesson done again keeps the first completion time.
func (d *DB) MarkDone(ctx context.Context, learnerID int64, lessonKey string) error {
	return d.write(ctx, "mark done "+lessonKey, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO progress (learner_id, lesson_key, done_at) VALUES (?, ?, ?)
ON CONFLICT (learner_id, lesson_key) DO NOTHING`, learnerID, lessonKey, millis(d.now()))
		return err
	})
}

// MarkNotDone forgets that the learner finished the lesson.
func (d *DB) MarkNotDone(ctx context.Context, learnerID int64, lessonKey string) error {
	return d.write(ctx, "mark not done "+lessonKey, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM progress WHERE learner_id = ? AND lesson_key = ?`, learnerID, lessonKey)
		return err
	})
}

// Progress returns the lessons the learner finished, keyed "path/lesson",
// with the time each was marked done.
func (d *DB) Progress(ctx context.Context, learnerID int64) (map[string]time.Time, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT lesson_key, done_at FROM progress WHERE learner_id = ?`, learnerID)
	if err != nil {
		return nil, fmt.Errorf("db: progress: %w", err)
	}
	defer rows.Close()
	done := make(map[string]time.Time)
	for rows.Next() {
		var key string
		var at int64
		if err := rows.Scan(&key, &at); err != nil {
			return nil, fmt.Errorf("db: progress: %w", err)
		}
		done[key] = fromMillis(at)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: progress: %w", err)
	}
	return done, nil
}

// IsDone reports whether the learner finished one lesson.
func (d *DB) IsDone(ctx context.Context, learnerID int64, lessonKey string) (bool, error) {
	var n int
	err := d.sql.QueryRowContext(ctx, `SELECT count(*) FROM progress WHERE learner_id = ? AND lesson_key = ?`,
		learnerID, lessonKey).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("db: is done %s: %w", lessonKey, err)
	}
	return n > 0, nil
}

// Visit is the learner's most recent visit to a lesson.
type Visit struct {
	LessonKey string
	At        time.Time
}

// RecordVisit notes that the learner opened the lesson now; LastVisited
// uses it to resume.
func (d *DB) RecordVisit(ctx context.Context, learnerID int64, lessonKey string) error {
	return d.write(ctx, "record visit "+lessonKey, func(tx *sql.Tx) error {
		// Delete and insert rather than update, so the newest visit also
		// has the highest rowid: LastVisited breaks ties of equal
		// milliseconds by rowid.
		if _, err := tx.ExecContext(ctx, `DELETE FROM visits WHERE learner_id = ? AND lesson_key = ?`, learnerID, lessonKey); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO visits (learner_id, lesson_key, visited_at) VALUES (?, ?, ?)`,
			learnerID, lessonKey, millis(d.now()))
		return err
	})
}

// LastVisited returns the lesson the learner opened most recently, or
// ErrNotFound if they have opened none.
func (d *DB) LastVisited(ctx context.Context, learnerID int64) (Visit, error) {
	var v Visit
	var at int64
	err := d.sql.QueryRowContext(ctx, `SELECT lesson_key, visited_at FROM visits WHERE learner_id = ?
ORDER BY visited_at DESC, rowid DESC LIMIT 1`, learnerID).Scan(&v.LessonKey, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Visit{}, fmt.Errorf("last visit of learner %d: %w", learnerID, ErrNotFound)
	}
	if err != nil {
		return Visit{}, fmt.Errorf("db: last visit: %w", err)
	}
	v.At = fromMillis(at)
	return v, nil
}

// Draft is the learner's unsaved work on one file of an exercise.
type Draft struct {
	FileName  string
	Content   string
	UpdatedAt time.Time
}

// SaveDrafts stores the learner's current files of an exercise ("path/lesson"),
// file name -> content, in one transaction.
func (d *DB) SaveDrafts(ctx context.Context, learnerID int64, exerciseKey string, files map[string]string) error {
	now := millis(d.now())
	return d.write(ctx, "save drafts of "+exerciseKey, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO drafts (learner_id, exercise_key, file_name, content, updated_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (learner_id, exercise_key, file_name) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for name, content := range files {
			if _, err := stmt.ExecContext(ctx, learnerID, exerciseKey, name, content, now); err != nil {
				return fmt.Errorf("file %s: %w", name, err)
			}
		}
		return nil
	})
}

// Drafts returns the learner's saved drafts of an exercise, sorted by file
// name; none is an empty slice, not an error.
func (d *DB) Drafts(ctx context.Context, learnerID int64, exerciseKey string) ([]Draft, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT file_name, content, updated_at FROM drafts
WHERE learner_id = ? AND exercise_key = ? ORDER BY file_name`, learnerID, exerciseKey)
	if err != nil {
		return nil, fmt.Errorf("db: drafts of %s: %w", exerciseKey, err)
	}
	defer rows.Close()
	drafts := []Draft{}
	for rows.Next() {
		var dr Draft
		var at int64
		if err := rows.Scan(&dr.FileName, &dr.Content, &at); err != nil {
			return nil, fmt.Errorf("db: drafts of %s: %w", exerciseKey, err)
		}
		dr.UpdatedAt = fromMillis(at)
		drafts = append(drafts, dr)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: drafts of %s: %w", exerciseKey, err)
	}
	return drafts, nil
}

// DeleteDrafts discards the learner's drafts of an exercise ("start over").
func (d *DB) DeleteDrafts(ctx context.Context, learnerID int64, exerciseKey string) error {
	return d.write(ctx, "delete drafts of "+exerciseKey, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM drafts WHERE learner_id = ? AND exercise_key = ?`, learnerID, exerciseKey)
		return err
	})
}

// Submission is one graded attempt at an exercise.
type Submission struct {
	ID          int64
	LearnerID   int64
	ExerciseKey string            // "path/lesson"
	Files       map[string]string // file name -> content as submitted
	Verdict     json.RawMessage   // the grader's verdict, stored as given
	Passed      bool
	Duration    time.Duration // how long grading took; stored in milliseconds
	CreatedAt   time.Time     // set by AddSubmission
}

// AddSubmission stores a graded attempt and returns its id. CreatedAt is
// set from the database's clock; Verdict must be valid JSON.
func (d *DB) AddSubmission(ctx context.Context, s Submission) (int64, error) {
	if !json.Valid(s.Verdict) {
		return 0, fmt.Errorf("db: add submission for %s: verdict is not valid JSON", s.ExerciseKey)
	}
	files, err := json.Marshal(s.Files)
	if err != nil {
		return 0, fmt.Errorf("db: add submission for %s: %w", s.ExerciseKey, err)
	}
	var id int64
	err = d.write(ctx, "add submission for "+s.ExerciseKey, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO submissions
(learner_id, exercise_key, files, verdict, passed, duration_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			s.LearnerID, s.ExerciseKey, string(files), string(s.Verdict), s.Passed, s.Duration.Milliseconds(), millis(d.now()))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// Submissions returns the learner's attempts at an exercise, newest first,
// at most limit of them (all when limit <= 0).
func (d *DB) Submissions(ctx context.Context, learnerID int64, exerciseKey string, limit int) ([]Submission, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := d.sql.QueryContext(ctx, `SELECT id, files, verdict, passed, duration_ms, created_at FROM submissions
WHERE learner_id = ? AND exercise_key = ? ORDER BY created_at DESC, id DESC LIMIT ?`, learnerID, exerciseKey, limit)
	if err != nil {
		return nil, fmt.Errorf("db: submissions of %s: %w", exerciseKey, err)
	}
	defer rows.Close()
	subs := []Submission{}
	for rows.Next() {
		s := Submission{LearnerID: learnerID, ExerciseKey: exerciseKey}
		var files, verdict string
		var ms, at int64
		if err := rows.Scan(&s.ID, &files, &verdict, &s.Passed, &ms, &at); err != nil {
			return nil, fmt.Errorf("db: submissions of %s: %w", exerciseKey, err)
		}
		if err := json.Unmarshal([]byte(files), &s.Files); err != nil {
			return nil, fmt.Errorf("db: submission %d of %s: files: %w", s.ID, exerciseKey, err)
		}
		s.Verdict = json.RawMessage(verdict)
		s.Duration = time.Duration(ms) * time.Millisecond
		s.CreatedAt = fromMillis(at)
		subs = append(subs, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: submissions of %s: %w", exerciseKey, err)
	}
	return subs, nil
}

// Passed returns the exercises ("path/lesson") the learner has passed at
// least once.
func (d *DB) Passed(ctx context.Context, learnerID int64) (map[string]bool, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT DISTINCT exercise_key FROM submissions WHERE learner_id = ? AND passed = 1`, learnerID)
	if err != nil {
		return nil, fmt.Errorf("db: passed exercises: %w", err)
	}
	defer rows.Close()
	passed := make(map[string]bool)
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, fmt.Errorf("db: passed exercises: %w", err)
		}
		passed[key] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: passed exercises: %w", err)
	}
	return passed, nil
}
