import AspireLanguage
import AspireModel

// Kernels over columns of grades and levels: each a loop over bytes that
// gives, row for row, what `callBuiltin`, `combine` and `compareValues` give
// one value at a time.

extension GradeColumn {
  /// Each grade's points (`points(grade)`); missing where the grade is.
  func points() -> Column {
    // Points by scale and rank: the scale's place times 128 plus the rank.
    var table = [Double](repeating: 0, count: scales.count * 128)
    for (index, scale) in scales.enumerated() {
      for (rank, points) in scale.points.enumerated() { table[index * 128 + rank] = points }
    }
    let (scale, rank) = (self.scale, self.rank)
    var anyMissing = false
    let numbers = [Double](count: count, filledWith: 0) { numbers in
      for row in 0..<rank.count {
        if rank[row] < 0 {
          anyMissing = true
        } else {
          numbers[row] = table[Int(scale[row]) * 128 + Int(rank[row])]
        }
      }
    }
    return .numbers(numbers, present: anyMissing ? rank.map { $0 >= 0 } : nil)
  }

  /// Each grade moved by a number of steps, capped at its scale's ends
  /// (`grade + steps`); a step count that is not a whole number is an error
  /// wherever both are present.
  func moved(by steps: [Double], _ stepsPresent: [Bool]?, sign: Int, range: SourceRange) throws
    -> GradeColumn
  {
    let tops = scales.map { $0.grades.count - 1 }
    let scale = self.scale
    let moved = try rank.changed { moved in
      for row in 0..<moved.count where moved[row] >= 0 {
        if let stepsPresent, !stepsPresent[row] {
          moved[row] = -1
          continue
        }
        // A whole number, as `combine` asks; a billion steps already pass
        // the end of every scale.
        let number = steps[row]
        guard number.isFinite, number == number.rounded() else {
          throw RuntimeError(
            message: "a number of grade steps must be a whole number", range: range)
        }
        let step = Int(moved[row]) + sign * Int(Swift.min(Swift.max(number, -1e9), 1e9))
        moved[row] = Int8(Swift.min(Swift.max(step, 0), tops[Int(scale[row])]))
      }
    }
    return GradeColumn(scales: scales, scale: scale, rank: moved)
  }

  /// The steps from each grade of `other` up to this column's grade
  /// (`grade - grade`); missing where either is, or their scales differ.
  func steps(from other: GradeColumn) -> Column {
    guard let aligned = GradeColumn.aligned([self, other]) else {
      return Column.stepsByValue(self, other)
    }
    let (x, y) = (aligned[0], aligned[1])
    let classes = x.scaleClasses
    var numbers = [Double](repeating: 0, count: count)
    var present: [Bool]?
    for row in 0..<count {
      if x.rank[row] >= 0, y.rank[row] >= 0,
        classes[Int(x.scale[row])] == classes[Int(y.scale[row])]
      {
        numbers[row] = Double(Int(x.rank[row]) - Int(y.rank[row]))
        continue
      }
      if present == nil { present = Array(repeating: true, count: count) }
      present![row] = false
    }
    return .numbers(numbers, present: present)
  }

  /// For each row, -1, 0 or 1 as this column's grade comes before, with or
  /// after `other`'s; nil where either is missing or their scales differ.
  func order(against other: GradeColumn) -> [Int8?]? {
    guard let aligned = GradeColumn.aligned([self, other]) else { return nil }
    let (x, y) = (aligned[0], aligned[1])
    let classes = x.scaleClasses
    var orders = [Int8?](repeating: nil, count: count)
    for row in 0..<count {
      let (a, b) = (x.rank[row], y.rank[row])
      guard a >= 0, b >= 0, classes[Int(x.scale[row])] == classes[Int(y.scale[row])] else {
        continue
      }
      orders[row] = a < b ? -1 : (a == b ? 0 : 1)
    }
    return orders
  }

  /// The lowest or highest present grade of each row across `columns`, as
  /// `min` and `max` choose: missing grades are skipped, and a row with
  /// present grades of two scales, which have no order, is missing. Nil when
  /// the columns' scales do not fit one palette.
  static func extreme(of columns: [GradeColumn], highest: Bool) -> GradeColumn? {
    guard let aligned = GradeColumn.aligned(columns), let first = aligned.first else {
      return nil
    }
    let classes = first.scaleClasses
    var bestScale = first.scale
    var bestRank = first.rank
    // Rows found to mix scales stay missing, whatever columns come after.
    var mixed = [Bool](repeating: false, count: first.rank.count)
    for column in aligned.dropFirst() {
      let (scale, rank) = (column.scale, column.rank)
      bestScale.withUnsafeMutableBufferPointer { bestScale in
        bestRank.withUnsafeMutableBufferPointer { bestRank in
          for row in 0..<rank.count where rank[row] >= 0 && !mixed[row] {
            let best = bestRank[row]
            if best < 0 {
              bestRank[row] = rank[row]
              bestScale[row] = scale[row]
            } else if classes[Int(scale[row])] != classes[Int(bestScale[row])] {
              mixed[row] = true
              bestRank[row] = -1
            } else if highest ? rank[row] > best : rank[row] < best {
              bestRank[row] = rank[row]
              bestScale[row] = scale[row]
            }
          }
        }
      }
    }
    return GradeColumn(scales: first.scales, scale: bestScale, rank: bestRank)
  }

  /// Each level's highest or lowest grade (`top(level)`, `bottom(level)`).
  static func bound(of levels: [Level?], highest: Bool) -> GradeColumn {
    let entries = LevelScales().entries
    let index = entries.map(\.index)
    let ranks = entries.map { highest ? Int8($0.count - 1) : 0 }
    var rank: [Int8] = []
    let scale = [UInt8](count: levels.count, filledWith: 0) { scale in
      rank = [Int8](count: levels.count, filledWith: -1) { rank in
        for row in 0..<levels.count {
          guard let level = levels[row] else { continue }
          scale[row] = index[level.order]
          rank[row] = ranks[level.order]
        }
      }
    }
    return GradeColumn(scales: GradeColumn.builtInScales, scale: scale, rank: rank)
  }

  /// The grade of each row's level nearest its points (`grade(points,
  /// level)`), halfway going up, as `GradeScale.grade(nearest:)` chooses.
  static func nearest(_ points: [Double], _ present: [Bool]?, levels: [Level?]) -> GradeColumn {
    let scales = LevelScales()
    let (entries, table) = (scales.entries, scales.points)
    var rank: [Int8] = []
    let scale = [UInt8](count: levels.count, filledWith: 0) { scale in
      rank = [Int8](count: levels.count, filledWith: -1) { rank in
        for row in 0..<levels.count {
          guard let level = levels[row], present?[row] ?? true else { continue }
          // A learner's rows often repeat the points and level of the row before.
          if row > 0 && rank[row - 1] >= 0 && levels[row - 1] == level
            && points[row - 1] == points[row]
          {
            scale[row] = scale[row - 1]
            rank[row] = rank[row - 1]
            continue
          }
          let entry = entries[level.order]
          scale[row] = entry.index
          rank[row] = Int8(entry.nearest(points[row], in: table))
        }
      }
    }
    return GradeColumn(scales: scales.palette, scale: scale, rank: rank)
  }
}

/// Each level's scale as plain arrays indexed by `Level.order`, for loops
/// over rows: its place in the built-in palette, its size, and its points.
struct LevelScales {
  /// One level's scale.
  struct Entry {
    /// The scale's place in `palette`.
    var index: UInt8
    /// How many grades the scale has.
    var count: Int
    /// Where the scale's points start in `points`.
    var first: Int
    /// Whether the points go up one at a time from the first, `lowest`.
    var isUniform: Bool
    var lowest: Double

    /// The rank whose points, in `table`, are nearest `target`; halfway goes up.
    @inline(__always) func nearest(_ target: Double, in table: [Double]) -> Int {
      if isUniform && abs(target) <= 1e12 {
        // Points one apart from `lowest`: the nearest is the grade at or
        // below the target, or the one above it from halfway up. Away from
        // huge targets the target's distance above the grade below is exact,
        // so this is what the loop below would choose.
        let offset = Swift.min(Swift.max(target - lowest, 0), Double(count - 1))
        let below = Int(offset)
        return below + (offset - Double(below) >= 0.5 && below < count - 1 ? 1 : 0)
      }
      // Beyond either end the end's grade is nearest; far beyond it the
      // distances are too large to tell apart and would all tie.
      let ends = (first..<(first + count)).map { table[$0] }
      if let low = ends.indices.min(by: { ends[$0] < ends[$1] }), target <= ends[low] {
        return low
      }
      if let high = ends.indices.max(by: { ends[$0] < ends[$1] }), target >= ends[high] {
        return high
      }
      var best = 0
      for candidate in 1..<count {
        let distance = abs(table[first + candidate] - target)
        let bestDistance = abs(table[first + best] - target)
        if distance < bestDistance
          || (distance == bestDistance && table[first + candidate] > table[first + best])
        {
          best = candidate
        }
      }
      return best
    }
  }

  let palette = GradeColumn.builtInScales
  var entries: [Entry] = []
  var points: [Double] = []

  init() {
    let levels = Level.allCases.sorted { $0.order < $1.order }
    precondition(levels.map(\.order) == Array(levels.indices))
    for level in levels {
      // The built-in scales are the palette, so every level's scale is in it.
      let index = UInt8(palette.firstIndex { $0 === level.scale }!)
      let scalePoints = level.scale.points
      let isUniform = scalePoints.indices.allSatisfy {
        scalePoints[$0] == scalePoints[0] + Double($0)
      }
      entries.append(
        Entry(
          index: index, count: level.scale.grades.count, first: points.count,
          isUniform: isUniform, lowest: scalePoints[0]))
      points.append(contentsOf: level.scale.points)
    }
  }
}

extension Column {
  /// `grade - grade` one value at a time, for grades that fit no palette.
  static func stepsByValue(_ x: GradeColumn, _ y: GradeColumn) -> Column {
    let values = (0..<x.count).map { row -> Value in
      guard let a = x.grade(at: row), let b = y.grade(at: row), a.scale == b.scale else {
        return .missing
      }
      return .number(Double(a.rank - b.rank))
    }
    return Column(values, type: .number)
  }
}

/// For each row, -1, 0 or 1 as one level comes before, with or after the
/// other; nil where either is missing.
func levelOrder(_ x: [Level?], _ y: [Level?]) -> [Int8?] {
  zip(x, y).map { a, b in
    guard let a, let b else { return nil }
    return a < b ? -1 : (a == b ? 0 : 1)
  }
}
