import Foundation
import Testing

/// `scripts/render-reports`: the demo's analysis and a Live Report rendered
/// to PNG by headless Chromium, checked to be real pictures, not blank pages.
@Suite struct RenderReportsTests {
  static let hasChromium = ProcessInfo.processInfo.environment["PATH", default: ""]
    .split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/chromium") }

  @Test(
    .enabled(if: hasChromium, "chromium is not installed: run scripts/setup --tests"))
  func theAnalysisAndALiveReportRenderToPictures() throws {
    let demo = try DemoRun.shared.get()
    #expect(demo.outcome.status == 0)
    let pngs = demo.folder.appendingPathComponent("pngs")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "bash", CommandRunner.root.appendingPathComponent("scripts/render-reports").path,
      "--from", demo.out.path, pngs.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    for (name, width) in [("analysis-2027.png", 1200), ("live-report.png", 900)] {
      let checked = try runPython([
        CommandRunner.root.appendingPathComponent("Tests/DemoChecks/check_png.py").path,
        pngs.appendingPathComponent(name).path,
      ])
      let picture = try JSONDecoder().decode(Picture.self, from: checked.output)
      #expect(picture.width == width, "\(name)")
      #expect(picture.bytes > 20_000, "\(name) is \(picture.bytes) bytes")
      // A blank page has about 0.0004 of its bytes off the background.
      #expect(picture.ink > 0.005, "\(name) looks blank")
    }
  }
}

/// What `check_png.py` read of a PNG.
private struct Picture: Decodable {
  var width: Int
  var height: Int
  var bytes: Int
  var ink: Double
}
