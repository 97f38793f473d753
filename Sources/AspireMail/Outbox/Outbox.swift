import AspireStore
import Foundation

/// The messages waiting in the store to be delivered: rules queue them, people
/// hold and release learners, and `aspire send` delivers them. Each message
/// keeps the exact bytes that will be sent, and a key that makes queuing it
/// twice a no-op.
public final class Outbox {
  /// The store's database.
  public let database: Database

  /// The outbox of `store`.
  public convenience init(store: Store) {
    self.init(database: store.database)
  }

  /// The outbox in `database`, which must hold the outbox tables.
  public init(database: Database) {
    self.database = database
  }

  /// Whether `database` has the outbox tables yet (an older store may not, and
  /// a dry run does not migrate it).
  public static func exists(in database: Database) throws -> Bool {
    let found = try database.scalar(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
    return found.integer == 1
  }

  /// Queues `message` under `key`, written out now as the bytes that will be
  /// sent. Queuing a key that is already in the outbox, in any state, changes
  /// nothing: returns true when the message is new.
  @discardableResult
  public func queue(
    message: MailMessage, key: String, learnerID: String?, kind: String,
    writer: MIMEWriter = MIMEWriter(), at instant: Date = Date()
  ) throws -> Bool {
    guard !key.isEmpty else { throw OutboxError.emptyKey }
    guard !kind.isEmpty else { throw OutboxError.emptyKind }
    let rows = try database.inTransaction {
      try database.query(
        """
        INSERT INTO outbox (key, learner_id, kind, recipient, subject, message_id, message,
          queued_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (key) DO NOTHING
        RETURNING id
        """,
        [
          .text(key), learnerID.map { .text($0) } ?? .null, .text(kind),
          .text(message.to.address), .text(HeaderText.clean(message.subject)),
          .text(message.messageID.value), .text(writer.text(for: message)),
          .text(Timestamp.iso8601(instant)),
        ])
    }
    return !rows.isEmpty
  }

  /// The id of the message queued under `key`, or nil when there is none.
  public func id(ofKey key: String) throws -> Int64? {
    try database.scalar("SELECT id FROM outbox WHERE key = ?1", [.text(key)]).integer
  }

  /// Holds `learner`'s messages back until released. Returns false when the
  /// learner was already held (the first reason stands).
  @discardableResult
  public func hold(learner: String, reason: String, by person: String, at instant: Date = Date())
    throws -> Bool
  {
    let reason = HeaderText.clean(reason)
    guard !reason.isEmpty else { throw OutboxError.emptyReason }
    return try database.inTransaction {
      let known = try database.scalar("SELECT count(*) FROM learners WHERE id = ?1", [
        .text(learner)
      ])
      guard known.integer == 1 else { throw OutboxError.noLearner(learner) }
      let rows = try database.query(
        """
        INSERT INTO learner_holds (learner_id, reason, held_at, held_by)
        VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (learner_id) WHERE released_at IS NULL DO NOTHING
        RETURNING id
        """,
        [.text(learner), .text(reason), .text(Timestamp.iso8601(instant)), .text(person)])
      return !rows.isEmpty
    }
  }

  /// Releases the hold on `learner`; their messages go on the next run.
  /// Returns false when the learner was not held.
  @discardableResult
  public func release(learner: String, by person: String, at instant: Date = Date()) throws
    -> Bool
  {
    try database.inTransaction {
      let rows = try database.query(
        """
        UPDATE learner_holds SET released_at = ?2, released_by = ?3
        WHERE learner_id = ?1 AND released_at IS NULL
        RETURNING id
        """,
        [.text(learner), .text(Timestamp.iso8601(instant)), .text(person)])
      return !rows.isEmpty
    }
  }

  /// The learners held now, with how many of their messages wait, by learner.
  public func heldLearners() throws -> [LearnerHold] {
    try database.query(
      """
      SELECT holds.learner_id, holds.reason, holds.held_at, holds.held_by,
        (SELECT count(*) FROM outbox
          WHERE outbox.learner_id = holds.learner_id AND state IN ('queued', 'deferred'))
      FROM learner_holds AS holds
      WHERE holds.released_at IS NULL
      ORDER BY holds.learner_id
      """
    ).map { row in
      LearnerHold(
        learnerID: row[0].description, reason: row[1].description, heldAt: row[2].description,
        heldBy: row[3].description, waiting: Int(row[4].integer ?? 0))
    }
  }

  /// The messages a run would send: queued or deferred, for no held learner, by id.
  public func deliverable() throws -> [OutboxEntry] {
    try entries(where: "state IN ('queued', 'deferred') AND \(Outbox.notHeld)")
  }

  /// Queued or deferred messages kept back because their learner is held.
  public func waitingForHeldLearners() throws -> [OutboxEntry] {
    try entries(where: "state IN ('queued', 'deferred') AND NOT \(Outbox.notHeld)")
  }

  /// The messages in `state`, by id.
  public func entries(in state: OutboxState) throws -> [OutboxEntry] {
    try entries(where: "state = ?1", [.text(state.rawValue)])
  }

  /// Every message in the outbox, by id.
  public func allEntries() throws -> [OutboxEntry] {
    try entries(where: "1")
  }

  /// The message numbered `id`.
  public func entry(_ id: Int64) throws -> OutboxEntry {
    guard let found = try entries(where: "id = ?1", [.integer(id)]).first else {
      throw OutboxError.noMessage(id)
    }
    return found
  }

  /// The exact bytes of message `id`, as they will be sent.
  public func bytes(of id: Int64) throws -> [UInt8] {
    let value = try database.scalar("SELECT message FROM outbox WHERE id = ?1", [.integer(id)])
    guard let text = value.text else { throw OutboxError.noMessage(id) }
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { throw OutboxError.notASCII(id) }
    return bytes
  }

  /// The condition that a message's learner (if any) is not held now.
  static let notHeld = """
    NOT EXISTS (SELECT 1 FROM learner_holds
      WHERE learner_holds.learner_id = outbox.learner_id AND released_at IS NULL)
    """

  /// The entries matching `condition`, by id; the condition is the caller's
  /// own SQL text, and values go in `values`.
  func entries(where condition: String, _ values: [SQLValue] = []) throws -> [OutboxEntry] {
    try database.query(
      "SELECT \(OutboxEntry.columns) FROM outbox WHERE \(condition) ORDER BY id", values
    ).map(OutboxEntry.init(row:))
  }
}
