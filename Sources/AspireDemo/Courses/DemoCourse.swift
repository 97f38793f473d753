import AspireModel

/// One learner's course in one session: an enrolment, and for a session that
/// has finished, the exam result.
struct DemoCourse: Sendable {
  /// The learner's index in the school's roll.
  let learner: Int
  let stage: Stage
  let subject: Int
  let level: Level
  let predicted: CourseGrade
  /// Last session's result in the subject, when there is one.
  let prior: CourseGrade?
  /// The exam result, for courses of a finished session that were sat.
  let result: CourseGrade?
  /// Whether the learner dropped the course during the session.
  let withdrawn: Bool
  /// The class within the stage and subject, from 1 (the `2` of `4Ma2`).
  var classNumber = 0
  /// The class teacher's index in the staff room.
  var teacher = 0
}

/// A subject and level a learner takes in a year, before anything is predicted.
struct CourseChoice: Sendable {
  let subject: Int
  let level: Level
}
