#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the SMTP server is: `smtp://host:port` or `smtps://host:port`.
public struct SMTPServer: Hashable, Sendable, CustomStringConvertible {
  /// Whether the connection starts in TLS (`smtps`) or in plain text (`smtp`).
  public let isImplicitTLS: Bool
  /// The host name or literal address, without brackets around IPv6.
  public let host: String
  /// The port; 25 for `smtp` and 465 for `smtps` unless given.
  public let port: Int

  /// Reads an `smtp://` or `smtps://` URL with a host, an optional port and
  /// nothing else; credentials belong in their own variables.
  public init(url text: String) throws {
    let lowered = text.lowercased()
    let rest: Substring
    if lowered.hasPrefix("smtps://") {
      isImplicitTLS = true
      rest = text.dropFirst("smtps://".count)
    } else if lowered.hasPrefix("smtp://") {
      isImplicitTLS = false
      rest = text.dropFirst("smtp://".count)
    } else {
      throw SMTPSettingsError.badURL(text)
    }
    var authority = rest
    if authority.hasSuffix("/") { authority = authority.dropLast() }
    guard !authority.isEmpty,
      !authority.contains(where: { "/?#@ ".contains($0) || $0.isNewline })
    else {
      throw SMTPSettingsError.badURL(text)
    }
    let (host, port) = try SMTPServer.split(authority, url: text)
    self.host = host
    self.port = port ?? (isImplicitTLS ? 465 : 25)
  }

  /// The host and the port, if any, of `host:port` or `[v6]:port`.
  private static func split(_ authority: Substring, url: String) throws -> (String, Int?) {
    var host = authority
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { throw SMTPSettingsError.badURL(url) }
      host = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else { throw SMTPSettingsError.badURL(url) }
        portText = after.dropFirst()
      }
    } else if let colon = authority.lastIndex(of: ":") {
      host = authority[..<colon]
      portText = authority[authority.index(after: colon)...]
    }
    guard !host.isEmpty else { throw SMTPSettingsError.badURL(url) }
    guard let portText else { return (String(host), nil) }
    guard let port = Int(portText), (1...65_535).contains(port) else {
      throw SMTPSettingsError.badURL(url)
    }
    return (String(host), port)
  }

  /// Whether the host is this machine: `localhost`, an IPv4 address in
  /// 127.0.0.0/8, or `::1`. Only literal addresses and `localhost` count; any
  /// other name is taken to be away from this machine, since a name server
  /// could answer anything.
  public var isLoopback: Bool {
    let name = host.lowercased()
    if name == "localhost" || name == "localhost." { return true }
    var ipv4 = in_addr()
    if inet_pton(AF_INET, host, &ipv4) == 1 {
      return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
    }
    var ipv6 = in6_addr()
    if inet_pton(AF_INET6, host, &ipv6) == 1 {
      let bytes = withUnsafeBytes(of: ipv6) { Array($0) }
      let isOne = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
      let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
      let isMappedLoopback = Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
      return isOne || isMappedLoopback
    }
    return false
  }

  /// The URL libcurl is given: the scheme, the host (bracketed when IPv6) and port.
  var curlURL: String {
    let shownHost = host.contains(":") ? "[\(host)]" : host
    return "\(isImplicitTLS ? "smtps" : "smtp")://\(shownHost):\(port)"
  }

  public var description: String { curlURL }
}
