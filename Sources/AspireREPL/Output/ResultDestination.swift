import Foundation

/// Where results go: stdout, a file named by `.output` until `.output` alone,
/// or a file named by `.once` for the next command's results only. Files are
/// created readable by their owner only, since results hold learners' data.
final class ResultDestination {
  private var file: (handle: FileHandle, path: String)?
  private var once: (handle: FileHandle, path: String)?
  private var onceWritten = false

  /// Whether results go to stdout (where a terminal's width and colour apply).
  var isStandardOutput: Bool { file == nil && once == nil }

  /// Results go to `path` from now on, replacing what it held.
  func send(to path: String) throws {
    let handle = try ResultDestination.create(path)
    close()
    file = (handle, path)
  }

  /// Results go back to stdout.
  func sendToStandardOutput() {
    close()
  }

  /// The next command's results go to `path`, then output returns to where it was.
  func sendOnce(to path: String) throws {
    let handle = try ResultDestination.create(path)
    closeOnce()
    once = (handle, path)
    onceWritten = false
  }

  /// Writes one result.
  func write(_ text: String) {
    if let once {
      once.handle.write(Data(text.utf8))
      onceWritten = true
    } else if let file {
      file.handle.write(Data(text.utf8))
    } else {
      StandardStreams.out(text)
    }
  }

  /// Called after each command: a `.once` file that has had its result is closed.
  func commandFinished() {
    if onceWritten { closeOnce() }
  }

  /// Closes any file results were going to.
  func close() {
    closeOnce()
    try? file?.handle.close()
    file = nil
  }

  private func closeOnce() {
    try? once?.handle.close()
    once = nil
    onceWritten = false
  }

  /// Creates (or empties) `path` with mode 0600 and opens it for writing.
  static func create(_ path: String) throws -> FileHandle {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw DestinationError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
  }
}

/// A file results cannot be written to.
struct DestinationError: Error {
  var message: String
}
