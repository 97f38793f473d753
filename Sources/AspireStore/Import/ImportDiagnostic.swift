/// One problem found in a data file, at the physical line where it occurs.
public struct ImportDiagnostic: Equatable, Sendable, CustomStringConvertible {
  /// The file's path as it was given.
  public let file: String
  /// The 1-based physical line; the header is line 1.
  public let line: Int
  public let message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  /// The diagnostic as it is printed: `FILE:LINE: error: MESSAGE`.
  public var description: String { "\(file):\(line): error: \(message)" }
}
