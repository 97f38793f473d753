import AspireModel

/// What `aspire-bench` is asked to time.
struct BenchOptions {
  var database = "aspire.db"
  var session = Session(parsing: "2026-27")!
  var formula = "aspirational"
  var cohort = "seniors.enrolments"
  /// The parameter to tune, and the values to try.
  var parameter = "uplift"
  var tuneValues = Array(0..<20).map(String.init)
  /// How many times each timing is repeated; the best is reported.
  var runs = 5
  var scripts: [String] = []

  init(_ arguments: ArraySlice<String>) throws {
    var rest = arguments
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("--") else {
        scripts.append(argument)
        continue
      }
      guard let value = rest.popFirst() else { throw BenchError("\(argument) needs a value") }
      switch argument {
      case "--db": database = value
      case "--session":
        guard let named = Session(parsing: value) else { throw BenchError("no session \(value)") }
        session = named
      case "--formula": formula = value
      case "--cohort": cohort = value
      case "--tune": parameter = value
      case "--tune-values": tuneValues = value.split(separator: ",").map(String.init)
      case "--runs": runs = max(1, Int(value) ?? 5)
      default: throw BenchError("unknown option \(argument)")
      }
    }
    guard !scripts.isEmpty else {
      throw BenchError(
        "usage: aspire-bench [--db PATH] [--session S] [--formula F] [--cohort C] [--runs N] "
          + "SCRIPT...")
    }
  }
}

/// Why the bench could not run.
struct BenchError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
