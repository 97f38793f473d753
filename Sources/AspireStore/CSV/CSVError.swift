/// A data file that cannot be read as CSV at all, with the physical line at fault.
public struct CSVError: Error, Equatable, CustomStringConvertible {
  /// The 1-based physical line in the file.
  public let line: Int
  public let message: String

  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  public var description: String { "\(line): error: \(message)" }
}
