import AspireLanguage
import Foundation

extension Evaluator {
  /// Rows in a chunk: few enough that a chunk's columns stay in the
  /// processor's cache while a kernel works through them, many enough that
  /// the work of a chunk outweighs the cost of starting it.
  static let chunkRows = 32_768

  /// How many threads share the chunks: one for each processor.
  static let chunkThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The kernel's column over the frame's rows, worked out a chunk of rows at
  /// a time on every processor and put together in order. Every kernel works
  /// on each row alone, so this gives what one run over every row gives;
  /// when any chunk fails, the kernel runs again over every row, so that the
  /// error is the one that run would stop at. A frame of few rows, or one
  /// inside a chunk already, runs whole.
  func inChunks(_ kernel: @escaping Kernel, _ frame: inout Frame, type: ValueType) throws
    -> Column
  {
    guard frame.count >= 2 * Evaluator.chunkRows, Evaluator.chunkThreads > 1,
      startRunningChunks()
    else { return try kernel(&frame) }
    defer { stopRunningChunks() }
    let ranges = Evaluator.chunkRanges(frame.count)
    let chunks = ranges.map { Chunk(kernel: kernel, frame: frame, rows: $0) }
    guard let parts = try run(chunks) else { return try kernel(&frame) }
    return Column.concatenating(parts, type: type)
  }

  /// The ranges of rows of the chunks of a frame of `count` rows.
  static func chunkRanges(_ count: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: chunkRows).map { $0..<min($0 + chunkRows, count) }
  }

  /// Runs each chunk's kernel over its rows, the threads of every processor
  /// taking them in turn: the columns in order, or nil when one failed (after
  /// which no more are started). Throws `interrupted` when a chunk was
  /// interrupted.
  func run(_ chunks: [Chunk]) throws -> [Column]? {
    let work = ChunkWork(chunks)
    runOnEveryProcessor { work.run() }
    var parts: [Column] = []
    for result in work.results {
      switch result {
      case .success(let column)?:
        parts.append(column)
      case .failure(let error as RuntimeError)? where error.message == "interrupted":
        throw error
      default:
        return nil
      }
    }
    return parts
  }

  /// Marks chunks as running; false when they already are, as chunks inside
  /// a chunk (a comprehension in a formula run in chunks) run whole.
  func startRunningChunks() -> Bool {
    shared.withLock {
      guard !isRunningChunks else { return false }
      isRunningChunks = true
      return true
    }
  }

  func stopRunningChunks() {
    shared.withLock { isRunningChunks = false }
  }

  /// Runs `work` on this thread and on a thread for each other processor, and
  /// returns when all have finished. The threads have the stack of the
  /// command's own thread, as kernels recurse as deep as a script nests.
  func runOnEveryProcessor(_ work: @escaping @Sendable () -> Void) {
    let finished = DispatchGroup()
    for _ in 1..<Evaluator.chunkThreads {
      finished.enter()
      let thread = Thread {
        work()
        finished.leave()
      }
      thread.stackSize = 1 << 29
      thread.start()
    }
    work()
    finished.wait()
  }
}

/// The chunks of one frame, taken in turn by the threads working on them,
/// and what each gave. A chunk's frame is its own, and so are the fields it
/// reads; what the threads share (the evaluator's compiled functions, global
/// values and data source) is reached under the evaluator's lock.
final class ChunkWork: @unchecked Sendable {
  let chunks: [Chunk]
  private let lock = NSLock()
  private var next = 0
  private(set) var results: [Result<Column, any Error>?]

  init(_ chunks: [Chunk]) {
    self.chunks = chunks
    results = Array(repeating: nil, count: chunks.count)
  }

  /// Works through chunks until none is left, or one has failed. A chunk's
  /// rows are cut from its frame by the thread that works on them, and read
  /// fields of their own.
  func run() {
    while let index = take() {
      let chunk = chunks[index]
      var frame = chunk.rows.map(chunk.frame.sliced) ?? chunk.frame
      frame.reads = FieldReads()
      let result = Result { try chunk.kernel(&frame) }
      lock.withLock { results[index] = result }
    }
  }

  private func take() -> Int? {
    lock.withLock {
      guard next < chunks.count else { return nil }
      // After a failure the whole frame runs again, so the rest is not needed.
      if results.contains(where: { if case .failure = $0 { true } else { false } }) {
        return nil
      }
      next += 1
      return next - 1
    }
  }
}

/// A kernel to run over some rows of a frame: those in `rows`, or all.
struct Chunk {
  var kernel: Kernel
  var frame: Frame
  var rows: Range<Int>?
}

extension Frame {
  /// The rows in `range` of every slot.
  func sliced(_ range: Range<Int>) -> Frame {
    var frame = inner(count: range.count, slotCount: slots.count)
    for (slot, column) in slots.enumerated() { frame.slots[slot] = column?.sliced(range) }
    return frame
  }
}

extension Column {
  /// The rows in `range`.
  func sliced(_ range: Range<Int>) -> Column {
    func part<T>(_ values: [T]) -> [T] { Array(values[range]) }
    switch self {
    case .numbers(let numbers, let present):
      return .numbers(part(numbers), present: present.map(part))
    case .booleans(let flags, let present):
      return .booleans(part(flags), present: present.map(part))
    case .grades(let grades):
      return .grades(
        GradeColumn(scales: grades.scales, scale: part(grades.scale), rank: part(grades.rank)))
    case .levels(let levels): return .levels(part(levels))
    case .values(let values): return .values(part(values))
    case .records(let table, let rows): return .records(table, part(rows))
    case .related(let related):
      return .related(
        RelatedRows(
          table: related.table, rows: related.rows, lower: part(related.lower),
          upper: part(related.upper), present: related.present.map(part)))
    }
  }

  /// The columns' rows one after another, as one column of the kind they
  /// share, or of `type` one value a row when they share none.
  static func concatenating(_ parts: [Column], type: ValueType) -> Column {
    guard let first = parts.first else { return Column([], type: type) }
    switch first {
    case .numbers:
      var numbers: [Double] = []
      var present: [Bool] = []
      numbers.reserveCapacity(parts.map(\.count).reduce(0, +))
      present.reserveCapacity(numbers.capacity)
      for part in parts {
        guard case .numbers(let values, let mask) = part else { break }
        numbers += values
        present += mask ?? Array(repeating: true, count: values.count)
      }
      if numbers.count == parts.map(\.count).reduce(0, +) {
        return .numbers(numbers, present: present.contains(false) ? present : nil)
      }
    case .booleans:
      var flags: [Bool] = []
      var present: [Bool] = []
      for part in parts {
        guard case .booleans(let values, let mask) = part else { break }
        flags += values
        present += mask ?? Array(repeating: true, count: values.count)
      }
      if flags.count == parts.map(\.count).reduce(0, +) {
        return .booleans(flags, present: present.contains(false) ? present : nil)
      }
    case .grades:
      let grades = parts.compactMap { if case .grades(let grades) = $0 { grades } else { nil } }
      if grades.count == parts.count, let aligned = GradeColumn.aligned(grades) {
        return .grades(
          GradeColumn(
            scales: aligned[0].scales, scale: joined(aligned.map(\.scale)),
            rank: joined(aligned.map(\.rank))))
      }
    case .levels:
      let levels = parts.compactMap { if case .levels(let levels) = $0 { levels } else { nil } }
      if levels.count == parts.count { return .levels(joined(levels)) }
    case .records(let table, _):
      let rows = parts.compactMap { part -> [Int]? in
        guard case .records(let other, let rows) = part, other === table else { return nil }
        return rows
      }
      if rows.count == parts.count { return .records(table, joined(rows)) }
    default:
      break
    }
    return Column(joined(parts.map(\.valueArray)), type: type)
  }
}

/// The arrays one after another, copied a whole array at a time.
func joined<Element>(_ arrays: [[Element]]) -> [Element] {
  var result: [Element] = []
  result.reserveCapacity(arrays.reduce(0) { $0 + $1.count })
  for array in arrays { result.append(contentsOf: array) }
  return result
}
