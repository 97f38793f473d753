/// Everything about one school, made from its plan: staff, learners with their
/// families and contacts, and two sessions of courses.
struct GeneratedSchool: Sendable {
  let plan: SchoolPlan
  let staff: StaffRoom
  let roll: LearnerRoll
  let courses: CourseHistory

  /// The school `plan` describes; the same plan always gives the same school.
  init(plan: SchoolPlan) {
    var generator = SeededGenerator(seed: plan.seed)
    self.plan = plan
    staff = StaffRoom(plan: plan, using: &generator)
    var roll = LearnerRoll(plan: plan, staff: staff, using: &generator)
    roll.name(plan.showcaseNames, using: &generator)
    self.roll = roll
    courses = CourseHistory(roll: roll, plan: plan, staff: staff, using: &generator)
  }
}
