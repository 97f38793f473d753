import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The test SMTP server (Tests/MailSink/smtp_sink.py) running on loopback for
/// one test, and the checker that reads what it received with Python's own
/// email parser. Stopped when the test lets go of it.
final class MailSink {
  let folder: String
  let port: Int
  private let process: Process

  static let scripts = CommandRunner.root.appendingPathComponent("Tests/MailSink")

  /// Starts a sink saving into `folder`; `arguments` such as `--delay 0.5`,
  /// `--data-reply 451` or `--refuse ADDRESS` change how it answers.
  init(folder: String, _ arguments: [String] = []) throws {
    self.folder = folder
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", MailSink.scripts.appendingPathComponent("smtp_sink.py").path, "--dir", folder]
      + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The sink prints "port N" once it listens.
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      line += chunk
    }
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("port "),
      let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
    else {
      process.terminate()
      throw SinkError(description: "the sink did not start: \(text)")
    }
    self.port = port
  }

  deinit {
    stop()
  }

  /// Stops the sink, killing it when it does not stop within two seconds.
  func stop() {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<100 where process.isRunning { usleep(20_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
  }

  /// The URL `aspire send` is given.
  var url: String { "smtp://127.0.0.1:\(port)" }

  /// The environment that points `aspire send` at this sink.
  var environment: [String: String] {
    [
      "ASPIRE_SMTP_URL": url,
      "ASPIRE_MAIL_FROM": "Craigmount High <office@school.example.org>",
    ]
  }

  /// How many messages the sink has saved so far.
  func count() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".eml") }.count
  }

  /// Every message received, as Python's email parser reads it.
  func delivered() throws -> [DeliveredMessage] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", MailSink.scripts.appendingPathComponent("check_delivered.py").path, folder,
    ]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONDecoder().decode(Delivery.self, from: data).messages
  }

  private struct Delivery: Decodable {
    var messages: [DeliveredMessage]
  }

  struct SinkError: Error, CustomStringConvertible {
    var description: String
  }
}

/// One message as the sink received it and Python's parser read it.
struct DeliveredMessage: Decodable {
  var file: String
  /// The addresses in the To header.
  var to: [String]
  /// The display names of the first To and From addresses, as Python reads them.
  var toName: String?
  var fromName: String?
  /// The envelope's recipients (RCPT TO).
  var envelopeTo: [String]
  var from: String?
  var subject: String
  var messageID: String
  var text: String?
  var html: String?
  /// What the checker found wrong; empty for a good message.
  var problems: [String]

  enum CodingKeys: String, CodingKey {
    case file, to, from, subject, text, html, problems
    case envelopeTo = "envelope_to"
    case toName = "to_name"
    case fromName = "from_name"
    case messageID = "message_id"
  }
}
