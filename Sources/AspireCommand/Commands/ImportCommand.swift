import AspireEngine
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
        message: "\"aspire import\" needs a kind and at least one file", help: FileImport.Kind.list)
    }
    guard let kind = FileImport.Kind(name: kindName) else {
      throw UsageError(message: "unknown import kind \"\(kindName)\"", help: FileImport.Kind.list)
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
    for file in files where !isReadableFile(file) {
      throw UsageError(message: "cannot read \(file)")
    }
    let settings = try StoreOptions(options)
    let dryRun = options.flags.contains("dry-run")
    // A dry run writes nothing, not even a new store or a migration.
    let store =
      try dryRun ? Store.forDryRun(path: settings.databasePath) : settings.openStore()
    var fileImport = FileImport(
      kind: kind, store: store, session: settings.session, user: settings.user)
    fileImport.dryRun = dryRun
    fileImport.encoding = encoding
    var status = ExitStatus.success
    for file in files {
      let outcome = try fileImport.run(file: file)
      if !outcome.succeeded { status = .failure }
      for line in outcome.lines(file: file) { console.error(line) }
    }
    return status
  }

  /// Whether `path` names a file that can be read: a folder cannot.
  private static func isReadableFile(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    return exists && !isFolder.boolValue && FileManager.default.isReadableFile(atPath: path)
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
