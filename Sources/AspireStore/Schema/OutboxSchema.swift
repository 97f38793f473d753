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

  /// Which message told a flag's owner of the flag: a rule run emails each
  /// owner their open flags that no message has covered yet, so flags whose
  /// email a run never queued (it stopped after storing them, or the owner's
  /// address was refused) go out with a later run's. Flags already emailed
  /// under the key `flags|SESSION|RULE|OWNER|from flag N` (N the first flag
  /// of the owner's batch, raised by the same run) are linked to that message.
  static let flagMessages = Migration(
    version: 5,
    sql: """
      ALTER TABLE flags ADD COLUMN mailed_in INTEGER REFERENCES outbox (id);
      UPDATE flags SET mailed_in = (
        SELECT o.id FROM outbox o
        WHERE o.kind = 'flags' AND o.key = 'flags|' || flags.session || '|'
          || replace(flags.rule, '|', '/') || '|' || replace(flags.owner_id, '|', '/')
          || '|from flag ' || (
            SELECT min(batch.id) FROM flags batch
            WHERE batch.session = flags.session AND batch.rule = flags.rule
              AND batch.owner_id = flags.owner_id AND batch.raised_at = flags.raised_at));
      CREATE INDEX flags_to_mail ON flags (session, rule) WHERE mailed_in IS NULL;
      """)
}
