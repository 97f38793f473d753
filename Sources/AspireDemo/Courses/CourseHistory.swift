import AspireModel

/// Lives each learner's years from S3 on: choosing courses, predicting from
/// MidYIS and sitting the exams, and keeps the two sessions the files show.
///
/// Earlier years are lived too, unseen, because last session's courses need
/// their priors and this session's choices follow from last session's results.
struct CourseHistory: Sendable {
  /// The courses of 2025-26, whose results arrived in August 2026.
  private(set) var previousSession: [DemoCourse] = []
  /// The courses of 2026-27, not yet examined.
  private(set) var currentSession: [DemoCourse] = []

  /// The chance that a learner drops a senior course part way through a session.
  private static let withdrawalChance = 0.004

  /// The courses of every learner of `roll`, placed in classes with teachers from `staff`.
  init(
    roll: LearnerRoll, plan: SchoolPlan, staff: StaffRoom,
    using generator: inout SeededGenerator
  ) {
    for (index, learner) in roll.learners.enumerated() {
      live(learner, index: index, plan: plan, using: &generator)
    }
    Timetable.assignClasses(to: &previousSession, staff: staff)
    Timetable.assignClasses(to: &currentSession, staff: staff)
  }

  private mutating func live(
    _ learner: DemoLearner, index: Int, plan: SchoolPlan, using generator: inout SeededGenerator
  ) {
    let current = DemoCalendar.current.startYear
    let thirdYear = learner.entryYear + 2
    guard learner.lastYear >= thirdYear else { return }
    var lastYear: [DemoCourse] = []
    for year in thirdYear...learner.lastYear {
      let stage = Stage(rawValue: year - learner.entryYear + 1)!
      let shown = year >= current - 1 && year >= learner.firstYear && stage >= plan.firstStage
      let choices: [CourseChoice]
      switch stage {
      case .s4: choices = CoursePlanner.fourthYear(learner, using: &generator)
      case .s5: choices = CoursePlanner.fifthYear(learner, after: lastYear, using: &generator)
      case .s6: choices = CoursePlanner.sixthYear(learner, after: lastYear, using: &generator)
      default:
        guard shown else { continue }
        choices = CoursePlanner.broadGeneralCourses(using: &generator)
      }

      // A learner who arrived this session brings no record the school holds.
      let priorsKnown = !(year == current && learner.firstYear == current)
      let courses = choices.map { choice in
        course(
          choice, learner: learner, index: index, stage: stage, examined: year < current,
          prior: priorsKnown ? result(in: choice.subject, of: lastYear) : nil,
          using: &generator)
      }
      if shown && year == current { currentSession += courses }
      if shown && year == current - 1 { previousSession += courses }
      lastYear = courses
    }
  }

  private func course(
    _ choice: CourseChoice, learner: DemoLearner, index: Int, stage: Stage, examined: Bool,
    prior: CourseGrade?, using generator: inout SeededGenerator
  ) -> DemoCourse {
    let predicted = AttainmentModel.predictedGrade(
      level: choice.level, midyis: learner.midyis, subject: choice.subject, using: &generator)
    let withdrawn = stage.isSenior && generator.chance(CourseHistory.withdrawalChance)
    var result: CourseGrade?
    if examined && stage.isSenior && !withdrawn {
      result = AttainmentModel.resultGrade(
        level: choice.level, midyis: learner.midyis, subject: choice.subject,
        strength: learner.strength(in: choice.subject), using: &generator)
    }
    return DemoCourse(
      learner: index, stage: stage, subject: choice.subject, level: choice.level,
      predicted: predicted, prior: prior, result: result, withdrawn: withdrawn)
  }

  private func result(in subject: Int, of courses: [DemoCourse]) -> CourseGrade? {
    courses.first { $0.subject == subject }?.result
  }
}
