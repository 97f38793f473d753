import AspireLanguage
import Foundation

/// Reading scripts named on the command line.
enum ScriptFiles {
  /// The file's text, or the diagnostic for a file that is not UTF-8. A file
  /// that cannot be read at all is a usage error (exit 2).
  static func load(_ path: String) throws -> Result<SourceFile, Diagnostic> {
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      throw UsageError(
        message: exists
          ? (isDirectory.boolValue ? "\(path) is a folder, not a script" : "cannot read \(path)")
          : "no such file: \(path)")
    }
    return SourceFile.decode(name: path, bytes: [UInt8](data))
  }

  /// Loads every file first, so a missing one stops the command before any runs.
  static func loadAll(_ paths: [String], command: String) throws -> [Result<SourceFile, Diagnostic>]
  {
    guard !paths.isEmpty else {
      throw UsageError(
        message: "\"aspire \(command)\" needs at least one script",
        help: "write aspire \(command) FILE...")
    }
    return try paths.map(load)
  }
}
