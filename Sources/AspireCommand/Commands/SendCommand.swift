import AspireMail
import AspireStore
import Foundation

/// `aspire send`: delivers the outbox's messages over SMTP, one recipient
/// each, after showing what it is about to send.
enum SendCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(
      arguments, command: "send", valued: CommonOptions.all, flags: ["dry-run", "yes"])
    guard options.positional.isEmpty else {
      throw UsageError(message: "\"aspire send\" takes no arguments, only options")
    }
    let dryRun = options.flags.contains("dry-run")
    let confirmed = options.flags.contains("yes")
    let onTerminal = isatty(0) == 1
    if !dryRun && !confirmed && !onTerminal {
      throw UsageError(
        message: "not sending without a terminal to ask on",
        help: "pass --yes to send without asking, as a scheduled job does")
    }
    let storePath = try StoreOptions(options).databasePath
    guard FileManager.default.fileExists(atPath: storePath) else {
      throw UsageError(message: "no store at \(storePath)")
    }
    if dryRun { return try listRecipients(storePath: storePath, console: console) }

    let environment = ProcessInfo.processInfo.environment
    let settings: SMTPSettings
    let lock: SendLock
    do {
      settings = try SMTPSettings.fromEnvironment(environment)
      lock = try SendLock(storePath: storePath)
    } catch let error as SMTPSettingsError {
      console.error("error: \(error)")
      return .failure
    } catch let error as SendLockError {
      console.error("error: \(error)")
      return .failure
    }
    defer { withExtendedLifetime(lock) {} }
    let outbox = Outbox(store: try Store(path: storePath))

    let interrupted = try outbox.holdInterrupted()
    if !interrupted.isEmpty {
      let count = interrupted.count == 1 ? "1 message was" : "\(interrupted.count) messages were"
      console.error("\(count) in flight when a previous run stopped; held for review")
    }
    let manifest = try SendManifest(outbox: outbox)
    for line in manifest.lines() { console.out(line) }
    guard !manifest.deliverable.isEmpty else { return status(after: nil, outbox: outbox) }
    let count = manifest.deliverable.count
    if !confirmed && !ask("send \(count == 1 ? "1 message" : "\(count) messages")? [y/N] ") {
      console.error("nothing sent")
      return .success
    }

    let sender: SMTPSender
    do {
      sender = try SMTPSender(settings: settings)
    } catch {
      console.error("error: \(error)")
      return .failure
    }
    let run = DeliveryRun(
      outbox: outbox, transport: sender, envelopeSender: settings.identity.from.address)
    let report = try run.deliver { entry, outcome in
      console.out(describe(entry, outcome))
    }
    console.error(summary(report))
    if let stop = report.stoppedBy {
      console.error("error: stopped: the server failed, not a message: \(stop.detail)")
    }
    return status(after: report, outbox: outbox)
  }

  /// The exit status: 1 when a message failed for good (or the server refused
  /// the login or TLS), else 3 while messages wait deferred, queued behind a
  /// stopped run, or held for review, else 0. Learners held on purpose do not count.
  private static func status(after report: DeliveryRun.Report?, outbox: Outbox) -> ExitStatus {
    if let report {
      if !report.failed.isEmpty { return .failure }
      if let stop = report.stoppedBy, stop.verdict == .permanent { return .failure }
    }
    let waiting = (try? outbox.deliverable().count) ?? 0
    let held = (try? outbox.entries(in: .held).count) ?? 0
    return waiting + held > 0 ? .deferred : .success
  }

  /// `--dry-run`: the recipients of the messages a run would send, and the
  /// manifest, without writing to the store.
  private static func listRecipients(storePath: String, console: Console) throws -> ExitStatus {
    let database = try Database(path: storePath)
    guard try Outbox.exists(in: database) else {
      console.error("nothing queued: the store has no outbox yet")
      return .success
    }
    let manifest = try SendManifest(outbox: Outbox(database: database))
    for entry in manifest.deliverable {
      console.out("#\(entry.id) \(entry.recipient): \(entry.subject)")
    }
    for line in manifest.lines() { console.error(line) }
    console.error("dry run: nothing sent")
    return .success
  }

  /// Asks on the terminal; only `y` or `yes` means yes.
  private static func ask(_ question: String) -> Bool {
    fflush(nil)
    FileHandle.standardError.write(Data(question.utf8))
    guard let answer = readLine() else { return false }
    return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
  }

  /// One message's outcome on one line.
  private static func describe(_ entry: OutboxEntry, _ outcome: DeliveryOutcome) -> String {
    let what: String
    switch outcome.verdict {
    case .accepted: what = "sent"
    case .temporary: what = "deferred"
    case .permanent: what = outcome.concernsServer ? "deferred" : "failed"
    case .uncertain: what = "held"
    }
    let detail = outcome.verdict == .accepted ? "" : " (\(outcome.detail))"
    return "\(what) #\(entry.id) to \(entry.recipient)\(detail)"
  }

  private static func summary(_ report: DeliveryRun.Report) -> String {
    "\(report.sent.count) sent, \(report.deferred.count) deferred, "
      + "\(report.failed.count) failed, \(report.held.count) held for review"
  }
}
