import AspireStore
import Foundation

/// The delivery state machine's steps, each one committed on its own so that
/// the store always says truthfully where every message is.
extension Outbox {
  /// The reason a message is held when a run died after marking it in flight.
  public static let interruptedReason = "in flight when a previous run stopped"

  /// Holds every message still in flight: a run died between handing it to
  /// the server and hearing back, so the family may have it. Only call this
  /// while holding the send lock. Returns the messages held.
  @discardableResult
  public func holdInterrupted(at instant: Date = Date()) throws -> [OutboxEntry] {
    try database.inTransaction {
      let interrupted = try entries(in: .inFlight)
      try database.run(
        "UPDATE outbox SET state = 'held', held_reason = ?1 WHERE state = 'in_flight'",
        [.text(Outbox.interruptedReason)])
      return interrupted
    }
  }

  /// Marks message `id` in flight, if it is still queued or deferred and its
  /// learner is not held. Returns false when it is not (a person held the
  /// learner meanwhile).
  public func markInFlight(_ id: Int64, at instant: Date = Date()) throws -> Bool {
    try database.inTransaction {
      let rows = try database.query(
        """
        UPDATE outbox SET state = 'in_flight', in_flight_at = ?2, attempts = attempts + 1
        WHERE id = ?1 AND state IN ('queued', 'deferred') AND \(Outbox.notHeld)
        RETURNING id
        """, [.integer(id), .text(Timestamp.iso8601(instant))])
      return !rows.isEmpty
    }
  }

  /// Records what became of in-flight message `id`: sent, deferred, failed, or
  /// held when no verdict came back. A failure of the server rather than of
  /// the message defers it, since the message never reached a verdict.
  /// Changes nothing and returns false when the message is no longer in
  /// flight: another run found it so and held it for review, and a person
  /// must now settle it, whatever this run heard.
  @discardableResult
  public func record(_ id: Int64, outcome: DeliveryOutcome, at instant: Date = Date()) throws
    -> Bool
  {
    let time = SQLValue.text(Timestamp.iso8601(instant))
    let detail = SQLValue.text(outcome.detail)
    let inFlight = "id = ?1 AND state = 'in_flight'"
    return try database.inTransaction {
      switch (outcome.verdict, outcome.concernsServer) {
      case (.accepted, _):
        try database.run(
          "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE \(inFlight)",
          [.integer(id), time])
      case (.temporary, _), (.permanent, true):
        try database.run(
          "UPDATE outbox SET state = 'deferred', last_error = ?2 WHERE \(inFlight)",
          [.integer(id), detail])
      case (.permanent, false):
        try database.run(
          "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE \(inFlight)",
          [.integer(id), detail])
      case (.uncertain, _):
        try database.run(
          """
          UPDATE outbox SET state = 'held', last_error = ?2,
            held_reason = 'handed to the server but no reply came'
          WHERE \(inFlight)
          """, [.integer(id), detail])
      }
      return database.changes == 1
    }
  }

  /// A person's verdict on a held message, after checking with the family.
  public enum Review: Sendable {
    /// It did not arrive: send it on the next run.
    case sendAgain
    /// It arrived: record it as sent.
    case delivered
  }

  /// Settles held message `id` as `review` says, recording who decided.
  public func review(_ id: Int64, _ review: Review, by person: String, at instant: Date = Date())
    throws
  {
    try database.inTransaction {
      let current = try entry(id)
      guard current.state == .held else { throw OutboxError.notHeld(id, current.state) }
      let time = SQLValue.text(Timestamp.iso8601(instant))
      let state = review == .delivered ? "sent" : "queued"
      try database.run(
        """
        UPDATE outbox SET state = ?2, reviewed_at = ?3, reviewed_by = ?4,
          sent_at = CASE WHEN ?2 = 'sent' THEN ?3 ELSE sent_at END
        WHERE id = ?1
        """, [.integer(id), .text(state), time, .text(person)])
    }
  }
}
