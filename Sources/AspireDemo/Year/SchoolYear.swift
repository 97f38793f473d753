import AspireModel

/// The demo school's 2026-27 after the roll: each check round's teachers'
/// returns for S3 to S6, and the mentor meetings that follow each round for
/// the senior phase.
///
/// A course's status follows a hidden progress value: the learner's strength
/// in the subject (less where last year's result already sits above the
/// prediction, since the target then aims higher), carried from round to
/// round with some drift and the odd setback, so statuses hang together
/// across rounds. A few classes are late with the latest round: they have no
/// rows for it.
struct SchoolYear {
  /// One teacher's return.
  struct Mark {
    let course: Int
    let round: Int
    let status: Status
    let comment: String
  }

  /// One row of a mentor meeting: about a subject, or (subject nil) in general.
  struct MeetingRow {
    let learner: Int
    let round: Int
    let mentor: String
    let date: CalendarDate
    let subject: Int?
    let selfStatus: Status?
    let action: String?
    let familyVisible: Bool
  }

  /// The returns of each round, from round 1.
  private(set) var marks: [[Mark]] = []
  private(set) var meetings: [MeetingRow] = []
  /// Each course's status at its schedule's last round, by course index,
  /// whether or not its teacher has returned it yet.
  private(set) var finalStatuses: [Int: Status] = [:]

  /// The classes late with their returns for the latest round of their
  /// schedule: so many senior classes, and one S3 class.
  static let lateSeniorClasses = 3

  init(
    school: GeneratedSchool, staffID: (Int) -> String, learnerID: (Int) -> String
  ) {
    var generator = SeededGenerator(seed: school.plan.seed, part: 0xC4EC)
    let courses = school.courses.currentSession
    let late = SchoolYear.chooseLateClasses(courses, using: &generator)
    marks = Array(repeating: [], count: DemoChecks.seniors.rounds.count)
    var statusOf: [Int: [Status]] = [:]
    for (index, course) in courses.enumerated() where !course.withdrawn {
      guard let calendar = DemoChecks.calendar(for: course.stage) else { continue }
      let learner = school.roll.learners[course.learner]
      var strength = learner.strength(in: course.subject) - 0.3
      if let prior = course.prior, prior.level == course.level, prior.rank > course.predicted.rank {
        strength -= 0.4
      }
      var progress = strength + generator.normal(deviation: 0.5)
      var statuses: [Status] = []
      for round in calendar.rounds {
        if round.number > 1 {
          progress = 0.6 * progress + 0.4 * strength + generator.normal(deviation: 0.6)
          // Now and then a setback: illness, trouble at home, a missed assessment.
          if generator.chance(0.04) { progress -= 1.8 }
        }
        let status: Status = progress > 0.45 ? .above : progress < -0.95 ? .below : .on
        statuses.append(status)
        let isLate = round.number == calendar.rounds.count
          && late.contains(ClassKey(course))
        if isLate { continue }
        let bank = status == .above
          ? CommentBank.above : status == .on ? CommentBank.on : CommentBank.below
        marks[round.number - 1].append(
          Mark(
            course: index, round: round.number, status: status,
            comment: generator.element(of: bank)))
      }
      statusOf[index] = statuses
    }
    finalStatuses = statusOf.compactMapValues(\.last)
    meetings = SchoolYear.meetings(
      school, statusOf: statusOf, staffID: staffID, learnerID: learnerID, using: &generator)
  }

  /// A class: stage, subject and number.
  struct ClassKey: Hashable {
    let stage: Stage
    let subject: Int
    let number: Int

    init(_ course: DemoCourse) {
      stage = course.stage
      subject = course.subject
      number = course.classNumber
    }
  }

  private static func chooseLateClasses(
    _ courses: [DemoCourse], using generator: inout SeededGenerator
  ) -> Set<ClassKey> {
    func classes(_ keep: (Stage) -> Bool) -> [ClassKey] {
      Set(courses.filter { keep($0.stage) }.map(ClassKey.init)).sorted {
        ($0.stage.rawValue, $0.subject, $0.number) < ($1.stage.rawValue, $1.subject, $1.number)
      }
    }
    var late: Set<ClassKey> = []
    let seniors = classes { $0.isSenior }
    while late.count < min(lateSeniorClasses, seniors.count) {
      late.insert(generator.element(of: seniors))
    }
    let juniors = classes { $0 == .s3 }
    if !juniors.isEmpty { late.insert(generator.element(of: juniors)) }
    return late
  }

  /// The meetings of the senior phase: mentors as the store's allocation
  /// will give them, a meeting a few days after each round (a few late, a
  /// few never held), the learner's own view of each subject, and actions.
  private static func meetings(
    _ school: GeneratedSchool, statusOf: [Int: [Status]], staffID: (Int) -> String,
    learnerID: (Int) -> String, using generator: inout SeededGenerator
  ) -> [MeetingRow] {
    let year = DemoCalendar.current.startYear
    let seniors = school.roll.learners.indices.filter {
      school.roll.learners[$0].stage(inYear: year)?.isSenior ?? false
    }
    let mentorOf = allocation(school, seniors: seniors, staffID: staffID, learnerID: learnerID)
    let coursesOf = Dictionary(
      grouping: school.courses.currentSession.indices.filter {
        !school.courses.currentSession[$0].withdrawn
      }, by: { school.courses.currentSession[$0].learner })
    var rows: [MeetingRow] = []
    for learner in seniors {
      guard let mentor = mentorOf[learnerID(school.roll.learners[learner].number)] else { continue }
      for round in DemoChecks.seniors.rounds {
        if generator.chance(0.04) { continue }
        let late = generator.chance(0.08)
        let delay = late ? generator.number(in: 15...24) : generator.number(in: 2...11)
        let date = round.end.adding(days: delay)
        let visible = generator.chance(0.9)
        var anyAction = false
        for course in coursesOf[learner] ?? [] {
          let teacher = statusOf[course]?[round.number - 1]
          let own = selfView(of: teacher, using: &generator)
          var action: String?
          if teacher == .below && generator.chance(0.6) {
            action = generator.element(of: CommentBank.subjectActions)
            anyAction = true
          }
          rows.append(
            MeetingRow(
              learner: learner, round: round.number, mentor: mentor, date: date,
              subject: school.courses.currentSession[course].subject, selfStatus: own,
              action: action, familyVisible: visible))
        }
        if !anyAction {
          rows.append(
            MeetingRow(
              learner: learner, round: round.number, mentor: mentor, date: date, subject: nil,
              selfStatus: nil, action: generator.element(of: CommentBank.generalActions),
              familyVisible: visible))
        }
      }
    }
    return rows
  }

  /// What a learner says of a subject: mostly the teacher's view, sometimes
  /// a step more hopeful, now and then a step less.
  private static func selfView(of teacher: Status?, using generator: inout SeededGenerator)
    -> Status
  {
    guard let teacher else { return generator.chance(0.7) ? .on : .above }
    let draw = generator.unit()
    if draw < 0.72 { return teacher }
    if draw < 0.92 { return Status(rawValue: min(2, teacher.rawValue + 1))! }
    return Status(rawValue: max(0, teacher.rawValue - 1))!
  }

  /// The mentors `allocate mentors for seniors` gives on a store holding this
  /// school and no earlier allocations: the same rules on the same facts.
  private static func allocation(
    _ school: GeneratedSchool, seniors: [Int], staffID: (Int) -> String,
    learnerID: (Int) -> String
  ) -> [String: String] {
    let mentors = school.staff.members.indices.compactMap { index in
      school.staff.members[index].mentorCapacity.map {
        MentorAllocation.Mentor(id: staffID(index), capacity: $0)
      }
    }
    var teachers: [String: Set<String>] = [:]
    for course in school.courses.currentSession {
      teachers[learnerID(school.roll.learners[course.learner].number), default: []]
        .insert(staffID(course.teacher))
    }
    let learners = seniors.map { learnerID(school.roll.learners[$0].number) }
    return MentorAllocation(
      learners: learners, mentors: mentors, current: [:], previous: [:], teachers: teachers
    ).mentorOf
  }
}
