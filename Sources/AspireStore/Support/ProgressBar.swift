import Foundation

/// A progress bar on stderr for long work, such as importing a large file:
/// `learners.csv ███████░░░░░  52%`, or, while the amount of work is not
/// known, a block moving to and fro with the time taken. It draws only when
/// `isShown` (on a terminal, never with `NO_COLOR`: see `wantedOnStandardError`)
/// and clears its line when finished, so the output around it is unchanged.
public final class ProgressBar: @unchecked Sendable {
  /// Columns the bar itself takes, between the label and the figure.
  public static let barWidth = 24

  public let label: String
  public let isShown: Bool
  private let lock = NSLock()
  private var completed = 0
  private var total: Int?
  private var finished = false
  private let started = Date()

  /// Whether stderr is a terminal that may show a progress bar.
  public static var wantedOnStandardError: Bool {
    let environment = ProcessInfo.processInfo.environment
    return isatty(2) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  /// A bar for `total` steps of work, or for work of unknown size when nil.
  /// It redraws itself ten times a second until `finish()`.
  public init(label: String, total: Int? = nil, isShown: Bool = ProgressBar.wantedOnStandardError)
  {
    self.label = label
    self.total = total
    self.isShown = isShown
    guard isShown else { return }
    let ticker = Thread { [weak self] in
      while let bar = self, bar.draw() {
        Thread.sleep(forTimeInterval: 0.1)
      }
    }
    ticker.start()
  }

  /// Records that `completed` steps of the work are done.
  public func update(completed: Int, of total: Int? = nil) {
    lock.withLock {
      self.completed = completed
      if let total { self.total = total }
    }
  }

  /// Stops drawing and clears the bar's line.
  public func finish() {
    lock.withLock {
      if isShown && !finished { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      finished = true
    }
  }

  /// Draws the bar once; false once it is finished. The lock is held while
  /// writing, so no bar can be drawn after `finish()` has cleared the line.
  private func draw() -> Bool {
    lock.withLock {
      guard !finished else { return false }
      let elapsed = Date().timeIntervalSince(started)
      let line = ProgressBar.line(
        label: label, completed: completed, total: total, elapsed: elapsed)
      FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
      return true
    }
  }

  /// The bar's text: the share done when the total is known, else a block
  /// whose place follows the time elapsed, and the seconds taken.
  public static func line(label: String, completed: Int, total: Int?, elapsed: Double) -> String {
    var cells = Array(repeating: "░", count: barWidth)
    var figure: String
    if let total, total > 0 {
      let share = min(1, max(0, Double(completed) / Double(total)))
      let filled = Int((share * Double(barWidth)).rounded(.down))
      for index in 0..<filled { cells[index] = "█" }
      figure = String(Int((share * 100).rounded(.down))) + "%"
      while figure.count < 4 { figure = " " + figure }
    } else {
      let block = 4
      let span = barWidth - block
      let step = Int(elapsed * 10) % (2 * span)
      let start = step <= span ? step : 2 * span - step
      for index in start..<(start + block) { cells[index] = "█" }
      figure = String(format: "%.1fs", elapsed)
    }
    return label + " " + cells.joined() + " " + figure
  }
}
