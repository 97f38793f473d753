/// Places learners one at a time with mentors so that, after each, the
/// learners placed so far have as few mentors who teach them as any
/// placement of them could have, and then caseloads as even as possible.
///
/// Each learner goes in by the cheapest chain of moves: the learner takes a
/// mentor, who may pass one of their placed learners to another mentor, and
/// so on until a mentor with room takes one more. The cost of a chain is
/// first the change in learners with a mentor who teaches them, then the
/// change in the sum of squared caseloads; the cheapest chain always keeps
/// the whole placement at its least cost (successive shortest paths, as in
/// a minimum-cost flow). Ties go to the shorter chain, then to the mentor
/// and learner with the lower ids, so the same input always gives the same
/// result.
struct MentorPlacement {
  /// What a chain of moves costs: learners with a mentor who teaches them
  /// first, then the spread of caseloads, then the moves it takes.
  struct Cost: Comparable {
    var conflicts: Int
    var spread: Int
    var moves: Int

    static func < (left: Cost, right: Cost) -> Bool {
      (left.conflicts, left.spread, left.moves) < (right.conflicts, right.spread, right.moves)
    }
  }

  /// Mentors by index, in id order.
  let mentors: [String]
  let capacity: [Int]
  /// Each mentor's caseload, counting learners they keep and learners
  /// outside the placement.
  private(set) var load: [Int]
  /// The learners placed so far, by placement index.
  private(set) var learners: [String] = []
  /// Each placed learner's mentor, by placement index.
  private(set) var mentorOf: [Int] = []
  /// Whether mentor `m` teaches placed learner `l`, at `l * mentors.count + m`.
  private var teaches: [Bool] = []
  /// The learners each mentor has from this placement, in id order.
  private var placedWith: [[Int]]

  /// A placement among `mentors` (in id order) with their capacities and
  /// the caseloads they already carry.
  init(mentors: [String], capacity: [Int], load: [Int]) {
    self.mentors = mentors
    self.capacity = capacity
    self.load = load
    placedWith = Array(repeating: [], count: mentors.count)
  }

  /// Whether any mentor has room for one more learner.
  var hasRoom: Bool { mentors.indices.contains { load[$0] < capacity[$0] } }

  /// Places `learner`, whose teachers among the mentors `teachers` says, by
  /// the cheapest chain of moves. Does nothing when no mentor has room.
  mutating func place(_ learner: String, teachers: Set<String>) {
    guard hasRoom else { return }
    let index = learners.count
    learners.append(learner)
    mentorOf.append(-1)
    teaches += mentors.map { teachers.contains($0) }

    let moves = cheapestMoves()
    let (reach, previous) = cheapestChains(for: index, moves: moves)
    var best: (mentor: Int, cost: Cost)?
    for mentor in mentors.indices where load[mentor] < capacity[mentor] {
      var cost = reach[mentor]
      cost.spread = 2 * load[mentor] + 1
      if best == nil || cost < best!.cost { best = (mentor, cost) }
    }
    guard let end = best?.mentor else { return }

    load[end] += 1
    var taker = end
    // The chain has each mentor at most once: with the placement at its least
    // cost, no round of moves lowers the cost, so no chain comes back on itself.
    while previous[taker] >= 0 {
      let giver = previous[taker]
      move(moves.learner[giver * mentors.count + taker], from: giver, to: taker)
      taker = giver
    }
    mentorOf[index] = taker
    insert(index, into: taker)
  }

  /// The cheapest way for placed learner `index` to reach each mentor: by
  /// taking them, or by taking another and setting off a chain of `moves`
  /// that ends with them (Bellman-Ford, a round of moves at a time, so that
  /// of equal costs the chain with fewer moves stays); and each mentor's
  /// mentor before them in that chain, or −1 where the learner takes them.
  private func cheapestChains(for index: Int, moves: (cost: [Int?], learner: [Int]))
    -> (reach: [Cost], previous: [Int])
  {
    let count = mentors.count
    var reach = (0..<count).map {
      Cost(conflicts: teaches[index * count + $0] ? 1 : 0, spread: 0, moves: 0)
    }
    var previous = [Int](repeating: -1, count: count)
    for _ in 0..<count {
      var next = reach
      var changed = false
      for from in 0..<count where !placedWith[from].isEmpty {
        for to in 0..<count where to != from {
          guard let move = moves.cost[from * count + to] else { continue }
          let cost = Cost(
            conflicts: reach[from].conflicts + move, spread: 0, moves: reach[from].moves + 1)
          if cost < next[to] {
            next[to] = cost
            previous[to] = from
            changed = true
          }
        }
      }
      reach = next
      if !changed { break }
    }
    return (reach, previous)
  }

  /// For each pair of mentors, the cheapest learner to pass from the first
  /// to the second (the lowest id among equals) and what passing them does
  /// to the learners with a mentor who teaches them: −1, 0 or +1; nil where
  /// the first mentor has no placed learner to pass.
  private func cheapestMoves() -> (cost: [Int?], learner: [Int]) {
    let count = mentors.count
    var cost = [Int?](repeating: nil, count: count * count)
    var learner = [Int](repeating: -1, count: count * count)
    for from in 0..<count {
      for placed in placedWith[from] {
        let row = placed * count
        let leaving = teaches[row + from] ? 1 : 0
        for to in 0..<count where to != from {
          let change = (teaches[row + to] ? 1 : 0) - leaving
          let pair = from * count + to
          if cost[pair] == nil || change < cost[pair]! {
            cost[pair] = change
            learner[pair] = placed
          }
        }
      }
    }
    return (cost, learner)
  }

  private mutating func move(_ learner: Int, from giver: Int, to taker: Int) {
    placedWith[giver].removeAll { $0 == learner }
    mentorOf[learner] = taker
    insert(learner, into: taker)
  }

  private mutating func insert(_ learner: Int, into mentor: Int) {
    let position = placedWith[mentor].firstIndex { learners[$0] > learners[learner] }
    placedWith[mentor].insert(learner, at: position ?? placedWith[mentor].count)
  }
}
