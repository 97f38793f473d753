import AspireModel

/// Result rows: the grade a learner gained in a subject at a level, in the
/// August of a year.
struct ResultRows: RowConverter {
  let known: CourseReferences
  let tables = [
    MergeTable(
      name: "results", keyColumns: ["learner_id", "subject", "level", "year"],
      valueColumns: ["grade"])
  ]

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let learner = row.reference(
      "learner_id", required: true, in: known.learners, noun: "learner", importFirst: .learners)
    let subject = row.reference(
      "subject", required: true, in: known.subjects, noun: "subject", importFirst: .subjects)
    let level = row.level("level", required: true)
    let year = row.read(
      "year", required: true, what: "a year", expected: "a year from 1950 to 2100"
    ) {
      FieldParsers.year($0)
    }
    var grade = FieldValue<Grade>.invalid
    if let level = level.value {
      grade = row.grade("grade", required: true, on: level)
    }
    guard let learner = learner.value, let subject = subject.value, let level = level.value,
      let year = year.value
    else { return [] }

    let key: [SQLValue] = [
      .text(learner), .text(subject), .text(level.rawValue), .integer(Int64(year)),
    ]
    return [RowWrite(table: 0, key: key, values: [grade.stored { .text($0.name) }])]
  }
}
