/// A script's text as Unicode scalars, with where each line starts, so that
/// ranges can be turned into 1-based lines and columns cheaply.
public final class SourceFile: Sendable {
  /// The name diagnostics print: a path as given, or `<expr>`, `<stdin>`, `<repl>`.
  public let name: String
  /// The text, one element per Unicode scalar; columns count these.
  public let scalars: [Unicode.Scalar]
  /// The offset of the first scalar of each line.
  public let lineStarts: [Int]
  /// The number of the text's first line: 1, unless the text is one line of
  /// a larger input (a line of `aspire eval`'s batch input, say).
  public let firstLine: Int

  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.firstLine = firstLine
    let scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (offset, scalar) in scalars.enumerated() where scalar == "\n" {
      starts.append(offset + 1)
    }
    self.scalars = scalars
    self.lineStarts = starts
  }

  /// Decodes `bytes` as UTF-8, or says where the first malformed byte is.
  public static func decode(name: String, bytes: [UInt8]) -> Result<SourceFile, Diagnostic> {
    var line = 1
    var column = 1
    // Editors on Windows often start a UTF-8 file with a byte order mark; it
    // is not part of the script.
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    var iterator = body.makeIterator()
    var decoder = UTF8()
    var text = String.UnicodeScalarView()
    text.reserveCapacity(bytes.count)
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        text.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return .success(SourceFile(name: name, text: String(text)))
      case .error:
        let file = SourceFile(name: name, text: String(text))
        let offset = file.scalars.count
        let range = SourceRange(
          file: file, start: offset, end: offset,
          startLine: line, startColumn: column)
        return .failure(
          Diagnostic(
            .error, "the file is not valid UTF-8", at: range,
            help: "save the script as UTF-8 text"))
      }
    }
  }

  /// The line number that holds `offset`.
  public func line(of offset: Int) -> Int {
    lineIndex(of: offset) + firstLine
  }

  /// The 0-based index in `lineStarts` of the line that holds `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The text of line number `line`, without its line break.
  public func text(ofLine line: Int) -> String {
    let index = line - firstLine
    guard index >= 0 && index < lineStarts.count else { return "" }
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : scalars.count
    if end > start && scalars[end - 1] == "\r" { end -= 1 }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<max(start, end)])
    return String(view)
  }

  /// The text between two offsets.
  public func text(from start: Int, to end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }
}

/// Where a token or a node stands in its file: scalar offsets, and the 1-based
/// line and column of its start.
public struct SourceRange: Sendable, CustomStringConvertible {
  public let file: SourceFile
  /// Offset of the first scalar.
  public let start: Int
  /// Offset just past the last scalar.
  public let end: Int
  public let startLine: Int
  public let startColumn: Int

  public init(file: SourceFile, start: Int, end: Int, startLine: Int, startColumn: Int) {
    self.file = file
    self.start = start
    self.end = end
    self.startLine = startLine
    self.startColumn = startColumn
  }

  /// The range with its line and column worked out from the file.
  public init(file: SourceFile, start: Int, end: Int) {
    let index = file.lineIndex(of: start)
    self.init(
      file: file, start: start, end: end, startLine: index + file.firstLine,
      startColumn: start - file.lineStarts[index] + 1)
  }

  /// The smallest range that covers both.
  public func joined(with other: SourceRange) -> SourceRange {
    let first = other.start < start ? other : self
    return SourceRange(
      file: file, start: first.start, end: max(end, other.end),
      startLine: first.startLine, startColumn: first.startColumn)
  }

  /// The source text the range covers.
  public var text: String { file.text(from: start, to: end) }

  public var description: String { "\(file.name):\(startLine):\(startColumn)" }
}
