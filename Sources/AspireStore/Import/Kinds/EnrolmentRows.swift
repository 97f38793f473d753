import AspireModel

/// Enrolment rows: which learner takes which subject, at what level, in which
/// class and with which teacher, in one session.
struct EnrolmentRows: RowConverter {
  let session: Session
  let known: CourseReferences
  let tables: [MergeTable]

  /// Enrolments of `session`, checked against the `known` ids.
  init(session: Session, known: CourseReferences) {
    self.session = session
    self.known = known
    tables = [
      MergeTable(
        name: "enrolments", keyColumns: ["session", "learner_id", "subject"],
        valueColumns: [
          "level", "class", "teacher_id", "predicted", "prior", "prior_level", "withdrawn",
        ],
        defaults: ["withdrawn": .integer(0)], scope: ("session", .text(session.description)))
    ]
  }

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let learner = row.reference(
      "learner_id", required: true, in: known.learners, noun: "learner", importFirst: .learners)
    let subject = row.reference(
      "subject", required: true, in: known.subjects, noun: "subject", importFirst: .subjects)
    let level = row.level("level", required: true)
    let className = row.plain("class", required: true, expected: "a class name")
    let teacher = row.reference(
      "teacher_id", required: true, in: known.staff, noun: "staff id", importFirst: .staff)
    let priorLevel = row.level("prior_level")
    let withdrawn = row.boolean("withdrawn")
    var predicted = FieldValue<Grade>.invalid
    var prior = FieldValue<Grade>.invalid
    if let level = level.value {
      predicted = row.grade("predicted", on: level)
      // A prior grade is on its own level when one is given, else on the course's.
      if case .invalid = priorLevel {
      } else {
        prior = row.grade("prior", on: priorLevel.value ?? level)
      }
    }
    guard let learner = learner.value, let subject = subject.value, let level = level.value
    else { return [] }

    let values: [SQLValue?] = [
      .text(level.rawValue), className.storedText, teacher.storedText,
      predicted.stored { .text($0.name) }, prior.stored { .text($0.name) },
      priorLevel.stored { .text($0.rawValue) },
      withdrawn.stored(emptyLeavesAlone: true) { .boolean($0) },
    ]
    let key: [SQLValue] = [.text(session.description), .text(learner), .text(subject)]
    return [RowWrite(table: 0, key: key, values: values)]
  }
}
