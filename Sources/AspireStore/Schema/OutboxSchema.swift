extension Schema {
  /// Email: the outbox of messages queued for delivery, each with its exact
  /// bytes and its delivery state, and the holds that keep a learner's
  /// messages back. docs/schema.md describes the states.
  static let outbox = Migration(
    version: 4,
    sql: """
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        learner_id TEXT,
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        message_id TEXT NOT NULL,
        message TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (
          state IN ('queued', 'in_flight', 'sent', 'held', 'failed', 'deferred')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        in_flight_at TEXT,
        sent_at TEXT,
        held_reason TEXT,
        reviewed_at TEXT,
        reviewed_by TEXT
      );
      CREATE INDEX outbox_by_state ON outbox (state, id);
      CREATE INDEX outbox_by_learner ON outbox (learner_id);
      CREATE TABLE learner_holds (
        id INTEGER PRIMARY KEY,
        learner_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        held_at TEXT NOT NULL,
        held_by TEXT NOT NULL,
        released_at TEXT,
        released_by TEXT
      );
      CREATE UNIQUE INDEX learner_holds_open ON learner_holds (learner_id)
        WHERE released_at IS NULL;
      """)
}
