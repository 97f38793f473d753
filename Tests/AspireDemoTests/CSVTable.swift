import Foundation

/// A CSV file read back for checking: its header and rows of fields, by a
/// small reader that knows quoted fields (commas, doubled quotes, line breaks).
struct CSVTable {
  let header: [String]
  let rows: [[String]]

  init(url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    var records = CSVTable.records(of: text)
    header = records.isEmpty ? [] : records.removeFirst()
    rows = records
  }

  /// The values of `column` in every row.
  func column(_ name: String) -> [String] {
    guard let index = header.firstIndex(of: name) else { return [] }
    return rows.map { $0[index] }
  }

  /// Each row as a dictionary from column name to value.
  var records: [[String: String]] {
    rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  private static func records(of text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    var pending: Character? = nil
    while let character = pending ?? characters.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          let next = characters.next()
          if next == "\"" {
            field.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\n", "\r\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }
}
