import CSQLite
import Foundation

/// Some rows of a query, copied out of SQLite: each value's storage class,
/// and its number or its bytes. A batch can be read on another thread than
/// the one that stepped the statement, so that reading a large table turns
/// SQLite's rows into columns while SQLite finds the next ones.
public struct RowBatch: Sendable {
  /// What a value is stored as.
  enum Kind: UInt8 {
    case null, integer, real, text
  }

  public let columnCount: Int
  /// How many rows the batch holds.
  public private(set) var count = 0
  /// Row by row, each value's kind.
  private var kinds: [Kind] = []
  /// Row by row, each value's integer, real (as its bits), or text: where
  /// its bytes start in `bytes` times 2^32, plus how many there are.
  private var words: [UInt64] = []
  private var bytes: [UInt8] = []

  init(columnCount: Int, capacity: Int) {
    self.columnCount = columnCount
    kinds = Array(repeating: .null, count: columnCount * capacity)
    words = Array(repeating: 0, count: columnCount * capacity)
    bytes.reserveCapacity(16 * columnCount * capacity)
  }

  /// Copies the statement's current row to the end of the batch, which has
  /// room for it.
  mutating func append(_ statement: OpaquePointer) {
    let first = count * columnCount
    precondition(first + columnCount <= kinds.count, "no room for the row")
    kinds.withUnsafeMutableBufferPointer { kinds in
      words.withUnsafeMutableBufferPointer { words in
        for column in 0..<columnCount {
          let index = Int32(column)
          switch sqlite3_column_type(statement, index) {
          case SQLITE_INTEGER:
            kinds[first + column] = .integer
            words[first + column] = UInt64(bitPattern: sqlite3_column_int64(statement, index))
          case SQLITE_FLOAT:
            kinds[first + column] = .real
            words[first + column] = sqlite3_column_double(statement, index).bitPattern
          case SQLITE_NULL:
            kinds[first + column] = .null
          default:
            // Text, and a blob read as text, as `Statement.value(at:)` reads it.
            let start = bytes.count
            if let text = sqlite3_column_text(statement, index) {
              let length = Int(sqlite3_column_bytes(statement, index))
              bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
            }
            kinds[first + column] = .text
            words[first + column] = UInt64(start) << 32 | UInt64(bytes.count - start)
          }
        }
      }
    }
    count += 1
  }

  /// The number in row `row`, column `column`: an integer or a real; nil for
  /// null and for text, as `Statement.number(at:)` gives.
  public func number(_ row: Int, _ column: Int) -> Double? {
    let index = row * columnCount + column
    switch kinds[index] {
    case .integer: return Double(Int64(bitPattern: words[index]))
    case .real: return Double(bitPattern: words[index])
    default: return nil
    }
  }

  /// The whole number in row `row`, column `column`, or nil unless it holds
  /// an integer.
  public func integerValue(_ row: Int, _ column: Int) -> Int64? {
    let index = row * columnCount + column
    guard kinds[index] == .integer else { return nil }
    return Int64(bitPattern: words[index])
  }

  /// Calls `body` with the bytes of the text in row `row`, column `column`,
  /// when it holds text; nil, without calling `body`, for anything else.
  public func withText<Result>(
    _ row: Int, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    let index = row * columnCount + column
    guard kinds[index] == .text else { return nil }
    let start = Int(words[index] >> 32)
    let length = Int(words[index] & 0xFFFF_FFFF)
    return try bytes.withUnsafeBufferPointer { bytes in
      try body(UnsafeBufferPointer(rebasing: bytes[start..<(start + length)]))
    }
  }
}

extension Database {
  /// Runs a query and hands its rows to `body` a batch at a time, in order.
  /// Another thread steps the statement and copies the rows out while
  /// `body` reads the batch before, so SQLite's work and the reader's
  /// overlap. Throws SQLite's error, or the first `body` throws, after the
  /// other thread has stopped.
  public func readRows(
    _ sql: String, _ values: [SQLValue] = [], batchSize: Int = 4096,
    _ body: (RowBatch) throws -> Void
  ) throws {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { statement.reset() }
    let batches = BatchQueue(capacity: 4)
    let stepping = SteppedStatement(statement: statement)
    let producer = Thread {
      stepping.produce(into: batches, batchSize: batchSize)
    }
    producer.start()
    defer {
      // The other thread must be done with the statement before it is reset.
      batches.stop()
      batches.waitUntilProducerFinishes()
    }
    while let batch = try batches.next() { try body(batch) }
  }
}

/// The statement a reading thread steps while the thread that prepared it
/// waits for batches: only one thread uses it at a time, the other only
/// after `BatchQueue` says the first has finished with it.
private final class SteppedStatement: @unchecked Sendable {
  let statement: Statement

  init(statement: Statement) {
    self.statement = statement
  }

  /// Steps through every row, handing them on in batches, until the rows
  /// end, a step fails, or the reader stops the queue.
  func produce(into batches: BatchQueue, batchSize: Int) {
    defer { batches.producerFinished() }
    do {
      var batch = RowBatch(columnCount: statement.columnCount, capacity: batchSize)
      while try statement.step() {
        batch.append(statement.handle)
        if batch.count == batchSize {
          guard batches.put(.batch(batch)) else { return }
          batch = RowBatch(columnCount: statement.columnCount, capacity: batchSize)
        }
      }
      if batch.count > 0 { guard batches.put(.batch(batch)) else { return } }
      _ = batches.put(.end)
    } catch {
      _ = batches.put(.failure(error))
    }
  }
}

/// Batches on their way from the thread stepping a statement to the one
/// reading them: at most `capacity` wait at a time.
private final class BatchQueue: @unchecked Sendable {
  enum Message {
    case batch(RowBatch)
    case end
    case failure(any Error)
  }

  private let condition = NSCondition()
  private var messages: [Message] = []
  private let capacity: Int
  private var stopped = false
  private var producing = true

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Waits for room, then queues the message; false once the reader has stopped.
  func put(_ message: Message) -> Bool {
    condition.withLock {
      while messages.count >= capacity && !stopped { condition.wait() }
      guard !stopped else { return false }
      messages.append(message)
      condition.broadcast()
      return true
    }
  }

  /// The next batch, nil at the end of the rows; throws the step's error.
  func next() throws -> RowBatch? {
    let message = condition.withLock {
      while messages.isEmpty { condition.wait() }
      condition.broadcast()
      return messages.removeFirst()
    }
    switch message {
    case .batch(let batch): return batch
    case .end: return nil
    case .failure(let error): throw error
    }
  }

  /// Tells the producer to stop at its next batch, whatever it holds.
  func stop() {
    condition.withLock {
      stopped = true
      messages = []
      condition.broadcast()
    }
  }

  func producerFinished() {
    condition.withLock {
      producing = false
      condition.broadcast()
    }
  }

  func waitUntilProducerFinishes() {
    condition.withLock {
      while producing { condition.wait() }
    }
  }
}
