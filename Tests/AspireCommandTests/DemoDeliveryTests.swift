import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The demo's year end to end: `aspire demo` queues every family's Live
/// Reports, `aspire send` delivers them to aiosmtpd on loopback, and a
/// Python checker reads each message against the store.
@Suite struct DemoDeliveryTests {
  static let checks = CommandRunner.root.appendingPathComponent("Tests/DemoChecks")

  @Test(
    .enabled(if: pythonHas("aiosmtpd"), "aiosmtpd is not installed: run scripts/setup --tests"))
  func eachLiveReportReachesOneReceivingContactWithTheLearnersGrid() throws {
    let demo = try DemoRun.shared.get()
    #expect(demo.outcome.status == 0, "\(demo.outcome.standardError.suffix(2000))")
    #expect(demo.outcome.standardOutput.contains("messages queued in the outbox"))
    let previews = try FileManager.default.contentsOfDirectory(
      atPath: demo.out.appendingPathComponent("outbox").path
    ).filter { $0.hasSuffix(".eml") }

    let maildir = demo.folder.appendingPathComponent("maildir").path
    let port = try freeLoopbackPort()
    let sink = Process()
    sink.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    sink.arguments = [
      "python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c",
      "aiosmtpd.handlers.Mailbox", maildir,
    ]
    sink.standardOutput = FileHandle.nullDevice
    sink.standardError = FileHandle.nullDevice
    try sink.run()
    defer {
      // The test runner's children start with SIGTERM blocked: only SIGKILL stops them.
      kill(sink.processIdentifier, SIGKILL)
      sink.waitUntilExit()
    }
    for _ in 0..<200 where !isListening(port) { usleep(25_000) }

    let started = Date()
    let send = try CommandRunner.run(
      ["send", "--yes", "--db", demo.database],
      environment: [
        "ASPIRE_SMTP_URL": "smtp://127.0.0.1:\(port)",
        "ASPIRE_MAIL_FROM": "Demo Academy <reports@school.example.org>",
      ])
    let seconds = Date().timeIntervalSince(started)
    #expect(send.status == 0, "\(send.standardError.suffix(2000))")

    let checked = try runPython([
      Self.checks.appendingPathComponent("check_live_reports.py").path, maildir, demo.database,
      "2027-06-30",
    ])
    let report = try JSONDecoder().decode(DeliveryReport.self, from: checked.output)
    print(
      "delivered \(report.delivered) of \(report.queued) messages, \(report.liveDelivered) "
        + "Live Reports for \(report.learners) learners, "
        + String(format: "in %.1f s", seconds))
    #expect(report.liveQueued > 1000)
    #expect(report.delivered == report.queued)
    #expect(report.liveDelivered == report.liveQueued)
    #expect(report.liveQueued == report.expected)
    #expect(previews.count == report.queued)
    #expect(report.learners > 500)
    #expect(report.problems.isEmpty, "\(report.problemCount) problems: \(report.problems)")
  }

  @Test func theAnalysisGapsMatchAnIndependentComputation() throws {
    let demo = try DemoRun.shared.get()
    #expect(demo.outcome.status == 0)
    let printed = demo.printedTable(after: "60-analysis")
    #expect(printed.count > 20)
    let computed = try runPython([
      Self.checks.appendingPathComponent("analysis_gaps.py").path,
      demo.out.appendingPathComponent("demo-data").path, demo.database,
    ])
    let expected = try JSONDecoder().decode([String: [Double?]].self, from: computed.output)
    #expect(Set(printed.map { $0[0] }) == Set(expected.keys))
    for row in printed {
      guard let figures = expected[row[0]], row.count == 7 else {
        Issue.record("unexpected row \(row)")
        continue
      }
      #expect(Double(row[1]) == figures[0], "results in \(row[0])")
      #expect(Double(row[2]) == figures[1], "results with a target in \(row[0])")
      let gap = try #require(Double(row[6]), "mean gap in \(row[0])")
      #expect(abs(gap - (figures[2] ?? .nan)) <= 0.005 + 1e-9, "mean gap in \(row[0])")
    }
  }
}

/// What `check_live_reports.py` found.
private struct DeliveryReport: Decodable {
  var delivered: Int
  var queued: Int
  var liveDelivered: Int
  var liveQueued: Int
  var expected: Int
  var learners: Int
  var problems: [String]
  var problemCount: Int

  enum CodingKeys: String, CodingKey {
    case delivered, queued, expected, learners, problems
    case problemCount = "problem_count"
    case liveDelivered = "live_delivered"
    case liveQueued = "live_queued"
  }
}
