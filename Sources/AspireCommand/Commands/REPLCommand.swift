import AspireREPL
import Foundation

/// `aspire repl`, and `aspire` alone: the REPL on a terminal; with piped
/// input, the same statements read one by one without prompts.
enum REPLCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "repl", valued: CommonOptions.all)
    guard options.positional.isEmpty else {
      throw UsageError(
        message: "\"aspire repl\" takes no arguments",
        help: "run a script with \"aspire run FILE\", or \".load FILE\" inside the REPL")
    }
    let store = try StoreOptions(options)
    let format = try options.format()
    var settings = REPLSettings(
      databasePath: store.databasePath, session: store.session, user: store.user,
      format: ResultFormat(rawValue: format.rawValue) ?? .table,
      isInteractive: isatty(0) == 1,
      greeting: "aspire \(AspireCommand.version): \".help\" for help, Ctrl-D to leave")
    settings.connect = { store.connect($0) }
    return REPL(settings: settings).run() ? .success : .failure
  }
}
