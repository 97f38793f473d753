import AspireModel

/// The results of August 2027 for the senior phase's courses of 2026-27 that
/// were not withdrawn, following how each course stood at the last round.
///
/// Targets sit about a grade above the MidYIS prediction, so a course Above
/// at the end lands at or near its target (the prediction and one), a course
/// On lands about a grade below it (near the prediction), and a course Below
/// a grade below that, each with the luck of the exam.
enum AugustResults {
  /// How far above the prediction, in grades, each final status lands on average.
  static func lift(after status: Status) -> Double {
    switch status {
    case .above: return 1.2
    case .on: return 0.1
    case .below: return -1.1
    }
  }

  /// Each sat course's result, by the course's index in the session's courses,
  /// from `finalStatuses` (a course's status at its schedule's last round).
  static func grades(
    _ courses: [DemoCourse], finalStatuses: [Int: Status], seed: UInt64
  ) -> [(course: Int, grade: CourseGrade)] {
    var generator = SeededGenerator(seed: seed, part: 0xA062)
    var results: [(course: Int, grade: CourseGrade)] = []
    for (index, course) in courses.enumerated() where course.stage.isSenior && !course.withdrawn {
      guard let status = finalStatuses[index] else { continue }
      let luck = generator.normal(deviation: 0.6)
      let rank = Int(course.predicted.rank) + Int((lift(after: status) + luck).rounded())
      let top = course.level.scale.grades.count - 1
      results.append((index, CourseGrade(level: course.level, rank: min(top, max(0, rank)))))
    }
    return results
  }
}
