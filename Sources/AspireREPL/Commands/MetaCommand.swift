import AspireEngine
import AspireLanguage
import AspireStore

/// The REPL's own commands, written with a leading dot and accepted by any
/// unique prefix (`.h` is `.help`). Statements of the language never start
/// with a dot, so the two cannot be confused.
enum MetaCommand: CaseIterable {
  case help, load, `import`, mode, output, once, timer, chart, schema, explain, find, quit

  /// The name without its dot.
  var name: String {
    switch self {
    case .help: return "help"
    case .load: return "load"
    case .import: return "import"
    case .mode: return "mode"
    case .output: return "output"
    case .once: return "once"
    case .timer: return "timer"
    case .chart: return "chart"
    case .schema: return "schema"
    case .explain: return "explain"
    case .find: return "find"
    case .quit: return "quit"
    }
  }

  /// Whether the command does work worth timing with `.timer on`, as a
  /// statement does, rather than change a setting or show help.
  var doesWork: Bool {
    switch self {
    case .load, .import, .schema, .explain, .find: return true
    case .help, .mode, .output, .once, .timer, .chart, .quit: return false
    }
  }

  /// How the command is written.
  var usage: String {
    switch self {
    case .help: return ".help [TOPIC]"
    case .load: return ".load FILE"
    case .import: return ".import KIND FILE... [--encoding E] [--dry-run]"
    case .mode: return ".mode [MODE]"
    case .output: return ".output [FILE]"
    case .once: return ".once FILE"
    case .timer: return ".timer on|off"
    case .chart: return ".chart on|off"
    case .schema: return ".schema [TABLE]"
    case .explain: return ".explain STATEMENT"
    case .find: return ".find TEXT"
    case .quit: return ".quit"
    }
  }

  /// One line for the list `.help` prints.
  var summary: String {
    switch self {
    case .help: return "this list, or help on a command or a topic of the language"
    case .load: return "run a script into the session"
    case .import: return "import CSV files into the store, each file all or nothing"
    case .mode: return "how results print: table, box, csv, tsv, json or markdown"
    case .output: return "send results to a file; alone, back to the screen"
    case .once: return "send the next result to a file"
    case .timer: return "show how long each statement takes"
    case .chart: return "draw a bar chart under each grouped result"
    case .schema: return "the store's tables and the declarations made so far"
    case .explain: return "how a statement will run, without running it"
    case .find: return "learners whose name contains TEXT, told apart by id"
    case .quit: return "leave aspire (Ctrl-D does too)"
    }
  }

  /// What `.help NAME` prints after the usage line.
  var details: String {
    switch self {
    case .help:
      return """
        Lists the meta-commands. With a topic, describes one meta-command (.help
        import) or one part of the language: \(HelpTopic.allCases.map(\.rawValue)
        .joined(separator: ", ")).
        """
    case .load:
      return """
        Checks the script and runs it as "aspire run" would, in this session:
        its declarations stay for the statements typed after it. A script with
        an error runs nothing.
        """
    case .import:
      let kinds = FileImport.Kind.names.joined(separator: ", ")
      return """
        Imports CSV files of one kind into the store, as "aspire import" does: a
        file with any bad row changes nothing, and every bad row is reported as
        FILE:LINE: error: MESSAGE. The kinds: \(kinds). --encoding windows-1252
        reads a file Excel saved as "CSV (Comma delimited)"; --dry-run reports
        what would be added and changed, and writes nothing.
        """
    case .mode:
      return """
        Chooses how results print: table (aligned columns, cut to the terminal's
        width), box (drawn with lines), csv, tsv, json (one document a line) or
        markdown. Alone, shows the mode in use.
        """
    case .output:
      return """
        Sends every result to FILE (created readable by you alone) until
        ".output" alone sends them back to the screen. Diagnostics stay on the
        screen.
        """
    case .once:
      return "Sends the results of the next statement or command to FILE, then the screen again."
    case .timer:
      return "With on, prints the time each statement takes on stderr after its result."
    case .chart:
      return """
        With on, a result whose first column names its rows and whose last column
        is a number (a grouped result, such as learners by stage) is followed by
        a bar chart of that number, one bar a row, drawn in text.
        """
    case .schema:
      return """
        Lists the store's tables with their columns, then the declarations made
        in this session. With a table's name, shows that table's SQL.
        """
    case .explain:
      return """
        Checks the statement and shows its type and the plan it will run as,
        without running it or declaring anything. A declaration is explained by
        its value; a function by a call, as in ".explain f(2)".
        """
    case .find:
      return """
        Lists the learners whose name contains TEXT, ignoring case and accents,
        with their id, stage and registration class, so two learners of the
        same name can be told apart.
        """
    case .quit:
      return "Leaves aspire. Ctrl-D on an empty line does the same."
    }
  }

  /// The command a written name (without its dot) stands for: itself or the
  /// one command it begins.
  static func resolve(_ written: String) -> Result<MetaCommand, MetaCommandError> {
    let word = written.lowercased()
    if let exact = allCases.first(where: { $0.name == word }) { return .success(exact) }
    let matches = allCases.filter { !word.isEmpty && $0.name.hasPrefix(word) }
    switch matches.count {
    case 1: return .success(matches[0])
    case 0: return .failure(.unknown(written, suggestion: closest(to: word)))
    default: return .failure(.ambiguous(written, matches: matches.map { "." + $0.name }))
    }
  }

  private static func closest(to word: String) -> String? {
    closestName(to: word, among: allCases.map(\.name)).map { "." + $0 }
  }
}

/// A meta-command name that names no command, or more than one.
enum MetaCommandError: Error, Equatable {
  case unknown(String, suggestion: String?)
  case ambiguous(String, matches: [String])

  /// The diagnostic's message and help line.
  var message: (text: String, help: String?) {
    switch self {
    case .unknown(let word, let suggestion):
      return (
        "unknown meta-command \".\(word)\"",
        suggestion.map { "did you mean \($0)?" } ?? "\".help\" lists the meta-commands"
      )
    case .ambiguous(let word, let matches):
      return (
        "ambiguous meta-command \".\(word)\"", "it begins " + matches.joined(separator: " and ")
      )
    }
  }
}
