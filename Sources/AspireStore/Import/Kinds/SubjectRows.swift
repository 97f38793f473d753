/// Subject rows: the subjects taught and the faculty each belongs to.
struct SubjectRows: RowConverter {
  let tables = [
    MergeTable(name: "subjects", keyColumns: ["subject"], valueColumns: ["faculty", "sqa_code"])
  ]

  func convert(_ row: inout RowReader) -> [RowWrite] {
    let subject = row.plain("subject", required: true, expected: "a subject name")
    let faculty = row.plain("faculty", required: true, expected: "a faculty name")
    guard let subject = subject.value else { return [] }
    let values = [faculty.storedText, row.plain("sqa_code").storedText]
    return [RowWrite(table: 0, key: [.text(subject)], values: values)]
  }
}
