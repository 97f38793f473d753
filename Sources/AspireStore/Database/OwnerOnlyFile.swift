#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Helpers that keep learners' data readable by its owner only.
enum OwnerOnlyFile {
  /// Runs `body` with a umask that gives new files mode 0600, then restores it.
  ///
  /// The umask is process-wide; it only ever narrows permissions, so a file
  /// another thread creates meanwhile is at worst private too.
  static func creating<T>(_ body: () throws -> T) rethrows -> T {
    let previous = umask(0o077)
    defer { umask(previous) }
    return try body()
  }

  /// Whether a file exists at `path`.
  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// Sets `path` to mode 0600 when it exists.
  static func restrict(_ path: String) throws {
    guard exists(path) else { return }
    if chmod(path, 0o600) != 0 {
      let reason = String(cString: strerror(errno))
      throw DatabaseError(code: -1, message: "cannot make \(path) private: \(reason)")
    }
  }

  /// The permission bits of `path`, or nil when it cannot be read.
  static func permissions(of path: String) -> UInt32? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return UInt32(info.st_mode) & 0o777
  }
}
