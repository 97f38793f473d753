import AspireModel

/// Learner rows: the learner's own details, and their stage in the session.
struct LearnerRows: RowConverter {
  let session: Session
  let staff: Set<String>
  let tables: [MergeTable]

  /// Learners with their stage in `session`; pupil support must be one of `staff`.
  init(session: Session, staff: Set<String>) {
    self.session = session
    self.staff = staff
    tables = [
      MergeTable(
        name: "learners", keyColumns: ["id"],
        valueColumns: [
          "name", "registration", "gender", "simd_decile", "midyis", "asn", "fsm",
          "looked_after", "pupil_support", "scn",
        ]),
      MergeTable(
        name: "learner_stages", keyColumns: ["learner_id", "session"], valueColumns: ["stage"],
        scope: ("session", .text(session.description))),
    ]
  }

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let id = row.plain("id", required: true, expected: "a learner id")
    let name = row.plain("name", required: true, expected: "the learner's name")
    let stage = row.read("stage", required: true, what: "a stage", expected: "S1 to S6") {
      Stage(parsing: $0)
    }
    let simd = row.read(
      "simd_decile", what: "a SIMD decile", expected: "a whole number from 1 to 10"
    ) { FieldParsers.wholeNumber($0, in: 1...10) }
    let midyis = row.read(
      "midyis", what: "a MidYIS score", expected: "a number from 40 to 160"
    ) { FieldParsers.number($0, in: 40...160) }
    let flags = ["asn", "fsm", "looked_after"].map { row.boolean($0) }
    let support = row.reference(
      "pupil_support", in: staff, noun: "staff id", importFirst: .staff)
    guard let id = id.value else { return [] }

    let details: [SQLValue?] = [
      name.storedText, row.plain("registration").storedText, row.plain("gender").storedText,
      simd.stored { .integer(Int64($0)) }, midyis.stored { .real($0) },
      flags[0].stored { .boolean($0) }, flags[1].stored { .boolean($0) },
      flags[2].stored { .boolean($0) }, support.storedText, row.plain("scn").storedText,
    ]
    return [
      RowWrite(table: 0, key: [.text(id)], values: details),
      RowWrite(
        table: 1, key: [.text(id), .text(session.description)],
        values: [stage.stored { .text($0.description) }]),
    ]
  }
}
