import AspireLanguage
import Foundation

/// Where output goes: results to stdout, diagnostics and progress to stderr,
/// colour on stderr only when it is a terminal and `NO_COLOR` is unset.
final class Console {
  let colourOnStandardError: Bool
  let renderer: DiagnosticRenderer

  init() {
    let environment = ProcessInfo.processInfo.environment
    let wantsColour = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    colourOnStandardError = wantsColour && isatty(2) == 1
    renderer = DiagnosticRenderer(useColour: colourOnStandardError)
  }

  /// A line on stdout.
  func out(_ text: String) {
    print(text)
  }

  /// A line on stderr.
  func error(_ text: String) {
    fflush(nil)
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Diagnostics, rendered, on stderr.
  func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    fflush(nil)
    let text = diagnostics.map(renderer.render).joined()
    FileHandle.standardError.write(Data(text.utf8))
  }
}
