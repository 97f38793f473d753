import Foundation

/// The REPL's history between runs: `~/.aspire_history`, one line an entry,
/// readable by its owner only (lines may name learners). Each line is added
/// as soon as it is typed, so a REPL that is killed loses nothing.
struct HistoryFile {
  let path: String
  /// The entries kept; a longer file is cut to the newest when loaded.
  static let limit = 1000

  /// The history file in `HOME`, or nil when `HOME` is not set.
  static func inHome(_ environment: [String: String]) -> HistoryFile? {
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return HistoryFile(path: (home as NSString).appendingPathComponent(".aspire_history"))
  }

  /// The entries, oldest first (none when the file does not exist yet).
  func load() -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var lines = String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: true
    ).map(String.init)
    if lines.count > HistoryFile.limit {
      lines = Array(lines.suffix(HistoryFile.limit))
      rewrite(lines)
    }
    return lines
  }

  /// Adds one entry at the end of the file.
  func append(_ line: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  private func rewrite(_ lines: [String]) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}
