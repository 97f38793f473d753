import AspireLanguage

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

  /// Builds a column of `count` rows from parts evaluated on subsets of rows.
  static func scatter(_ parts: [(indices: [Int], column: Column)], count: Int, type: ValueType)
    -> Column
  {
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
