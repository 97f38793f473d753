import AspireModel

/// Meeting rows: what a learner and their mentor said at the one-to-one
/// after a check round: the learner's own view of a subject (`self_status`),
/// the actions agreed, and whether the family may see them. A row without a
/// subject is about the meeting as a whole.
struct MeetingRows: RowConverter {
  let session: Session
  let known: CourseReferences
  let courses: SessionCourses
  let tables: [MergeTable]

  /// Loads the ids, enrolments and schedules that meetings are checked against.
  init(session: Session, database: Database) throws {
    self.session = session
    known = try CourseReferences(database: database)
    courses = try SessionCourses(session: session, database: database)
    tables = [
      MergeTable(
        name: "meetings", keyColumns: ["session", "learner_id", "round", "subject"],
        valueColumns: ["mentor_id", "date", "self_status", "action", "family_visible"],
        defaults: ["family_visible": .integer(0)], scope: ("session", .text(session.description)))
    ]
  }

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let learner = row.reference(
      "learner_id", required: true, in: known.learners, noun: "learner", importFirst: .learners)
    let round = row.read(
      "round", required: true, what: "a round", expected: "a whole number from 1 up"
    ) { FieldParsers.wholeNumber($0, in: 1...Int.max) }
    let mentor = row.reference(
      "mentor_id", required: true, in: known.staff, noun: "staff id", importFirst: .staff)
    let date = row.read(
      "date", required: true, what: "a date", expected: "a date like 2026-08-24 or 24/08/2026"
    ) { CalendarDate(parsing: $0) }
    let subject = row.reference(
      "subject", in: known.subjects, noun: "subject", importFirst: .subjects)
    let selfStatus = row.read("self_status", what: "a status", expected: "A, O or B") {
      Status(parsing: $0)
    }
    let visible = row.boolean("family_visible")
    if let day = date.value, !session.contains(day) {
      row.problem(
        "date \"\(row.text("date") ?? "\(day)")\" is not in the session \(session); "
          + "expected \(session.firstDay) to \(session.lastDay)")
    }
    if subject.value != nil { courses.checkEnrolled(learner.value, subject.value, &row) }
    courses.checkRound(learner.value, round.value, &row)
    guard let learner = learner.value, let round = round.value else { return [] }
    if case .invalid = subject { return [] }

    let values: [SQLValue?] = [
      mentor.storedText, date.stored { .text($0.description) },
      selfStatus.stored { .text($0.letter) }, row.plain("action").storedText,
      visible.stored(emptyLeavesAlone: true) { .boolean($0) },
    ]
    let key: [SQLValue] = [
      .text(session.description), .text(learner), .integer(Int64(round)),
      .text(subject.value ?? ""),
    ]
    return [RowWrite(table: 0, key: key, values: values)]
  }
}
