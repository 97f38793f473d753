/// The level of a course: Scottish qualifications in S4 to S6, or the broad
/// general education (BGE) of S1 to S3.
public enum Level: String, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
  case bge = "BGE"
  case national3 = "N3"
  case national4 = "N4"
  case national5 = "N5"
  case higher = "H"
  case advancedHigher = "AH"

  /// Reads `N5`, `H`, `AH`, `BGE` or the long names (`National 5`, `Higher`,
  /// `Advanced Higher`), case-insensitively.
  public init?(parsing text: some StringProtocol) {
    let key = text.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
    switch key {
    case "bge": self = .bge
    case "n3", "national 3": self = .national3
    case "n4", "national 4": self = .national4
    case "n5", "national 5": self = .national5
    case "h", "higher": self = .higher
    case "ah", "advanced higher": self = .advancedHigher
    default: return nil
    }
  }

  /// The scale this level's grades are on.
  public var scale: GradeScale {
    switch self {
    case .bge: return .curriculum
    case .national3, .national4: return .passFail
    case .national5, .higher, .advancedHigher: return .sqa
    }
  }

  /// Levels in order of difficulty, for comparing evidence across levels.
  public var order: Int {
    switch self {
    case .bge: return 0
    case .national3: return 1
    case .national4: return 2
    case .national5: return 3
    case .higher: return 4
    case .advancedHigher: return 5
    }
  }

  /// The long name: `National 5`, `Higher`.
  public var longName: String {
    switch self {
    case .bge: return "Broad General Education"
    case .national3: return "National 3"
    case .national4: return "National 4"
    case .national5: return "National 5"
    case .higher: return "Higher"
    case .advancedHigher: return "Advanced Higher"
    }
  }

  public var description: String { rawValue }

  public static func < (lhs: Level, rhs: Level) -> Bool { lhs.order < rhs.order }
}

/// Points for each grade at each level: the SQA points, UCAS tariff, or a
/// school's own table declared in a script.
public struct PointsTable: Hashable, Sendable {
  public let name: String
  /// Points by level, then by grade rank on the level's scale.
  private let table: [Level: [Double?]]

  public init(name: String, table: [Level: [Double?]]) {
    self.name = name
    self.table = table
  }

  /// The points of `grade` at `level`, or nil where the table has none.
  public func points(of grade: Grade, at level: Level) -> Double? {
    guard level.scale == grade.scale, let row = table[level], row.indices.contains(grade.rank)
    else { return nil }
    return row[grade.rank]
  }

  /// Each scale's own points at every level (A 4 … No Award 0; Pass 1, Fail 0).
  public static let sqa: PointsTable = {
    var table: [Level: [Double?]] = [:]
    for level in Level.allCases { table[level] = level.scale.points.map { $0 } }
    return PointsTable(name: "sqa", table: table)
  }()

  /// The UCAS tariff from 2017: Higher and Advanced Higher only.
  public static let ucas = PointsTable(
    name: "ucas",
    table: [
      .higher: [nil, 15, 21, 27, 33],
      .advancedHigher: [nil, 32, 40, 48, 56],
    ])
}
