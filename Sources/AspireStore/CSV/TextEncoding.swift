/// The character encodings a data file may be read in.
public enum TextEncoding: String, CaseIterable, Sendable {
  case utf8 = "utf-8"
  /// Excel's legacy "CSV (Comma delimited)" on Windows.
  case windows1252 = "windows-1252"
  case latin1 = "iso-8859-1"

  /// Reads an `--encoding` name: `utf-8`, `windows-1252` (or `cp1252`),
  /// `latin1` (or `iso-8859-1`), case-insensitively.
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "windows-1252", "cp1252", "win-1252": self = .windows1252
    case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
    default: return nil
    }
  }

  /// The names `--encoding` accepts, for help and error messages.
  public static let acceptedNames = "utf-8, windows-1252, latin1"

  /// `bytes` as UTF-8: single-byte encodings are transcoded, UTF-8 is returned as is.
  func utf8Bytes(from bytes: [UInt8]) -> [UInt8] {
    switch self {
    case .utf8: return bytes
    case .windows1252: return SingleByteDecoder.windows1252.transcode(bytes)
    case .latin1: return SingleByteDecoder.latin1.transcode(bytes)
    }
  }
}
