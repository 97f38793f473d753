/// Prints diagnostics in the one format every command uses:
/// `FILE:LINE:COL: error: MESSAGE`, the source line, a caret line under the
/// span, then `note:` and `help:` lines. Colour only when asked for.
public struct DiagnosticRenderer: Sendable {
  /// Echoed source lines are cut to this many characters.
  public static let echoLimit = 200
  public var useColour: Bool

  public init(useColour: Bool) {
    self.useColour = useColour
  }

  /// The diagnostic as text ending with a line break.
  public func render(_ diagnostic: Diagnostic) -> String {
    var output = ""
    let label = diagnostic.severity.rawValue
    let labelText = paint(label + ":", diagnostic.severity == .error ? "1;31" : "1;35")
    if let range = diagnostic.range {
      output += paint("\(range.file.name):\(range.startLine):\(range.startColumn):", "1")
      output += " \(labelText) \(paint(diagnostic.message, "1"))\n"
      output += sourceExcerpt(range)
    } else {
      output += "\(labelText) \(paint(diagnostic.message, "1"))\n"
    }
    for note in diagnostic.notes {
      output += "\(paint("note:", "1;36")) \(note)\n"
    }
    if let help = diagnostic.help {
      output += "\(paint("help:", "1;32")) \(help)\n"
    }
    return output
  }

  /// The source line under the diagnostic, and carets under its span on that line.
  private func sourceExcerpt(_ range: SourceRange) -> String {
    let line = Array(range.file.text(ofLine: range.startLine).unicodeScalars)
    let shown = line.prefix(DiagnosticRenderer.echoLimit)
    var echo = ""
    for scalar in shown {
      // A tab or control character would throw the caret off its column.
      echo.unicodeScalars.append(scalar.value < 32 || scalar.value == 127 ? " " : scalar)
    }
    let column = range.startColumn - 1
    let lineEnd = range.file.lineStarts[range.startLine - range.file.firstLine] + line.count
    let width = max(1, min(range.end, lineEnd) - range.start)
    guard column <= DiagnosticRenderer.echoLimit else { return echo + "\n" }
    let caretCount = max(1, min(width, DiagnosticRenderer.echoLimit - column))
    let carets = String(repeating: " ", count: column)
      + paint(String(repeating: "^", count: caretCount), "1;32")
    return echo + "\n" + carets + "\n"
  }

  private func paint(_ text: String, _ code: String) -> String {
    useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
