/// Staff rows: teachers, mentors and the rest, with their roles.
struct StaffRows: RowConverter {
  let tables = [
    MergeTable(
      name: "staff", keyColumns: ["id"],
      valueColumns: ["name", "email", "roles", "faculty", "mentor_capacity"],
      defaults: ["mentor_capacity": .integer(6)])
  ]

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let id = row.plain("id", required: true, expected: "a staff id")
    let name = row.plain("name", required: true, expected: "the member of staff's name")
    let email = row.read(
      "email", required: true, what: "an email address",
      expected: "an address like name@example.org"
    ) { FieldParsers.email($0) }
    let roles = row.read(
      "roles", required: true, what: "a list of roles",
      expected: "roles separated by ; from " + FieldParsers.roles.joined(separator: ", ")
    ) { FieldParsers.roleList($0) }
    let capacity = row.read(
      "mentor_capacity", what: "a capacity", expected: "a whole number from 0 up"
    ) { FieldParsers.wholeNumber($0, in: 0...Int.max) }
    guard let id = id.value else { return [] }

    let values: [SQLValue?] = [
      name.storedText, email.storedText, roles.storedText, row.plain("faculty").storedText,
      capacity.stored(emptyLeavesAlone: true) { .integer(Int64($0)) },
    ]
    return [RowWrite(table: 0, key: [.text(id)], values: values)]
  }
}
