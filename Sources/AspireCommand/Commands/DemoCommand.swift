import AspireDemo
import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireMail
import AspireModel
import AspireStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `aspire demo`: generates the demo school (or, with `--learners N`, a
/// national senior phase), writes its CSV files under `--out`, and runs its
/// year through the same importer and interpreter a school uses:
///
/// 1. imports the roll (staff, subjects, learners, contacts, courses, results);
/// 2. runs the set-up scripts (those before `50-`) as of `setUpDay`: cohorts,
///    targets, check weeks and mentors;
/// 3. imports each round's teachers' returns and the mentor meetings, which
///    are checked against the check weeks the scripts stored;
/// 4. runs the rule scripts (`50-` to `69-`) as of `yearEnd`, after the last
///    round: flags, mentor packs and a faculty summary under `--out`, and
///    every family's Live Reports queued in the outbox;
/// 5. imports August's results and runs the scripts from `70-` on as of
///    `resultsDay`: the analysis of the year's results against its targets.
///
/// The scripts travel inside the binary. With `--csv-only` it writes the
/// files and lists how to import them, touching no store.
enum DemoCommand: Subcommand {
  /// The demo school's year, whatever today's date.
  static let session = Session(startYear: 2026)
  /// The day the set-up scripts run as of: the Monday before term.
  static let setUpDay = CalendarDate(year: 2026, month: 8, day: 17)!
  /// The day the rule scripts run as of: the end of term, after every round.
  static let yearEnd = CalendarDate(year: 2027, month: 6, day: 30)!

  /// The day the August scripts run as of: the year's results are in.
  static let resultsDay = CalendarDate(year: 2027, month: 8, day: 31)!

  /// The last script a national senior phase runs: its cohorts and targets.
  static let lastNationalScript = "30-targets.aspire"

  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(
      arguments, command: "demo", valued: CommonOptions.all.union(["learners", "seed"]),
      flags: ["csv-only"])
    var learners: Int?
    if let text = options.values["learners"] {
      guard let count = Int(text), count >= 1, count <= DemoSchool.largest else {
        throw UsageError(message: "--learners takes a whole number from 1 to 5000000")
      }
      learners = count
    }
    let settings = try StoreOptions(options)
    let storeFolder = URL(fileURLWithPath: settings.databasePath).deletingLastPathComponent()
    let out = URL(
      fileURLWithPath: options.values["out"] ?? storeFolder.appendingPathComponent("out").path)
    let dataFolder = out.appendingPathComponent("demo-data")

    let started = Date()
    let csvOnly = options.flags.contains("csv-only")
    // The files hold learners' data, fictional or not: readable by their owner
    // only. The store is opened first, creating its folder, so that a store
    // that cannot be opened stops the demo before it writes anything.
    let (store, files) = try ownerOnly {
      if !csvOnly {
        try FileManager.default.createDirectory(at: storeFolder, withIntermediateDirectories: true)
      }
      let store = csvOnly ? nil : try settings.openStore()
      let files = try DemoSchool(seed: 2026, learners: learners).writeCSV(to: dataFolder)
      return (store, files)
    }
    console.error("wrote the demo school's files to \(dataFolder.path)")
    guard let store else {
      console.out("demo school's files in \(dataFolder.path), in import order:")
      for file in files.files { console.out(importLine(for: file)) }
      console.out(files.summary.description)
      return .success
    }

    let sender = try demoSender(ProcessInfo.processInfo.environment)
    let year = DemoYear(
      store: store, user: settings.user, out: out, sender: sender, console: console)
    guard try year.importFiles(files.files.filter { $0.phase == .roll }) else { return .failure }
    console.out("demo school in \(settings.databasePath):")
    console.out(files.summary.description)
    // A national senior phase is generated without a school year of returns
    // and mentors: its store holds the roll, the courses and the targets, for
    // queries and tuning.
    if learners != nil {
      let status = year.runScripts(.setUp, upTo: DemoCommand.lastNationalScript)
      console.error("a national senior phase has no school year: cohorts and targets only")
      return status
    }
    var status = year.runScripts(.setUp)
    guard status == .success else { return status }
    guard try year.importFiles(files.files.filter { $0.phase == .year }) else { return .failure }
    status = year.runScripts(.rules)
    guard status == .success else { return status }
    guard try year.importFiles(files.files.filter { $0.phase == .august }) else { return .failure }
    status = year.runScripts(.august)
    guard status == .success else { return status }
    let waiting = try Outbox(store: store).deliverable().count
    console.out("")
    console.out(
      "\(waiting) messages queued in the outbox, one preview each in "
        + "\(out.appendingPathComponent("outbox").path); aspire send delivers them")
    let seconds = Date().timeIntervalSince(started)
    console.error(String(format: "built and imported in %.1f s", seconds))
    return .success
  }

  /// The From address for the demo's messages when `ASPIRE_MAIL_FROM` is
  /// not set, so that the previews read as a school's would. `aspire run`
  /// has no such default: a school's rules must name their own sender.
  static let defaultSender = try! SenderIdentity(
    from: MailAddress("reports@school.example.org", name: "Demo Academy"))

  /// The environment's sender when it names one, else the demo's.
  private static func demoSender(_ environment: [String: String]) throws -> SenderIdentity {
    guard environment["ASPIRE_MAIL_FROM"]?.isEmpty == false else { return defaultSender }
    do {
      return try SenderIdentity.fromEnvironment(environment)
    } catch {
      throw UsageError(message: "\(error)")
    }
  }

  /// The command that imports `file`: `aspire import learners PATH --session 2025-26`.
  private static func importLine(for file: DemoFile) -> String {
    var line = "aspire import \(file.kind.rawValue) \(file.url.path)"
    if let session = file.session { line += " --session \(session)" }
    return line
  }

  /// Runs `body` with a umask that makes the files and folders it creates
  /// private to their owner, then restores the umask.
  private static func ownerOnly<T>(_ body: () throws -> T) rethrows -> T {
    let previous = umask(0o077)
    defer { umask(previous) }
    return try body()
  }
}

/// The demo school's year in one workspace over the store: its files
/// imported and its scripts run, phase by phase.
struct DemoYear {
  let store: Store
  let user: String
  let out: URL
  let console: Console
  let interpreter = Interpreter()
  let data: StoreDataSource

  init(store: Store, user: String, out: URL, sender: SenderIdentity, console: Console) {
    self.store = store
    self.user = user
    self.out = out
    self.console = console
    data = StoreDataSource(store: store, defaultSession: DemoCommand.session)
    interpreter.evaluator.dataSource = data
    interpreter.targetHandler = TargetService(store: store, data: data, user: user)
    let service = SchoolService(store: store, data: data, user: user, outputFolder: out)
    service.sender = sender
    interpreter.schoolHandler = service
  }

  /// Imports the files in order; false (with the errors reported) when one is refused.
  func importFiles(_ files: [DemoFile]) throws -> Bool {
    for file in files {
      let session = file.session ?? DemoCommand.session
      let outcome = try Importer(store: store).run(
        kind: ImportKind(name: file.kind.rawValue)!, file: file.url.path, session: session,
        by: user)
      guard outcome.succeeded else {
        for diagnostic in outcome.diagnostics { console.error(diagnostic.description) }
        return false
      }
      console.error(outcome.summary)
    }
    data.reload()
    return true
  }

  /// Runs the scripts of `phase`, up to and including `last`, as of its day.
  func runScripts(_ phase: DemoScriptPhase, upTo last: String = "99") -> ExitStatus {
    let today = phase.today
    interpreter.evaluator.today = today
    data.today = today
    data.reload()
    interpreter.evaluator.forgetGlobalValues()
    let scripts = SchoolScripts.all.filter {
      DemoScriptPhase(script: $0.name) == phase && $0.name <= last
    }
    for script in scripts {
      console.out("")
      console.out("== \(script.name) (as of \(today))")
      let file = SourceFile(name: "demo/\(script.name)", text: script.text + "\n")
      let status = RunCommand.runFile(file, in: interpreter, format: .table, console: console)
      if status != .success { return status }
    }
    return .success
  }
}

/// When a demo script runs, by its number: set-up (before 50) as of the
/// Monday before term, rules (50 to 69) at the year's end, August (70 on)
/// once the results are in.
enum DemoScriptPhase: Equatable {
  case setUp, rules, august

  init(script name: String) {
    self = name < "50" ? .setUp : name < "70" ? .rules : .august
  }

  /// The day the phase's scripts run as of.
  var today: CalendarDate {
    switch self {
    case .setUp: return DemoCommand.setUpDay
    case .rules: return DemoCommand.yearEnd
    case .august: return DemoCommand.resultsDay
    }
  }
}
