import AspireModel

/// The rows of one generated school in each file's column order.
///
/// Ids carry the school's prefix (`S007-T004`, `S007-L00042`) in a national
/// run, and so do classes and registration classes, which are names within a
/// school; the demo school has no prefix (`T004`, `L00042`, `4Ma2`).
struct SchoolRows {
  let school: GeneratedSchool
  let encoded: EncodedText
  private let prefix: [UInt8]
  private let staffCode: [UInt8]
  private let learnerCode: [UInt8]
  private let staffWidth: Int
  private let names = NameBook.shared.parts

  init(school: GeneratedSchool, encoded: EncodedText) {
    self.school = school
    self.encoded = encoded
    prefix = Array(school.plan.idPrefix.utf8)
    staffCode = prefix + Array("T".utf8)
    learnerCode = prefix + Array("L".utf8)
    staffWidth = max(3, String(school.staff.members.count).count)
  }

  /// Staff: `id, name, email, roles, faculty, mentor_capacity`.
  func writeStaff(to file: inout CSVWriter) throws {
    for (index, member) in school.staff.members.enumerated() {
      file.code(staffCode, index + 1, width: staffWidth)
      file.name(
        given: names[Int(member.givenName)].bytes,
        family: names[Int(member.familyName)].bytes)
      file.text(member.email)
      file.text(member.roles.names)
      file.text(member.faculty?.name ?? "")
      if let capacity = member.mentorCapacity { file.integer(capacity) } else { file.empty() }
      try file.endRow()
    }
  }

  /// The learners on the roll in the session starting in `year`.
  func writeLearners(inYear year: Int, to file: inout CSVWriter) throws {
    for learner in school.roll.learners {
      guard let stage = learner.stage(inYear: year), stage >= school.plan.firstStage
      else { continue }
      writeLearnerId(learner.number, to: &file)
      file.name(
        given: names[Int(learner.givenName)].bytes,
        family: names[Int(learner.familyName)].bytes)
      file.bytes(encoded.stageNames[stage.rawValue - 1])
      file.code(
        prefix, encoded.stageDigits[stage.rawValue - 1], encoded.houseLetters[learner.house],
        number: learner.registrationGroup + 1)
      file.bytes(encoded.genders[Int(learner.gender.rawValue)])
      file.integer(learner.simdDecile)
      file.integer(learner.midyis)
      file.boolean(learner.additionalSupportNeeds)
      file.boolean(learner.freeSchoolMeals)
      file.boolean(learner.lookedAfter)
      file.code(staffCode, learner.pupilSupport + 1, width: staffWidth)
      file.integer(learner.scottishCandidateNumber)
      try file.endRow()
    }
  }

  /// Each contact of each learner in either session; returns how many learners that was.
  func writeContacts(to file: inout CSVWriter) throws -> Int {
    var learners = 0
    for learner in school.roll.learners where appears(learner) {
      learners += 1
      for contact in school.roll.contacts[school.roll.families[learner.family].contacts] {
        writeLearnerId(learner.number, to: &file)
        file.name(
          given: names[Int(contact.givenName)].bytes,
          family: names[Int(contact.familyName)].bytes)
        file.text(contact.email)
        file.bytes(encoded.relationships[Int(contact.relationship.rawValue)])
        file.boolean(contact.receivesReports)
        try file.endRow()
      }
    }
    return learners
  }

  /// Enrolments: `learner_id, subject, level, class, teacher_id, predicted,
  /// prior, prior_level, withdrawn`.
  func writeEnrolments(_ courses: [DemoCourse], to file: inout CSVWriter) throws {
    for course in courses {
      writeLearnerId(school.roll.learners[course.learner].number, to: &file)
      file.bytes(encoded.subjectNames[course.subject])
      file.bytes(encoded.name(of: course.level))
      file.code(
        prefix, encoded.stageDigits[course.stage.rawValue - 1],
        encoded.classCodes[course.subject], number: course.classNumber)
      file.code(staffCode, course.teacher + 1, width: staffWidth)
      file.bytes(encoded.name(of: course.predicted))
      if let prior = course.prior {
        file.bytes(encoded.name(of: prior))
        file.bytes(encoded.name(of: prior.level))
      } else {
        file.empty()
        file.empty()
      }
      file.boolean(course.withdrawn)
      try file.endRow()
    }
  }

  /// Results of the courses that were sat: `learner_id, subject, level, grade, year`.
  func writeResults(_ courses: [DemoCourse], to file: inout CSVWriter) throws {
    for course in courses {
      guard let result = course.result else { continue }
      writeLearnerId(school.roll.learners[course.learner].number, to: &file)
      file.bytes(encoded.subjectNames[course.subject])
      file.bytes(encoded.name(of: course.level))
      file.bytes(encoded.name(of: result))
      file.integer(DemoCalendar.resultsYear)
      try file.endRow()
    }
  }

  /// A member of staff's id, by their index in the staff room (`T004`).
  func staffID(_ index: Int) -> String {
    let digits = String(index + 1)
    let padding = String(repeating: "0", count: max(0, staffWidth - digits.count))
    return school.plan.idPrefix + "T" + padding + digits
  }

  /// A learner's id, by their number in the school (`L00042`).
  func learnerID(_ number: Int) -> String {
    let digits = String(number)
    return school.plan.idPrefix + "L" + String(repeating: "0", count: max(0, 5 - digits.count))
      + digits
  }

  private func writeLearnerId(_ number: Int, to file: inout CSVWriter) {
    file.code(learnerCode, number, width: 5)
  }

  private func appears(_ learner: DemoLearner) -> Bool {
    DemoCalendar.sessions.contains { session in
      guard let stage = learner.stage(inYear: session.startYear) else { return false }
      return stage >= school.plan.firstStage
    }
  }
}
