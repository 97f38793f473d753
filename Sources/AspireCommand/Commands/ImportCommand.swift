import AspireStore
import Foundation

/// `aspire import KIND FILE...`: imports CSV files, each file all or nothing.
enum ImportCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(
      arguments, command: "import", valued: CommonOptions.all.union(["encoding"]),
      flags: ["dry-run"])
    guard let kindName = options.positional.first else {
      throw UsageError(
        message: "\"aspire import\" needs a kind and at least one file",
        help: "the kinds are " + ImportKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    guard let kind = ImportKind(name: kindName) else {
      throw UsageError(
        message: "unknown import kind \"\(kindName)\"",
        help: "the kinds are " + ImportKind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let files = Array(options.positional.dropFirst())
    guard !files.isEmpty else {
      throw UsageError(message: "\"aspire import \(kindName)\" needs at least one file")
    }
    var encoding = TextEncoding.utf8
    if let name = options.values["encoding"] {
      guard let chosen = TextEncoding(name: name) else {
        throw UsageError(
          message: "unknown encoding \"\(name)\"", help: "use " + TextEncoding.acceptedNames)
      }
      encoding = chosen
    }
    for file in files where !FileManager.default.isReadableFile(atPath: file) {
      throw UsageError(message: "cannot read \(file)")
    }
    let settings = try StoreOptions(options)
    let store = try settings.openStore()
    var status = ExitStatus.success
    for file in files {
      let outcome = try Importer(store: store).run(
        kind: kind, file: file, session: settings.session,
        dryRun: options.flags.contains("dry-run"), encoding: encoding, by: settings.user)
      if outcome.succeeded {
        console.error(outcome.summary)
      } else {
        status = .failure
        for diagnostic in outcome.diagnostics { console.error(diagnostic.description) }
        console.error("\(file): nothing imported")
      }
    }
    return status
  }
}

/// `aspire backup FILE`: a consistent copy of the store, taken while in use.
enum BackupCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "backup", valued: CommonOptions.all)
    guard options.positional.count == 1, let destination = options.positional.first else {
      throw UsageError(message: "\"aspire backup\" needs one file to write")
    }
    let settings = try StoreOptions(options)
    guard FileManager.default.fileExists(atPath: settings.databasePath) else {
      throw UsageError(message: "no store at \(settings.databasePath)")
    }
    try settings.openStore().backup(to: destination)
    console.error("backed up \(settings.databasePath) to \(destination)")
    return .success
  }
}
