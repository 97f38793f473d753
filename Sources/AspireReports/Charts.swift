/// Inline SVG charts for reports opened in a browser (never in email).
enum Charts {
  /// A vertical bar chart of counts, one bar per label.
  static func columns(_ bars: [(label: String, value: Double)], title: String) -> String {
    let width = 560.0
    let height = 230.0
    let top = 40.0
    let bottom = 30.0
    let maximum = max(1, bars.map(\.value).max() ?? 1)
    let slot = (width - 40) / Double(max(1, bars.count))
    var svg = HTML()
    svg.markup(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"")
    svg.content(title)
    svg.markup("\">")
    svg.markup("<text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
    svg.content(title)
    svg.markup("</text>")
    for (index, bar) in bars.enumerated() {
      let barHeight = (height - top - bottom) * bar.value / maximum
      let x = 30 + Double(index) * slot + slot * 0.15
      let y = height - bottom - barHeight
      svg.markup(
        "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(slot * 0.7))\" "
          + "height=\"\(format(barHeight))\" fill=\"#3c6e9f\"/>")
      svg.markup(
        "<text x=\"\(format(x + slot * 0.35))\" y=\"\(format(height - bottom + 14))\" "
          + "font-size=\"11\" text-anchor=\"middle\">")
      svg.content(bar.label)
      svg.markup("</text>")
      svg.markup(
        "<text x=\"\(format(x + slot * 0.35))\" y=\"\(format(y - 3))\" font-size=\"10\" "
          + "text-anchor=\"middle\">\(Int(bar.value))</text>")
    }
    svg.markup("</svg>")
    return svg.text
  }

  /// Horizontal bars of a signed value (a mean gap), one per label.
  static func bars(_ bars: [(label: String, value: Double)], title: String) -> String {
    let rowHeight = 18.0
    let labelWidth = 220.0
    let width = 620.0
    let height = 30 + rowHeight * Double(bars.count)
    let extent = max(0.5, bars.map { abs($0.value) }.max() ?? 1)
    let zero = labelWidth + (width - labelWidth - 40) / 2
    let scale = (width - labelWidth - 40) / 2 / extent
    var svg = HTML()
    svg.markup(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"")
    svg.content(title)
    svg.markup("\"><text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
    svg.content(title)
    svg.markup("</text>")
    svg.markup(
      "<line x1=\"\(format(zero))\" y1=\"22\" x2=\"\(format(zero))\" y2=\"\(format(height))\" "
        + "stroke=\"#888888\"/>")
    for (index, bar) in bars.enumerated() {
      let y = 24 + Double(index) * rowHeight
      let length = abs(bar.value) * scale
      let x = bar.value >= 0 ? zero : zero - length
      svg.markup(
        "<text x=\"\(format(labelWidth - 6))\" y=\"\(format(y + 12))\" "
          + "font-size=\"11\" text-anchor=\"end\">")
      svg.content(shortened(bar.label))
      svg.markup("</text>")
      svg.markup(
        "<rect x=\"\(format(x))\" y=\"\(format(y + 2))\" width=\"\(format(length))\" "
          + "height=\"\(format(rowHeight - 5))\" "
          + "fill=\"\(bar.value >= 0 ? "#3c6e9f" : "#c0504d")\"/>")
      svg.markup(
        "<text x=\"\(format(bar.value >= 0 ? x + length + 3 : x - 3))\" y=\"\(format(y + 12))\" "
          + "font-size=\"10\" text-anchor=\"\(bar.value >= 0 ? "start" : "end")\">"
          + "\(format(bar.value, places: 2))</text>")
    }
    svg.markup("</svg>")
    return svg.text
  }

  /// Stacked horizontal bars of shares above, on and below, one per label.
  static func shares(
    _ rows: [(label: String, above: Double, on: Double, below: Double)], title: String
  ) -> String {
    let rowHeight = 18.0
    let labelWidth = 220.0
    let width = 620.0
    let height = 44 + rowHeight * Double(rows.count)
    let scale = (width - labelWidth - 20) / 100
    var svg = HTML()
    svg.markup(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"")
    svg.content(title)
    svg.markup("\"><text x=\"4\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
    svg.content(title)
    svg.markup("</text>")
    let colours = ["#2e8b57", "#e0b000", "#c0504d"]
    for (index, row) in rows.enumerated() {
      let y = 24 + Double(index) * rowHeight
      svg.markup(
        "<text x=\"\(format(labelWidth - 6))\" y=\"\(format(y + 12))\" "
          + "font-size=\"11\" text-anchor=\"end\">")
      svg.content(shortened(row.label))
      svg.markup("</text>")
      var x = labelWidth
      for (share, colour) in zip([row.above, row.on, row.below], colours) {
        svg.markup(
          "<rect x=\"\(format(x))\" y=\"\(format(y + 2))\" width=\"\(format(share * scale))\" "
            + "height=\"\(format(rowHeight - 5))\" fill=\"\(colour)\"/>")
        x += share * scale
      }
    }
    let legendY = height - 8
    for (index, (name, colour)) in zip(["above", "on", "below"], colours).enumerated() {
      let x = labelWidth + Double(index) * 90
      svg.markup(
        "<rect x=\"\(format(x))\" y=\"\(format(legendY - 9))\" width=\"10\" height=\"10\" "
          + "fill=\"\(colour)\"/><text x=\"\(format(x + 14))\" y=\"\(format(legendY))\" "
          + "font-size=\"11\">\(name) target</text>")
    }
    svg.markup("</svg>")
    return svg.text
  }

  /// A label short enough for the space beside a bar.
  static func shortened(_ label: String) -> String {
    label.count <= 34 ? label : String(label.prefix(33)) + "…"
  }

  /// A number with at most `places` decimals, without trailing zeros.
  static func format(_ value: Double, places: Int = 1) -> String {
    let factor = places == 2 ? 100.0 : 10.0
    let rounded = (value * factor).rounded() / factor
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }
}
