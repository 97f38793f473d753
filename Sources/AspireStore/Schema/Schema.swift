/// The store's tables, as the list of migrations that build them.
/// docs/schema.md describes every table and column.
public enum Schema {
  /// Every migration, oldest first. Append new ones; never edit a published one.
  public static let migrations: [Migration] = [
    version1, version2, version3, outbox, flagMessages,
  ]

  /// The version a store has once every migration has run.
  public static var currentVersion: Int { migrations.last?.version ?? 0 }

  /// The first schema: the school's people, courses, marks, results and the audit trail.
  static let version1 = Migration(
    version: 1,
    sql: """
      CREATE TABLE sessions (
        name TEXT PRIMARY KEY,
        first_day TEXT NOT NULL,
        last_day TEXT NOT NULL
      );
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        roles TEXT NOT NULL,
        faculty TEXT,
        mentor_capacity INTEGER NOT NULL DEFAULT 6 CHECK (mentor_capacity >= 0)
      );
      CREATE TABLE learners (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        registration TEXT,
        gender TEXT,
        simd_decile INTEGER CHECK (simd_decile BETWEEN 1 AND 10),
        midyis REAL CHECK (midyis BETWEEN 40 AND 160),
        asn INTEGER CHECK (asn IN (0, 1)),
        fsm INTEGER CHECK (fsm IN (0, 1)),
        looked_after INTEGER CHECK (looked_after IN (0, 1)),
        pupil_support TEXT REFERENCES staff (id),
        scn TEXT
      );
      CREATE TABLE learner_stages (
        learner_id TEXT NOT NULL REFERENCES learners (id),
        session TEXT NOT NULL REFERENCES sessions (name),
        stage TEXT NOT NULL CHECK (stage IN ('S1', 'S2', 'S3', 'S4', 'S5', 'S6')),
        PRIMARY KEY (learner_id, session)
      );
      CREATE INDEX learner_stages_by_session ON learner_stages (session, stage);
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        learner_id TEXT NOT NULL REFERENCES learners (id),
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        relationship TEXT,
        receives_reports INTEGER NOT NULL DEFAULT 1 CHECK (receives_reports IN (0, 1))
      );
      CREATE UNIQUE INDEX contacts_by_learner_email
        ON contacts (learner_id, email COLLATE NOCASE);
      CREATE TABLE subjects (
        subject TEXT PRIMARY KEY,
        faculty TEXT NOT NULL,
        sqa_code TEXT
      );
      CREATE TABLE enrolments (
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        subject TEXT NOT NULL REFERENCES subjects (subject),
        level TEXT NOT NULL,
        class TEXT NOT NULL,
        teacher_id TEXT NOT NULL REFERENCES staff (id),
        predicted TEXT,
        prior TEXT,
        prior_level TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
        PRIMARY KEY (session, learner_id, subject)
      );
      CREATE INDEX enrolments_by_class ON enrolments (session, subject, class);
      CREATE TABLE assessments (
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        subject TEXT NOT NULL REFERENCES subjects (subject),
        round INTEGER NOT NULL CHECK (round >= 1),
        status TEXT NOT NULL CHECK (status IN ('A', 'O', 'B')),
        comment TEXT,
        teacher_id TEXT REFERENCES staff (id),
        working_grade TEXT,
        PRIMARY KEY (session, learner_id, subject, round)
      );
      CREATE TABLE results (
        learner_id TEXT NOT NULL REFERENCES learners (id),
        subject TEXT NOT NULL REFERENCES subjects (subject),
        level TEXT NOT NULL,
        grade TEXT NOT NULL,
        year INTEGER NOT NULL,
        PRIMARY KEY (learner_id, subject, level, year)
      );
      CREATE TABLE import_log (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        kind TEXT NOT NULL,
        rows INTEGER NOT NULL,
        added INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        session TEXT
      );
      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        column_name TEXT NOT NULL,
        old_value,
        new_value,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        import_id INTEGER REFERENCES import_log (id)
      );
      CREATE INDEX history_by_row ON history (table_name, row_key);
      """)

  /// Aspirational targets: one open row per session, learner and subject;
  /// a changed target closes its row and opens a new one, so the rows are
  /// the audit trail. Formulas are kept by the hash of their canonical text.
  static let version2 = Migration(
    version: 2,
    sql: """
      CREATE TABLE formulas (
        hash TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        first_used_at TEXT NOT NULL,
        first_used_by TEXT NOT NULL
      );
      CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        subject TEXT NOT NULL REFERENCES subjects (subject),
        level TEXT NOT NULL,
        target TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('formula', 'revision', 'raise')),
        formula_hash TEXT REFERENCES formulas (hash),
        evidence TEXT NOT NULL,
        reason TEXT,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT,
        close_reason TEXT
      );
      CREATE UNIQUE INDEX targets_open ON targets (session, learner_id, subject)
        WHERE closed_at IS NULL;
      CREATE INDEX targets_by_learner ON targets (learner_id, subject);
      """)

  /// Check weeks, mentoring and flags: each session's schedules and their
  /// rounds; mentor allocations, whose closed rows keep a change's history;
  /// mentor meetings; and flags raised by rules, once per learner, rule,
  /// round and subject.
  static let version3 = Migration(
    version: 3,
    sql: """
      CREATE TABLE schedules (
        session TEXT NOT NULL REFERENCES sessions (name),
        name TEXT NOT NULL,
        first_day TEXT NOT NULL,
        weeks INTEGER NOT NULL CHECK (weeks >= 1),
        rounds INTEGER NOT NULL CHECK (rounds >= 1),
        skips TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        PRIMARY KEY (session, name)
      );
      CREATE TABLE schedule_learners (
        session TEXT NOT NULL,
        schedule TEXT NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learners (id),
        PRIMARY KEY (session, schedule, learner_id),
        FOREIGN KEY (session, schedule) REFERENCES schedules (session, name)
      );
      CREATE TABLE rounds (
        session TEXT NOT NULL,
        schedule TEXT NOT NULL,
        round INTEGER NOT NULL CHECK (round >= 1),
        planned TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        PRIMARY KEY (session, schedule, round),
        FOREIGN KEY (session, schedule) REFERENCES schedules (session, name)
      );
      CREATE TABLE mentor_allocations (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        mentor_id TEXT NOT NULL REFERENCES staff (id),
        from_day TEXT NOT NULL,
        to_day TEXT,
        reason TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL
      );
      CREATE UNIQUE INDEX mentor_allocations_open ON mentor_allocations (session, learner_id)
        WHERE to_day IS NULL;
      CREATE TABLE meetings (
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        round INTEGER NOT NULL CHECK (round >= 1),
        subject TEXT NOT NULL DEFAULT '',
        mentor_id TEXT REFERENCES staff (id),
        date TEXT NOT NULL,
        self_status TEXT CHECK (self_status IN ('A', 'O', 'B')),
        action TEXT,
        family_visible INTEGER NOT NULL DEFAULT 0 CHECK (family_visible IN (0, 1)),
        PRIMARY KEY (session, learner_id, round, subject)
      );
      CREATE TABLE flags (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL REFERENCES sessions (name),
        learner_id TEXT NOT NULL REFERENCES learners (id),
        rule TEXT NOT NULL,
        round INTEGER NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL,
        owner_id TEXT NOT NULL REFERENCES staff (id),
        message TEXT NOT NULL,
        routing_note TEXT,
        raised_on TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by TEXT,
        note TEXT,
        UNIQUE (session, learner_id, rule, round, subject)
      );
      CREATE INDEX flags_by_owner ON flags (owner_id, closed_at);
      """)
}
