import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

/// A small school in a fresh store, with a school service to run statements
/// against it: three senior learners, six staff, three subjects.
final class SmallSchool {
  let folder: URL
  let store: Store
  private(set) var data: StoreDataSource!
  let interpreter = Interpreter()
  static let session = Session(startYear: 2026)

  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    store = try Store(path: folder.appendingPathComponent("school.db").path)
    for (kind, text) in SmallSchool.files { try importCSV(kind, text) }
    data = StoreDataSource(store: store, defaultSession: SmallSchool.session)
    interpreter.evaluator.dataSource = data
    interpreter.schoolHandler = SchoolService(
      store: store, data: data, user: "tester", outputFolder: out)
    asOf("2026-08-17")
    _ = try run("cohort seniors = learners where stage in [S4, S5, S6]")
  }

  deinit {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Where packs and summaries go.
  var out: URL { folder.appendingPathComponent("out") }

  /// Sets the day statements run as of.
  func asOf(_ day: String) {
    let date = CalendarDate(parsing: day)!
    interpreter.evaluator.today = date
    data.today = date
    data.reload()
  }

  static let files: [(ImportKind, String)] = [
    (
      .subjects,
      """
      subject,faculty
      Mathematics,Mathematics
      English,Languages
      Biology,Sciences
      """
    ),
    (
      .staff,
      """
      id,name,email,roles,faculty,mentor_capacity
      T1,Ann Maths,ann@school.example.org,teacher;mentor,Mathematics,2
      T2,Bob Head,bob@school.example.org,teacher;faculty_head,Languages,
      T3,Cara Guide,cara@school.example.org,pupil_support;mentor,,2
      T4,Dan Leader,dan@school.example.org,senior_leader,,
      T5,Eve Leader,eve@school.example.org,senior_leader,,
      T6,Fay Science,fay@school.example.org,teacher,Sciences,
      """
    ),
    (
      .learners,
      """
      id,name,stage,pupil_support
      L1,Amy <b>Adams</b>,S4,T3
      L2,Ben Brown,S5,
      L3,Cal Craig,S6,T3
      """
    ),
    (
      .enrolments,
      """
      learner_id,subject,level,class,teacher_id
      L1,Mathematics,N5,4M1,T1
      L1,English,N5,4E1,T2
      L1,Biology,N5,4B1,T6
      L2,English,H,5E1,T2
      L2,Biology,H,5B1,T6
      L3,Mathematics,H,6M1,T1
      """
    ),
  ]

  /// Imports CSV text of one kind into the session; throws on any bad row.
  @discardableResult
  func importCSV(_ kind: ImportKind, _ text: String, name: String = "file.csv") throws
    -> ImportOutcome
  {
    let outcome = try Importer(store: store).run(
      kind: kind, data: Array((text + "\n").utf8), fileName: name, session: SmallSchool.session,
      by: "tester")
    data?.reload()
    return outcome
  }

  /// Runs a script; returns what it printed, texts as they are and tables
  /// as their rows (cells printed, joined by `|`).
  func run(_ script: String) throws -> [String] {
    let file = SourceFile(name: "test.aspire", text: script + "\n")
    let (statements, diagnostics) = interpreter.prepare(file)
    guard let statements else {
      throw ScriptError(message: diagnostics.map(\.message).joined(separator: "; "))
    }
    var lines: [String] = []
    try interpreter.run(statements) { output in
      guard case .value(let value, _) = output else { return }
      switch value {
      case .text(let text): lines.append(text)
      case .table(let table):
        for row in table.rows {
          lines.append(
            table.data.columns.map { ValuePrinter.print($0.value(at: row)) }
              .joined(separator: "|"))
        }
      default: lines.append(ValuePrinter.print(value))
      }
    }
    return lines
  }

  /// The message of the error running `script` throws, or nil when it runs.
  func failure(_ script: String) -> String? {
    do {
      _ = try run(script)
      return nil
    } catch let error as RuntimeError {
      return error.message
    } catch let error as ScriptError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  /// Every row of every table, to prove nothing changed.
  func snapshot() throws -> [[SQLValue]] {
    var rows: [[SQLValue]] = []
    for table in [
      "assessments", "meetings", "flags", "mentor_allocations", "schedules", "rounds",
      "schedule_learners", "history",
    ] {
      rows += try store.database.query("SELECT * FROM \(table) ORDER BY rowid")
    }
    return rows
  }

  /// The standard schedule: four rounds from 2026-08-24, six weeks apart.
  static let schedule =
    "schedule checks for seniors: from 2026-08-24 every 6 weeks, 4 rounds, "
    + "skip 2026-10-12 to 2026-10-23, skip 2026-12-21 to 2027-01-05"
}

/// A script that did not pass the checker.
struct ScriptError: Error {
  let message: String
}
