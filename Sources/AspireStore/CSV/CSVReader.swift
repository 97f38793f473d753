/// Reads CSV as RFC 4180 writes it: a header row, fields separated by commas,
/// quoted fields that hold commas, doubled quotes and line breaks, CRLF or LF.
public enum CSVReader {
  /// Parses a whole file. UTF-8 input may start with a byte order mark;
  /// other encodings are transcoded to UTF-8 first.
  public static func parse(_ data: [UInt8], encoding: TextEncoding = .utf8) throws(CSVError)
    -> CSVDocument
  {
    var utf8 = encoding.utf8Bytes(from: data)
    if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
    if encoding == .utf8 { try checkUTF8(utf8) }

    var parser = Parser(capacity: utf8.count)
    try utf8.withUnsafeBufferPointer { (input) throws(CSVError) in try parser.run(input) }
    guard parser.recordLines.count > 0 else {
      throw CSVError(line: 1, message: "file is empty; expected a header row")
    }
    return parser.document()
  }

  /// Refuses bytes that are not UTF-8, with a hint for Excel's legacy encoding.
  private static func checkUTF8(_ bytes: [UInt8]) throws(CSVError) {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw CSVError(
        line: 1, message: "file is UTF-16, which is not supported; save it as \"CSV UTF-8\"")
    }
    let invalid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
    guard let invalid else { return }
    let line = bytes[..<invalid].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    let hex = String(bytes[invalid], radix: 16, uppercase: true)
    throw CSVError(
      line: line,
      message: "file is not valid UTF-8 (byte 0x\(hex)); if Excel saved it as "
        + "\"CSV (Comma delimited)\", read it with --encoding windows-1252")
  }
}

/// The byte-level state machine behind `CSVReader`.
private struct Parser {
  var bytes: [UInt8] = []
  var fieldEnds: [Int32] = []
  var recordStarts: [Int32] = [0]
  var recordLines: [Int32] = []
  var line = 1

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  mutating func run(_ input: UnsafeBufferPointer<UInt8>) throws(CSVError) {
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    let newline = UInt8(ascii: "\n")
    let carriageReturn = UInt8(ascii: "\r")
    var index = 0
    let count = input.count
    var recordLine = line
    var fieldsInRecord = 0
    var quotedInRecord = false

    while index < count {
      // One field: quoted or bare, ended by a comma, a line break or the end.
      var byte = input[index]
      if byte == quote {
        quotedInRecord = true
        let openedOn = line
        index += 1
        var closed = false
        while index < count {
          byte = input[index]
          index += 1
          if byte == quote {
            if index < count && input[index] == quote {
              bytes.append(quote)
              index += 1
            } else {
              closed = true
              break
            }
          } else {
            if byte == newline { line += 1 }
            bytes.append(byte)
          }
        }
        guard closed else {
          throw CSVError(line: openedOn, message: "quoted field is never closed")
        }
      }
      // Bare text, or anything stray after a closing quote, is kept as written.
      while index < count {
        byte = input[index]
        if byte == comma || byte == newline || byte == carriageReturn { break }
        bytes.append(byte)
        index += 1
      }
      fieldEnds.append(Int32(bytes.count))
      fieldsInRecord += 1

      if index < count && input[index] == comma {
        index += 1
        if index == count {
          fieldEnds.append(Int32(bytes.count))
          fieldsInRecord += 1
        }
        continue
      }
      if index < count {
        if input[index] == carriageReturn && index + 1 < count && input[index + 1] == newline {
          index += 1
        }
        index += 1
        line += 1
      }
      endRecord(line: recordLine, fields: fieldsInRecord, quoted: quotedInRecord)
      recordLine = line
      fieldsInRecord = 0
      quotedInRecord = false
    }
    // A comma just before the end of the file leaves a record open.
    if fieldsInRecord > 0 {
      endRecord(line: recordLine, fields: fieldsInRecord, quoted: quotedInRecord)
    }
  }

  /// Closes the record just read; a blank line (one empty bare field) is dropped.
  private mutating func endRecord(line: Int, fields: Int, quoted: Bool) {
    let start = Int(recordStarts[recordStarts.count - 1])
    let previousEnd = start == 0 ? 0 : fieldEnds[start - 1]
    if fields == 1 && !quoted && fieldEnds[start] == previousEnd {
      fieldEnds.removeLast()
      return
    }
    recordStarts.append(Int32(fieldEnds.count))
    recordLines.append(Int32(line))
  }

  /// The header and records read, as a document.
  func document() -> CSVDocument {
    let headerEnd = Int(recordStarts[1])
    var header: [String] = []
    for index in 0..<headerEnd {
      let start = index == 0 ? 0 : Int(fieldEnds[index - 1])
      let text = String(decoding: bytes[start..<Int(fieldEnds[index])], as: UTF8.self)
      header.append(text.trimmingSpaces())
    }
    let headerBytes = headerEnd == 0 ? 0 : Int(fieldEnds[headerEnd - 1])
    return CSVDocument(
      header: header,
      bytes: Array(bytes[headerBytes...]),
      fieldEnds: fieldEnds[headerEnd...].map { $0 - Int32(headerBytes) },
      recordStarts: recordStarts[1...].map { $0 - Int32(headerEnd) },
      recordLines: Array(recordLines.dropFirst()))
  }
}

extension String {
  /// The text without spaces and tabs at either end.
  func trimmingSpaces() -> String {
    guard let head = utf8.first, let tail = utf8.last else { return self }
    if head != 32 && head != 9 && tail != 32 && tail != 9 { return self }
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = lastIndex(where: { !isSpace($0) })!
    return String(self[first...last])
  }
}
