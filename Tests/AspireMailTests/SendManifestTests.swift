import Testing

@testable import AspireMail

/// What `aspire send` shows before it asks.
@Suite struct SendManifestTests {
  @Test func countsMessagesAddressesSharedAddressesAndHolds() throws {
    let scratch = try MailScratch()
    try scratch.addLearners("L1", "L2", "L3")
    try scratch.queueReport("L1", to: "mum@example.org")
    try scratch.queueReport("L2", to: "Mum@example.org")
    try scratch.queueReport("L1", to: "dad@example.org")
    try scratch.queueReport("L3", to: "carer@example.org")
    try scratch.outbox.hold(learner: "L3", reason: "address being checked", by: "T1")
    _ = try scratch.outbox.markInFlight(3)
    try scratch.outbox.holdInterrupted()

    let manifest = try SendManifest(outbox: scratch.outbox)

    #expect(manifest.deliverable.count == 2 && manifest.addressCount == 1)
    let lines = manifest.lines()
    #expect(lines[0] == "2 messages to send to 1 address")
    #expect(lines[1] == "  mum@example.org receives messages about 2 learners: L1, L2")
    #expect(lines[2] == "1 learner held on purpose:")
    #expect(lines[3].hasPrefix("  L3: address being checked (held by T1 at "))
    #expect(lines[3].hasSuffix("; 1 message waiting)"))
    #expect(
      lines[4...] == [
        "1 message held for review:",
        "  #3 to dad@example.org: \"Live Report for L1: round 2\" "
          + "(in flight when a previous run stopped)",
      ])
  }
}
