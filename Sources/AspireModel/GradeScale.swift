/// An ordered set of grades with the points each is worth, such as SQA's
/// A, B, C, D and No Award. Scales are immutable and compared by name.
public final class GradeScale: Hashable, Sendable, CustomStringConvertible {
  /// The scale's name, unique among the scales a script can see.
  public let name: String
  /// The grades from lowest to highest: a grade's rank is its index here.
  public let grades: [String]
  /// The points of each grade, by rank.
  public let points: [Double]
  /// Other spellings accepted when reading a grade, lowercased, mapped to ranks.
  private let aliases: [String: Int]
  /// The ranks of the grades with the fewest and the most points.
  private let fewestPoints: Int
  private let mostPoints: Int

  public init(name: String, grades: [String], points: [Double], aliases: [String: Int] = [:]) {
    precondition(grades.count == points.count && !grades.isEmpty)
    self.name = name
    self.grades = grades
    self.points = points
    var table = aliases
    for (rank, grade) in grades.enumerated() {
      table[grade.lowercased()] = rank
      table[grade.lowercased().filter { $0 != " " }] = rank
    }
    self.aliases = table
    fewestPoints = points.indices.min { points[$0] < points[$1] }!
    mostPoints = points.indices.max { points[$0] < points[$1] }!
  }

  /// The grade called `text` on this scale (case-insensitive, aliases allowed).
  public func grade(named text: some StringProtocol) -> Grade? {
    let key = text.lowercased()
    if let rank = aliases[key] ?? aliases[key.filter { $0 != " " }] {
      return Grade(scale: self, rank: rank)
    }
    return nil
  }

  /// The grade whose points are nearest `points`; halfway goes up, so a
  /// grade point average of 2.5 is a B on the SQA scale.
  public func grade(nearest points: Double) -> Grade {
    // Beyond either end the end's grade is nearest; far beyond it, distances
    // are too large to tell apart and would all tie.
    if points <= self.points[fewestPoints] { return Grade(scale: self, rank: fewestPoints) }
    if points >= self.points[mostPoints] { return Grade(scale: self, rank: mostPoints) }
    var best = 0
    for rank in grades.indices {
      let distance = abs(self.points[rank] - points)
      let bestDistance = abs(self.points[best] - points)
      if distance < bestDistance
        || (distance == bestDistance && self.points[rank] > self.points[best])
      {
        best = rank
      }
    }
    return Grade(scale: self, rank: best)
  }

  public var lowest: Grade { Grade(scale: self, rank: 0) }
  public var highest: Grade { Grade(scale: self, rank: grades.count - 1) }

  public var description: String { name }

  public static func == (lhs: GradeScale, rhs: GradeScale) -> Bool {
    lhs === rhs || lhs.name == rhs.name
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
  }

  /// SQA National 5, Higher and Advanced Higher: No Award, D, C, B, A.
  public static let sqa = GradeScale(
    name: "SQA", grades: ["No Award", "D", "C", "B", "A"], points: [0, 1, 2, 3, 4],
    aliases: ["na": 0, "noaward": 0])

  /// National 3 and 4: Fail, Pass.
  public static let passFail = GradeScale(
    name: "Pass/Fail", grades: ["Fail", "Pass"], points: [0, 1])

  /// Curriculum for Excellence levels for S1 to S3, Fourth highest.
  public static let curriculum = GradeScale(
    name: "Curriculum", grades: ["Early", "First", "Second", "Third", "Fourth"],
    points: [1, 2, 3, 4, 5])

  /// Stands for "the scale of this row's level" in a column that mixes
  /// levels, such as the predictions of all enrolments. It holds no grades
  /// of its own; values always carry their real scale.
  public static let perRow = GradeScale(name: "any", grades: ["?"], points: [0])

  /// Whether this is the stand-in for a scale known only row by row.
  public var isPerRow: Bool { self == GradeScale.perRow }

  /// The scales every script can use without declaring them.
  public static let builtIn: [GradeScale] = [sqa, passFail, curriculum]
}

/// One grade on its scale. Grades of one scale are ordered; arithmetic moves
/// in steps and stops at the top and bottom of the scale.
public struct Grade: Hashable, Comparable, Sendable, CustomStringConvertible {
  // Scales live for the whole run (the built-in ones are static), so a grade
  // holds its scale without counting references: copying a column of grades
  // then costs no atomic operations. A scale a script declares must be kept
  // alive by whoever declares it for as long as its grades exist.
  public unowned(unsafe) let scale: GradeScale
  /// Position on the scale, 0 for the lowest grade.
  public let rank: Int

  public init(scale: GradeScale, rank: Int) {
    precondition(scale.grades.indices.contains(rank))
    self.scale = scale
    self.rank = rank
  }

  public var name: String { scale.grades[rank] }
  public var points: Double { scale.points[rank] }

  /// The grade `steps` higher (lower when negative), capped at the scale's ends.
  public func moved(by steps: Int) -> Grade {
    Grade(scale: scale, rank: min(max(rank + steps, 0), scale.grades.count - 1))
  }

  /// The SQA grade that a band from 1 (upper A) to 9 (No Award) stands behind.
  public static func sqa(band: Int) -> Grade? {
    switch band {
    case 1, 2: return GradeScale.sqa.grade(named: "A")
    case 3, 4: return GradeScale.sqa.grade(named: "B")
    case 5, 6: return GradeScale.sqa.grade(named: "C")
    case 7: return GradeScale.sqa.grade(named: "D")
    case 8, 9: return GradeScale.sqa.grade(named: "No Award")
    default: return nil
    }
  }

  public var description: String { name }

  /// Only grades of one scale are ordered; across scales this orders by scale name.
  public static func < (lhs: Grade, rhs: Grade) -> Bool {
    lhs.scale == rhs.scale ? lhs.rank < rhs.rank : lhs.scale.name < rhs.scale.name
  }
}
