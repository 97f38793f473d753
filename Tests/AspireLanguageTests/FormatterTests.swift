import AspireLanguage
import Foundation
import Testing

/// Formats every script in the project: formatting twice changes nothing, and
/// the formatted script parses to the same statements.
@Suite struct FormatterTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var scripts: [String] {
    var found: [String] = []
    for folder in ["scripts", "Tests", "grammar"] {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".aspire") {
        found.append(folder + "/" + path)
      }
    }
    return found.sorted()
  }

  @Test(arguments: scripts)
  func formatsStablyWithoutChangingMeaning(_ path: String) throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    let (program, diagnostics) = Parser.parse(SourceFile(name: path, text: text))
    guard diagnostics.isEmpty else { return }  // scripts that show syntax errors
    let once = Formatter().format(program)
    let (reparsed, again) = Parser.parse(SourceFile(name: path, text: once))
    #expect(again.isEmpty, "the formatted script does not parse")
    #expect(Formatter().format(reparsed) == once, "formatting twice changed the text")
    #expect(shape(of: reparsed) == shape(of: program), "formatting changed the meaning")
    let comments = program.statements.flatMap { $0.leadingComments + $0.innerComments }
    for comment in comments + program.trailingComments {
      #expect(once.contains(comment), "lost the comment \(comment)")
    }
  }

  func shape(of program: Program) -> [String] {
    program.statements.map { statement in
      switch statement.kind {
      case .expression(let expression): return grouped(expression)
      case .binding(let name, let parameters, let value):
        return "let \(name.name)(\(parameters?.map(\.name) ?? [])) = \(grouped(value))"
      case .test(let name, _, let facts):
        return "test \(name): " + facts.map(grouped).joined(separator: "; ")
      case .cohort(let name, let value):
        return "cohort \(name.name) = \(grouped(value))"
      case .formula(let name, let parameters, let body):
        let list = parameters.map { "\($0.name.name)=\($0.defaultValue.map(grouped) ?? "")" }
        return "formula \(name.name)(\(list)) = \(grouped(body))"
      case .targets(let statement):
        return "targets " + Formatter().flat(statement)
      case .school(let statement):
        return Formatter().layout(statement).joined(separator: " ")
      }
    }
  }
}
