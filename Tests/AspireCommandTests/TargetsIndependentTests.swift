import AspireStore
import Foundation
import Testing

/// An independent check of the demo's targets: `aspire demo` sets them with
/// the formula of scripts/school/30-targets.aspire; this test works the same
/// formula out again in plain Swift, straight from the demo's CSV files, with
/// its own grade tables, and compares every open target in the store.
@Suite struct TargetsIndependentTests {
  @Test func everyOpenTargetOfTheDemoMatchesTheFormulaWorkedOutByHand() throws {
    let folder = try DataFolder()
    let demo = try folder.aspire("demo", "--db", "school.db", "--out", "out")
    try #require(demo.status == 0, "\(demo.standardError)")
    let data = folder.url.appendingPathComponent("out/demo-data")
    func table(_ name: String) throws -> PlainCSV {
      try PlainCSV(String(contentsOf: data.appendingPathComponent(name), encoding: .utf8))
    }
    let expected = try HandFormula(
      learners: table("learners-2026-27.csv"), enrolments: table("enrolments-2026-27.csv"),
      results: table("results-2026.csv")
    ).targets(uplift: 1)

    let stored = try folder.store("school.db").database.query(
      """
      SELECT learner_id, subject, level, target, kind FROM targets
      WHERE session = '2026-27' AND closed_at IS NULL
      """)
    var actual: [String: String] = [:]
    for row in stored {
      actual["\(row[0]) \(row[1]) \(row[2])"] = row[3].description
      #expect(row[4] == .text("formula"))
    }

    #expect(expected.count > 1000, "the demo's seniors should have over a thousand courses")
    let keys = Set(expected.keys).union(actual.keys).sorted()
    let differences = keys.filter { expected[$0] != actual[$0] }.map {
      "\($0): by hand \(expected[$0] ?? "none"), in the store \(actual[$0] ?? "none")"
    }
    #expect(
      differences.isEmpty,
      "\(differences.count) differ:\n\(differences.prefix(20).joined(separator: "\n"))")
  }
}

/// The target formula of 30-targets.aspire written out by hand over plain
/// arrays and dictionaries: the best of the prediction, the prior grade
/// (two steps lower when on another level) and the grade of the grade point
/// average, raised by `uplift` steps, never above the top grade.
struct HandFormula {
  /// Each scale's grades from lowest to highest, with their points.
  static let sqa: [(String, Double)] = [("No Award", 0), ("D", 1), ("C", 2), ("B", 3), ("A", 4)]
  static let passFail: [(String, Double)] = [("Fail", 0), ("Pass", 1)]
  static let curriculum: [(String, Double)] = [
    ("Early", 1), ("First", 2), ("Second", 3), ("Third", 4), ("Fourth", 5),
  ]

  static func scale(_ level: String) -> [(String, Double)] {
    switch level {
    case "N5", "H", "AH": return sqa
    case "N3", "N4": return passFail
    default: return curriculum
    }
  }

  /// The rank of a grade on a level's scale, nil when missing or unknown.
  static func rank(_ grade: String, _ level: String) -> Int? {
    let name = grade == "NA" ? "No Award" : grade
    return scale(level).firstIndex { $0.0.lowercased() == name.lowercased() }
  }

  /// The grade with points nearest `points`; halfway goes up.
  static func nearest(_ points: Double, _ level: String) -> Int {
    let grades = scale(level)
    var best = 0
    for rank in grades.indices {
      let distance = abs(grades[rank].1 - points)
      let bestDistance = abs(grades[best].1 - points)
      if distance < bestDistance || distance == bestDistance && grades[rank].1 > grades[best].1 {
        best = rank
      }
    }
    return best
  }

  let seniors: Set<String>
  let enrolments: PlainCSV
  /// Each learner's points from last August's results.
  let resultPoints: [String: [Double]]
  /// Each learner's points from this session's predictions.
  let predictionPoints: [String: [Double]]

  init(learners: PlainCSV, enrolments: PlainCSV, results: PlainCSV) {
    seniors = Set(
      learners.rows.filter { ["S4", "S5", "S6"].contains(learners.value($0, "stage")) }
        .map { learners.value($0, "id") })
    self.enrolments = enrolments
    var resultPoints: [String: [Double]] = [:]
    for row in results.rows {
      let level = results.value(row, "level")
      if let rank = HandFormula.rank(results.value(row, "grade"), level) {
        resultPoints[results.value(row, "learner_id"), default: []].append(
          HandFormula.scale(level)[rank].1)
      }
    }
    var predictionPoints: [String: [Double]] = [:]
    for row in enrolments.rows {
      let level = enrolments.value(row, "level")
      if let rank = HandFormula.rank(enrolments.value(row, "predicted"), level) {
        predictionPoints[enrolments.value(row, "learner_id"), default: []].append(
          HandFormula.scale(level)[rank].1)
      }
    }
    self.resultPoints = resultPoints
    self.predictionPoints = predictionPoints
  }

  func gpa(_ learner: String) -> Double? {
    for points in [resultPoints[learner], predictionPoints[learner]] {
      if let points, !points.isEmpty { return points.reduce(0, +) / Double(points.count) }
    }
    return nil
  }

  /// The target of every senior course not withdrawn, by "learner subject level".
  func targets(uplift: Int) -> [String: String] {
    var targets: [String: String] = [:]
    for row in enrolments.rows {
      let learner = enrolments.value(row, "learner_id")
      guard seniors.contains(learner), enrolments.value(row, "withdrawn") != "true" else {
        continue
      }
      let level = enrolments.value(row, "level")
      let predicted = HandFormula.rank(enrolments.value(row, "predicted"), level)
      let priorLevel = enrolments.value(row, "prior_level")
      var prior: Int?
      if priorLevel.isEmpty || priorLevel == level {
        prior = HandFormula.rank(enrolments.value(row, "prior"), level)
      } else if let rank = HandFormula.rank(enrolments.value(row, "prior"), priorLevel) {
        prior = HandFormula.nearest(HandFormula.scale(priorLevel)[rank].1 - 2, level)
      }
      let fromAverage = HandFormula.nearest(gpa(learner) ?? 0, level)
      let evidence = [predicted, prior, fromAverage].compactMap { $0 }.max()!
      let top = HandFormula.scale(level).count - 1
      let target = min(evidence + uplift, top)
      targets["\(learner) \(enrolments.value(row, "subject")) \(level)"] =
        HandFormula.scale(level)[target].0
    }
    return targets
  }
}

/// A CSV file read into rows of text by header name: quoted fields may hold
/// commas, quotes and line breaks.
struct PlainCSV {
  let header: [String: Int]
  let rows: [[String]]

  init(_ text: String) {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        record.append(field)
        field = ""
      } else if character == "\n" {
        record.append(field)
        records.append(record)
        (record, field) = ([], "")
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
    let names = records.first ?? []
    header = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    rows = Array(records.dropFirst())
  }

  /// The value in `column` of `row`, or "" when the file has no such column.
  func value(_ row: [String], _ column: String) -> String {
    guard let index = header[column], index < row.count else { return "" }
    return row[index]
  }
}
