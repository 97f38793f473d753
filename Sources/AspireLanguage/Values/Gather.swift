extension Array {
  /// The elements at `indices`, in that order: the loop under every gather
  /// of a column's rows, written once over the arrays' storage.
  @inlinable public func gathered(_ indices: [Int]) -> [Element] {
    withUnsafeBufferPointer { source in
      indices.withUnsafeBufferPointer { indices in
        [Element](unsafeUninitializedCapacity: indices.count) { target, initialized in
          for offset in 0..<indices.count {
            let index = indices[offset]
            precondition(index >= 0 && index < source.count, "row out of range")
            (target.baseAddress! + offset).initialize(to: source[index])
          }
          initialized = indices.count
        }
      }
    }
  }

  /// The elements at `indices`, with `filler` where an index is -1.
  @inlinable public func gathered(_ indices: [Int], filler: Element) -> [Element] {
    withUnsafeBufferPointer { source in
      indices.withUnsafeBufferPointer { indices in
        [Element](unsafeUninitializedCapacity: indices.count) { target, initialized in
          for offset in 0..<indices.count {
            let index = indices[offset]
            precondition(index >= -1 && index < source.count, "row out of range")
            (target.baseAddress! + offset).initialize(to: index < 0 ? filler : source[index])
          }
          initialized = indices.count
        }
      }
    }
  }
}

extension Array {
  /// `count` copies of `value`, then changed by `body` through the array's
  /// storage: how kernels write their results, with no check at each row
  /// that the array is not shared.
  @inlinable public init(
    count: Int, filledWith value: Element,
    _ body: (inout UnsafeMutableBufferPointer<Element>) throws -> Void
  ) rethrows {
    self.init(repeating: value, count: count)
    try withUnsafeMutableBufferPointer { try body(&$0) }
  }

  /// A copy of the array changed by `body` through its storage.
  @inlinable public func changed(_ body: (inout UnsafeMutableBufferPointer<Element>) throws -> Void)
    rethrows -> [Element]
  {
    var copy = self
    try copy.withUnsafeMutableBufferPointer { try body(&$0) }
    return copy
  }
}
