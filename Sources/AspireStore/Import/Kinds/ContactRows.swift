/// Contact rows: the people a learner's Live Reports go to.
struct ContactRows: RowConverter {
  let learners: Set<String>
  let tables = [
    MergeTable(
      name: "contacts", keyColumns: ["learner_id", "email"],
      valueColumns: ["name", "relationship", "receives_reports"],
      defaults: ["receives_reports": .integer(1)], caseFoldedKeys: ["email"])
  ]

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let learner = row.reference(
      "learner_id", required: true, in: learners, noun: "learner", importFirst: .learners)
    let name = row.plain("name", required: true, expected: "the contact's name")
    let email = row.read(
      "email", required: true, what: "an email address",
      expected: "an address like name@example.org"
    ) { FieldParsers.email($0) }
    let receives = row.boolean("receives_reports")
    guard let learner = learner.value, let email = email.value else { return [] }

    // Only an explicit value changes whether a contact receives reports.
    let values: [SQLValue?] = [
      name.storedText, row.plain("relationship").storedText,
      receives.stored(emptyLeavesAlone: true) { .boolean($0) },
    ]
    return [RowWrite(table: 0, key: [.text(learner), .text(email)], values: values)]
  }
}
