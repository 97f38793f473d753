import AspireModel
import AspireStore
import Foundation

/// One data file imported as `aspire import` and the REPL's `.import` run it:
/// the store's own kinds through `Importer`, a teacher's raises of targets
/// through `RaiseImporter`. Each file stands alone: a bad row, or a store
/// error, leaves that file unimported and the next one is still read.
public struct FileImport {
  /// What a file holds, as the command line names it.
  public enum Kind: Equatable, Sendable {
    case table(ImportKind)
    case raises

    /// Reads `learners`, `raises`, … in any case.
    public init?(name: String) {
      if name.lowercased() == "raises" {
        self = .raises
      } else if let kind = ImportKind(name: name) {
        self = .table(kind)
      } else {
        return nil
      }
    }

    /// Every kind's name: the store's own, then a teacher's raises.
    public static let names = ImportKind.allCases.map(\.rawValue) + ["raises"]

    /// The names as help lists them.
    public static var list: String { "the kinds are " + names.joined(separator: ", ") }
  }

  /// What one file's import did: its summary line, or every bad row.
  public struct Outcome: Sendable {
    public var summary: String
    public var problems: [String]

    /// Whether the file was imported (or, in a dry run, would be).
    public var succeeded: Bool { problems.isEmpty }

    /// The lines for people: the summary, or the problems and that nothing
    /// was imported.
    public func lines(file: String) -> [String] {
      succeeded ? [summary] : problems + ["\(file): nothing imported"]
    }
  }

  public let kind: Kind
  public let store: Store
  public let session: Session
  public let user: String
  public var dryRun = false
  public var encoding = TextEncoding.utf8

  /// An import of `kind` files into `store`'s `session`, by `user`.
  public init(kind: Kind, store: Store, session: Session, user: String) {
    self.kind = kind
    self.store = store
    self.session = session
    self.user = user
  }

  /// Imports the file at `path`. Throws only when the file cannot be read.
  public func run(file path: String) throws -> Outcome {
    do {
      switch kind {
      case .table(let table):
        let outcome = try Importer(store: store).run(
          kind: table, file: path, session: session, dryRun: dryRun, encoding: encoding,
          by: user)
        return Outcome(summary: outcome.summary, problems: outcome.diagnostics.map(\.description))
      case .raises:
        let outcome = try RaiseImporter(store: store, session: session, user: user)
          .run(file: path, dryRun: dryRun, encoding: encoding)
        return Outcome(summary: outcome.summary, problems: outcome.diagnostics.map(\.description))
      }
    } catch let error as DatabaseError {
      // The file's transaction was rolled back; the next file stands alone.
      return Outcome(summary: "", problems: ["\(path): error: \(error)"])
    }
  }
}
