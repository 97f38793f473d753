import CCurl
import Foundation

/// Hands messages to the SMTP server through libcurl, one recipient each,
/// keeping the connection open between messages.
public final class SMTPSender {
  private let settings: SMTPSettings
  private let handle: UnsafeMutableRawPointer
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private var resolveList: UnsafeMutablePointer<curl_slist>?

  /// libcurl's global set-up, done once before the first handle.
  private static let globalSetUp: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

  /// A sender for `settings`. Refuses plain SMTP away from loopback even when
  /// the settings were not read from the environment.
  public init(settings: SMTPSettings) throws {
    if settings.transport == .plain && !settings.server.isLoopback {
      throw SMTPSettingsError.plainAwayFromLoopback(host: settings.server.host)
    }
    guard SMTPSender.globalSetUp == CURLE_OK, let handle = curl_easy_init() else {
      throw SMTPSenderError(message: "cannot start libcurl")
    }
    self.settings = settings
    self.handle = handle
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    try configureConnection()
  }

  deinit {
    curl_easy_cleanup(handle)
    curl_slist_free_all(resolveList)
    errorBuffer.deallocate()
  }

  /// Sends `message` (the exact bytes) from `sender` to the one `recipient`.
  public func send(_ message: [UInt8], from sender: String, to recipient: String)
    -> DeliveryOutcome
  {
    let source = UploadSource(bytes: message)
    let unmanaged = Unmanaged.passRetained(source)
    defer { unmanaged.release() }
    let recipients = curl_slist_append(nil, "<\(recipient)>")
    defer { curl_slist_free_all(recipients) }
    errorBuffer[0] = 0

    var code = set(CURLOPT_MAIL_FROM, "<\(sender)>")
    if code == CURLE_OK { code = aspire_curl_set_pointer(handle, CURLOPT_MAIL_RCPT, recipients) }
    if code == CURLE_OK {
      code = aspire_curl_set_pointer(handle, CURLOPT_READDATA, unmanaged.toOpaque())
    }
    if code == CURLE_OK { code = curl_easy_perform(handle) }

    var reply = 0
    _ = aspire_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &reply)
    return DeliveryOutcome.classify(
      code: code, replyCode: reply, uploadedAll: source.isFinished,
      detail: describe(code, reply: reply))
  }

  /// The options that stay the same for every message: where, how protected,
  /// who logs in, how long to wait.
  private func configureConnection() throws {
    let server = settings.server
    var results = [
      set(CURLOPT_URL, server.curlURL),
      set(CURLOPT_PROTOCOLS_STR, "smtp,smtps"),
      // An empty proxy turns off proxies named in the environment, so the
      // policy above decides where the connection goes.
      set(CURLOPT_PROXY, ""),
      aspire_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
      aspire_curl_set_long(handle, CURLOPT_UPLOAD, 1),
      aspire_curl_set_read_function(handle, readBytes),
      aspire_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
      aspire_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, settings.connectTimeout),
      aspire_curl_set_long(handle, CURLOPT_TIMEOUT, settings.messageTimeout),
      aspire_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
      aspire_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
      aspire_curl_set_long(handle, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2),
    ]
    let useTLS = settings.transport == .plain ? CURLUSESSL_NONE : CURLUSESSL_ALL
    results.append(aspire_curl_set_long(handle, CURLOPT_USE_SSL, Int(useTLS.rawValue)))
    if let caBundle = settings.caBundle { results.append(set(CURLOPT_CAINFO, caBundle)) }
    if let user = settings.user, let password = settings.password {
      results.append(set(CURLOPT_USERNAME, user))
      results.append(set(CURLOPT_PASSWORD, password))
    }
    if ["localhost", "localhost."].contains(server.host.lowercased()) {
      // Pin localhost to the loopback addresses, whatever the hosts file says.
      resolveList = curl_slist_append(nil, "\(server.host):\(server.port):127.0.0.1,[::1]")
      results.append(aspire_curl_set_pointer(handle, CURLOPT_RESOLVE, resolveList))
    }
    if let failed = results.first(where: { $0 != CURLE_OK }) {
      throw SMTPSenderError(message: "libcurl refused a setting: \(describe(failed, reply: 0))")
    }
  }

  private func set(_ option: CURLoption, _ text: String) -> CURLcode {
    aspire_curl_set_string(handle, option, text)
  }

  /// The reply code with libcurl's message, such as `550: RCPT failed: 550`.
  private func describe(_ code: CURLcode, reply: Int) -> String {
    var message = String(cString: errorBuffer)
    if message.isEmpty { message = String(cString: curl_easy_strerror(code)) }
    return reply > 0 ? "\(reply): \(message)" : message
  }
}

/// The bytes of one message, read by libcurl as it uploads them.
private final class UploadSource {
  let bytes: [UInt8]
  var offset = 0
  /// Whether libcurl has read the last byte.
  var isFinished = false

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }
}

/// libcurl's read callback: copies the next bytes of the message.
private func readBytes(
  _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
  _ context: UnsafeMutableRawPointer?
) -> Int {
  guard let buffer, let context else { return 0 }
  let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
  let length = min(size * count, source.bytes.count - source.offset)
  guard length > 0 else {
    source.isFinished = true
    return 0
  }
  source.bytes.withUnsafeBytes { bytes in
    UnsafeMutableRawPointer(buffer).copyMemory(
      from: bytes.baseAddress! + source.offset, byteCount: length)
  }
  source.offset += length
  return length
}

/// libcurl could not be set up to send.
public struct SMTPSenderError: Error, CustomStringConvertible {
  public let message: String
  public var description: String { message }
}
