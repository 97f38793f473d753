import AspireStore
import Foundation
import Testing

@testable import AspireMail

/// The delivery state machine: in flight before the server sees a message,
/// sent once it accepts, and held for review when a run died in between.
@Suite struct DeliveryStateTests {
  @discardableResult
  func run(_ scratch: MailScratch, _ transport: ScriptedTransport) throws -> DeliveryRun.Report {
    try DeliveryRun(
      outbox: scratch.outbox, transport: transport, envelopeSender: "office@school.example.org"
    ).deliver()
  }

  @Test func marksAMessageInFlightInTheStoreBeforeTheServerSeesIt() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "parent@example.org")
    let transport = ScriptedTransport()
    let observer = try Database(path: scratch.store.path)
    var seen: [String] = []
    transport.onSend = { _ in
      seen = (try? observer.query("SELECT state, attempts FROM outbox"))?
        .map { "\($0[0]) \($0[1])" } ?? []
    }

    let report = try run(scratch, transport)

    #expect(seen == ["in_flight 1"])
    #expect(report.sent.count == 1)
    #expect(try observer.query("SELECT state FROM outbox") == [[.text("sent")]])
    #expect(try scratch.outbox.entry(1).lastError == nil)
  }

  @Test func sendsEachMessageToItsOneRecipientWithTheStoredBytes() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")
    let transport = ScriptedTransport()

    try run(scratch, transport)

    #expect(transport.received.map(\.recipient) == ["a@example.org", "b@example.org"])
    #expect(try transport.received[1].bytes == scratch.outbox.bytes(of: 2))
  }

  @Test func neverSendsASentMessageAgain() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    let transport = ScriptedTransport()

    try run(scratch, transport)
    try scratch.queueReport("L1", to: "a@example.org")
    let second = try run(scratch, transport)

    #expect(transport.received.count == 1)
    #expect(second.sent.isEmpty)
  }

  @Test func recordsAPermanentFailureAndCarriesOn() throws {
    let scratch = try MailScratch()
    for learner in ["L1", "L2", "L3"] {
      try scratch.queueReport(learner, to: "\(learner)@example.org")
    }
    let transport = ScriptedTransport()
    transport.answers["L2@example.org"] = DeliveryOutcome(
      verdict: .permanent, replyCode: 550, detail: "550: RCPT failed: 550")

    let report = try run(scratch, transport)

    #expect(report.sent.count == 2 && report.failed.map(\.recipient) == ["L2@example.org"])
    #expect(try scratch.state("L2", "L2@example.org") == .failed)
    #expect(try scratch.outbox.entry(2).lastError == "550: RCPT failed: 550")
  }

  @Test func defersATemporaryFailureAndSendsItOnALaterRun() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    let transport = ScriptedTransport()
    transport.answers["a@example.org"] = DeliveryOutcome(
      verdict: .temporary, replyCode: 451, detail: "451: try later")

    let first = try run(scratch, transport)
    #expect(first.deferred.count == 1)
    #expect(try scratch.state("L1", "a@example.org") == .deferred)

    transport.answers = [:]
    let second = try run(scratch, transport)
    #expect(second.sent.count == 1)
    #expect(try scratch.state("L1", "a@example.org") == .sent)
    #expect(try scratch.outbox.entry(1).attempts == 2)
  }

  @Test func stopsAtAServerFailureAndLeavesTheRestQueued() throws {
    let scratch = try MailScratch()
    for learner in ["L1", "L2", "L3"] {
      try scratch.queueReport(learner, to: "\(learner)@example.org")
    }
    let transport = ScriptedTransport()
    transport.answers["L1@example.org"] = DeliveryOutcome(
      verdict: .permanent, replyCode: 535, detail: "535: login denied", concernsServer: true)

    let report = try run(scratch, transport)

    #expect(report.stoppedBy?.replyCode == 535)
    #expect(transport.received.count == 1)
    #expect(
      try scratch.states() == [
        "L1@example.org": .deferred, "L2@example.org": .queued, "L3@example.org": .queued,
      ])
  }

  @Test func holdsAMessageHandedOverWithoutAVerdict() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    let transport = ScriptedTransport()
    transport.answers["a@example.org"] = DeliveryOutcome(
      verdict: .uncertain, replyCode: 354, detail: "354: timeout")

    let report = try run(scratch, transport)

    #expect(report.held.count == 1)
    #expect(try scratch.outbox.entry(1).state == .held)
    #expect(try run(scratch, transport).sent.isEmpty)
  }

  @Test func holdsAMessageLeftInFlightByARunThatDied() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")
    // A run marked the first message and died before hearing from the server.
    #expect(try scratch.outbox.markInFlight(1))

    let interrupted = try scratch.outbox.holdInterrupted()
    let transport = ScriptedTransport()
    try run(scratch, transport)

    #expect(interrupted.map(\.id) == [1])
    #expect(transport.received.map(\.recipient) == ["b@example.org"])
    let held = try scratch.outbox.entry(1)
    #expect(held.state == .held && held.heldReason == "in flight when a previous run stopped")
  }

  @Test func skipsALearnerHeldDuringTheRun() throws {
    let scratch = try MailScratch()
    try scratch.addLearners("L1", "L2")
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")
    let transport = ScriptedTransport()
    let other = Outbox(database: try Database(path: scratch.store.path))
    transport.onSend = { _ in _ = try? other.hold(learner: "L2", reason: "call home", by: "T1") }

    try run(scratch, transport)

    #expect(transport.received.map(\.recipient) == ["a@example.org"])
    #expect(try scratch.state("L2", "b@example.org") == .queued)
  }

  @Test func letsAPersonSettleAHeldMessage() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")
    _ = try scratch.outbox.markInFlight(1)
    _ = try scratch.outbox.markInFlight(2)
    try scratch.outbox.holdInterrupted()

    try scratch.outbox.review(1, .delivered, by: "T1")
    try scratch.outbox.review(2, .sendAgain, by: "T1")

    #expect(try scratch.outbox.entry(1).state == .sent)
    #expect(try scratch.outbox.entry(2).state == .queued)
    #expect(throws: OutboxError.notHeld(1, .sent)) {
      try scratch.outbox.review(1, .sendAgain, by: "T1")
    }
  }

  @Test func marksInFlightOnlyOnce() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")

    #expect(try scratch.outbox.markInFlight(1))
    #expect(try !scratch.outbox.markInFlight(1))
  }

  @Test func recordsAVerdictOnlyOnAMessageStillInFlight() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    #expect(try scratch.outbox.markInFlight(1))
    // Another run found it in flight and held it for review meanwhile.
    try scratch.outbox.holdInterrupted()

    #expect(try !scratch.outbox.record(1, outcome: .accepted))

    let entry = try scratch.outbox.entry(1)
    #expect(entry.state == .held)
    #expect(try scratch.store.database.scalar("SELECT sent_at FROM outbox") == .null)
    #expect(entry.heldReason == "in flight when a previous run stopped")
  }

  @Test func reportsAMessageHeldByAnotherRunWhileTheServerHadIt() throws {
    let scratch = try MailScratch()
    try scratch.queueReport("L1", to: "a@example.org")
    try scratch.queueReport("L2", to: "b@example.org")
    let transport = ScriptedTransport()
    let other = Outbox(database: try Database(path: scratch.store.path))
    transport.onSend = { recipient in
      if recipient == "a@example.org" { _ = try? other.holdInterrupted() }
    }
    var told: [String] = []

    let report = try DeliveryRun(
      outbox: scratch.outbox, transport: transport, envelopeSender: "office@school.example.org"
    ).deliver { entry, outcome in told.append("\(entry.recipient) \(outcome.verdict)") }

    #expect(report.held.map(\.recipient) == ["a@example.org"])
    #expect(report.sent.map(\.recipient) == ["b@example.org"])
    #expect(told == ["a@example.org uncertain", "b@example.org accepted"])
    #expect(try scratch.states() == ["a@example.org": .held, "b@example.org": .sent])
  }
}
