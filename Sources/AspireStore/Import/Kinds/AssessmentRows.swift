import AspireModel

/// Assessment rows: a teacher's A/O/B mark for one learner in one subject at
/// one check round of the session.
struct AssessmentRows: RowConverter {
  let session: Session
  let known: CourseReferences
  /// This session's enrolments and schedules.
  let courses: SessionCourses
  let tables: [MergeTable]

  /// Loads the ids, this session's enrolments and its stored schedules that
  /// marks are checked against.
  init(session: Session, database: Database) throws {
    self.session = session
    known = try CourseReferences(database: database)
    courses = try SessionCourses(session: session, database: database)
    tables = [
      MergeTable(
        name: "assessments", keyColumns: ["session", "learner_id", "subject", "round"],
        valueColumns: ["status", "comment", "teacher_id", "working_grade"],
        scope: ("session", .text(session.description)))
    ]
  }

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let learner = row.reference(
      "learner_id", required: true, in: known.learners, noun: "learner", importFirst: .learners)
    let subject = row.reference(
      "subject", required: true, in: known.subjects, noun: "subject", importFirst: .subjects)
    let round = row.read(
      "round", required: true, what: "a round", expected: "a whole number from 1 up"
    ) { FieldParsers.wholeNumber($0, in: 1...Int.max) }
    let status = row.read("status", required: true, what: "a status", expected: "A, O or B") {
      Status(parsing: $0)
    }
    let teacher = row.reference(
      "teacher_id", in: known.staff, noun: "staff id", importFirst: .staff)
    let grade = workingGrade(&row, learner: learner.value, subject: subject.value)
    courses.checkEnrolled(learner.value, subject.value, &row)
    courses.checkRound(learner.value, round.value, &row)
    guard let learner = learner.value, let subject = subject.value, let round = round.value
    else { return [] }

    let values: [SQLValue?] = [
      status.stored { .text($0.letter) }, row.plain("comment").storedText, teacher.storedText,
      grade.stored { .text($0.name) },
    ]
    let key: [SQLValue] = [
      .text(session.description), .text(learner), .text(subject), .integer(Int64(round)),
    ]
    return [RowWrite(table: 0, key: key, values: values)]
  }

  /// The working grade, on the enrolment's level when the learner is enrolled,
  /// otherwise on any of the built-in scales.
  private func workingGrade(_ row: inout RowReader, learner: String?, subject: String?)
    -> FieldValue<Grade>
  {
    if let learner, let subject, let level = courses.level(learner, subject) {
      return row.grade("working_grade", on: level)
    }
    return row.read(
      "working_grade", what: "a grade", expected: "A to D, No Award, Pass, Fail or Early to Fourth"
    ) { text in GradeScale.builtIn.lazy.compactMap { $0.grade(named: text) }.first }
  }
}
