/// One finding about a script, CSV file or command: what is wrong and where.
/// Every stage reports through this type; `DiagnosticRenderer` prints it.
public struct Diagnostic: Error, Sendable {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var severity: Severity
  /// Short, lowercase, no full stop: `unknown name "scor"`.
  public var message: String
  public var range: SourceRange?
  /// Further facts, each printed as a `note:` line.
  public var notes: [String]
  /// A suggestion printed as a `help:` line, such as "did you mean".
  public var help: String?

  public init(
    _ severity: Severity, _ message: String, at range: SourceRange?,
    notes: [String] = [], help: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
    self.help = help
  }

  /// An error with a location.
  public static func error(_ message: String, at range: SourceRange?, help: String? = nil)
    -> Diagnostic
  {
    Diagnostic(.error, message, at: range, help: help)
  }
}

/// Collects diagnostics from one file, keeping at most `limit` of them.
public struct DiagnosticList: Sendable {
  public static let limit = 50
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  public var isFull: Bool { diagnostics.count >= DiagnosticList.limit }

  public mutating func append(_ diagnostic: Diagnostic) {
    guard !isFull else { return }
    diagnostics.append(diagnostic)
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    for diagnostic in other { append(diagnostic) }
  }
}
