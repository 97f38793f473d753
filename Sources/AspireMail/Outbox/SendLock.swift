import AspireStore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lock that lets only one `aspire send` run against a store: an
/// exclusive `flock` on `STORE.send.lock` beside the store's real file. The
/// kernel drops it when the process ends, however it ends, so a killed run
/// never leaves it stuck.
public final class SendLock {
  private let descriptor: Int32
  /// The lock file.
  public let path: String

  /// Takes the lock for the store at `storePath`, or throws at once when
  /// another run holds it. The lock is named after the store's real path, so
  /// a symlink or another spelling of the path (`./s.db`, `dir/../s.db`)
  /// meets the same lock.
  public init(storePath: String) throws {
    path = SendLock.realPath(storePath) + ".send.lock"
    let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard opened >= 0 else {
      throw SendLockError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
      let holder = SendLock.holder(of: opened)
      close(opened)
      throw SendLockError.busy(path: storePath, holder: holder)
    }
    descriptor = opened
    // Who holds it, for the message a second run prints.
    let note = "pid \(getpid()) since \(Timestamp.iso8601(Date()))\n"
    _ = ftruncate(descriptor, 0)
    _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  /// `path` with every symlink, `.` and `..` resolved, made absolute. A store
  /// not created yet has its folder resolved instead.
  static func realPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    let file = URL(fileURLWithPath: path)
    let folder = file.deletingLastPathComponent().path
    guard let resolved = realpath(folder, nil) else { return file.standardizedFileURL.path }
    defer { free(resolved) }
    return URL(fileURLWithPath: String(cString: resolved))
      .appendingPathComponent(file.lastPathComponent).path
  }

  /// What the running sender wrote into the lock file, such as `pid 4242 since …`.
  private static func holder(of descriptor: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 128)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 127, 0) }
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init)
  }
}

/// Why the send lock could not be taken.
public enum SendLockError: Error, Equatable, CustomStringConvertible {
  case busy(path: String, holder: String?)
  case cannotOpen(path: String, reason: String)

  public var description: String {
    switch self {
    case .busy(let path, let holder):
      let who = holder.map { " (\($0))" } ?? ""
      return "another aspire send is running against \(path)\(who); try again when it ends"
    case .cannotOpen(let path, let reason):
      return "cannot open the send lock \(path): \(reason)"
    }
  }
}
