import AspireEngine
import AspireEvaluator
import AspireModel
import AspireStore
import Foundation

/// The options that name the store, the session, the date and the person
/// acting, resolved as the command line contract says.
struct StoreOptions {
  /// `--db`, else `ASPIRE_DB`, else `aspire.db` in the working folder.
  var databasePath: String
  /// `--as-of`, else today.
  var asOf: CalendarDate
  /// `--session`, else the session containing the as-of date.
  var session: Session
  /// `--by`, else `ASPIRE_USER`, else the login name.
  var user: String
  /// `--out`, else `out/` beside the store: where packs and reports go.
  var outputFolder: URL

  init(_ options: Options) throws {
    let environment = ProcessInfo.processInfo.environment
    databasePath = options.values["db"] ?? environment["ASPIRE_DB"] ?? Store.defaultPath
    if let text = options.values["as-of"] {
      guard let date = CalendarDate(parsing: text) else {
        throw UsageError(
          message: "--as-of \"\(text)\" is not a date", help: "write a date as 2026-08-24")
      }
      asOf = date
    } else {
      asOf = CalendarDate.today()
    }
    if let text = options.values["session"] {
      guard let session = Session(parsing: text) else {
        throw UsageError(
          message: "--session \"\(text)\" is not a session", help: "write a session as 2026-27")
      }
      self.session = session
    } else {
      session = Session(containing: asOf)
    }
    if let by = options.values["by"], by.trimmingCharacters(in: .whitespaces).isEmpty {
      throw UsageError(message: "--by needs the id of the member of staff acting")
    }
    user =
      options.values["by"] ?? [environment["ASPIRE_USER"], StoreOptions.loginName()]
      .compactMap { $0?.trimmingCharacters(in: .whitespaces) }
      .first { !$0.isEmpty } ?? "unknown"
    let storeFolder = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
    outputFolder = URL(
      fileURLWithPath: options.values["out"] ?? storeFolder.appendingPathComponent("out").path)
  }

  /// The name the process's user logs in with, from the password database
  /// (the environment's `USER` can be missing under cron, or say anything).
  static func loginName() -> String? {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }

  /// The store's tables for scripts, opened when a script first needs one.
  func dataSource() -> LazyStoreDataSource {
    LazyStoreDataSource(path: databasePath, defaultSession: session, today: asOf)
  }

  /// Gives the interpreter the store's tables and the statements about
  /// targets, check weeks, mentoring and flags, opening the store only when
  /// a script first needs it.
  func connect(_ interpreter: Interpreter) {
    let source = dataSource()
    interpreter.evaluator.dataSource = source
    interpreter.evaluator.today = asOf
    interpreter.targetHandler = LazyTargetService(source: source, user: user)
    interpreter.schoolHandler = LazySchoolService(
      source: source, user: user, outputFolder: outputFolder)
  }

  /// Opens (creating if need be) the store.
  func openStore() throws -> Store {
    try Store(path: databasePath)
  }
}
