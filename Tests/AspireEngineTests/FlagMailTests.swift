import AspireEngine
import AspireMail
import AspireStore
import Foundation
import Testing

/// A rule run emails each owner the open flags of the rule that no message
/// has told them of: the flags it raised, and any an earlier run stored but
/// never emailed.
@Suite struct FlagMailTests {
  static let sender = try! SenderIdentity(
    from: MailAddress("office@school.example.org", name: "Small School"))

  /// The small school after round 1, with Below marks and no sender yet.
  func school() throws -> (SmallSchool, SchoolService) {
    let school = try SmallSchool()
    let service = try #require(school.interpreter.schoolHandler as? SchoolService)
    service.environment = [:]
    _ = try school.run(SmallSchool.schedule)
    _ = try school.run("allocate mentors for seniors")
    _ = try school.run(
      """
      mark "L1" in "English" round 1 as Below
      mark "L1" in "Biology" round 1 as Below
      mark "L2" in "English" round 1 as Below
      """)
    school.asOf("2026-08-28")
    return (school, service)
  }

  /// The flags of `rule` no message covers yet.
  func unmailed(_ school: SmallSchool, _ rule: String) throws -> Int64 {
    try school.store.database.scalar(
      "SELECT count(*) FROM flags WHERE rule = ? AND mailed_in IS NULL", [.text(rule)]
    ).integer ?? -1
  }

  @Test func aLaterRunEmailsTheFlagsAnEarlierRunStoredButNeverEmailed() throws {
    let (school, service) = try school()
    // The first run stores its flags and queues nothing, as a run that
    // stopped between the two steps would leave them.
    let first = try school.run(SmallSchool.rules)
    #expect(first.contains("rule by_support: 2 new flags, 0 already raised"))
    #expect(try Outbox(store: school.store).allEntries().isEmpty)

    service.sender = Self.sender
    let second = try school.run(SmallSchool.rules)

    #expect(second.contains("rule by_support: 0 new flags, 2 already raised"))
    #expect(second.contains { $0.hasPrefix("rule by_support: 2 messages queued to the flags") })
    let messages = try Outbox(store: school.store).allEntries().filter { $0.kind == "flags" }
    #expect(
      messages.filter { $0.key.contains("|by_support|") }.map(\.recipient).sorted() == [
        "cara@school.example.org", "dan@school.example.org",
      ])
    #expect(try unmailed(school, "by_support") == 0)

    let third = try school.run(SmallSchool.rules)
    #expect(!third.contains { $0.contains("messages queued to the flags") })
    #expect(try Outbox(store: school.store).allEntries().count == messages.count)
  }

  @Test func anOwnerWhoseAddressWasRefusedIsEmailedOnceItIsFixed() throws {
    let (school, service) = try school()
    service.sender = Self.sender
    try school.store.database.run(
      "UPDATE staff SET email = 'cara guide@school.example.org' WHERE id = 'T3'")

    let first = try school.run(SmallSchool.rules)

    #expect(first.contains { $0.hasPrefix("rule by_support: flags for T3 Cara Guide not emailed") })
    #expect(first.contains { $0.hasPrefix("rule by_support: 1 messages queued to the flags") })
    #expect(try unmailed(school, "by_support") == 1)

    try school.store.database.run(
      "UPDATE staff SET email = 'cara@school.example.org' WHERE id = 'T3'")
    let second = try school.run(SmallSchool.rules)

    #expect(second.contains { $0.hasPrefix("rule by_support: 1 messages queued to the flags") })
    let toCara = try Outbox(store: school.store).allEntries().filter {
      $0.recipient == "cara@school.example.org"
    }
    #expect(
      toCara.map(\.subject).sorted() == [
        "1 new flags from rule by_mentor, 2026-27", "1 new flags from rule by_support, 2026-27",
      ])
    #expect(try unmailed(school, "by_support") == 0 && unmailed(school, "by_mentor") == 0)
  }

  @Test func aClosedFlagIsNotEmailed() throws {
    let (school, service) = try school()
    _ = try school.run(SmallSchool.rules)
    let id = try school.store.database.scalar(
      "SELECT id FROM flags WHERE rule = 'by_support' AND owner_id = 'T3'"
    ).integer ?? 0
    _ = try school.run("close flag \(id) note \"spoke to the family\"")

    service.sender = Self.sender
    _ = try school.run(SmallSchool.rules)

    let recipients = try Outbox(store: school.store).allEntries()
      .filter { $0.key.contains("|by_support|") }.map(\.recipient)
    #expect(recipients == ["dan@school.example.org"])
  }
}
