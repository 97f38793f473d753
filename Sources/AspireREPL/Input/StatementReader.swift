/// Reads the REPL's input an entry at a time: a statement (over as many lines
/// as it needs), a meta-command, an abandoned input, or the end. The same
/// rules hold on a terminal and for piped input, so both give the same results.
final class StatementReader {
  /// One thing to do.
  enum Entry: Equatable {
    /// Statement text, whose first line is line `line` of the input.
    case statement(String, line: Int)
    case metaCommand(String, line: Int)
    /// Ctrl-C abandoned the input being typed.
    case interrupted
    case end
  }

  static let prompt = "aspire> "
  /// As wide as `prompt`, so continued lines line up under the first.
  static let continuationPrompt = "   ...> "

  private let source: LineSource
  /// Lines read so far.
  private(set) var lineNumber = 0
  /// A line that ended a block and begins the next entry.
  private var heldLine: (text: String, number: Int)?

  init(source: LineSource) {
    self.source = source
  }

  /// The next entry.
  func next() -> Entry {
    while true {
      let first: (text: String, number: Int)
      if let held = heldLine {
        first = held
        heldLine = nil
      } else {
        switch read(prompt: StatementReader.prompt) {
        case .line(let text): first = (text, lineNumber)
        case .interrupted: return .interrupted
        case .end: return .end
        }
      }
      if Continuation.isBlank(first.text) { continue }
      let trimmed = first.text.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("."), trimmed.dropFirst().first?.isLetter == true {
        return .metaCommand(String(trimmed), line: first.number)
      }
      return gather(from: first)
    }
  }

  /// Reads continuation lines until the statement that `first` begins is whole.
  private func gather(from first: (text: String, number: Int)) -> Entry {
    var lines = [first.text]
    let indent = Continuation.indentation(of: first.text)
    while true {
      let state = Continuation.of(lines)
      if state == .complete { break }
      let text: String
      switch read(prompt: StatementReader.continuationPrompt) {
      case .line(let line): text = line
      case .interrupted: return .interrupted
      case .end: return .statement(lines.joined(separator: "\n"), line: first.number)
      }
      let deeper = Continuation.indentation(of: text) > indent
      if state == .block {
        if Continuation.isBlank(text) { break }
        if !deeper {
          heldLine = (text, lineNumber)
          break
        }
        lines.append(text)
      } else if Continuation.isBlank(text) {
        // Kept, so the lines after it keep their numbers in diagnostics.
        lines.append(text)
      } else {
        // A line break ends a statement unless the next line is indented
        // deeper than its first line, so a continued line is indented to join it.
        lines.append(deeper ? text : String(repeating: " ", count: indent + 2) + text)
      }
    }
    return .statement(lines.joined(separator: "\n"), line: first.number)
  }

  private func read(prompt: String) -> LineEvent {
    let event = source.read(prompt: prompt)
    if case .line(let text) = event {
      lineNumber += 1
      source.remember(text)
    }
    return event
  }
}
