import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Outbox {
  /// Writes one `.eml` file per message waiting to be sent (queued or
  /// deferred) into `directory`: exactly the bytes that will be sent, for a
  /// person to open in a mail program. The folder is made owner-only (0700)
  /// and each file 0600. Returns the paths written, by message id.
  @discardableResult
  public func previews(to directory: String) throws -> [String] {
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    guard chmod(directory, 0o700) == 0 else {
      throw PreviewError(path: directory, reason: String(cString: strerror(errno)))
    }
    let waiting = try entries(where: "state IN ('queued', 'deferred')")
    return try waiting.map { entry in
      let path = directory + "/" + Outbox.previewName(for: entry)
      try Outbox.writeOwnerOnly(try bytes(of: entry.id), to: path)
      return path
    }
  }

  /// The file name of a message's preview: its id, then its recipient as a
  /// slug, such as `000012-parent-at-example-org.eml`.
  static func previewName(for entry: OutboxEntry) -> String {
    var slug = ""
    for scalar in entry.recipient.lowercased().unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9": slug.unicodeScalars.append(scalar)
      case "@": slug += "-at-"
      default: if !slug.hasSuffix("-") { slug += "-" }
      }
    }
    let number = String(entry.id)
    let padded = String(repeating: "0", count: max(0, 6 - number.count)) + number
    return "\(padded)-\(slug.prefix(80)).eml"
  }

  /// Writes `bytes` to `path` as a file only its owner can read, refusing to
  /// follow a symbolic link planted there.
  static func writeOwnerOnly(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw PreviewError(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    // The file may have existed with wider permissions.
    guard fchmod(descriptor, 0o600) == 0 else {
      throw PreviewError(path: path, reason: String(cString: strerror(errno)))
    }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else {
        throw PreviewError(path: path, reason: String(cString: strerror(errno)))
      }
      written += count
    }
  }
}

/// A preview file or folder that could not be written.
public struct PreviewError: Error, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "cannot write \(path): \(reason)" }
}
