import AspireStore

/// Where completion finds the fields of the thing named before a dot. The
/// checker can feed this later with the fields of any typed value; for now
/// the store's tables are known by their import columns.
public protocol FieldSource {
  /// The names that have fields, offered when completing a name.
  var subjects: [String] { get }
  /// The fields of `subject`, or nil when it has none known.
  func fields(of subject: String) -> [String]?
}

/// The fields of the store's tables (`learners`, `staff`, `subjects`,
/// `enrolments`, `assessments`, `results`, `contacts`), from the columns
/// their import files have.
public struct StoreTableFields: FieldSource {
  public init() {}

  public var subjects: [String] { ImportKind.allCases.map(\.rawValue) }

  public func fields(of subject: String) -> [String]? {
    guard let kind = ImportKind(rawValue: subject) else { return nil }
    return kind.requiredColumns + kind.optionalColumns
  }
}
