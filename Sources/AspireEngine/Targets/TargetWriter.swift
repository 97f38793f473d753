import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

extension TargetService {
  /// An open target as the store holds it.
  struct OpenTarget {
    var id: Int64
    var level: String
    var target: String
    var kind: String
    var formulaHash: String?
  }

  /// Sets (or, with a reason, revises) the targets of every enrolment of
  /// `table` with `formula`. Locked targets set by another formula are never
  /// changed by `set`: the statement is refused, saying how many would change.
  func write(
    _ table: TableValue, _ formula: Workspace.Formula, _ evaluator: Evaluator, revision: String?,
    at range: SourceRange
  ) throws -> [Value] {
    let rows = EnrolmentRows(table)
    let values = try evaluator.evaluate(formula, over: table)
    let hash = TargetService.hash(formula)
    let evidence = Evidence(formula: formula, workspace: evaluator.workspace)
    let open = try openTargets(Set(rows.session))
    let stamp = Timestamp.iso8601(now)

    var inserts: [(row: Int, grade: Grade)] = []
    var closes: [(id: Int64, reason: String)] = []
    var unchanged = 0
    var withoutEvidence = 0
    var lockedChanges = 0
    for row in 0..<rows.count {
      let key = "\(rows.session[row])|\(rows.learnerID[row])|\(rows.subject[row])"
      let existing = open[key]
      if rows.withdrawn[row] {
        if let existing { closes.append((existing.id, "withdrawn from the course")) }
        continue
      }
      guard let grade = grade(values.value(at: row)) else {
        withoutEvidence += 1
        continue
      }
      let level = rows.level[row]?.rawValue ?? ""
      guard let existing else {
        inserts.append((row, grade))
        continue
      }
      if existing.level != level {
        closes.append((existing.id, "level changed from \(existing.level) to \(level)"))
        inserts.append((row, grade))
      } else if existing.target == grade.name || existing.kind == "raise" && revision == nil {
        unchanged += 1
      } else if revision != nil {
        closes.append((existing.id, "revised: \(revision!)"))
        inserts.append((row, grade))
      } else if existing.formulaHash == hash {
        unchanged += 1
      } else {
        lockedChanges += 1
      }
    }
    if lockedChanges > 0 {
      throw RuntimeError(
        message: "targets are locked: \(lockedChanges) set by another formula would change, "
          + "so nothing was written",
        range: range,
        help: "to change them on purpose, write: revise targets for … using \(formula.name) "
          + "reason \"…\"")
    }
    let evidenceValues = try evidence.callValues(
      over: table, formula: formula, evaluator: evaluator)
    try store.database.inTransaction {
      try store.database.run(
        "INSERT OR IGNORE INTO formulas (hash, name, text, first_used_at, first_used_by) "
          + "VALUES (?, ?, ?, ?, ?)",
        [.text(hash), .text(formula.name), .text(formula.text), .text(stamp), .text(user)])
      for close in closes {
        try store.database.run(
          "UPDATE targets SET closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?",
          [.text(stamp), .text(user), .text(close.reason), .integer(close.id)])
      }
      let insert = try store.database.prepare(
        """
        INSERT INTO targets (session, learner_id, subject, level, target, kind, formula_hash,
          evidence, reason, set_at, set_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      for (row, grade) in inserts {
        try insert.bind([
          .text(rows.session[row]), .text(rows.learnerID[row]), .text(rows.subject[row]),
          .text(rows.level[row]?.rawValue ?? ""), .text(grade.name),
          .text(revision == nil ? "formula" : "revision"), .text(hash),
          .text(evidence.json(table, row, evidenceValues)), revision.map { .text($0) } ?? .null,
          .text(stamp), .text(user),
        ])
        _ = try insert.step()
        insert.reset()
      }
    }
    data.reload()
    let verb = revision == nil ? "set" : "revised"
    return [
      .text(
        "targets by \(formula.name) (\(hash.prefix(12))): \(inserts.count) \(verb), "
          + "\(unchanged) unchanged, \(closes.count) closed, \(withoutEvidence) without evidence")
    ]
  }

  /// The open targets of the sessions, by `session|learner|subject`.
  func openTargets(_ sessions: Set<String>) throws -> [String: OpenTarget] {
    var open: [String: OpenTarget] = [:]
    for session in sessions {
      let rows = try store.database.query(
        """
        SELECT id, learner_id, subject, level, target, kind, formula_hash FROM targets
        WHERE session = ? AND closed_at IS NULL
        """, [.text(session)])
      for row in rows {
        let key = "\(session)|\(row[1].text ?? "")|\(row[2].text ?? "")"
        open[key] = OpenTarget(
          id: row[0].integer ?? 0, level: row[3].text ?? "", target: row[4].text ?? "",
          kind: row[5].text ?? "", formulaHash: row[6].text)
      }
    }
    return open
  }

  /// A teacher raises one target, with a reason; a lowering is refused.
  func raise(
    learner: String, subject: String, to value: Value, reason: String,
    at range: SourceRange
  ) throws -> [Value] {
    let session = data.defaultSession.description
    guard let proposed = grade(value) else {
      throw RuntimeError(message: "a target is a grade", range: range)
    }
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw RuntimeError(message: "raising a target needs a reason", range: range)
    }
    let key = "\(session)|\(learner)|\(subject)"
    guard let existing = try openTargets([session])[key] else {
      throw RuntimeError(
        message: "\(learner) has no target in \(subject) in \(session) to raise", range: range)
    }
    guard let level = Level(parsing: existing.level), proposed.scale == level.scale,
      let current = level.scale.grade(named: existing.target)
    else {
      throw RuntimeError(
        message: "\(proposed.name) is not a grade of \(existing.level)", range: range)
    }
    guard proposed > current else {
      throw RuntimeError(
        message: "a target can only be raised: \(learner)'s target in \(subject) is "
          + "\(current.name), and \(proposed.name) is not above it", range: range)
    }
    try raiseTarget(
      existing, to: proposed, session: session, learner: learner,
      subject: subject, reason: reason)
    data.reload()
    return [
      .text("raised \(learner)'s target in \(subject) from \(current.name) to \(proposed.name)")
    ]
  }

  /// Closes the open target and opens the raised one; the caller checked it.
  func raiseTarget(
    _ existing: OpenTarget, to grade: Grade, session: String, learner: String, subject: String,
    reason: String
  ) throws {
    let stamp = Timestamp.iso8601(now)
    try store.database.inTransaction {
      try store.database.run(
        "UPDATE targets SET closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ?",
        [.text(stamp), .text(user), .text("raised: \(reason)"), .integer(existing.id)])
      try store.database.run(
        """
        INSERT INTO targets (session, learner_id, subject, level, target, kind, formula_hash,
          evidence, reason, set_at, set_by)
        SELECT session, learner_id, subject, level, ?, 'raise', formula_hash, evidence, ?, ?, ?
        FROM targets WHERE id = ?
        """,
        [.text(grade.name), .text(reason), .text(stamp), .text(user), .integer(existing.id)])
    }
  }
}
