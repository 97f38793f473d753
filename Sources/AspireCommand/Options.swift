import AspireLanguage
import AspireREPL
import Foundation

/// The options a subcommand was given, and its other arguments.
struct Options {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positional: [String] = []

  /// Reads `arguments`, accepting only the options named: `valued` take a
  /// value (`--db PATH` or `--db=PATH`), `flags` stand alone.
  init(
    _ arguments: [String], command: String, valued: Set<String> = [], flags known: Set<String> = []
  ) throws {
    var index = 0
    var onlyPositional = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositional || !argument.hasPrefix("--") || argument == "-" {
        positional.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositional = true
        continue
      }
      var name = String(argument.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if known.contains(name) {
        guard value == nil else {
          throw UsageError(message: "option --\(name) takes no value")
        }
        flags.insert(name)
      } else if valued.contains(name) {
        if value == nil {
          guard index < arguments.count else {
            throw UsageError(message: "option --\(name) needs a value")
          }
          value = arguments[index]
          index += 1
        }
        values[name] = value
      } else {
        let suggestion = closestName(to: name, among: valued.union(known))
        throw UsageError(
          message: "unknown option --\(name) for \"aspire \(command)\"",
          help: suggestion.map { "did you mean --\($0)?" }
            ?? "\"aspire help \(command)\" lists its options")
      }
    }
  }

  init() {}

  /// The `--format` asked for, checked.
  func format() throws -> ResultFormat {
    guard let name = values["format"] else { return .table }
    guard let format = ResultFormat(rawValue: name) else {
      throw UsageError(
        message: "unknown format \"\(name)\"",
        help: "the formats are " + ResultFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return format
  }
}
