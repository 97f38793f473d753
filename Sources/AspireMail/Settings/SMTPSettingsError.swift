/// Why the environment does not name a server aspire may send through.
public enum SMTPSettingsError: Error, Equatable, CustomStringConvertible {
  case missing(String)
  case badURL(String)
  case plainAwayFromLoopback(host: String)
  case badAddress(variable: String, MailAddressError)
  case passwordWithoutUser
  case userWithoutPassword
  case twoPasswords
  case unreadable(variable: String, path: String)
  case badStartTLS(String)

  public var description: String {
    switch self {
    case .missing(let variable):
      return "\(variable) is not set"
    case .badURL(let text):
      return "ASPIRE_SMTP_URL \"\(text.debugEscaped)\" is not smtp://host:port or smtps://host:port"
    case .plainAwayFromLoopback(let host):
      return "plain smtp to \(host) refused: TLS is required away from loopback; "
        + "use smtps://, or set ASPIRE_SMTP_STARTTLS=required"
    case .badAddress(let variable, let error):
      return "\(variable): \(error)"
    case .passwordWithoutUser:
      return "a password is set but ASPIRE_SMTP_USER is not"
    case .userWithoutPassword:
      return "ASPIRE_SMTP_USER is set but neither ASPIRE_SMTP_PASSWORD nor "
        + "ASPIRE_SMTP_PASSWORD_FILE is"
    case .twoPasswords:
      return "set ASPIRE_SMTP_PASSWORD or ASPIRE_SMTP_PASSWORD_FILE, not both"
    case .unreadable(let variable, let path):
      return "\(variable): cannot read \(path)"
    case .badStartTLS(let value):
      return "ASPIRE_SMTP_STARTTLS \"\(value.debugEscaped)\" is not \"required\""
    }
  }
}
