import AspireLanguage
import AspireModel
import AspireStore

/// Reads one column of a query's rows, row by row, into the column a field
/// of its type is held in.
///
/// Readers change their own stored properties at every row, where Swift would
/// check each time that nothing else is changing them at once; nothing can,
/// as a reader is used by one loop only, so those checks are turned off
/// (`@exclusivity(unchecked)`).
protocol ColumnReader: AnyObject {
  /// Reads row `row` of `batch`.
  func read(_ batch: RowBatch, _ row: Int)
  /// The column of every row read.
  func column() -> Column
}

/// Numbers: integers and reals; anything else is missing.
final class NumberReader: ColumnReader {
  let index: Int
  @exclusivity(unchecked) var numbers: [Double] = []
  @exclusivity(unchecked) var present: [Bool]?

  init(column: Int) {
    index = column
  }

  func read(_ batch: RowBatch, _ row: Int) {
    if let number = batch.number(row, index) {
      numbers.append(number)
      present?.append(true)
    } else {
      if present == nil { present = Array(repeating: true, count: numbers.count) }
      numbers.append(0)
      present!.append(false)
    }
  }

  func column() -> Column { .numbers(numbers, present: present) }
}

/// Booleans stored as the integers 0 and 1; anything but an integer is missing.
final class BooleanReader: ColumnReader {
  let index: Int
  @exclusivity(unchecked) var values: [Value] = []

  init(column: Int) {
    index = column
  }

  func read(_ batch: RowBatch, _ row: Int) {
    values.append(batch.integerValue(row, index).map { .boolean($0 != 0) } ?? .missing)
  }

  func column() -> Column { Column(values, type: .boolean) }
}

/// Texts and what is parsed from them (dates, stages, statuses): each
/// distinct text is made and parsed once.
final class ParsedReader: ColumnReader {
  let index: Int
  let parse: (String) -> Value?
  @exclusivity(unchecked) var interner = TextInterner()
  /// The parsed value of each distinct text, by its number.
  @exclusivity(unchecked) var parsed: [Value] = []
  @exclusivity(unchecked) var values: [Value] = []

  init(column: Int, parse: @escaping (String) -> Value?) {
    index = column
    self.parse = parse
  }

  func read(_ batch: RowBatch, _ row: Int) {
    let value = batch.withText(row, index) { bytes -> Value in
      guard let number = interner.number(of: bytes) else {
        return parse(String(decoding: bytes, as: UTF8.self)) ?? .missing
      }
      if number == parsed.count { parsed.append(parse(interner.texts[number]) ?? .missing) }
      return parsed[number]
    }
    values.append(value ?? .missing)
  }

  func column() -> Column { .values(values) }
}

/// Levels, read in their own column of levels; other readers of the same
/// row ask for `current`, the level just read.
final class LevelReader: ColumnReader {
  let index: Int
  @exclusivity(unchecked) var interner = TextInterner()
  @exclusivity(unchecked) var parsed: [Level?] = []
  @exclusivity(unchecked) var levels: [Level?] = []
  /// The current row's level, nil where it has none or it is not a level.
  @exclusivity(unchecked) private(set) var current: Level?

  init(column: Int) {
    index = column
  }

  func read(_ batch: RowBatch, _ row: Int) {
    current =
      batch.withText(row, index) { bytes -> Level? in
        guard let number = interner.number(of: bytes) else {
          return Level(parsing: String(decoding: bytes, as: UTF8.self))
        }
        if number == parsed.count { parsed.append(Level(parsing: interner.texts[number])) }
        return parsed[number]
      } ?? nil
    levels.append(current)
  }

  func column() -> Column { .levels(levels) }
}

/// Grades, each read on the first of its row's levels that is known, or on
/// the first built-in scale that knows it when none is.
final class GradeReader: ColumnReader {
  let index: Int
  let levels: [LevelReader]
  @exclusivity(unchecked) var interner = TextInterner()
  /// For each distinct text and level, the grade read: by the text's number
  /// times `levelCodes` plus the level's order (or the last code for none);
  /// the scale's place in the palette times 128 plus the rank, -1 for no
  /// grade, -2 where not worked out yet.
  @exclusivity(unchecked) var known: [Int16] = []
  static let levelCodes = Level.allCases.count + 1
  @exclusivity(unchecked) var scale: [UInt8] = []
  @exclusivity(unchecked) var rank: [Int8] = []

  init(column: Int, levels: [LevelReader]) {
    index = column
    self.levels = levels
  }

  func read(_ batch: RowBatch, _ row: Int) {
    var level: Level?
    for source in levels where level == nil { level = source.current }
    let code =
      batch.withText(row, index) { bytes -> Int16 in
        guard let number = interner.number(of: bytes) else {
          return GradeReader.code(String(decoding: bytes, as: UTF8.self), on: level)
        }
        let slot = number * GradeReader.levelCodes + (level?.order ?? Level.allCases.count)
        if slot >= known.count {
          known.append(contentsOf: repeatElement(-2, count: slot + 1 - known.count))
        }
        if known[slot] == -2 { known[slot] = GradeReader.code(interner.texts[number], on: level) }
        return known[slot]
      } ?? -1
    scale.append(code < 0 ? 0 : UInt8(code / 128))
    rank.append(code < 0 ? -1 : Int8(code % 128))
  }

  /// The grade called `name` on `level`'s scale, or on the first built-in
  /// scale that knows it when the level is unknown, as a code.
  static func code(_ name: String, on level: Level?) -> Int16 {
    var found: Grade?
    if let level { found = level.scale.grade(named: name) }
    if found == nil {
      found = GradeScale.builtIn.lazy.compactMap { $0.grade(named: name) }.first
    }
    guard let found,
      let position = GradeColumn.builtInScales.firstIndex(where: { $0 === found.scale })
    else { return -1 }
    return Int16(position * 128 + found.rank)
  }

  func column() -> Column {
    .grades(GradeColumn(scales: GradeColumn.builtInScales, scale: scale, rank: rank))
  }
}

/// Links to rows of another table by their id: row numbers, -1 where no row
/// has the id. The ids of rows with no linked row are kept beside.
final class LinkReader: ColumnReader {
  let index: Int
  let ids: IdIndex
  @exclusivity(unchecked) var rows: [Int] = []
  /// For each row whose id matched no row, that id.
  @exclusivity(unchecked) var unlinked: [Int: String] = [:]
  /// The row the last id matched: links in the linked table's order (the
  /// learners of enrolments sorted by learner) match it or the next.
  @exclusivity(unchecked) var last = 0

  init(column: Int, ids: IdIndex) {
    index = column
    self.ids = ids
  }

  func read(_ batch: RowBatch, _ row: Int) {
    let row =
      batch.withText(row, index) { bytes -> Int in
        if ids.isUnique {
          if ids.holds(last, bytes) { return last }
          if ids.holds(last + 1, bytes) {
            last += 1
            return last
          }
          if let found = ids.row(of: bytes) {
            last = found
            return found
          }
        }
        // An id written otherwise than the linked row's own (in other bytes
        // for the same text), or no row's id at all.
        let id = String(decoding: bytes, as: UTF8.self)
        guard let found = ids.position[id] else {
          unlinked[rows.count] = id
          return -1
        }
        last = found
        return found
      } ?? -1
    rows.append(row)
  }

  func column() -> Column { .records(ids.table, rows) }
}

/// A table's rows by their ids, for the tables that link to it.
final class IdIndex {
  let table: TableData
  /// Each row's id ("" where it has none).
  let ids: [String]
  /// The row of each id; the last row, where several share one.
  let position: [String: Int]
  /// Whether no two rows share an id, so the first match is the only one.
  let isUnique: Bool
  /// Each row's id as bytes, one after another, and where each starts.
  let bytes: [UInt8]
  let starts: [Int]
  /// The rows by the hash of their ids' bytes, open addressing: a row plus
  /// one, or 0 for an empty slot. Empty unless the ids are unique.
  let slots: [Int32]

  init(_ table: TableData, key: Int) {
    self.table = table
    var ids = [String](repeating: "", count: table.count)
    var position: [String: Int] = [:]
    var hasTextless = false
    var bytes: [UInt8] = []
    var starts = [0]
    for row in 0..<table.count {
      if case .text(let id) = table.value(key, at: row) {
        ids[row] = id
        position[id] = row
        bytes.append(contentsOf: id.utf8)
      } else {
        hasTextless = true
      }
      starts.append(bytes.count)
    }
    self.ids = ids
    self.position = position
    self.bytes = bytes
    self.starts = starts
    let isUnique = !hasTextless && position.count == table.count
    self.isUnique = isUnique
    var slots = [Int32](repeating: 0, count: isUnique ? IdIndex.slotCount(for: table.count) : 0)
    bytes.withUnsafeBufferPointer { bytes in
      for row in 0..<(isUnique ? starts.count - 1 : 0) {
        let id = UnsafeBufferPointer(rebasing: bytes[starts[row]..<starts[row + 1]])
        var slot = Int(truncatingIfNeeded: TextInterner.hash(id)) & (slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(row + 1)
      }
    }
    self.slots = slots
  }

  /// A power of two at least twice `count`.
  static func slotCount(for count: Int) -> Int {
    var slots = 16
    while slots < count * 2 { slots *= 2 }
    return slots
  }

  /// The row whose id is exactly these bytes, when the ids are unique.
  func row(of text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !slots.isEmpty else { return nil }
    var slot = Int(truncatingIfNeeded: TextInterner.hash(text)) & (slots.count - 1)
    while slots[slot] != 0 {
      let row = Int(slots[slot]) - 1
      if holds(row, text) { return row }
      slot = (slot + 1) & (slots.count - 1)
    }
    return nil
  }

  /// Whether row `row` exists and its id is exactly these bytes.
  func holds(_ row: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard row < ids.count else { return false }
    let start = starts[row]
    guard starts[row + 1] - start == text.count else { return false }
    for offset in 0..<text.count where bytes[start + offset] != text[offset] { return false }
    return true
  }
}
