import AspireStore

/// One message in the outbox, without its bytes.
public struct OutboxEntry: Hashable, Sendable {
  /// The row's number, used to name the message to a person.
  public let id: Int64
  /// What makes the message the same message, such as
  /// `live-report|2026-27|round 2|L00012|parent@example.org`.
  public let key: String
  /// The learner the message is about, when it is about one.
  public let learnerID: String?
  /// What sort of message it is, such as `live-report`.
  public let kind: String
  /// The one address it goes to.
  public let recipient: String
  /// The subject, on one line.
  public let subject: String
  /// The Message-ID, without angle brackets.
  public let messageID: String
  /// Where it is on its way.
  public let state: OutboxState
  /// How many times it has been handed to a server.
  public let attempts: Int
  /// What the server or the connection said last time it failed.
  public let lastError: String?
  /// Why it is held, when it is.
  public let heldReason: String?

  /// The columns `init(row:)` reads, in order.
  static let columns = """
    id, key, learner_id, kind, recipient, subject, message_id, state, attempts, last_error,
    held_reason
    """

  /// Reads a row of `columns`.
  init(row: [SQLValue]) {
    id = row[0].integer ?? 0
    key = row[1].description
    learnerID = row[2].text
    kind = row[3].description
    recipient = row[4].description
    subject = row[5].description
    messageID = row[6].description
    state = OutboxState(rawValue: row[7].description) ?? .held
    attempts = Int(row[8].integer ?? 0)
    lastError = row[9].text
    heldReason = row[10].text
  }
}
