import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One run of `aspire demo --db X --out Y`, shared by the tests that read
/// what the demo's year leaves behind: the store, the CSV files, the reports
/// and the outbox's previews.
final class DemoRun: Sendable {
  let folder: URL
  let outcome: CommandRunner.Outcome

  var database: String { folder.appendingPathComponent("store.db").path }
  var out: URL { folder.appendingPathComponent("out") }

  /// The run, made the first time a test asks for it.
  static let shared = Result { try DemoRun() }

  private init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-demo-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    outcome = try CommandRunner.run(
      ["demo", "--db", folder.appendingPathComponent("store.db").path, "--out",
        folder.appendingPathComponent("out").path])
  }

  /// The table a demo script printed after `== NAME`, as rows of cells
  /// split on runs of two or more spaces, without its header.
  func printedTable(after script: String) -> [[String]] {
    let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("== \(script)") }) else { return [] }
    var rows: [[String]] = []
    var inTable = false
    for line in lines[(start + 1)...] {
      if line.hasPrefix("---") {
        inTable = true
        continue
      }
      guard inTable else { continue }
      if line.hasSuffix(" rows") || line.isEmpty { break }
      rows.append(
        line.split(separator: "  ", omittingEmptySubsequences: true).map {
          $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty })
    }
    return rows
  }
}

/// Runs a Python script from the repository and returns what it printed.
func runPython(_ arguments: [String]) throws -> (status: Int32, output: Data) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3"] + arguments
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, data)
}

/// Whether Python can import `module`.
func pythonHas(_ module: String) -> Bool {
  (try? runPython(["-c", "import \(module)"]).status) == 0
}

/// A TCP port on 127.0.0.1 that nothing listens on now.
func freeLoopbackPort() throws -> Int {
  let result = try runPython([
    "-c",
    "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
  ])
  guard let port = Int(String(decoding: result.output, as: UTF8.self).trimmingCharacters(
    in: .whitespacesAndNewlines))
  else { throw DemoRunError(description: "no free port") }
  return port
}

/// Whether something accepts connections on 127.0.0.1:`port`.
func isListening(_ port: Int) -> Bool {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { return false }
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_port = in_port_t(UInt16(port).bigEndian)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  let connected = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  return connected == 0
}

struct DemoRunError: Error, CustomStringConvertible {
  var description: String
}
