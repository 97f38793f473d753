import AspireLanguage
import Foundation

/// How the command ends: the exit statuses of the command line contract.
enum ExitStatus: Int32 {
  case success = 0
  /// The script, the data or a test failed, or a delivery failed.
  case failure = 1
  /// The command line was wrong.
  case usage = 2
  /// `aspire send` left messages deferred or held.
  case deferred = 3
}

/// A mistake on the command line, reported with exit status 2.
struct UsageError: Error {
  var message: String
  var help: String?
}

/// The `aspire` command: picks the subcommand and runs it.
enum AspireCommand {
  static let version = "0.1.0"

  /// Every subcommand, by name.
  static let commands: [String: Subcommand.Type] = [
    "eval": EvalCommand.self,
    "check": CheckCommand.self,
    "run": RunCommand.self,
    "test": TestCommand.self,
    "fmt": FormatCommand.self,
    "help": HelpCommand.self,
    "import": ImportCommand.self,
    "backup": BackupCommand.self,
    "demo": DemoCommand.self,
    "repl": REPLCommand.self,
    "send": SendCommand.self,
    "hold": HoldCommand.self,
    "release": ReleaseCommand.self,
  ]

  static func run(_ arguments: [String]) -> ExitStatus {
    let console = Console()
    guard let first = arguments.first else { return run(["repl"]) }
    if first == "--version" || first == "-V" {
      console.out("aspire \(version)")
      return .success
    }
    if first == "--help" || first == "-h" {
      console.out(HelpCommand.overview)
      return .success
    }
    do {
      guard let command = commands[first] else {
        let suggestion = closestName(to: first, among: commands.keys)
        throw UsageError(
          message: first.hasPrefix("-")
            ? "unknown option \"\(first)\"" : "unknown command \"\(first)\"",
          help: suggestion.map { "did you mean \"aspire \($0)\"?" }
            ?? "\"aspire --help\" lists the commands")
      }
      let rest = Array(arguments.dropFirst())
      if command != EvalCommand.self && (rest.contains("--help") || rest.contains("-h")) {
        console.out(HelpCommand.text(for: first) ?? HelpCommand.overview)
        return .success
      }
      return try command.run(rest, console: console)
    } catch let error as UsageError {
      console.error("error: \(error.message)")
      if let help = error.help { console.error("help: \(help)") }
      return .usage
    } catch {
      console.error("error: \(error)")
      return .failure
    }
  }
}

/// One subcommand of `aspire`.
protocol Subcommand: Sendable {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus
}
