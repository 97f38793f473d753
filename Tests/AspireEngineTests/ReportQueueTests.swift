import AspireEngine
import AspireMail
import AspireStore
import Foundation
import Testing

/// `report NAME for COHORT after each round of SCHEDULE: to contacts`: one
/// message per closed round and receiving contact, never twice, refused
/// addresses reported, and learners no one can be emailed about listed.
@Suite struct ReportQueueTests {
  static let rule = "report live for seniors after each round of checks: to contacts"

  /// The small school with contacts, three rounds of checks, and the
  /// second round closed by the as-of day.
  func school(sender: SenderIdentity?) throws -> SmallSchool {
    let school = try SmallSchool()
    try school.importCSV(
      .contacts,
      """
      learner_id,name,email,relationship,receives_reports
      L1,Ann Adams,ann.adams@example.org,mother,true
      L1,Al Adams,al.adams@example.net,father,true
      L2,Bea Brown,bea@example.org,mother,false
      L3,Col Craig,col@example.org,father,true
      """)
    // An address the importer let in but no message can carry.
    try school.store.database.run(
      "UPDATE contacts SET email = 'al adams@example.net' WHERE name = 'Al Adams'")
    let service = try #require(school.interpreter.schoolHandler as? SchoolService)
    service.sender = sender
    service.environment = [:]
    _ = try school.run(
      "schedule checks for seniors: from 2026-08-24 every 6 weeks, 3 rounds")
    school.asOf("2026-10-20")
    return school
  }

  static let sender = try! SenderIdentity(
    from: MailAddress("reports@school.example.org", name: "Small School"))

  @Test func queuesOneMessagePerClosedRoundAndReceivingContactOnce() throws {
    let school = try school(sender: Self.sender)
    let closed = try school.store.database.scalar(
      "SELECT count(*) FROM rounds WHERE schedule = 'checks' AND end <= '2026-10-20'"
    ).integer ?? 0
    #expect(closed == 2)

    let first = try school.run(Self.rule)
    #expect(first[0] == "report live: 4 messages queued, 0 already queued")
    #expect(first[1].hasPrefix("report live: address refused: L1 Al Adams:"))
    #expect(first[2].hasPrefix("report live: 1 learners listed for the office in "))
    let recipients = try Outbox(store: school.store).allEntries().map(\.recipient)
    #expect(
      recipients.sorted() == [
        "ann.adams@example.org", "ann.adams@example.org", "col@example.org", "col@example.org",
      ])
    let list = try String(
      contentsOf: school.out.appendingPathComponent("reports/2026-27/office-list-live.html"),
      encoding: .utf8)
    #expect(list.contains("Ben Brown"))
    #expect(!list.contains("Amy"))

    let again = try school.run(Self.rule)
    #expect(again[0] == "report live: 0 messages queued, 4 already queued")
    let previews = try FileManager.default.contentsOfDirectory(
      atPath: school.out.appendingPathComponent("outbox").path)
    #expect(previews.count == 4)
  }

  @Test func reportsOnlyTheRoundsOfEachLearnersOwnScheduleAndSkipsLearnersOnNone() throws {
    let school = try school(sender: Self.sender)
    // Dee is in S5 but on no schedule; Eli follows a lighter one of two rounds.
    try school.importCSV(
      .learners,
      """
      id,name,stage
      L4,Dee Dunn,S5
      L5,Eli Eng,S3
      """)
    try school.importCSV(
      .contacts,
      """
      learner_id,name,email
      L4,Dot Dunn,dot@example.org
      L5,Ed Eng,ed@example.org
      """)
    try school.importCSV(
      .enrolments,
      """
      learner_id,subject,level,class,teacher_id
      L4,English,H,5E1,T2
      L5,English,BGE,3E1,T2
      """)
    _ = try school.run(
      "schedule light for learners where stage == S3: from 2026-09-07 every 12 weeks, 2 rounds")

    let printed = try school.run(
      "report live for learners where stage >= S3 after each round of checks: to contacts")

    #expect(printed[0] == "report live: 5 messages queued, 0 already queued")
    #expect(printed.contains("report live: 1 learners on no schedule in 2026-27, not reported on"))
    let keys = try Outbox(store: school.store).allEntries().map(\.key)
    #expect(!keys.contains { $0.contains("|L4|") })
    #expect(
      keys.filter { $0.contains("|L5|") } == ["live-report|2026-27|round 1|L5|ed@example.org"])
    #expect(
      school.failure("report live for seniors after each round of chekcs: to contacts")
        == "report live: there is no schedule chekcs in 2026-27")
  }

  @Test func namesTheSchoolAsTheFromAddressDoes() throws {
    let school = try school(sender: nil)
    let service = try #require(school.interpreter.schoolHandler as? SchoolService)
    service.environment = ["ASPIRE_MAIL_FROM": "Craigmount High <office@school.example.org>"]

    _ = try school.run(Self.rule)

    let page = try read(school, "reports/2026-27/round-1/L3.html")
    #expect(page.contains(">Craigmount High</p>"))
    #expect(!page.contains("Demo Academy"))
    let office = try read(school, "reports/2026-27/office-list-live.html")
    #expect(office.contains("Craigmount High: Live Reports to print, 2026-27"))
    let message = String(decoding: try Outbox(store: school.store).bytes(of: 1), as: UTF8.self)
    #expect(message.contains("\r\nCraigmount High\r\nLive Report: "))
  }

  @Test func leavesTheSchoolOutWhenTheFromAddressHasNoName() throws {
    let school = try school(
      sender: SenderIdentity(from: try MailAddress("reports@school.example.org")))

    _ = try school.run(Self.rule)

    let page = try read(school, "reports/2026-27/round-1/L3.html")
    #expect(!page.contains("Demo Academy"))
    #expect(page.contains("<td style=\"padding:16px;\"><h1 "))
    let office = try read(school, "reports/2026-27/office-list-live.html")
    #expect(office.contains("<title>Live Reports to print, 2026-27</title>"))
    let message = String(decoding: try Outbox(store: school.store).bytes(of: 1), as: UTF8.self)
    #expect(message.contains("quoted-printable\r\n\r\nLive Report: "))
  }

  private func read(_ school: SmallSchool, _ file: String) throws -> String {
    try String(contentsOf: school.out.appendingPathComponent(file), encoding: .utf8)
  }

  @Test func labelsACommentFromAnEarlierRoundWithItsRound() throws {
    let school = try school(sender: Self.sender)
    _ = try school.run(
      """
      mark "L3" in "Mathematics" round 1 as Below comment "Practise integration"
      mark "L3" in "Mathematics" round 2 as On
      """)

    _ = try school.run(Self.rule)

    let first = try read(school, "reports/2026-27/round-1/L3.html")
    let second = try read(school, "reports/2026-27/round-2/L3.html")
    #expect(first.contains("<strong>Mathematics</strong>: Practise integration"))
    #expect(second.contains("<strong>Mathematics</strong> (round 1): Practise integration"))
    let outbox = Outbox(store: school.store)
    let later = try #require(
      outbox.allEntries().first { $0.key == "live-report|2026-27|round 2|L3|col@example.org" })
    let text = String(decoding: try outbox.bytes(of: later.id), as: UTF8.self)
    #expect(text.contains("\r\n- Mathematics (round 1): Practise integration\r\n"))
    let earlier = try #require(
      outbox.allEntries().first { $0.key == "live-report|2026-27|round 1|L3|col@example.org" })
    let earlierText = String(decoding: try outbox.bytes(of: earlier.id), as: UTF8.self)
    #expect(earlierText.contains("\r\n- Mathematics: Practise integration\r\n"))
  }

  @Test func refusesToQueueWithoutAFromAddress() throws {
    let school = try school(sender: nil)
    let failure = try #require(school.failure(Self.rule))
    #expect(failure == "cannot queue email: ASPIRE_MAIL_FROM is not set")
    #expect(try Outbox(store: school.store).allEntries().isEmpty)
  }
}
