import AspireEvaluator
import AspireLanguage
import AspireModel

extension TargetService {
  /// Two formulas on one cohort: how many targets differ and by how many
  /// steps, by subject, level and group, and the learners who move most.
  func compare(
    _ first: Workspace.Formula, _ second: Workspace.Formula, _ table: TableValue,
    _ evaluator: Evaluator
  ) throws -> [Value] {
    let rows = EnrolmentRows(table)
    let a = try evaluator.evaluate(first, over: table)
    let b = try evaluator.evaluate(second, over: table)
    // Steps from the first formula's target to the second's, where both exist.
    let steps: [Double?] = (0..<rows.count).map { row in
      guard let x = grade(a.value(at: row)), let y = grade(b.value(at: row)), x.scale == y.scale
      else { return nil }
      return Double(y.rank - x.rank)
    }
    var summary = ReportTable([
      ("targets", .number), ("differ", .number), ("higher", .number), ("lower", .number),
      ("mean steps", .number),
    ])
    summary.append(tally(steps, Array(0..<rows.count)))

    var breakdowns: [Value] = []
    for (title, keyOf) in [
      ("subject", { (row: Int) in [("subject", rows.subject[row])] }),
      ("level", { (row: Int) in [("level", rows.level[row]?.rawValue ?? "")] }),
      ("group", { (row: Int) in rows.groups(row) }),
    ] as [(String, (Int) -> [(String, String)])] {
      var members: [[String]: [Int]] = [:]
      for row in 0..<rows.count {
        for (name, value) in keyOf(row) { members[[name, value], default: []].append(row) }
      }
      let keyColumns: [(String, ValueType)] =
        title == "group" ? [("group", .text), ("value", .text)] : [(title, .text)]
      var report = ReportTable(
        keyColumns + [
          ("targets", .number), ("differ", .number), ("higher", .number), ("lower", .number),
          ("mean steps", .number),
        ])
      for key in members.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        let label: [Value] = title == "group" ? key.map(Value.text) : [.text(key[1])]
        report.append(label + tally(steps, members[key]!))
      }
      breakdowns.append(.text("by \(title):"))
      breakdowns.append(report.value)
    }

    var movers = ReportTable([
      ("learner", .text), ("id", .text), ("subject", .text), ("level", .text),
      (first.name, .text), (second.name, .text), ("steps", .number),
    ])
    let moved = (0..<rows.count).filter { (steps[$0] ?? 0) != 0 }
      .sorted { abs(steps[$0]!) > abs(steps[$1]!) || abs(steps[$0]!) == abs(steps[$1]!) && $0 < $1 }
    for row in moved.prefix(10) {
      movers.append([
        .text(rows.learnerName[row]), .text(rows.learnerID[row]), .text(rows.subject[row]),
        .text(rows.level[row]?.rawValue ?? ""), .text(text(a.value(at: row))),
        .text(text(b.value(at: row))), .number(steps[row]!),
      ])
    }
    return [.text("\(first.name) against \(second.name):"), summary.value] + breakdowns
      + [.text("the targets that move most:"), movers.value]
  }

  /// Counts for the rows given: targets, how many differ, up, down, mean steps.
  func tally(_ steps: [Double?], _ members: [Int]) -> [Value] {
    let known = members.compactMap { steps[$0] }
    let mean = known.isEmpty ? Value.missing : rounded(known.reduce(0, +) / Double(known.count))
    return [
      .number(Double(members.count)), .number(Double(known.filter { $0 != 0 }.count)),
      .number(Double(known.filter { $0 > 0 }.count)),
      .number(Double(known.filter { $0 < 0 }.count)), mean,
    ]
  }

  /// A formula's targets for a past cohort set against that year's results.
  struct Replay {
    /// Target minus result in grade steps, for each enrolment with a result
    /// at its own level.
    var gaps: [Double?]
  }

  func replayGaps(_ formula: Workspace.Formula, _ table: TableValue, _ evaluator: Evaluator)
    throws -> (EnrolmentRows, Replay)
  {
    let rows = EnrolmentRows(table)
    let targets = try evaluator.evaluate(formula, over: table)
    return (rows, Replay(gaps: gaps(targets, try achievedGrades(table))))
  }

  /// Each enrolment's result at its own level, the grade a target is set
  /// against; nil where it has none.
  func achievedGrades(_ table: TableValue) throws -> [Grade?] {
    guard let relation = Entity.enrolments.relation(named: "results"),
      let levelField = table.data.record.index(of: "level")
    else { return Array(repeating: nil, count: table.rows.count) }
    let members = try data.related(relation, of: table.data)
    let results = members.child
    let gradeIndex = results.record.index(of: "grade")!
    let levelIndex = results.record.index(of: "level")!
    return table.rows.map { row in
      guard case .level(let level) = table.data.value(levelField, at: row) else { return nil }
      let result = members[row].first { results.value(levelIndex, at: $0) == .level(level) }
      return result.flatMap { grade(results.value(gradeIndex, at: $0)) }
    }
  }

  /// Target minus result in grade steps, where both exist on one scale.
  func gaps(_ targets: Column, _ achieved: [Grade?]) -> [Double?] {
    if case .grades(let grades) = targets {
      return achieved.enumerated().map { row, achieved in
        guard let achieved, let target = grades.grade(at: row), target.scale == achieved.scale
        else { return nil }
        return Double(target.rank - achieved.rank)
      }
    }
    return achieved.enumerated().map { row, achieved in
      guard let achieved, let target = grade(targets.value(at: row)),
        target.scale == achieved.scale
      else { return nil }
      return Double(target.rank - achieved.rank)
    }
  }

  /// Above, on and below target, and the mean gap, for some rows.
  func outcome(_ gaps: [Double?], _ members: [Int]) -> [Value] {
    let known = members.compactMap { gaps[$0] }
    let above = known.filter { $0 < 0 }.count
    let on = known.filter { $0 == 0 }.count
    let below = known.filter { $0 > 0 }.count
    let mean = known.isEmpty ? Value.missing : rounded(known.reduce(0, +) / Double(known.count))
    return [
      .number(Double(known.count)), percent(above, of: known.count), percent(on, of: known.count),
      percent(below, of: known.count), mean,
    ]
  }

  static let outcomeColumns: [(String, ValueType)] = [
    ("results", .number), ("above %", .number), ("on %", .number), ("below %", .number),
    ("mean gap", .number),
  ]

  func replay(_ formula: Workspace.Formula, _ table: TableValue, _ evaluator: Evaluator) throws
    -> [Value]
  {
    let (rows, replay) = try replayGaps(formula, table, evaluator)
    var overall = ReportTable(TargetService.outcomeColumns)
    overall.append(outcome(replay.gaps, Array(0..<rows.count)))
    var bySubject = ReportTable([("subject", .text)] + TargetService.outcomeColumns)
    let subjects = Dictionary(grouping: 0..<rows.count) { rows.subject[$0] }
    for subject in subjects.keys.sorted() {
      bySubject.append([.text(subject)] + outcome(replay.gaps, subjects[subject]!))
    }
    var byGroup = ReportTable([("group", .text), ("value", .text)] + TargetService.outcomeColumns)
    var groups: [[String]: [Int]] = [:]
    for row in 0..<rows.count {
      for (name, value) in rows.groups(row) { groups[[name, value], default: []].append(row) }
    }
    for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      byGroup.append(key.map(Value.text) + outcome(replay.gaps, groups[key]!))
    }
    return [
      .text(
        "\(formula.name) replayed against the results (gap: target minus result, in grade steps):"),
      overall.value, .text("by subject:"), bySubject.value, .text("by group:"), byGroup.value,
    ]
  }

  func tune(
    _ formula: Workspace.Formula, _ parameter: Int, _ values: [Value], _ table: TableValue,
    _ evaluator: Evaluator
  ) throws -> [Value] {
    let name = formula.parameters[parameter]
    var report = ReportTable(
      [(name, .number)] + TargetService.outcomeColumns + [("meet or beat %", .number)])
    // The results and everything in the formula but the parameter are the
    // same for every value: they are read and worked out once, the results
    // after the first value's targets, as a replay of that value reads them.
    var achieved: [Grade?]?
    let everyRow = Array(table.rows.indices)
    try evaluator.evaluate(formula, over: table, varying: parameter, through: values) {
      value, targets in
      if achieved == nil { achieved = try achievedGrades(table) }
      let gaps = self.gaps(targets, achieved!)
      let known = gaps.compactMap { $0 }
      let met = known.filter { $0 <= 0 }.count
      report.append([value] + outcome(gaps, everyRow) + [percent(met, of: known.count)])
    }
    return [.text("\(formula.name) tuned over \(name):"), report.value]
  }
}
