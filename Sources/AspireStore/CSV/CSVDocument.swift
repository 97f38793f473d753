/// A parsed CSV file: its header and records, each record remembering the
/// physical line it starts on. Field text is kept in one byte buffer so that a
/// million rows cost a few arrays, not millions of objects.
public struct CSVDocument: Sendable {
  /// The header's names, as written (trimmed of surrounding spaces).
  public let header: [String]
  /// The UTF-8 bytes of every field of every record, one after another.
  let bytes: [UInt8]
  /// Where each field ends in `bytes`; a field starts where the one before ends.
  let fieldEnds: [Int32]
  /// The index in `fieldEnds` of each record's first field, plus one past the end.
  let recordStarts: [Int32]
  /// The physical line each record starts on.
  let recordLines: [Int32]

  /// How many records follow the header.
  public var recordCount: Int { recordLines.count }

  /// The physical line (1-based, the header is line 1) where `record` starts.
  public func line(ofRecord record: Int) -> Int { Int(recordLines[record]) }

  /// How many fields `record` has.
  public func fieldCount(ofRecord record: Int) -> Int {
    Int(recordStarts[record + 1] - recordStarts[record])
  }

  /// The text of field `column` of `record`, or "" when the record is short.
  public func field(_ column: Int, ofRecord record: Int) -> String {
    let index = Int(recordStarts[record]) + column
    guard column < fieldCount(ofRecord: record) else { return "" }
    let start = index == 0 ? 0 : Int(fieldEnds[index - 1])
    let end = Int(fieldEnds[index])
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }
  }

  /// Whether every field of `record` is empty, as in a spreadsheet's blank row.
  public func isBlank(record: Int) -> Bool {
    let first = Int(recordStarts[record])
    let last = Int(recordStarts[record + 1])
    let start = first == 0 ? 0 : Int(fieldEnds[first - 1])
    let end = last == 0 ? 0 : Int(fieldEnds[last - 1])
    return start == end
  }
}
