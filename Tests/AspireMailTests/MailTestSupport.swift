import AspireStore
import Foundation

@testable import AspireMail

/// A fresh folder with a store in it for one test, removed when the test lets go.
final class MailScratch {
  let path: String
  let store: Store
  let outbox: Outbox

  init() throws {
    path = NSTemporaryDirectory() + "aspire-mail-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    store = try Store(path: path + "/aspire.db")
    outbox = Outbox(store: store)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Adds learners by id, as an import would.
  func addLearners(_ ids: String...) throws {
    for id in ids {
      try store.database.run("INSERT INTO learners (id, name) VALUES (?1, ?2)", [
        .text(id), .text("Learner \(id)"),
      ])
    }
  }

  /// Queues a simple Live Report for `learner` to `recipient`; returns whether it was new.
  @discardableResult
  func queueReport(_ learner: String, to recipient: String, round: Int = 2) throws -> Bool {
    let to = try MailAddress(recipient)
    let message = MailMessage(
      from: try MailAddress("office@school.example.org", name: "Craigmount High"), to: to,
      subject: "Live Report for \(learner): round \(round)",
      text: "\(learner) is on target in Mathematics.\n",
      html: "<p>\(learner) is on target in <b>Mathematics</b>.</p>\n")
    return try outbox.queue(
      message: message,
      key: OutboxKey.liveReport(
        session: "2026-27", round: round, learnerID: learner, recipient: to),
      learnerID: learner, kind: "live-report")
  }

  /// The state of the message to `recipient` about `learner`.
  func state(_ learner: String, _ recipient: String) throws -> OutboxState? {
    try outbox.allEntries()
      .first { $0.learnerID == learner && $0.recipient == recipient }?.state
  }

  /// Every message's state, by recipient.
  func states() throws -> [String: OutboxState] {
    Dictionary(uniqueKeysWithValues: try outbox.allEntries().map { ($0.recipient, $0.state) })
  }
}

/// A stand-in for the SMTP server: answers each recipient as told (accepted
/// unless named), and can look at the store while it holds a message.
final class ScriptedTransport: MessageTransport {
  var answers: [String: DeliveryOutcome] = [:]
  var received: [(recipient: String, bytes: [UInt8])] = []
  var onSend: (String) -> Void = { _ in }

  func send(_ message: [UInt8], from sender: String, to recipient: String) -> DeliveryOutcome {
    onSend(recipient)
    received.append((recipient, message))
    return answers[recipient] ?? DeliveryOutcome(verdict: .accepted, replyCode: 250, detail: "")
  }
}
