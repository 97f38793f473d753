import AspireLanguage
import AspireModel
import AspireStore

/// Reads one column of a query's rows, row by row, into the column a field
/// of its type is held in.
protocol ColumnReader: AnyObject {
  /// Reads the current row of `statement`.
  func read(_ statement: AspireStore.Statement)
  /// The column of every row read.
  func column() -> Column
}

/// Numbers: integers and reals; anything else is missing.
final class NumberReader: ColumnReader {
  let index: Int
  var numbers: [Double] = []
  var present: [Bool]?

  init(column: Int) {
    index = column
  }

  func read(_ statement: AspireStore.Statement) {
    if let number = statement.number(at: index) {
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
  var values: [Value] = []

  init(column: Int) {
    index = column
  }

  func read(_ statement: AspireStore.Statement) {
    values.append(statement.integerValue(at: index).map { .boolean($0 != 0) } ?? .missing)
  }

  func column() -> Column { Column(values, type: .boolean) }
}

/// Texts and what is parsed from them (dates, stages, statuses): each
/// distinct text is made and parsed once.
final class ParsedReader: ColumnReader {
  let index: Int
  let parse: (String) -> Value?
  var interner = TextInterner()
  /// The parsed value of each distinct text, by its number.
  var parsed: [Value] = []
  var values: [Value] = []

  init(column: Int, parse: @escaping (String) -> Value?) {
    index = column
    self.parse = parse
  }

  func read(_ statement: AspireStore.Statement) {
    let value = statement.withText(at: index) { bytes -> Value in
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
  var interner = TextInterner()
  var parsed: [Level?] = []
  var levels: [Level?] = []
  /// The current row's level, nil where it has none or it is not a level.
  private(set) var current: Level?

  init(column: Int) {
    index = column
  }

  func read(_ statement: AspireStore.Statement) {
    current =
      statement.withText(at: index) { bytes -> Level? in
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
  var interner = TextInterner()
  /// For each distinct text and level, the grade read: by the text's number
  /// times `levelCodes` plus the level's order (or the last code for none);
  /// the scale's place in the palette times 128 plus the rank, -1 for no
  /// grade, -2 where not worked out yet.
  var known: [Int16] = []
  static let levelCodes = Level.allCases.count + 1
  var scale: [UInt8] = []
  var rank: [Int8] = []

  init(column: Int, levels: [LevelReader]) {
    index = column
    self.levels = levels
  }

  func read(_ statement: AspireStore.Statement) {
    var level: Level?
    for source in levels where level == nil { level = source.current }
    let code =
      statement.withText(at: index) { bytes -> Int16 in
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
  var rows: [Int] = []
  /// For each row whose id matched no row, that id.
  var unlinked: [Int: String] = [:]
  /// The row the last id matched: links in the linked table's order (the
  /// learners of enrolments sorted by learner) match it or the next.
  var last = 0

  init(column: Int, ids: IdIndex) {
    index = column
    self.ids = ids
  }

  func read(_ statement: AspireStore.Statement) {
    let row =
      statement.withText(at: index) { bytes -> Int in
        if ids.isUnique {
          if last < ids.ids.count && TextInterner.equal(ids.ids[last], bytes) { return last }
          if last + 1 < ids.ids.count && TextInterner.equal(ids.ids[last + 1], bytes) {
            last += 1
            return last
          }
        }
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

  init(_ table: TableData, key: Int) {
    self.table = table
    var ids = [String](repeating: "", count: table.count)
    var position: [String: Int] = [:]
    var hasTextless = false
    for row in 0..<table.count {
      if case .text(let id) = table.value(key, at: row) {
        ids[row] = id
        position[id] = row
      } else {
        hasTextless = true
      }
    }
    self.ids = ids
    self.position = position
    isUnique = !hasTextless && position.count == table.count
  }
}
