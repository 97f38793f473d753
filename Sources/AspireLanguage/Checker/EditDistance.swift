/// The closest of `candidates` to `name`, if close enough to be a likely
/// misspelling: at most one edit in four letters, and never more than three.
public func closestName(to name: String, among candidates: some Sequence<String>) -> String? {
  let lowered = name.lowercased()
  var best: (name: String, distance: Int)?
  for candidate in candidates where candidate != name {
    let distance =
      candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
    if distance <= min(3, max(1, name.count / 4 + (name.count > 2 ? 1 : 0))),
      best == nil || distance < best!.distance
        || (distance == best!.distance && candidate < best!.name)
    {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// The edit distance between two strings, in characters: insertions,
/// deletions, substitutions and swaps of two neighbours (a typist's
/// commonest slip, "nmae" for "name") each count one.
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var beforePrevious = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[b.count]
}
