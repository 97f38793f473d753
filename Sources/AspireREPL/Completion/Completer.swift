import AspireLanguage
import AspireStore

/// What Tab offers for the word before the cursor: keywords, meta-commands,
/// declared names, built-in functions, and after a dot the fields of the
/// thing before it. Arguments of meta-commands complete too: import kinds,
/// modes, help topics, and file names for the commands that take a file.
struct Completer {
  /// The names declared so far, read each time Tab is pressed.
  var declaredNames: () -> [String]
  var fields: any FieldSource

  /// The candidates for one word.
  struct Completion: Equatable {
    /// Whole replacements for the word, sorted.
    var candidates: [String]
    /// Whether a single candidate should be followed by a space.
    var appendsSpace = false
    /// Whether the word is a file name, left to the line editor.
    var completesFiles = false
  }

  /// Completes `word`, which follows `before` on the line.
  func complete(word: String, before: String) -> Completion {
    let lead = before.drop { $0 == " " || $0 == "\t" }
    if lead.hasPrefix(".") {
      return completeArgument(word: word, commandLine: String(lead))
    }
    if lead.isEmpty && word.hasPrefix(".") {
      let names = MetaCommand.allCases.map { "." + $0.name }
      return Completion(candidates: matching(word, in: names), appendsSpace: true)
    }
    if let dot = word.lastIndex(of: ".") {
      let subject = String(word[..<dot])
      let prefix = String(word[word.index(after: dot)...])
      let found = fields.fields(of: subject) ?? []
      return Completion(candidates: matching(prefix, in: found).map { subject + "." + $0 })
    }
    let keywords = Keyword.allCases.map(\.rawValue)
    let names = keywords + BuiltinFunction.allCases.map(\.rawValue) + declaredNames()
      + fields.subjects
    let candidates = matching(word, in: names)
    let onlyKeyword = candidates.count == 1 && keywords.contains(candidates[0])
    return Completion(candidates: candidates, appendsSpace: onlyKeyword)
  }

  /// A word after a meta-command: what that command takes there.
  private func completeArgument(word: String, commandLine: String) -> Completion {
    let words = commandLine.split(separator: " ", omittingEmptySubsequences: true)
    guard let first = words.first,
      case .success(let command) = MetaCommand.resolve(String(first.dropFirst()))
    else { return Completion(candidates: []) }
    // The word being completed is argument number `position` (1-based).
    let position = words.count
    switch command {
    case .import:
      guard position == 1 else { return Completion(candidates: [], completesFiles: true) }
      let kinds = ImportKind.allCases.map(\.rawValue)
      return Completion(candidates: matching(word, in: kinds), appendsSpace: true)
    case .load, .output, .once:
      return Completion(candidates: [], completesFiles: true)
    case .mode:
      let modes = ResultFormat.allCases.map(\.rawValue)
      return Completion(candidates: matching(word, in: modes))
    case .timer, .chart:
      return Completion(candidates: matching(word, in: ["on", "off"]))
    case .help:
      let topics = MetaCommand.allCases.map(\.name) + HelpTopic.allCases.map(\.rawValue)
      return Completion(candidates: matching(word, in: topics))
    case .explain:
      return complete(word: word, before: "")
    case .schema, .find, .quit:
      return Completion(candidates: [])
    }
  }

  private func matching(_ prefix: String, in names: [String]) -> [String] {
    Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
  }
}

