import AspireModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints values the way every command shows them: numbers as C's `%.15g`,
/// dates as `2026-08-24`, grades by name, texts bare (quoted inside lists).
public enum ValuePrinter {
  /// A number as `%.15g` prints it, with `-0` shown as `0`.
  public static func format(_ number: Double) -> String {
    if number == 0 { return "0" }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    var buffer = [CChar](repeating: 0, count: 40)
    let count = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.15g", $0) }
    return String(decoding: buffer[0..<Int(count)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The value as a line of output. In batch mode (`escapeLineBreaks`) a bare
  /// text's line breaks print as `\n` and backslashes as `\\`.
  public static func print(_ value: Value, escapeLineBreaks: Bool = false) -> String {
    switch value {
    case .text(let text):
      guard escapeLineBreaks else { return text }
      var escaped = ""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        default: escaped.unicodeScalars.append(scalar)
        }
      }
      return escaped
    default:
      return element(value)
    }
  }

  /// The value as it prints inside a list: texts quoted, with escapes.
  public static func element(_ value: Value) -> String {
    switch value {
    case .number(let number): return format(number)
    case .text(let text): return quoted(text)
    case .boolean(let flag): return flag ? "true" : "false"
    case .date(let date): return date.description
    case .grade(let grade): return grade.name
    case .stage(let stage): return stage.description
    case .level(let level): return level.description
    case .status(let status): return status.description
    case .list(let items): return "[" + items.map(element).joined(separator: ", ") + "]"
    case .record(let table, let row): return recordText(table, row)
    case .table(let table): return "table of \(table.rows.count) \(table.data.record.name) rows"
    case .missing: return "missing"
    }
  }

  /// A record as a person would name it: a learner or staff member by name
  /// and id, a subject by name, any other by its fields.
  public static func recordText(_ table: TableData, _ row: Int) -> String {
    let record = table.record
    if let name = record.index(of: "name"), let id = record.index(of: "id") {
      return "\(print(table.value(name, at: row))) (\(print(table.value(id, at: row))))"
    }
    if record.entity == .subjects, let subject = record.index(of: "subject") {
      return print(table.value(subject, at: row))
    }
    let fields = record.fields.indices.compactMap { index -> String? in
      if case .table = record.fields[index].type { return nil }
      return "\(record.fields[index].name): \(element(table.value(index, at: row)))"
    }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  /// A text in double quotes with the language's escapes.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
