import AspireLanguage

/// The rows being evaluated together, and the columns bound to local slots.
public struct Frame {
  public var count: Int
  public var slots: [Column?]
  /// The fields the evaluation under way has read (see `Evaluator.field`),
  /// shared by every frame made from this one.
  var reads: FieldReads?

  public init(count: Int, slotCount: Int) {
    self.count = count
    self.slots = Array(repeating: nil, count: slotCount)
  }

  /// A frame of `count` rows and `slotCount` empty slots for a part of the
  /// same evaluation, such as a function's body.
  func inner(count: Int, slotCount: Int) -> Frame {
    var frame = Frame(count: count, slotCount: slotCount)
    frame.reads = reads
    return frame
  }

  /// The same slots, keeping only the rows at `indices`.
  func gathered(_ indices: [Int]) -> Frame {
    var frame = inner(count: indices.count, slotCount: slots.count)
    for (slot, column) in slots.enumerated() {
      frame.slots[slot] = column?.gathered(indices)
    }
    return frame
  }
}

/// The fields read in one evaluation, by table, field and rows; and, for
/// each array of rows read from, its first row when the rest follow it one
/// by one (nil when they do not), with the array kept so that no other can be
/// stored where it is.
final class FieldReads {
  var columns: [FieldKey: FieldRead] = [:]
  var runs: [UnsafePointer<Int>: (rows: [Int], first: Int?)] = [:]
}

/// An error while a script runs: what went wrong, and the expression at fault.
public struct RuntimeError: Error, Sendable {
  public var message: String
  public var range: SourceRange
  /// What to do about it, when there is something to say.
  public var help: String?

  public init(message: String, range: SourceRange, help: String? = nil) {
    self.message = message
    self.range = range
    self.help = help
  }

  public var diagnostic: Diagnostic { .error(message, at: range, help: help) }
}

/// A compiled expression: given the rows of a frame, their values.
typealias Kernel = (inout Frame) throws -> Column
