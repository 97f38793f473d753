import AspireLanguage

/// Finds uses of names whose declaration failed to check earlier in the
/// session. The checker reports an error once, where it is, and lets later
/// uses of the name pass so that one mistake does not bury a script in
/// errors; in the REPL those uses come in later statements, where the name
/// would quietly be missing, so the REPL reports them itself.
enum BrokenDeclarations {
  /// An error at each use in `file` of a value declared with an error.
  static func uses(in file: SourceFile, workspace: Workspace) -> [Diagnostic] {
    var latest: [String: ValueType] = [:]
    for global in workspace.globals { latest[global.name] = global.type }
    let broken = Set(latest.filter { $0.value == .error }.keys)
    guard !broken.isEmpty else { return [] }
    let tokens = Lexer.tokens(of: file).tokens
    var diagnostics: [Diagnostic] = []
    for (index, token) in tokens.enumerated() {
      guard case .identifier(let name) = token.kind, broken.contains(name) else { continue }
      let previous = index > 0 ? tokens[index - 1] : nil
      // A field after a dot, or the name being declared again, is no use of it.
      if previous?.isSymbol(.dot) == true || previous?.isKeyword(.let) == true { continue }
      diagnostics.append(
        .error(
          "\"\(name)\" has no value: its declaration had an error", at: token.range,
          help: "declare it again, as in let \(name) = …"))
    }
    return diagnostics
  }
}
