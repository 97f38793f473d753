/// Builds HTML text with inline styles, as email needs (no style sheet), with
/// every value from data escaped. Markup is written by the renderers; text
/// and attribute values always pass through `HTMLEscaping`.
public struct HTML {
  public private(set) var text = ""

  public init() {}

  /// `value` with the characters that could start markup escaped.
  public static func escape(_ value: String) -> String {
    HTMLEscaping.escape(value)
  }

  /// Appends markup written by the renderer itself (never data).
  public mutating func markup(_ markup: String) {
    text += markup
  }

  /// Appends text from data, escaped.
  public mutating func content(_ value: String) {
    text += HTML.escape(value)
  }

  /// An element with escaped text inside and an optional inline style.
  public mutating func element(_ name: String, _ value: String, style: String? = nil) {
    text += "<\(name)\(style.map { " style=\"\(HTML.escape($0))\"" } ?? "")>"
    text += HTML.escape(value)
    text += "</\(name)>"
  }
}
