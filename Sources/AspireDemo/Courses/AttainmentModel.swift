import AspireModel

/// How MidYIS turns into predictions and results.
///
/// A learner's MidYIS score gives an expected SQA band (1 upper A to 9 No Award)
/// on the course's level; the prediction is that band, read as a grade, with a
/// little noise; the result adds the learner's own strength in the subject and
/// the luck of the exam, so that most results land within a grade of the
/// prediction, some beat it and rather more fall short.
enum AttainmentModel {
  /// The band a learner with `midyis` is expected to reach at `level` in `subject`.
  static func expectedBand(level: Level, midyis: Int, subject: Int) -> Double {
    let difficulty = DemoCurriculum.subjects[subject].difficulty
    let above = Double(midyis - 100)
    switch level {
    case .advancedHigher: return 4.8 - above / 7 + difficulty
    case .higher: return 4.6 - above / 6.5 + difficulty
    case .national5: return 4.0 - above / 6 + difficulty
    case .national4, .national3: return 3.0 - above / 8 + difficulty
    case .bge: return 3.6 - above / 8
    }
  }

  /// The MidYIS prediction for a course: the grade that similar learners reached.
  static func predictedGrade(
    level: Level, midyis: Int, subject: Int, using generator: inout SeededGenerator
  ) -> CourseGrade {
    let band = expectedBand(level: level, midyis: midyis, subject: subject)
    return grade(forBand: band + generator.normal(deviation: 0.5), at: level)
  }

  /// The grade a learner reaches in the exam. `strength` is the learner's own
  /// strength in the subject, in bands (positive is better than MidYIS says).
  static func resultGrade(
    level: Level, midyis: Int, subject: Int, strength: Double,
    using generator: inout SeededGenerator
  ) -> CourseGrade {
    let band = expectedBand(level: level, midyis: midyis, subject: subject)
    // Targets aim high and results on the day run a little below expectation.
    let shortfall = 0.35
    let luck = generator.normal(deviation: 1.0)
    return grade(forBand: band - strength + shortfall + luck, at: level)
  }

  /// The rank on the SQA scale of each band from 1 to 9 (index 0 unused),
  /// looked up once rather than by grade name for every course.
  private static let sqaRanks = [0] + (1...9).map { Grade.sqa(band: $0)!.rank }

  /// The grade that a band (possibly fractional, possibly out of range) stands
  /// for at `level`: SQA bands for graded levels, a pass up to band 7 for
  /// National 3 and 4, and curriculum levels for the broad general education.
  static func grade(forBand band: Double, at level: Level) -> CourseGrade {
    let wholeBand = min(9, max(1, Int((band).rounded())))
    switch level {
    case .national5, .higher, .advancedHigher:
      return CourseGrade(level: level, rank: sqaRanks[wholeBand])
    case .national3, .national4:
      return CourseGrade(level: level, rank: wholeBand <= 7 ? 1 : 0)
    case .bge:
      // Band 1 is well beyond Fourth level; Third is the S3 norm.
      let rank = band < 3.2 ? 4 : band < 5.8 ? 3 : band < 7.8 ? 2 : 1
      return CourseGrade(level: .bge, rank: rank)
    }
  }
}
