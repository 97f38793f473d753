import AspireLanguage
import AspireModel

/// The facts about each enrolment of a table that target statements need,
/// read once from its columns.
struct EnrolmentRows {
  let table: TableValue
  let session: [String]
  let learnerID: [String]
  let learnerName: [String]
  let subject: [String]
  let level: [Level?]
  let withdrawn: [Bool]
  /// The learner's row in the learners table, for groups.
  let learner: [(TableData, Int)?]

  init(_ table: TableValue) {
    self.table = table
    let data = table.data
    func field(_ name: String) -> [Value] {
      guard let index = data.record.index(of: name) else {
        return Array(repeating: .missing, count: table.rows.count)
      }
      return table.rows.map { data.value(index, at: $0) }
    }
    session = field("session").map(text)
    subject = field("subject").map(text)
    level = field("level").map { if case .level(let level) = $0 { level } else { nil } }
    withdrawn = field("withdrawn").map { $0 == .boolean(true) }
    learner = field("learner").map { if case .record(let t, let r) = $0 { (t, r) } else { nil } }
    learnerID = learner.map { link in
      guard let (t, r) = link, let id = t.record.index(of: "id") else { return "" }
      return text(t.value(id, at: r))
    }
    learnerName = learner.map { link in
      guard let (t, r) = link, let name = t.record.index(of: "name") else { return "" }
      return text(t.value(name, at: r))
    }
  }

  var count: Int { table.rows.count }

  /// A learner's field, for grouping: `gender`, `simd_decile`.
  func learnerField(_ name: String, _ row: Int) -> Value {
    guard let (t, r) = learner[row], let index = t.record.index(of: name) else { return .missing }
    return t.value(index, at: r)
  }

  /// The groups a leader compares: SIMD quintile, gender, additional support
  /// needs, free school meals and care experience, with each row's value.
  func groups(_ row: Int) -> [(String, String)] {
    var quintile = "unknown"
    if case .number(let decile) = learnerField("simd_decile", row) {
      quintile = String(Int((decile + 1) / 2))
    }
    func flag(_ name: String) -> String {
      switch learnerField(name, row) {
      case .boolean(true): return "yes"
      case .boolean(false): return "no"
      default: return "unknown"
      }
    }
    let gender = learnerField("gender", row)
    return [
      ("SIMD quintile", quintile),
      ("gender", gender.isMissing ? "unknown" : text(gender)),
      ("additional support needs", flag("asn")),
      ("free school meals", flag("fsm")),
      ("care experienced", flag("looked_after")),
    ]
  }
}

/// A value as plain text, for keys and labels.
func text(_ value: Value) -> String {
  value.isMissing ? "" : ValuePrinter.print(value)
}

/// The grade in a value, if it holds one.
func grade(_ value: Value) -> Grade? {
  if case .grade(let grade) = value { return grade }
  return nil
}
