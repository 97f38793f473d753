// aspire-bench: times a target formula over a cohort with the store's tables
// already loaded, beside a hand-written loop over plain arrays of the same
// data, and a tune of one parameter. scripts/bench runs it; see there.
import Foundation

do {
  let options = try BenchOptions(CommandLine.arguments.dropFirst())
  try FormulaBench(options).run()
} catch {
  FileHandle.standardError.write(Data("aspire-bench: \(error)\n".utf8))
  exit(1)
}
