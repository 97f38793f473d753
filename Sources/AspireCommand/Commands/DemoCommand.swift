import AspireDemo
import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `aspire demo`: generates the demo school (or, with `--learners N`, a
/// national senior phase), writes its CSV files under `--out`, and imports
/// them into the store through the same importer the CSV files use, then runs
/// the demo school's scripts, which travel inside the binary. With
/// `--csv-only` it writes the files and lists how to import them, touching no
/// store.
enum DemoCommand: Subcommand {
  /// The demo school's year, whatever today's date.
  static let session = Session(startYear: 2026)

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

    for file in files.files {
      let session = file.session ?? DemoCommand.session
      let outcome = try Importer(store: store).run(
        kind: ImportKind(name: file.kind.rawValue)!, file: file.url.path, session: session,
        by: settings.user)
      guard outcome.succeeded else {
        for diagnostic in outcome.diagnostics { console.error(diagnostic.description) }
        return .failure
      }
      console.error(outcome.summary)
    }
    console.out("demo school in \(settings.databasePath):")
    console.out(files.summary.description)
    let status = runScripts(store: store, user: settings.user, console: console)
    guard status == .success else { return status }
    let seconds = Date().timeIntervalSince(started)
    console.error(String(format: "built and imported in %.1f s", seconds))
    return .success
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

extension DemoCommand {
  /// Runs the demo school's scripts in order, in one workspace, over the store.
  static func runScripts(store: Store, user: String, console: Console) -> ExitStatus {
    let interpreter = Interpreter()
    let data = StoreDataSource(store: store, defaultSession: session)
    interpreter.evaluator.dataSource = data
    interpreter.targetHandler = TargetService(store: store, data: data, user: user)
    for script in SchoolScripts.all {
      console.out("")
      console.out("== \(script.name)")
      let file = SourceFile(name: "demo/\(script.name)", text: script.text + "\n")
      let status = RunCommand.runFile(file, in: interpreter, format: .table, console: console)
      if status != .success { return status }
    }
    return .success
  }
}
