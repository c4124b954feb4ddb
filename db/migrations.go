package db

// migrations is the ordered list of schema changes. The schema version of a
// database is the number of migrations applied to it; migrations[i] takes a
// database from version i to version i+1.
//
// Rules, because installed databases depend on them:
//   - never edit or reorder a migration that has been released; append a new one;
//   - each migration runs in one transaction together with the version bump,
//     so a crash leaves the database at the old or the new version, never between;
//   - keep the SQL portable (INTEGER, TEXT, no SQLite-only types) so the same
//     list can later run on PostgreSQL (DESIGN §8).
//
// Times are stored as INTEGER Unix milliseconds (UTC).
var migrations = []string{
	// 1: learners, progress, visits, drafts, submissions.
	`
CREATE TABLE learners (
	id         INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL,
	created_at INTEGER NOT NULL
);

-- Offline there is no sign-up: everybody using this database is learner 1.
INSERT INTO learners (id, name, created_at)
VALUES (1, 'local', CAST(strftime('%s', 'now') AS INTEGER) * 1000);

CREATE TABLE progress (
	learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
	lesson_key TEXT    NOT NULL, -- "path-slug/lesson-slug"
	done_at    INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson_key)
);

CREATE TABLE visits (
	learner_id INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
	lesson_key TEXT    NOT NULL,
	visited_at INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson_key)
);
CREATE INDEX visits_recent ON visits (learner_id, visited_at);

CREATE TABLE drafts (
	learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
	exercise_key TEXT    NOT NULL, -- "path-slug/lesson-slug"
	file_name    TEXT    NOT NULL,
	content      TEXT    NOT NULL,
	updated_at   INTEGER NOT NULL,
	PRIMARY KEY (learner_id, exercise_key, file_name)
);

CREATE TABLE submissions (
	id           INTEGER PRIMARY KEY,
	learner_id   INTEGER NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
	exercise_key TEXT    NOT NULL,
	files        TEXT    NOT NULL, -- JSON object: file name -> content
	verdict      TEXT    NOT NULL, -- JSON, shaped by lessons/grade
	passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
	duration_ms  INTEGER NOT NULL,
	created_at   INTEGER NOT NULL
);
CREATE INDEX submissions_by_exercise ON submissions (learner_id, exercise_key, created_at);
`,
}

// SchemaVersion is the schema version this binary creates and understands.
func SchemaVersion() int { return len(migrations) }
