import AspireMail
import AspireStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `aspire send` end to end: the built command delivers a store's outbox to a
/// real SMTP server on loopback (a small Python sink), and what arrives is
/// read back with Python's email parser.
@Suite struct SendCommandTests {
  /// A scratch folder with a store whose outbox holds simple Live Reports
  /// (the real ones are written by the report rules).
  final class MailSchool {
    let folder: DataFolder
    let store: Store
    let outbox: Outbox
    var database: String { folder.path("school.db") }
    var sinkFolder: String { folder.path("sink") }

    init(_ reports: [(learner: String, recipient: String)]) throws {
      folder = try DataFolder()
      store = try Store(path: folder.path("school.db"))
      outbox = Outbox(store: store)
      for learner in Set(reports.map(\.learner)).sorted() {
        try store.database.run(
          "INSERT INTO learners (id, name) VALUES (?1, ?2)", [.text(learner), .text(learner)])
      }
      for report in reports { try queue(report.learner, to: report.recipient) }
    }

    func queue(
      _ learner: String, to recipient: String, name: String? = nil,
      from school: String = "Craigmount High"
    ) throws {
      let to = try MailAddress(recipient, name: name ?? "Family of \(learner)")
      let message = MailMessage(
        from: try MailAddress("office@school.example.org", name: school), to: to,
        replyTo: try MailAddress("guidance@school.example.org"),
        subject: "Live Report: \(learner), round 2 — Mòran taing",
        text: "Mathematics: On target.\nNext step: practise algebra.\n",
        html: "<p style=\"font-family:sans-serif\">Mathematics: <b>On</b> target.</p>\n")
      try outbox.queue(
        message: message,
        key: OutboxKey.liveReport(session: "2026-27", round: 2, learnerID: learner, recipient: to),
        learnerID: learner, kind: "live-report")
    }

    /// Runs `aspire send` with `arguments` against the store.
    func send(_ arguments: [String] = ["--yes"], environment: [String: String])
      throws -> CommandRunner.Outcome
    {
      try CommandRunner.run(
        ["send", "--db", database] + arguments, in: folder.url, environment: environment)
    }

    func states() throws -> [String: String] {
      Dictionary(
        uniqueKeysWithValues: try store.database.query("SELECT recipient, state FROM outbox")
          .map { ($0[0].description, $0[1].description) })
    }

    func messageIDs() throws -> [String] {
      try outbox.allEntries().map { "<\($0.messageID)>" }
    }
  }

  static let family = [
    (learner: "L00012", recipient: "mum@example.org"),
    (learner: "L00012", recipient: "dad@example.net"),
    (learner: "L00013", recipient: "carer@example.org"),
    (learner: "L00014", recipient: "gran@example.org"),
  ]

  @Test func deliversEachQueuedMessageOnceToItsOneRecipient() throws {
    let school = try MailSchool(Self.family)
    let sink = try MailSink(folder: school.sinkFolder)

    let first = try school.send(environment: sink.environment)
    let again = try school.send(environment: sink.environment)

    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput.contains("4 messages to send to 4 addresses"))
    #expect(again.status == 0)
    let delivered = try sink.delivered()
    #expect(delivered.count == 4)
    for message in delivered {
      #expect(message.problems.isEmpty, "\(message.file): \(message.problems)")
      #expect(message.to.count == 1 && message.envelopeTo == message.to)
      #expect(message.from == "office@school.example.org")
      #expect(message.subject.hasSuffix("round 2 — Mòran taing"))
      // Text travels with CRLF line ends, whatever the rule wrote.
      let text = message.text?.replacingOccurrences(of: "\r\n", with: "\n")
      #expect(text == "Mathematics: On target.\nNext step: practise algebra.\n")
      #expect(message.html?.contains("<b>On</b>") == true)
    }
    #expect(delivered.map(\.to[0]).sorted() == Self.family.map(\.recipient).sorted())
    #expect(delivered.map(\.messageID).sorted() == (try school.messageIDs()).sorted())
    #expect(try school.states().values.allSatisfy { $0 == "sent" })
  }

  @Test func pythonsParserReadsLongAccentedNamesBackExactly() throws {
    let family = "Mairéad Ní Chonghaile and Zoë Müller-Lüdenscheidt (guardian)"
    let school = "Àrd-sgoil Ghàidhlig Ghlaschu, Oifis nan Aithisgean Beò"
    #expect(family.count == 60)
    let mail = try MailSchool([])
    try mail.queue("L00012", to: "mairead@example.org", name: family, from: school)
    let sink = try MailSink(folder: mail.sinkFolder)

    let outcome = try mail.send(environment: sink.environment)

    #expect(outcome.status == 0, "\(outcome.standardError)")
    let delivered = try sink.delivered()
    #expect(delivered.count == 1)
    #expect(delivered.first?.problems == [])
    #expect(delivered.first?.toName == family)
    #expect(delivered.first?.fromName == school)
  }

  @Test(arguments: ["smtp://192.0.2.10:25", "smtp://mail.example.org"])
  func refusesPlainSMTPAwayFromLoopbackBeforeConnecting(_ url: String) throws {
    let school = try MailSchool(Self.family)
    let started = Date()

    let outcome = try school.send(
      environment: ["ASPIRE_SMTP_URL": url, "ASPIRE_MAIL_FROM": "office@school.example.org"])

    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("TLS is required away from loopback"))
    #expect(Date().timeIntervalSince(started) < 10)
    // Nothing was marked in flight or attempted.
    #expect(try school.outbox.allEntries().allSatisfy { $0.state == .queued && $0.attempts == 0 })
  }

  @Test func defersOnATemporaryRefusalAndDeliversOnALaterRun() throws {
    let school = try MailSchool(Self.family)
    let busy = try MailSink(folder: school.sinkFolder, ["--data-reply", "451"])

    let first = try school.send(environment: busy.environment)
    busy.stop()

    #expect(first.status == 3, "\(first.standardError)")
    #expect(try school.states().values.allSatisfy { $0 == "deferred" })
    #expect(try school.outbox.entry(1).lastError?.hasPrefix("451") == true)
    #expect(busy.count() == 0)

    let ready = try MailSink(folder: school.sinkFolder)
    let second = try school.send(environment: ready.environment)

    #expect(second.status == 0, "\(second.standardError)")
    #expect(try ready.delivered().count == 4)
    #expect(try school.states().values.allSatisfy { $0 == "sent" })
  }

  @Test func failsARefusedRecipientForGoodAndDeliversTheOthers() throws {
    let school = try MailSchool(Self.family)
    let sink = try MailSink(folder: school.sinkFolder, ["--refuse", "carer@example.org"])

    let outcome = try school.send(environment: sink.environment)

    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.contains("failed #3 to carer@example.org (550"))
    #expect(try sink.delivered().map(\.to[0]).sorted() == [
      "dad@example.net", "gran@example.org", "mum@example.org",
    ])
    #expect(try school.states()["carer@example.org"] == "failed")

    let again = try school.send(environment: sink.environment)
    #expect(again.status == 0)
    #expect(sink.count() == 3)
  }

  @Test func neverDeliversTwiceWhenARunIsKilledMidway() throws {
    let reports = (1...8).map { (learner: "L\($0)", recipient: "family\($0)@example.org") }
    let school = try MailSchool(reports)
    let sink = try MailSink(folder: school.sinkFolder, ["--delay", "0.5"])
    let running = try startSend(school, environment: sink.environment)
    while sink.count() < 2 && running.isRunning { usleep(20_000) }

    let second = try school.send(environment: sink.environment)
    kill(running.processIdentifier, SIGKILL)
    running.waitUntilExit()

    #expect(second.status == 1)
    #expect(second.standardError.contains("another aspire send is running"))
    let rerun = try school.send(environment: sink.environment)
    #expect(rerun.status == 3, "\(rerun.standardError)")
    #expect(rerun.standardOutput.contains("in flight when a previous run stopped"))

    let delivered = try sink.delivered().map(\.messageID)
    #expect(Set(delivered).count == delivered.count, "a message was delivered twice")
    // The run was killed while a message was in flight (or, rarely, between two).
    let held = try school.outbox.entries(in: .held)
    #expect(held.count <= 1)
    for entry in held { #expect(rerun.standardOutput.contains("#\(entry.id) to ")) }
    for entry in try school.outbox.allEntries() {
      let arrived = delivered.contains("<\(entry.messageID)>")
      #expect(arrived || entry.state == .held, "#\(entry.id) is \(entry.state)")
      #expect(entry.state != .sent || arrived)
    }
  }

  @Test func aSecondSendThroughAnotherSpellingOfTheStoreIsRefused() throws {
    let reports = (1...6).map { (learner: "L\($0)", recipient: "family\($0)@example.org") }
    let school = try MailSchool(reports)
    try FileManager.default.createDirectory(
      atPath: school.folder.path("sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: school.folder.path("link.db"), withDestinationPath: "school.db")
    let sink = try MailSink(folder: school.sinkFolder, ["--delay", "0.5"])
    let running = try startSend(school, environment: sink.environment)
    while sink.count() < 1 && running.isRunning { usleep(20_000) }

    var seconds: [CommandRunner.Outcome] = []
    for spelling in ["./school.db", "sub/../school.db", "link.db"] {
      seconds.append(
        try CommandRunner.run(
          ["send", "--yes", "--db", spelling], in: school.folder.url,
          environment: sink.environment))
    }
    let stillRunning = running.isRunning
    running.waitUntilExit()

    #expect(stillRunning)
    for outcome in seconds {
      #expect(outcome.status == 1, "\(outcome.standardOutput)")
      #expect(outcome.standardError.contains("another aspire send is running"))
    }
    #expect(running.terminationStatus == 0)
    let delivered = try sink.delivered().map(\.messageID)
    #expect(delivered.count == 6 && Set(delivered).count == 6)
  }

  @Test func holdsAMessageLeftInFlightUntilAPersonSettlesIt() throws {
    let school = try MailSchool(Self.family)
    let sink = try MailSink(folder: school.sinkFolder)
    // A run that died between marking message 1 and hearing from the server.
    #expect(try school.outbox.markInFlight(1))

    let first = try school.send(environment: sink.environment)
    #expect(first.status == 3)
    #expect(first.standardOutput.contains("#1 to mum@example.org"))
    #expect(sink.count() == 3)

    let settle = try CommandRunner.run(
      ["release", "--message", "1", "--delivered", "--db", school.database], in: school.folder.url)
    #expect(settle.status == 0)
    let second = try school.send(environment: sink.environment)
    #expect(second.status == 0)
    #expect(sink.count() == 3)
    #expect(try school.outbox.entry(1).state == .sent)
  }

  @Test func reportsALearnerHeldOnPurposeWithoutChangingTheStatus() throws {
    let school = try MailSchool(Self.family)
    let sink = try MailSink(folder: school.sinkFolder)
    let arguments = [
      "hold", "L00012", "--reason", "contact details being checked", "--db", school.database,
      "--by", "T1",
    ]
    let hold = try CommandRunner.run(arguments, in: school.folder.url)
    #expect(hold.status == 0)

    let first = try school.send(environment: sink.environment)

    #expect(first.status == 0)
    #expect(first.standardOutput.contains("L00012: contact details being checked (held by T1"))
    #expect(sink.count() == 2)

    let release = try CommandRunner.run(
      ["release", "L00012", "--db", school.database], in: school.folder.url)
    #expect(release.status == 0)
    let second = try school.send(environment: sink.environment)
    #expect(second.status == 0)
    #expect(sink.count() == 4)
  }

  @Test func refusesToSendWithoutATerminalUnlessToldYes() throws {
    let school = try MailSchool(Self.family)

    let outcome = try school.send([], environment: [:])

    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("pass --yes"))
    #expect(try school.states().values.allSatisfy { $0 == "queued" })
  }

  @Test func listsRecipientsOnADryRunAndWritesNothing() throws {
    let school = try MailSchool(Self.family)
    let before = try school.store.database.query("SELECT * FROM outbox ORDER BY id")

    let outcome = try school.send(["--dry-run"], environment: [:])

    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput.split(separator: "\n").map { $0.split(separator: ":")[0] } == [
        "#1 mum@example.org", "#2 dad@example.net", "#3 carer@example.org",
        "#4 gran@example.org",
      ])
    #expect(try school.store.database.query("SELECT * FROM outbox ORDER BY id") == before)
  }

  @Test func needsTheFromAddress() throws {
    let school = try MailSchool(Self.family)

    let outcome = try school.send(environment: ["ASPIRE_SMTP_URL": "smtp://127.0.0.1:9"])

    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("ASPIRE_MAIL_FROM is not set"))
  }

  /// Starts `aspire send --yes` without waiting for it.
  private func startSend(_ school: MailSchool, environment: [String: String]) throws -> Process {
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["send", "--yes", "--db", school.database]
    process.currentDirectoryURL = school.folder.url
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }
}
