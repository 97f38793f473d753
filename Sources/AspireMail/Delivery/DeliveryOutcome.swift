import CCurl

/// What became of one message handed to the SMTP server.
public struct DeliveryOutcome: Equatable, Sendable {
  /// The server's verdict, as far as it is known.
  public enum Verdict: Equatable, Sendable {
    /// The server accepted the message.
    case accepted
    /// Refused for now (a 4xx reply, or the server could not be reached): try
    /// again on a later run.
    case temporary
    /// Refused for good (a 5xx reply, such as 550 for an unknown recipient).
    case permanent
    /// The whole message was handed over but no verdict came back: the family
    /// may have it, so a person must look before it is sent again.
    case uncertain
  }

  /// The verdict.
  public let verdict: Verdict
  /// The SMTP reply code, or 0 when none came.
  public let replyCode: Int
  /// What the server or libcurl said, for the record.
  public let detail: String
  /// Whether the failure is the server's or the connection's (unreachable,
  /// login refused, TLS failed) rather than this message's: the run stops,
  /// since every other message would fail the same way.
  public let concernsServer: Bool

  public init(verdict: Verdict, replyCode: Int, detail: String, concernsServer: Bool = false) {
    self.verdict = verdict
    self.replyCode = replyCode
    self.detail = detail
    self.concernsServer = concernsServer
  }

  /// An accepted message.
  static let accepted = DeliveryOutcome(verdict: .accepted, replyCode: 250, detail: "")

  /// Classifies what libcurl reported for one message: its result `code`, the
  /// last SMTP `replyCode` (0 when none), and whether the whole message had
  /// been read for upload.
  static func classify(
    code: CURLcode, replyCode: Int, uploadedAll: Bool, detail: String
  ) -> DeliveryOutcome {
    if code == CURLE_OK { return .accepted }
    let isServerWide = serverWideCodes.contains(code)
    if uploadedAll && !(400..<600).contains(replyCode) {
      return DeliveryOutcome(verdict: .uncertain, replyCode: replyCode, detail: detail)
    }
    switch replyCode {
    case 400..<500:
      return DeliveryOutcome(
        verdict: .temporary, replyCode: replyCode, detail: detail, concernsServer: isServerWide)
    case 500..<600:
      return DeliveryOutcome(
        verdict: .permanent, replyCode: replyCode, detail: detail, concernsServer: isServerWide)
    default:
      let isSetting = settingCodes.contains(code)
      return DeliveryOutcome(
        verdict: isSetting ? .permanent : .temporary, replyCode: replyCode, detail: detail,
        concernsServer: isServerWide || isSetting)
    }
  }

  /// Failures of the connection or the login: no message can get through.
  private static let serverWideCodes: Set<CURLcode> = [
    CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR,
    CURLE_OPERATION_TIMEDOUT,
  ]

  /// Failures that only a change of settings mends: TLS that cannot be set up
  /// or verified, a bad CA bundle, a URL libcurl refuses.
  private static let settingCodes: Set<CURLcode> = [
    CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_SSL_CONNECT_ERROR,
    CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED, CURLE_SSL_CACERT_BADFILE,
    CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CLIENTCERT,
    CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR,
  ]
}

extension CURLcode: @retroactive Hashable {}
