import CEditLine
import Foundation

/// What the REPL knows about where it runs: whether a stream is a terminal,
/// how wide it is, and whether colour is allowed (a terminal, no `NO_COLOR`,
/// not `TERM=dumb`).
enum Terminal {
  /// Whether `descriptor` (0 stdin, 1 stdout, 2 stderr) is a terminal.
  static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }

  /// Whether the environment allows colour at all.
  static var allowsColour: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  /// Whether text written to `descriptor` may be coloured.
  static func colours(_ descriptor: Int32) -> Bool {
    allowsColour && isTerminal(descriptor)
  }

  /// The terminal's width in columns, or nil when `descriptor` is not a
  /// terminal (output is then never cut).
  static func width(of descriptor: Int32) -> Int? {
    guard isTerminal(descriptor) else { return nil }
    let columns = Int(aspire_terminal_columns(descriptor))
    return columns > 0 ? columns : nil
  }
}

/// Writes to stdout and stderr unbuffered, so a result and the diagnostic
/// after it reach a terminal in the order they were written.
enum StandardStreams {
  /// Text on stdout.
  static func out(_ text: String) {
    fflush(nil)
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Text on stderr.
  static func error(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data(text.utf8))
  }
}
