import AspireLanguage

extension TypedExpression {
  /// The local slots the expression reads from the frame it runs in, in
  /// order. A part that runs on some rows only (a branch, a comprehension's
  /// body) needs only these slots gathered for those rows, not every slot.
  var slotsRead: [Int] {
    var slots = Set<Int>()
    collectSlots(into: &slots)
    return slots.sorted()
  }

  private func collectSlots(into slots: inout Set<Int>) {
    if case .local(let slot) = kind { slots.insert(slot) }
    // A call's body runs in a frame of its own: only its arguments read this one.
    for child in children { child.collectSlots(into: &slots) }
  }
}

extension TypedExpression {
  /// Whether the expression can neither fail nor take long: a constant, a
  /// local, a field of one. Such a part may run over every row of a frame
  /// where only some rows need it (one branch of an `if`, the missing rows
  /// of `??`): nothing is seen of the rows that did not need it.
  var isSafeEverywhere: Bool {
    switch kind {
    case .constant, .local, .today: return true
    case .field(let base, _): return base.isSafeEverywhere
    default: return false
    }
  }
}

extension Frame {
  /// The rows at `indices` of the slots listed; the other slots are left
  /// empty, as nothing evaluated over the new frame reads them.
  func gathered(_ indices: [Int], slots: [Int]) -> Frame {
    var frame = inner(count: indices.count, slotCount: self.slots.count)
    for slot in slots where slot < self.slots.count {
      frame.slots[slot] = self.slots[slot]?.gathered(indices)
    }
    return frame
  }
}
