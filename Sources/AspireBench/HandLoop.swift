import AspireModel
import AspireStore

/// The target formula of scripts/school/30-targets.aspire written by hand
/// over plain arrays, extracted from the store beforehand: the yardstick
/// the evaluator is measured against. Grades are ranks on their level's
/// scale, whose points are the rank plus the scale's lowest points.
struct HandLoop {
  /// For each senior enrolment: its learner (an index), the lowest points and
  /// the top rank of its level's scale, and its prediction's rank (-1: none).
  var learner: [Int32] = []
  var base: [Int8] = []
  var top: [Int8] = []
  var predicted: [Int8] = []
  /// The prior's rank when it is on the course's own level (-1: none), else
  /// its points on its own level (NaN: none).
  var priorRank: [Int8] = []
  var priorPoints: [Double] = []
  /// Last August's results of the seniors: learner index and points.
  var resultLearner: [Int32] = []
  var resultPoints: [Double] = []
  var learnerCount = 0

  /// Reads the seniors' enrolments of `session` and the results of the August
  /// it starts in.
  init(store: Store, session: Session) throws {
    let enrolments = try store.database.query(
      """
      SELECT e.learner_id, e.level, e.predicted, e.prior, e.prior_level
      FROM enrolments e JOIN learner_stages s ON s.learner_id = e.learner_id
        AND s.session = e.session
      WHERE e.session = ? AND s.stage IN ('S4', 'S5', 'S6')
      ORDER BY e.learner_id, e.subject
      """, [.text(session.description)])
    var index: [String: Int32] = [:]
    for row in enrolments {
      let id = row[0].text ?? ""
      let learnerIndex = index[id] ?? Int32(index.count)
      index[id] = learnerIndex
      guard let level = row[1].text.flatMap({ Level(parsing: $0) }) else { continue }
      let scale = level.scale
      learner.append(learnerIndex)
      base.append(Int8(scale.points[0]))
      top.append(Int8(scale.grades.count - 1))
      predicted.append(HandLoop.rank(row[2].text, level))
      let priorLevel = row[4].text.flatMap { Level(parsing: $0) } ?? level
      if priorLevel == level {
        priorRank.append(HandLoop.rank(row[3].text, level))
        priorPoints.append(.nan)
      } else {
        priorRank.append(-1)
        let rank = HandLoop.rank(row[3].text, priorLevel)
        priorPoints.append(rank < 0 ? .nan : priorLevel.scale.points[Int(rank)])
      }
    }
    learnerCount = index.count
    let results = try store.database.query(
      "SELECT learner_id, level, grade FROM results WHERE year = ?",
      [.integer(Int64(session.startYear))])
    for row in results {
      guard let learnerIndex = index[row[0].text ?? ""],
        let level = row[1].text.flatMap({ Level(parsing: $0) })
      else { continue }
      let rank = HandLoop.rank(row[2].text, level)
      if rank >= 0 {
        resultLearner.append(learnerIndex)
        resultPoints.append(level.scale.points[Int(rank)])
      }
    }
  }

  static func rank(_ name: String?, _ level: Level) -> Int8 {
    guard let name, let grade = level.scale.grade(named: name) else { return -1 }
    return Int8(grade.rank)
  }

  /// Each enrolment's target rank: the best of the prediction, the prior
  /// (two steps lower via points when on another level) and the grade nearest
  /// the grade point average, raised by `uplift` steps, never above the top.
  func targets(uplift: Int) -> [Int8] {
    var resultSum = [Double](repeating: 0, count: learnerCount)
    var resultCount = [Int32](repeating: 0, count: learnerCount)
    var predictionSum = [Double](repeating: 0, count: learnerCount)
    var predictionCount = [Int32](repeating: 0, count: learnerCount)
    for i in resultLearner.indices {
      resultSum[Int(resultLearner[i])] += resultPoints[i]
      resultCount[Int(resultLearner[i])] += 1
    }
    for i in learner.indices where predicted[i] >= 0 {
      predictionSum[Int(learner[i])] += Double(predicted[i]) + Double(base[i])
      predictionCount[Int(learner[i])] += 1
    }
    var targets = [Int8](repeating: -1, count: learner.count)
    for i in learner.indices {
      let person = Int(learner[i])
      let top = Int(top[i])
      let base = Double(base[i])
      // The nearest grade, halfway up: the scales' points are whole steps.
      func nearest(_ points: Double) -> Int {
        min(max(Int((points - base + 0.5).rounded(.down)), 0), top)
      }
      var gpa = 0.0
      if resultCount[person] > 0 {
        gpa = resultSum[person] / Double(resultCount[person])
      } else if predictionCount[person] > 0 {
        gpa = predictionSum[person] / Double(predictionCount[person])
      }
      var evidence = max(nearest(gpa), Int(predicted[i]), Int(priorRank[i]))
      if !priorPoints[i].isNaN { evidence = max(evidence, nearest(priorPoints[i] - 2)) }
      targets[i] = Int8(min(evidence + uplift, top))
    }
    return targets
  }
}
