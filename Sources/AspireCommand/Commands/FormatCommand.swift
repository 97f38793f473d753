import AspireLanguage
import Foundation

/// `aspire fmt [--write] FILE...`: prints each script in the canonical layout,
/// or rewrites it in place. A script with a syntax error is left alone.
enum FormatCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "fmt", flags: ["write"])
    let files = try ScriptFiles.loadAll(options.positional, command: "fmt")
    var status = ExitStatus.success
    for loaded in files {
      guard case .success(let file) = loaded else {
        if case .failure(let diagnostic) = loaded { console.report([diagnostic]) }
        status = .failure
        continue
      }
      let (program, diagnostics) = Parser.parse(file)
      guard diagnostics.isEmpty else {
        console.report(diagnostics)
        status = .failure
        continue
      }
      let text = Formatter().format(program)
      if options.flags.contains("write") {
        do {
          try Data(text.utf8).write(to: URL(fileURLWithPath: file.name), options: .atomic)
        } catch {
          console.error("error: cannot write \(file.name): \(error.localizedDescription)")
          status = .failure
        }
      } else {
        FileHandle.standardOutput.write(Data(text.utf8))
      }
    }
    return status
  }
}
