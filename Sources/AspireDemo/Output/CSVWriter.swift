import Foundation

/// A CSV file written through a large byte buffer: fields are appended as
/// UTF-8 bytes, quoted only when they hold a comma, a quote or a line break,
/// and the buffer goes to disk in big writes. Numbers are written digit by
/// digit, without making a `String` for each.
///
/// A struct rather than a class: a class's stored buffer would be checked for
/// exclusive access at run time on every byte appended, a quarter of the time
/// of a national run.
struct CSVWriter {
  /// The file being written.
  let url: URL
  /// Rows written after the header.
  private(set) var rows = 0

  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var rowStarted = false
  private static let flushSize = 1 << 20

  /// Creates (or empties) the file at `url` and writes its header row.
  init(url: URL, header: [String]) throws {
    self.url = url
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw DemoError.cannotCreate(url)
    }
    handle = try FileHandle(forWritingTo: url)
    buffer.reserveCapacity(CSVWriter.flushSize + 4096)
    for name in header { text(name) }
    try endRow()
    rows = 0
  }

  /// A field of text, quoted if it must be.
  mutating func text(_ value: String) {
    var value = value
    value.withUTF8 { appendField($0) }
  }

  /// A field already encoded as UTF-8, quoted if it must be.
  mutating func bytes(_ value: [UInt8]) {
    value.withUnsafeBufferPointer { appendField($0) }
  }

  /// A person's name: `given family`.
  mutating func name(given: [UInt8], family: [UInt8]) {
    separate()
    let quoted = CSVWriter.needsQuotes(given) || CSVWriter.needsQuotes(family)
    if quoted { buffer.append(UInt8(ascii: "\"")) }
    appendEscaped(given, quoted: quoted)
    buffer.append(UInt8(ascii: " "))
    appendEscaped(family, quoted: quoted)
    if quoted { buffer.append(UInt8(ascii: "\"")) }
  }

  /// A field made of a plain ASCII prefix and a zero-padded number (`S007-L00042`).
  /// The caller guarantees the prefix needs no quotes.
  mutating func code(_ prefix: [UInt8], _ number: Int, width: Int) {
    separate()
    buffer.append(contentsOf: prefix)
    appendDigits(number, width: width)
  }

  /// A field made of three plain ASCII parts and a number, such as a class
  /// (`S007-`, `4`, `Ma`, `2`). The caller guarantees the parts need no quotes.
  mutating func code(_ first: [UInt8], _ second: [UInt8], _ third: [UInt8], number: Int) {
    separate()
    buffer.append(contentsOf: first)
    buffer.append(contentsOf: second)
    buffer.append(contentsOf: third)
    appendDigits(number, width: 1)
  }

  /// A whole number.
  mutating func integer(_ value: Int) {
    separate()
    appendDigits(value, width: 1)
  }

  /// `true` or `false`.
  mutating func boolean(_ value: Bool) {
    separate()
    buffer.append(contentsOf: value ? CSVWriter.trueBytes : CSVWriter.falseBytes)
  }

  /// An empty field, for an optional column with no value.
  mutating func empty() {
    separate()
  }

  /// Ends the row, flushing the buffer to disk when it is full.
  mutating func endRow() throws {
    buffer.append(UInt8(ascii: "\n"))
    rowStarted = false
    rows += 1
    if buffer.count >= CSVWriter.flushSize { try flush() }
  }

  /// Writes what is buffered and closes the file.
  mutating func close() throws {
    try flush()
    try handle.close()
  }

  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)

  private mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  private mutating func separate() {
    if rowStarted { buffer.append(UInt8(ascii: ",")) }
    rowStarted = true
  }

  private mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
    separate()
    let quoted = CSVWriter.needsQuotes(bytes)
    if quoted { buffer.append(UInt8(ascii: "\"")) }
    appendEscaped(bytes, quoted: quoted)
    if quoted { buffer.append(UInt8(ascii: "\"")) }
  }

  private mutating func appendEscaped(_ bytes: some Collection<UInt8>, quoted: Bool) {
    guard quoted else { return buffer.append(contentsOf: bytes) }
    for byte in bytes {
      buffer.append(byte)
      if byte == UInt8(ascii: "\"") { buffer.append(byte) }
    }
  }

  private static func needsQuotes(_ bytes: some Sequence<UInt8>) -> Bool {
    bytes.contains { byte in
      byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r")
    }
  }

  /// Decimal digits of a non-negative `value`, zero-padded to `width`.
  private mutating func appendDigits(_ value: Int, width: Int) {
    var divisor = 1
    var digits = 1
    while divisor <= value / 10 {
      divisor *= 10
      digits += 1
    }
    if digits < width {
      buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits))
    }
    var rest = value
    while divisor > 0 {
      buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }
}
