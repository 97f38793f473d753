/// The staff of one school: senior leaders, each faculty's teachers with its
/// head first, pupil support, and support staff who volunteer as mentors, in
/// that order (the order of their ids).
struct StaffRoom: Sendable {
  private(set) var members: [DemoStaffMember] = []
  /// For each subject, the staff who teach its classes.
  private(set) var teachersBySubject: [[Int]]
  /// For each faculty, every teacher in it, for subjects with no teacher of their own.
  private(set) var teachersByFaculty: [[Int]]
  /// Pupil support staff, two to a house: one for cohorts that entered S1 in an
  /// even year, one for odd years, so that a learner keeps theirs through school.
  private(set) var pupilSupport: [Int] = []
  /// The number of houses (letters of registration classes).
  let houses: Int

  private var usedEmails: Set<String> = []
  private let emailDomain: String

  /// The staff for `plan`, with enough mentors for every senior learner.
  init(plan: SchoolPlan, using generator: inout SeededGenerator) {
    let scale = Double(plan.equivalentRoll) / 900
    houses = max(2, Int((Double(plan.equivalentRoll) / 300).rounded()))
    emailDomain = plan.emailDomain
    teachersBySubject = Array(repeating: [], count: DemoCurriculum.subjects.count)
    teachersByFaculty = Array(repeating: [], count: Faculty.allCases.count)

    addSeniorLeaders(count: max(2, Int((scale * 3.6).rounded())), using: &generator)
    for faculty in Faculty.allCases {
      addFaculty(faculty, scale: scale, using: &generator)
    }
    addPupilSupport(using: &generator)
    addVolunteerMentors(seniorLearners: plan.seniorSize, using: &generator)
  }

  /// The staff member who gives pupil support to a learner in `house` who
  /// started S1 in `entryYear`.
  func pupilSupport(house: Int, entryYear: Int) -> Int {
    pupilSupport[house * 2 + entryYear % 2]
  }

  private mutating func addSeniorLeaders(count: Int, using generator: inout SeededGenerator) {
    add(roles: [.seniorLeader], faculty: nil, subject: nil, using: &generator)
    for _ in 1..<count {
      add(roles: [.teacher, .seniorLeader, .mentor], faculty: nil, subject: nil, using: &generator)
    }
  }

  private mutating func addFaculty(
    _ faculty: Faculty, scale: Double, using generator: inout SeededGenerator
  ) {
    var headAppointed = false
    for subject in DemoCurriculum.subjects.indices
    where DemoCurriculum.subjects[subject].faculty == faculty {
      let base = Double(DemoCurriculum.subjects[subject].teachersPerNineHundred)
      for _ in 0..<max(1, Int((base * scale).rounded())) {
        var roles: StaffRoles = [.teacher]
        if !headAppointed {
          roles.insert(.facultyHead)
          headAppointed = true
        }
        if generator.chance(roles.contains(.facultyHead) ? 0.7 : 0.9) { roles.insert(.mentor) }
        add(roles: roles, faculty: faculty, subject: subject, using: &generator)
      }
    }
  }

  private mutating func addPupilSupport(using generator: inout SeededGenerator) {
    let subjects = [
      "English", "Mathematics", "Biology", "History", "Geography",
      "Religious, Moral and Philosophical Studies", "Physical Education",
      "Health and Food Technology",
    ].map(DemoCurriculum.index(named:))
    for _ in 0..<(houses * 2) {
      let subject = generator.element(of: subjects)
      var roles: StaffRoles = [.teacher, .pupilSupport]
      if generator.chance(0.4) { roles.insert(.mentor) }
      pupilSupport.append(members.count)
      add(
        roles: roles, faculty: DemoCurriculum.subjects[subject].faculty, subject: subject,
        using: &generator)
    }
  }

  /// Librarians, technicians and office staff volunteer until every senior
  /// learner (and a few more) can have a mentor.
  private mutating func addVolunteerMentors(
    seniorLearners: Int, using generator: inout SeededGenerator
  ) {
    let places = members.reduce(0) { $0 + ($1.mentorCapacity ?? 0) }
    let wanted = Int((Double(seniorLearners) * 1.05).rounded(.up))
    let volunteers = max(2, (wanted - places + 5) / 6)
    for _ in 0..<volunteers {
      add(roles: [.mentor], faculty: nil, subject: nil, using: &generator)
    }
  }

  private mutating func add(
    roles: StaffRoles, faculty: Faculty?, subject: Int?, using generator: inout SeededGenerator
  ) {
    let names = NameBook.shared
    let givenNames = generator.chance(0.65) ? names.women : names.men
    let given = givenNames[generator.frontWeightedIndex(count: givenNames.count)]
    let family = names.families[generator.frontWeightedIndex(count: names.families.count)]
    let index = members.count
    if let subject {
      teachersBySubject[subject].append(index)
      teachersByFaculty[DemoCurriculum.subjects[subject].faculty.rawValue].append(index)
    }
    members.append(
      DemoStaffMember(
        givenName: given, familyName: family, email: uniqueEmail(given: given, family: family),
        roles: roles, faculty: faculty, mainSubject: subject))
  }

  /// `f.campbell@school.example.org`, numbered where two staff would share one.
  private mutating func uniqueEmail(given: Int32, family: Int32) -> String {
    let parts = NameBook.shared.parts
    let local = "\(parts[Int(given)].plain.prefix(1)).\(parts[Int(family)].plain)"
    var candidate = local
    var suffix = 2
    while usedEmails.contains(candidate) {
      candidate = "\(local)\(suffix)"
      suffix += 1
    }
    usedEmails.insert(candidate)
    return "\(candidate)@\(emailDomain)"
  }
}
