import AspireModel

/// A grade on a course's level, kept in two bytes because a national run holds
/// millions of them; `grade` gives the model's `Grade`.
struct CourseGrade: Hashable, Sendable {
  let level: Level
  /// The grade's rank on `level.scale`, 0 for the lowest.
  let rank: UInt8

  init(level: Level, rank: Int) {
    precondition(level.scale.grades.indices.contains(rank))
    self.level = level
    self.rank = UInt8(rank)
  }

  init(_ grade: Grade, at level: Level) {
    self.init(level: level, rank: grade.rank)
  }

  /// The grade on the level's scale.
  var grade: Grade { Grade(scale: level.scale, rank: Int(rank)) }

  /// Whether the grade is a pass: C or better, or a National 4 Pass.
  var isPass: Bool {
    switch level.scale {
    case .sqa: return rank >= 2
    default: return rank >= 1
    }
  }
}
