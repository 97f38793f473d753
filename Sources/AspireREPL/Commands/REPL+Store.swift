import AspireEngine
import AspireStore
import Foundation

extension REPL {
  /// `.import KIND FILE... [--encoding E] [--dry-run]`: as `aspire import`,
  /// each file all or nothing, into the REPL's store and session, with a
  /// progress bar on a terminal.
  func importFiles(_ arguments: [String]) -> Bool {
    var words: [String] = []
    var encoding = TextEncoding.utf8
    var dryRun = false
    var remaining = arguments[...]
    while let word = remaining.popFirst() {
      switch word {
      case "--dry-run":
        dryRun = true
      case "--encoding":
        guard let name = remaining.popFirst(), let chosen = TextEncoding(name: name) else {
          reportError(
            "--encoding needs one of the encodings", help: "use " + TextEncoding.acceptedNames)
          return false
        }
        encoding = chosen
      default:
        words.append(word)
      }
    }
    guard let kindName = words.first, words.count >= 2 else {
      reportError("\".import\" needs a kind and at least one file", help: FileImport.Kind.list)
      return false
    }
    guard let kind = FileImport.Kind(name: kindName) else {
      reportError("unknown import kind \"\(kindName)\"", help: FileImport.Kind.list)
      return false
    }
    let files = Array(words.dropFirst())
    for file in files where !FileManager.default.isReadableFile(atPath: file) {
      reportError("cannot read \(file)")
      return false
    }
    var succeeded = true
    do {
      let store = try dryRun ? Store.forDryRun(path: settings.databasePath) : store()
      var fileImport = FileImport(
        kind: kind, store: store, session: settings.session, user: settings.user)
      fileImport.dryRun = dryRun
      fileImport.encoding = encoding
      for (index, file) in files.enumerated() {
        let progress = ProgressBar(label: (file as NSString).lastPathComponent)
        progress.update(completed: index, of: files.count > 1 ? files.count : nil)
        let outcome = try fileImport.run(file: file)
        progress.finish()
        for line in outcome.lines(file: file) { inform(line) }
        if !outcome.succeeded {
          succeeded = false
        } else if !dryRun {
          interpreter.evaluator.dataSource?.reload()
          interpreter.evaluator.forgetGlobalValues()
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
