import AspireLanguage
import Foundation

extension REPL {
  /// Runs one meta-command line (`.mode csv`); false if it failed.
  func runMetaCommand(_ text: String, line: Int) -> Bool {
    let words = text.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
    let written = words.first.map(String.init) ?? ""
    let arguments = words.dropFirst().map(String.init)
    // The rest of the line after the command, spaces kept, for `.find` and `.explain`.
    let rest = text.dropFirst(written.count + 1).drop { $0 == " " || $0 == "\t" }
    let command: MetaCommand
    switch MetaCommand.resolve(written) {
    case .success(let found): command = found
    case .failure(let error):
      reportError(error.message.text, help: error.message.help)
      return false
    }
    switch command {
    case .help: return help(arguments)
    case .load: return load(arguments)
    case .import: return importFiles(arguments)
    case .mode: return mode(arguments)
    case .output: return output(arguments)
    case .once: return once(arguments)
    case .timer: return timer(arguments)
    case .chart: return chart(arguments)
    case .schema: return schema(arguments)
    case .explain: return explain(String(rest), line: line)
    case .find: return find(String(rest))
    case .quit:
      leaving = true
      return true
    }
  }

  /// `.help`, `.help COMMAND` or `.help TOPIC`.
  private func help(_ arguments: [String]) -> Bool {
    guard let topic = arguments.first else {
      let width = MetaCommand.allCases.map(\.usage.count).max() ?? 0
      var text = "Statements of the language run as they are typed; \".help statements\" "
        + "says more.\nMeta-commands (any unique beginning will do):\n"
      for command in MetaCommand.allCases {
        let padding = String(repeating: " ", count: width - command.usage.count + 2)
        text += "  \(command.usage)\(padding)\(command.summary)\n"
      }
      text += "Topics: " + HelpTopic.allCases.map(\.rawValue).joined(separator: ", ") + "\n"
      StandardStreams.out(text)
      return true
    }
    let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
    if let language = HelpTopic(rawValue: name.lowercased()) {
      StandardStreams.out(language.text + "\n")
      return true
    }
    switch MetaCommand.resolve(name) {
    case .success(let command):
      StandardStreams.out("usage: \(command.usage)\n\n\(command.details)\n")
      return true
    case .failure:
      reportError(
        "no help for \"\(topic)\"",
        help: "the topics are "
          + (MetaCommand.allCases.map(\.name) + HelpTopic.allCases.map(\.rawValue))
          .joined(separator: ", "))
      return false
    }
  }

  /// `.mode` shows the mode; `.mode NAME` changes it.
  private func mode(_ arguments: [String]) -> Bool {
    guard let name = arguments.first else {
      StandardStreams.out(format.rawValue + "\n")
      return true
    }
    guard arguments.count == 1, let chosen = ResultFormat(rawValue: name.lowercased()) else {
      reportError(
        "unknown mode \"\(arguments.joined(separator: " "))\"",
        help: "the modes are " + ResultFormat.allCases.map(\.rawValue).joined(separator: ", "))
      return false
    }
    format = chosen
    return true
  }

  /// `.output FILE` or `.output` alone.
  private func output(_ arguments: [String]) -> Bool {
    guard let path = arguments.first else {
      destination.sendToStandardOutput()
      return true
    }
    do {
      try destination.send(to: path)
      return true
    } catch let error as DestinationError {
      reportError(error.message)
      return false
    } catch {
      reportError("\(error)")
      return false
    }
  }

  /// `.once FILE`.
  private func once(_ arguments: [String]) -> Bool {
    guard let path = arguments.first, arguments.count == 1 else {
      reportError("\".once\" needs one file", help: "write .once FILE")
      return false
    }
    do {
      try destination.sendOnce(to: path)
      return true
    } catch let error as DestinationError {
      reportError(error.message)
      return false
    } catch {
      reportError("\(error)")
      return false
    }
  }

  /// `.timer on` or `.timer off`.
  private func timer(_ arguments: [String]) -> Bool {
    guard let on = onOrOff(arguments, command: "timer") else { return false }
    showsTime = on
    return true
  }

  /// The setting `on` or `off` asks for; nil, with an error, for anything else.
  private func onOrOff(_ arguments: [String], command: String) -> Bool? {
    switch arguments.first?.lowercased() {
    case "on" where arguments.count == 1: return true
    case "off" where arguments.count == 1: return false
    default:
      reportError("\".\(command)\" takes on or off", help: "write .\(command) on")
      return nil
    }
  }

  /// `.chart on|off`.
  private func chart(_ arguments: [String]) -> Bool {
    guard let on = onOrOff(arguments, command: "chart") else { return false }
    showsChart = on
    return true
  }

  /// `.load FILE`: the script checked as a whole, then run into the session.
  private func load(_ arguments: [String]) -> Bool {
    guard let path = arguments.first, arguments.count == 1 else {
      reportError("\".load\" needs one script", help: "write .load FILE")
      return false
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      reportError("cannot read \(path)")
      return false
    }
    switch SourceFile.decode(name: path, bytes: [UInt8](data)) {
    case .failure(let diagnostic):
      report([diagnostic])
      return false
    case .success(let file):
      let (statements, diagnostics) = interpreter.prepare(file)
      report(diagnostics)
      guard let statements else { return false }
      recordDeclarations(in: file)
      return execute(statements)
    }
  }

  /// `.explain STATEMENT`: checked, not run; a declaration by its value.
  private func explain(_ text: String, line: Int) -> Bool {
    guard !Continuation.isBlank(text) else {
      reportError("\".explain\" needs a statement", help: "write .explain f(2)")
      return false
    }
    let file = SourceFile(name: sourceName, text: text, firstLine: line)
    let (program, syntaxErrors) = Parser.parse(file)
    report(syntaxErrors)
    guard syntaxErrors.isEmpty else { return false }
    var statements: [Statement] = []
    for statement in program.statements {
      switch statement.kind {
      case .binding(let name, let parameters, let value):
        guard parameters == nil else {
          reportError(
            "a function is explained by a call", help: "write .explain \(name.name)(…)")
          return false
        }
        statements.append(Statement(kind: .expression(value), range: value.range))
      default:
        statements.append(statement)
      }
    }
    let checkedProgram = Program(file: file, statements: statements, trailingComments: [])
    let (checked, typeErrors) = Checker.check(checkedProgram, in: interpreter.workspace)
    report(typeErrors)
    guard typeErrors.isEmpty else { return false }
    for statement in checked {
      let lines = explainers.lazy.compactMap {
        $0.explain(statement, in: self.interpreter.workspace)
      }.first
      destination.write((lines ?? ["no plan to show"]).joined(separator: "\n") + "\n")
    }
    return true
  }
}
