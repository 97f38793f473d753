import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files for people (packs, summaries) that hold learners' data:
/// folders readable by their owner only (0700), files too (0600).
public enum ReportFiles {
  /// Why a report could not be written.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Creates `folder` and any missing parents, each new one owner-only.
  public static func makeFolder(_ folder: URL) throws {
    var missing: [URL] = []
    var current = folder.standardizedFileURL
    while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
      missing.append(current)
      current = current.deletingLastPathComponent()
    }
    for url in missing.reversed() where mkdir(url.path, 0o700) != 0 && errno != EEXIST {
      throw WriteError(path: url.path, reason: String(cString: strerror(errno)))
    }
  }

  /// Writes `text` to `file` (replacing it), owner-only, in its folder made as above.
  public static func write(_ text: String, to file: URL) throws {
    try makeFolder(file.deletingLastPathComponent())
    let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw WriteError(path: file.path, reason: String(cString: strerror(errno)))
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    // A file that existed before keeps its mode through open: make it private.
    fchmod(descriptor, 0o600)
    do {
      try handle.write(contentsOf: Data(text.utf8))
      try handle.close()
    } catch {
      throw WriteError(path: file.path, reason: "\(error)")
    }
  }

  /// A name safe as one path component: letters, digits, `-` and `_`, the rest `-`.
  public static func safeName(_ text: String) -> String {
    let mapped = text.unicodeScalars.map { scalar -> Character in
      let ok = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)))
        || scalar == "-" || scalar == "_"
      return ok ? Character(scalar) : "-"
    }
    let name = String(mapped)
    return name.isEmpty ? "unnamed" : name
  }
}
