import AspireModel

/// Grades for every row of a batch as ranks on their scales: one byte for the
/// rank and one for the scale, which is picked from a small palette. A column
/// may mix scales (the predictions of N4 and Higher courses), so kernels over
/// grades run over bytes, and a grade becomes a `Value` only when printed.
public struct GradeColumn: Sendable {
  /// The scales the rows' grades are on, each object once.
  public var scales: [GradeScale]
  /// For each row, the position of its grade's scale in `scales`.
  public var scale: [UInt8]
  /// For each row, its grade's rank on its scale; -1 where the row is missing.
  public var rank: [Int8]

  /// The palette every column starts from: the built-in scales, in the order
  /// of `GradeScale.builtIn`, so that columns of the school's grades share it.
  public static let builtInScales = GradeScale.builtIn

  /// The most scales a palette holds, and the most grades a scale may have,
  /// for its grades to fit in a column; others are held as values.
  static let maximumScales = 255
  static let maximumGrades = 127

  public init(scales: [GradeScale], scale: [UInt8], rank: [Int8]) {
    precondition(scale.count == rank.count)
    self.scales = scales
    self.scale = scale
    self.rank = rank
  }

  /// A column of `count` missing grades.
  public init(missing count: Int) {
    self.init(
      scales: GradeColumn.builtInScales, scale: Array(repeating: 0, count: count),
      rank: Array(repeating: -1, count: count))
  }

  /// Packs one value per row, or nil when a value is neither a grade nor
  /// missing, or its scale is too large to pack.
  public init?(_ values: [Value]) {
    var palette = Palette()
    var scale = [UInt8](repeating: 0, count: values.count)
    var rank = [Int8](repeating: -1, count: values.count)
    for (row, value) in values.enumerated() {
      switch value {
      case .grade(let grade):
        guard let index = palette.index(of: grade.scale) else { return nil }
        scale[row] = index
        rank[row] = Int8(grade.rank)
      case .missing:
        continue
      default:
        return nil
      }
    }
    self.init(scales: palette.scales, scale: scale, rank: rank)
  }

  public var count: Int { rank.count }

  /// The grade in `row`, or nil where it is missing.
  public func grade(at row: Int) -> Grade? {
    let rank = rank[row]
    guard rank >= 0 else { return nil }
    return Grade(scale: scales[Int(scale[row])], rank: Int(rank))
  }

  /// The rows at `indices`, in that order; -1 gives a missing grade.
  public func gathered(_ indices: [Int]) -> GradeColumn {
    GradeColumn(
      scales: scales, scale: scale.gathered(indices, filler: 0),
      rank: rank.gathered(indices, filler: -1))
  }

  /// For each scale of the palette, the first position of a scale equal to
  /// it: grades compare only when these agree, as `GradeScale`'s `==` says.
  public var scaleClasses: [UInt8] {
    scales.indices.map { index in
      UInt8(scales.firstIndex { $0 == scales[index] }!)
    }
  }

  /// The same grades on a palette that starts with `scales` and adds any of
  /// this column's scales it lacks; nil when more scales than fit.
  public func rebased(on scales: [GradeScale]) -> GradeColumn? {
    if scales.count == self.scales.count && zip(scales, self.scales).allSatisfy({ $0 === $1 }) {
      return self
    }
    var palette = Palette(scales)
    var map = [UInt8](repeating: 0, count: self.scales.count)
    for (index, scale) in self.scales.enumerated() {
      guard let position = palette.index(of: scale) else { return nil }
      map[index] = position
    }
    return GradeColumn(scales: palette.scales, scale: scale.map { map[Int($0)] }, rank: rank)
  }

  /// Columns of grades on one shared palette, for kernels that combine them;
  /// nil when their scales do not fit in one palette.
  public static func aligned(_ columns: [GradeColumn]) -> [GradeColumn]? {
    guard var scales = columns.first?.scales else { return [] }
    for column in columns.dropFirst() {
      for scale in column.scales where !scales.contains(where: { $0 === scale }) {
        scales.append(scale)
      }
    }
    guard scales.count <= maximumScales else { return nil }
    return columns.map { $0.rebased(on: scales)! }
  }

  /// A growing list of scales, each object once, and their positions.
  struct Palette {
    var scales: [GradeScale]

    init(_ scales: [GradeScale] = GradeColumn.builtInScales) {
      self.scales = scales
    }

    /// The position of `scale`, added when new; nil when it cannot be packed.
    mutating func index(of scale: GradeScale) -> UInt8? {
      if let index = scales.firstIndex(where: { $0 === scale }) { return UInt8(index) }
      guard scales.count < GradeColumn.maximumScales,
        scale.grades.count <= GradeColumn.maximumGrades
      else { return nil }
      scales.append(scale)
      return UInt8(scales.count - 1)
    }
  }
}
