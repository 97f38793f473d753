import AspireStore
import Foundation

extension REPL {
  /// `.import KIND FILE...`: as `aspire import`, each file all or nothing,
  /// into the REPL's store and session, with a progress bar on a terminal.
  func importFiles(_ arguments: [String]) -> Bool {
    let kinds = ImportKind.allCases.map(\.rawValue).joined(separator: ", ")
    guard let kindName = arguments.first, arguments.count >= 2 else {
      reportError("\".import\" needs a kind and at least one file", help: "the kinds are \(kinds)")
      return false
    }
    guard let kind = ImportKind(name: kindName) else {
      reportError("unknown import kind \"\(kindName)\"", help: "the kinds are \(kinds)")
      return false
    }
    let files = Array(arguments.dropFirst())
    for file in files where !FileManager.default.isReadableFile(atPath: file) {
      reportError("cannot read \(file)")
      return false
    }
    var succeeded = true
    do {
      let importer = Importer(store: try store())
      for (index, file) in files.enumerated() {
        let progress = ProgressBar(label: (file as NSString).lastPathComponent)
        progress.update(completed: index, of: files.count > 1 ? files.count : nil)
        let outcome = try importer.run(
          kind: kind, file: file, session: settings.session, by: settings.user)
        progress.finish()
        if outcome.succeeded {
          inform(outcome.summary)
          interpreter.evaluator.dataSource?.reload()
          interpreter.evaluator.forgetGlobalValues()
        } else {
          succeeded = false
          for diagnostic in outcome.diagnostics { inform(diagnostic.description) }
          inform("\(file): nothing imported")
        }
      }
    } catch {
      reportError("\(error)")
      return false
    }
    return succeeded
  }

  /// `.schema`: the store's tables and their columns, then the session's
  /// declarations; `.schema TABLE`: that table's SQL.
  func schema(_ arguments: [String]) -> Bool {
    var text = ""
    if FileManager.default.fileExists(atPath: settings.databasePath) {
      guard let store = existingStore() else { return false }
      do {
        let tables = try store.database.query(
          """
          SELECT name, sql FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
          """)
        if let wanted = arguments.first {
          guard let table = tables.first(where: { $0[0].text == wanted }) else {
            reportError(
              "no table \"\(wanted)\" in the store",
              help: "the tables are "
                + tables.compactMap { $0[0].text }.joined(separator: ", "))
            return false
          }
          destination.write((table[1].text ?? "") + ";\n")
          return true
        }
        text += "tables in \(settings.databasePath):\n"
        for table in tables {
          guard let name = table[0].text else { continue }
          let columns = try store.database.query(
            "SELECT name FROM pragma_table_info(?)", [.text(name)]
          ).compactMap { $0[0].text }
          text += "  \(name)(\(columns.joined(separator: ", ")))\n"
        }
      } catch {
        reportError("\(error)")
        return false
      }
    } else if !arguments.isEmpty {
      _ = existingStore()
      return false
    } else {
      text += "no store at \(settings.databasePath) yet\n"
    }
    text += declarations.isEmpty ? "no declarations yet\n" : "declarations:\n"
    for declaration in declarations {
      let lines = declaration.text.split(separator: "\n", omittingEmptySubsequences: false)
      text += lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
    destination.write(text)
    return true
  }

  /// `.find TEXT`: learners whose name contains the text, as a table.
  func find(_ text: String) -> Bool {
    let wanted = text.trimmingCharacters(in: .whitespaces)
    guard !wanted.isEmpty else {
      reportError("\".find\" needs part of a name", help: "write .find Smith")
      return false
    }
    guard let store = existingStore() else { return false }
    do {
      write(try store.learners(named: wanted, in: settings.session))
      return true
    } catch {
      reportError("\(error)")
      return false
    }
  }
}
