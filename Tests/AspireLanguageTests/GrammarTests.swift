import AspireLanguage
import Foundation
import Testing

/// One ```` ```aspire ```` block of `grammar/README.md`, named by the heading above it.
struct GrammarExample: Sendable, CustomTestStringConvertible {
  var title: String
  var text: String
  /// Whether the example must also pass the checker (not fenced `parse-only`).
  var mustCheck: Bool
  /// The 1-based line of the README where the example's text starts.
  var line: Int

  var testDescription: String { title }

  /// The example as a file whose lines are numbered as in the README.
  var sourceFile: SourceFile {
    SourceFile(name: "grammar/README.md", text: text, firstLine: line)
  }
}

/// The files of `grammar/` and the scripts of the repository, found from this file's path.
enum GrammarFiles {
  /// The repository: three levels above `Tests/AspireLanguageTests/GrammarTests.swift`.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func text(of path: String) -> String {
    (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  static let examples = extractExamples(from: text(of: "grammar/README.md"))

  /// Scripts under `scripts/` and `Tests/` that should parse: every `.aspire`
  /// file not inside a folder named `errors` or `invalid`. Paths are relative.
  static let validScripts: [String] = {
    var found: [String] = []
    for folder in ["scripts", "Tests"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        let folders = relative.split(separator: "/").dropLast()
        guard relative.hasSuffix(".aspire"),
          !folders.contains("errors"), !folders.contains("invalid")
        else { continue }
        found.append(folder + "/" + relative)
      }
    }
    return found.sorted()
  }()

  /// Reads each fenced ```` ```aspire ```` block and the `###` heading before it.
  static func extractExamples(from readme: String) -> [GrammarExample] {
    var examples: [GrammarExample] = []
    var title = ""
    var open: GrammarExample?
    var body: [Substring] = []
    for (index, line) in readme.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      if var example = open {
        if line.hasPrefix("```") {
          example.text = body.joined(separator: "\n") + "\n"
          examples.append(example)
          open = nil
        } else {
          body.append(line)
        }
      } else if line.hasPrefix("### ") {
        title = String(line.dropFirst(4))
      } else if line.hasPrefix("```aspire") {
        let tag = line.dropFirst("```aspire".count).trimmingCharacters(in: .whitespaces)
        open = GrammarExample(
          title: title, text: "", mustCheck: tag != "parse-only", line: index + 2)
        body = []
      }
    }
    return examples
  }

  /// Every string under a `match`, `begin` or `end` key of a TextMate grammar.
  static func patterns(in node: Any) -> [String] {
    if let list = node as? [Any] { return list.flatMap(patterns(in:)) }
    guard let object = node as? [String: Any] else { return [] }
    var found = ["match", "begin", "end"].compactMap { object[$0] as? String }
    for value in object.values { found += patterns(in: value) }
    return found
  }
}

/// Diagnostics as the command line would print them, for a failing expectation.
private func rendered(_ diagnostics: [Diagnostic]) -> String {
  let renderer = DiagnosticRenderer(useColour: false)
  return diagnostics.map { renderer.render($0) }.joined(separator: "\n")
}

@Suite struct GrammarTests {
  @Test func readmeHasEnoughNamedExamples() {
    let examples = GrammarFiles.examples
    #expect(examples.count >= 25)
    #expect(examples.allSatisfy { !$0.title.isEmpty })
    #expect(Set(examples.map(\.title)).count == examples.count, "example titles must differ")
  }

  @Test(arguments: GrammarFiles.examples)
  func exampleParsesWithoutDiagnostics(_ example: GrammarExample) {
    let (_, diagnostics) = Parser.parse(example.sourceFile)
    #expect(diagnostics.isEmpty, "\(rendered(diagnostics))")
  }

  @Test(arguments: GrammarFiles.examples.filter(\.mustCheck))
  func exampleChecksWithoutDiagnostics(_ example: GrammarExample) {
    let (program, parsing) = Parser.parse(example.sourceFile)
    let (_, checking) = Checker.check(program, in: Workspace())
    #expect((parsing + checking).isEmpty, "\(rendered(parsing + checking))")
  }

  /// A golden script may fail to parse on purpose: then each error must be one
  /// that the `.stderr` file beside it expects.
  @Test(.enabled(if: !GrammarFiles.validScripts.isEmpty), arguments: GrammarFiles.validScripts)
  func repositoryScriptParsesWithoutDiagnostics(_ path: String) {
    let file = SourceFile(name: path, text: GrammarFiles.text(of: path))
    let (_, diagnostics) = Parser.parse(file)
    let expected = GrammarFiles.text(of: path.dropLast(".aspire".count) + ".stderr")
    let unexpected = diagnostics.filter { !expected.contains("error: \($0.message)\n") }
    #expect(unexpected.isEmpty, "\(rendered(unexpected))")
  }

  @Test func textMateGrammarIsJSONWithItsScope() throws {
    let data = Data(GrammarFiles.text(of: "grammar/aspire.tmLanguage.json").utf8)
    let grammar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(grammar["scopeName"] as? String == "source.aspire")
    #expect(grammar["fileTypes"] as? [String] == ["aspire"])
    let patterns = try #require(grammar["patterns"] as? [Any])
    #expect(!patterns.isEmpty)
  }

  /// ICU's syntax is not Oniguruma's, but for the constructs the grammar uses
  /// (classes, POSIX brackets, look-around, \b) they agree, so this catches a
  /// pattern that no editor could load.
  @Test func textMatePatternsCompile() throws {
    let data = Data(GrammarFiles.text(of: "grammar/aspire.tmLanguage.json").utf8)
    let patterns = GrammarFiles.patterns(in: try JSONSerialization.jsonObject(with: data))
    #expect(!patterns.isEmpty)
    for pattern in patterns {
      #expect(throws: Never.self, "\(pattern)") { _ = try NSRegularExpression(pattern: pattern) }
    }
  }

  @Test(arguments: Keyword.allCases.map(\.rawValue))
  func keywordAppearsInBothGrammars(_ keyword: String) throws {
    let ebnf = GrammarFiles.text(of: "grammar/aspire.ebnf")
    #expect(ebnf.contains("\"\(keyword)\""), "aspire.ebnf has no terminal \"\(keyword)\"")

    let data = Data(GrammarFiles.text(of: "grammar/aspire.tmLanguage.json").utf8)
    let patterns = GrammarFiles.patterns(in: try JSONSerialization.jsonObject(with: data))
    #expect(patterns.contains { containsWord(keyword, inPattern: $0) })
  }
}

/// Whether `word` stands alone in a regular expression: an escape such as `\b`
/// counts as a separator, so `\bnot\b` holds `not`.
private func containsWord(_ word: String, inPattern pattern: String) -> Bool {
  var plain = ""
  var escaped = false
  for character in pattern {
    if escaped {
      plain.append(" ")
      escaped = false
    } else if character == "\\" {
      plain.append(" ")
      escaped = true
    } else {
      plain.append(character)
    }
  }
  let words = plain.split { !($0.isLetter || $0.isNumber || $0 == "_") }
  return words.contains { $0 == word }
}
