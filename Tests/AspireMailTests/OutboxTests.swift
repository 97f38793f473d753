import AspireStore
import Foundation
import Testing

@testable import AspireMail

/// The outbox in the store: queuing is idempotent by key, holds keep a
/// learner's messages back, and previews are the exact bytes, owner-only.
@Suite struct OutboxTests {
  @Test func queuesAMessageOnceWhateverHowOftenItIsQueued() throws {
    let scratch = try MailScratch()

    #expect(try scratch.queueReport("L00012", to: "parent@example.org"))
    #expect(try !scratch.queueReport("L00012", to: "parent@example.org"))
    #expect(try !scratch.queueReport("L00012", to: "Parent@Example.org"))

    let entries = try scratch.outbox.allEntries()
    #expect(entries.count == 1)
    #expect(entries[0].key == "live-report|2026-27|round 2|L00012|parent@example.org")
    #expect(entries[0].state == .queued && entries[0].attempts == 0)
  }

  @Test func keepsTheFirstBytesWhenAKeyIsQueuedAgain() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "parent@example.org")
    let before = try scratch.outbox.bytes(of: 1)

    try scratch.queueReport("L1", to: "parent@example.org")

    #expect(try scratch.outbox.bytes(of: 1) == before)
  }

  @Test func storesTheExactBytesTheWriterProduces() throws {
    let scratch = try MailScratch()
    let message = MailMessage(
      from: try MailAddress("office@school.example.org"),
      to: try MailAddress("parent@example.org"), subject: "Aithisg — round 1",
      text: "Mòran taing\n", html: "<p>Mòran taing</p>")
    let writer = MIMEWriter(boundary: "=_fixed")

    try scratch.outbox.queue(
      message: message, key: "k", learnerID: nil, kind: "notice", writer: writer)

    #expect(try scratch.outbox.bytes(of: 1) == writer.bytes(for: message))
    let entry = try scratch.outbox.entry(1)
    #expect(entry.subject == "Aithisg — round 1" && entry.messageID == message.messageID.value)
  }

  @Test func givesSeparateMessagesToTwoParentsAndToSiblings() throws {
    let scratch = try MailScratch()

    try scratch.queueReport("L1", to: "mum@example.org")
    try scratch.queueReport("L1", to: "dad@example.org")
    try scratch.queueReport("L2", to: "mum@example.org")
    try scratch.queueReport("L1", to: "mum@example.org", round: 3)

    #expect(try scratch.outbox.allEntries().count == 4)
  }

  @Test func refusesAnEmptyKeyOrKind() throws {
    let scratch = try MailScratch()
    let address = try MailAddress("parent@example.org")
    let message = MailMessage(from: address, to: address, subject: "", text: "", html: "")

    #expect(throws: OutboxError.emptyKey) {
      try scratch.outbox.queue(message: message, key: "", learnerID: nil, kind: "x")
    }
    #expect(throws: OutboxError.emptyKind) {
      try scratch.outbox.queue(message: message, key: "k", learnerID: nil, kind: "")
    }
  }

  @Test func holdsALearnersMessagesBackUntilReleased() throws {
    let scratch = try MailScratch()
    try scratch.addLearners("L1", "L2")
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")

    #expect(try scratch.outbox.hold(learner: "L1", reason: "custody check", by: "T1"))
    #expect(try !scratch.outbox.hold(learner: "L1", reason: "again", by: "T2"))
    #expect(try scratch.outbox.deliverable().map(\.recipient) == ["b@example.org"])
    #expect(try scratch.outbox.waitingForHeldLearners().map(\.recipient) == ["a@example.org"])
    let holds = try scratch.outbox.heldLearners()
    #expect(holds.map(\.learnerID) == ["L1"] && holds[0].reason == "custody check")
    #expect(holds[0].waiting == 1 && holds[0].heldBy == "T1")

    #expect(try scratch.outbox.release(learner: "L1", by: "T1"))
    #expect(try !scratch.outbox.release(learner: "L1", by: "T1"))
    #expect(try scratch.outbox.deliverable().count == 2)
    #expect(try scratch.outbox.heldLearners().isEmpty)
  }

  @Test func refusesToHoldALearnerTheStoreDoesNotKnow() throws {
    let scratch = try MailScratch()

    #expect(throws: OutboxError.noLearner("L999")) {
      try scratch.outbox.hold(learner: "L999", reason: "typo", by: "T1")
    }
    #expect(throws: OutboxError.emptyReason) {
      try scratch.outbox.hold(learner: "L999", reason: " \n", by: "T1")
    }
  }

  @Test func canHoldALearnerAgainAfterARelease() throws {
    let scratch = try MailScratch()
    try scratch.addLearners("L1")
    try scratch.outbox.hold(learner: "L1", reason: "first", by: "T1")
    try scratch.outbox.release(learner: "L1", by: "T1")

    #expect(try scratch.outbox.hold(learner: "L1", reason: "second", by: "T1"))
    #expect(try scratch.outbox.heldLearners().map(\.reason) == ["second"])
  }

  @Test func writesOwnerOnlyPreviewsOfTheWaitingMessages() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "parent@example.org")
    try scratch.queueReport("L2", to: "o'brien+x@mail.example.org")
    try scratch.queueReport("L3", to: "sent@example.org")
    _ = try scratch.outbox.markInFlight(3)
    try scratch.outbox.record(3, outcome: .accepted)
    let folder = scratch.path + "/out/outbox"

    let written = try scratch.outbox.previews(to: folder)

    #expect(
      written == [
        folder + "/000001-parent-at-example-org.eml",
        folder + "/000002-o-brien-x-at-mail-example-org.eml",
      ])
    #expect(try permissions(folder) == 0o700)
    for (index, path) in written.enumerated() {
      #expect(try permissions(path) == 0o600)
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(try bytes == scratch.outbox.bytes(of: Int64(index + 1)))
    }
  }

  @Test func refusesToWriteAPreviewThroughASymbolicLink() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "parent@example.org")
    let folder = scratch.path + "/previews"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/000001-parent-at-example-org.eml", withDestinationPath: "/tmp/elsewhere")

    #expect(throws: PreviewError.self) { try scratch.outbox.previews(to: folder) }
  }

  @Test func existsOnlyOnceTheStoreIsMigrated() throws {
    let scratch = try MailScratch()
    let bare = try Database(path: scratch.path + "/bare.db")

    #expect(try Outbox.exists(in: scratch.store.database))
    #expect(try !Outbox.exists(in: bare))
  }

  private func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }
}
