import Foundation

/// A throwaway certificate authority and a server certificate it signed for
/// `localhost` and 127.0.0.1, made with the `openssl` command in a folder, so
/// the email tests can check that aspire verifies the server's certificate.
struct TestCertificates {
  /// The authority's certificate: the bundle given as `ASPIRE_SMTP_CA`.
  let authority: String
  /// The server's certificate and key, for the sink.
  let certificate: String
  let key: String

  /// Whether `openssl` is there to make them.
  static var isAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
  }

  /// Makes the authority and the server's certificate in `folder`.
  init(in folder: String) throws {
    authority = folder + "/ca.pem"
    certificate = folder + "/server.pem"
    key = folder + "/server.key"
    let extensions = folder + "/server.ext"
    try Data("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n".utf8)
      .write(to: URL(fileURLWithPath: extensions))
    try Self.openssl([
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-keyout", folder + "/ca.key", "-out", authority, "-subj", "/CN=aspire test authority",
      "-addext", "basicConstraints=critical,CA:TRUE",
      "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ])
    try Self.openssl([
      "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", folder + "/server.csr",
      "-subj", "/CN=localhost",
    ])
    try Self.openssl([
      "x509", "-req", "-in", folder + "/server.csr", "-CA", authority,
      "-CAkey", folder + "/ca.key", "-CAcreateserial", "-days", "2", "-out", certificate,
      "-extfile", extensions,
    ])
  }

  private static func openssl(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw MailSink.SinkError(description: "openssl \(arguments[0]) failed")
    }
  }
}
