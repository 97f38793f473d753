/// What reading a line gave: the line, an abandoned line (Ctrl-C), or the end
/// of input (Ctrl-D, or the end of piped input).
enum LineEvent: Equatable {
  case line(String)
  case interrupted
  case end
}

/// Where the REPL's lines come from: the terminal, with line editing, or
/// piped input, without prompts.
protocol LineSource: AnyObject {
  /// Reads one line, showing `prompt` on a terminal.
  func read(prompt: String) -> LineEvent
  /// Keeps a line the person typed, for Up-arrow recall in this and later runs.
  func remember(_ line: String)
}

/// Lines from stdin when it is not a terminal: no prompt, no editing, no
/// history. A trailing `\r` and a leading byte order mark are dropped.
final class PipedLineSource: LineSource {
  private var atStart = true

  func read(prompt: String) -> LineEvent {
    guard var line = readLine(strippingNewline: true) else { return .end }
    if atStart {
      atStart = false
      if line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
    }
    if line.hasSuffix("\r") { line.removeLast() }
    return .line(line)
  }

  func remember(_ line: String) {}
}
