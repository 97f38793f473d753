import AspireReports
import Foundation
import Testing

/// The HTML writer escapes every value and writes well-formed pages.
@Suite struct HTMLTests {
  @Test func escapesTheFiveCharactersThatMatterInHTML() {
    #expect(
      HTMLEscaping.escape(#"<b>"Tom" & 'Jerry'</b>"#)
        == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    #expect(HTMLEscaping.escape("Ciarán Ó Súilleabháin") == "Ciarán Ó Súilleabháin")
  }

  @Test func escapesValuesInTablesHeadingsAndTitles() {
    var page = HTMLWriter(title: "<script>alert(1)</script>")
    page.element("h1", "A & B")
    page.table(header: ["<th>"], rows: [[HTMLCell("<img src=x>", cssClass: "\"x")]])
    let html = page.finish()
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<img"))
    #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    #expect(html.contains("<td class=\"&quot;x\">&lt;img src=x&gt;</td>"))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</body>\n</html>\n"))
  }

  @Test func closesEveryOpenElement() {
    var page = HTMLWriter(title: "t")
    page.open("section")
    page.open("ul")
    page.element("li", "one")
    let html = page.finish()
    #expect(html.contains("<li>one</li>\n</ul>\n</section>\n</body>"))
  }

  @Test func writesFilesAndFoldersReadableByTheirOwnerOnly() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-reports-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("packs/one.html")

    try ReportFiles.write("<p>x</p>", to: file)

    let fileMode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
    let folderMode = try FileManager.default.attributesOfItem(
      atPath: file.deletingLastPathComponent().path)[.posixPermissions]
    #expect((fileMode as? NSNumber)?.intValue == 0o600)
    #expect((folderMode as? NSNumber)?.intValue == 0o700)
    #expect(try String(contentsOf: file, encoding: .utf8) == "<p>x</p>")
  }

  @Test func makesNamesSafeAsOnePathComponent() {
    #expect(ReportFiles.safeName("T004") == "T004")
    #expect(ReportFiles.safeName("../etc/passwd") == "---etc-passwd")
    #expect(ReportFiles.safeName("") == "unnamed")
  }
}
