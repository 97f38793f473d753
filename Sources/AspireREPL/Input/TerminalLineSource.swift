import CEditLine
import Foundation

/// Lines typed at a terminal, with libedit's line editing, the history of
/// earlier runs (Up-arrow) and Tab completion.
final class TerminalLineSource: LineSource {
  private let history: HistoryFile?
  private var lastRemembered: String?

  init(completer: Completer, history: HistoryFile?) {
    self.history = history
    // libedit reads and shows characters beyond ASCII only in a UTF-8 locale.
    let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
    if locale == "C" || locale == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
    EditLineCompletion.install(completer)
    for line in history?.load() ?? [] {
      add_history(line)
      lastRemembered = line
    }
  }

  func read(prompt: String) -> LineEvent {
    Interrupts.clear()
    guard let line = readline(prompt) else {
      // readline() gives NULL both for Ctrl-D and, through the SIGINT
      // handler, for Ctrl-C; the handler's flag tells them apart.
      return Interrupts.clear() ? .interrupted : .end
    }
    defer { free(line) }
    return .line(String(cString: line))
  }

  /// Keeps the line unless it is blank or repeats the line before it.
  func remember(_ line: String) {
    guard !line.allSatisfy({ $0 == " " || $0 == "\t" }), line != lastRemembered else { return }
    lastRemembered = line
    add_history(line)
    history?.append(line)
  }
}

/// The bridge between libedit's C completion callback and the `Completer`.
/// libedit calls one C function with no context, so the completer in use is
/// kept here; the REPL has one terminal, read on one thread.
enum EditLineCompletion {
  nonisolated(unsafe) private static var completer: Completer?

  /// Makes `completer` answer Tab, and sets up libedit (word breaks, signals).
  static func install(_ completer: Completer) {
    self.completer = completer
    aspire_editline_configure { text, start, _ in
      EditLineCompletion.matches(word: text, start: Int(start))
    }
  }

  /// The matches in the shape libedit wants: a malloc'd array whose first
  /// entry replaces the word (the candidates' common beginning), then each
  /// candidate, then NULL; libedit frees it.
  private static func matches(word pointer: UnsafePointer<CChar>?, start: Int)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  {
    guard let completer, let pointer else { return nil }
    let word = String(cString: pointer)
    let line = aspire_editline_line_buffer().map { String(cString: $0) } ?? ""
    var before = String.UnicodeScalarView()
    before.append(contentsOf: line.unicodeScalars.prefix(start))
    let completion = completer.complete(word: word, before: String(before))
    aspire_editline_set_completion_over(completion.completesFiles ? 0 : 1)
    aspire_editline_set_append_character(completion.appendsSpace ? 32 : 0)
    let candidates = completion.candidates
    guard !candidates.isEmpty else { return nil }
    // A single match is followed by two NULLs: libedit looks at the third entry.
    let entries = candidates.count == 1 ? [candidates[0]] : [commonPrefix(candidates)] + candidates
    let count = entries.count + 2
    guard let raw = malloc(count * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else {
      return nil
    }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count)
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    array[entries.count] = nil
    array[entries.count + 1] = nil
    return array
  }

  private static func commonPrefix(_ texts: [String]) -> String {
    guard var prefix = texts.first.map(Array.init) else { return "" }
    for text in texts.dropFirst() {
      let characters = Array(text)
      var length = 0
      while length < min(prefix.count, characters.count) && prefix[length] == characters[length] {
        length += 1
      }
      prefix = Array(prefix.prefix(length))
    }
    return String(prefix)
  }
}
