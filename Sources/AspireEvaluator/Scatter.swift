import AspireLanguage
import AspireModel

extension Column {
  /// The column as numbers and a presence mask; anything not a number (the
  /// literal `missing`) counts as missing.
  var numbers: (values: [Double], present: [Bool]?) {
    if case .numbers(let values, let present) = self { return (values, present) }
    var values = [Double](repeating: 0, count: count)
    var present = [Bool](repeating: false, count: count)
    for row in 0..<count {
      if case .number(let number) = value(at: row) {
        values[row] = number
        present[row] = true
      }
    }
    return (values, present)
  }

  /// The column as flags and a presence mask; anything not a boolean (the
  /// literal `missing`) counts as missing.
  var booleans: (flags: [Bool], present: [Bool]?) {
    if case .booleans(let flags, let present) = self { return (flags, present) }
    var flags = [Bool](repeating: false, count: count)
    var present = [Bool](repeating: false, count: count)
    for row in 0..<count {
      if case .boolean(let flag) = value(at: row) {
        flags[row] = flag
        present[row] = true
      }
    }
    return (flags, present)
  }

  /// The column as grades: its own, or its values packed, when they are all
  /// grades or missing (the literal `missing` gives a column of values).
  var gradeColumn: GradeColumn? {
    switch self {
    case .grades(let grades): return grades
    case .values(let values): return GradeColumn(values)
    default: return nil
    }
  }

  /// The column as levels, nil where missing, when it holds levels.
  var levelArray: [Level?]? {
    switch self {
    case .levels(let levels): return levels
    case .values(let values):
      var levels = [Level?](repeating: nil, count: values.count)
      for (row, value) in values.enumerated() {
        switch value {
        case .level(let level): levels[row] = level
        case .missing: continue
        default: return nil
        }
      }
      return levels
    default: return nil
    }
  }

  /// Builds a column of `count` rows from parts evaluated on subsets of rows.
  static func scatter(_ parts: [(indices: [Int], column: Column)], count: Int, type: ValueType)
    -> Column
  {
    if case .grade = type.present, let grades = scatterGrades(parts, count: count) {
      return .grades(grades)
    }
    if type.present == .level, let levels = scatterLevels(parts, count: count) {
      return .levels(levels)
    }
    if type.present == .number {
      var numbers = [Double](repeating: 0, count: count)
      var present = [Bool](repeating: false, count: count)
      var anyMissing = false
      var filled = 0
      for (indices, column) in parts {
        guard case .numbers(let values, let mask) = column else {
          for (offset, row) in indices.enumerated() {
            if case .number(let number) = column.value(at: offset) {
              numbers[row] = number
              present[row] = true
            }
          }
          anyMissing = true
          continue
        }
        for (offset, row) in indices.enumerated() {
          numbers[row] = values[offset]
          let here = mask?[offset] ?? true
          present[row] = here
          if !here { anyMissing = true }
        }
        filled += indices.count
      }
      return .numbers(numbers, present: anyMissing || filled < count ? present : nil)
    }
    var values = [Value](repeating: .missing, count: count)
    for (indices, column) in parts {
      for (offset, row) in indices.enumerated() { values[row] = column.value(at: offset) }
    }
    return Column(values, type: type)
  }
}

extension Column {
  /// Grade parts into one column of grades; nil unless every part holds grades.
  static func scatterGrades(_ parts: [(indices: [Int], column: Column)], count: Int)
    -> GradeColumn?
  {
    let packed = parts.compactMap { $0.column.gradeColumn }
    guard packed.count == parts.count, let aligned = GradeColumn.aligned(packed) else {
      return nil
    }
    var result = GradeColumn(missing: count)
    result.scales = aligned.first?.scales ?? result.scales
    for ((indices, _), part) in zip(parts, aligned) {
      for (offset, row) in indices.enumerated() {
        result.scale[row] = part.scale[offset]
        result.rank[row] = part.rank[offset]
      }
    }
    return result
  }

  /// Level parts into one column of levels; nil unless every part holds levels.
  static func scatterLevels(_ parts: [(indices: [Int], column: Column)], count: Int)
    -> [Level?]?
  {
    var levels = [Level?](repeating: nil, count: count)
    for (indices, column) in parts {
      guard let part = column.levelArray else { return nil }
      for (offset, row) in indices.enumerated() { levels[row] = part[offset] }
    }
    return levels
  }
}

extension Column {
  /// This column with the rows at `rows` taken from `other`, whose rows are
  /// those rows in order: how `??` fills in the missing rows, and how one
  /// branch of an `if` run over every row takes in the other's rows.
  func replacing(_ rows: [Int], with other: Column, type: ValueType) -> Column {
    switch (self, other) {
    case (.numbers(var numbers, let present), .numbers(let values, let mask)):
      var known = present ?? Array(repeating: true, count: numbers.count)
      for (offset, row) in rows.enumerated() {
        numbers[row] = values[offset]
        known[row] = mask?[offset] ?? true
      }
      return .numbers(numbers, present: known.contains(false) ? known : nil)
    case (.booleans(var flags, let present), .booleans(let values, let mask)):
      var known = present ?? Array(repeating: true, count: flags.count)
      for (offset, row) in rows.enumerated() {
        flags[row] = values[offset]
        known[row] = mask?[offset] ?? true
      }
      return .booleans(flags, present: known.contains(false) ? known : nil)
    case (.levels(var levels), .levels(let values)):
      for (offset, row) in rows.enumerated() { levels[row] = values[offset] }
      return .levels(levels)
    case (.grades(let grades), _):
      guard let values = other.gradeColumn, let aligned = GradeColumn.aligned([grades, values])
      else { break }
      let (otherScale, otherRank) = (aligned[1].scale, aligned[1].rank)
      var rank = aligned[0].rank
      let scale = aligned[0].scale.changed { scale in
        rank = rank.changed { rank in
          for (offset, row) in rows.enumerated() {
            scale[row] = otherScale[offset]
            rank[row] = otherRank[offset]
          }
        }
      }
      return .grades(GradeColumn(scales: aligned[0].scales, scale: scale, rank: rank))
    default:
      break
    }
    var values = valueArray
    for (offset, row) in rows.enumerated() { values[row] = other.value(at: offset) }
    return Column(values, type: type)
  }

  /// `base` where `present`, else `values`, with the rows still missing
  /// (nil when none is).
  static func filled<Element>(
    _ base: [Element], _ present: [Bool], from values: [Element], _ mask: [Bool]?
  ) -> ([Element], [Bool]?) {
    var known = present
    let merged = base.changed { merged in
      for row in 0..<merged.count where !present[row] {
        merged[row] = values[row]
        known[row] = mask?[row] ?? true
      }
    }
    return (merged, known.contains(false) ? known : nil)
  }

  /// This column where it is present, `other` where it is missing: `??`
  /// with a right side worked out for every row.
  func coalesced(with other: Column, type: ValueType) -> Column {
    switch (self, other) {
    case (.numbers(_, nil), _), (.booleans(_, nil), _):
      return self
    case (.booleans(let flags, let present?), .booleans(let values, let mask)):
      let (merged, known) = Column.filled(flags, present, from: values, mask)
      return .booleans(merged, present: known)
    case (.numbers(let numbers, let present?), .numbers(let values, let mask)):
      let (merged, known) = Column.filled(numbers, present, from: values, mask)
      return .numbers(merged, present: known)
    case (.levels(let levels), .levels(let values)):
      return .levels(
        [Level?](count: levels.count, filledWith: nil) { merged in
          for row in 0..<merged.count { merged[row] = levels[row] ?? values[row] }
        })
    case (.grades(let grades), _):
      guard let values = other.gradeColumn, let aligned = GradeColumn.aligned([grades, values])
      else { break }
      let (scale, rank) = (aligned[1].scale, aligned[1].rank)
      var mergedRank = aligned[0].rank
      let mergedScale = aligned[0].scale.changed { mergedScale in
        mergedRank = mergedRank.changed { mergedRank in
          for row in 0..<mergedRank.count where mergedRank[row] < 0 {
            mergedScale[row] = scale[row]
            mergedRank[row] = rank[row]
          }
        }
      }
      return .grades(GradeColumn(scales: aligned[0].scales, scale: mergedScale, rank: mergedRank))
    case (.records(let table, let rows), .records(let otherTable, let values))
    where table === otherTable:
      return .records(
        table,
        rows.changed { merged in
          for row in 0..<merged.count where merged[row] < 0 { merged[row] = values[row] }
        })
    default:
      break
    }
    var values = valueArray
    for row in values.indices where values[row].isMissing { values[row] = other.value(at: row) }
    return Column(values, type: type)
  }
}
