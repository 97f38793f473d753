import AspireEvaluator
import AspireLanguage
import AspireModel
import Testing

/// The kernels over columns of grades, levels and numbers give, row for
/// row, what the same operation gives one value at a time: each expression
/// runs once over packed columns and once over the same values held one
/// `Value` a row, which takes the path of one row at a time.
@Suite struct ColumnKernelTests {
  static let expressions = [
    "points(g)", "top(l)", "bottom(l)", "grade(x, l)", "grade(x - 0.5, l)", "known(g)",
    "max(g, h)", "min(g, h)", "max(g, h, top(l))", "min(h, missing, g)", "max(x, y)",
    "min(y, x, 2)", "g + n", "g - n", "n + g", "g - h", "g < h", "g == h", "g >= h",
    "g != h", "l < m", "l == m", "l >= m", "g ?? h", "l ?? m", "x ?? y",
    "if (x > 1) ?? false then g else h", "if (l == m) ?? true then l else m",
  ]

  @Test(arguments: expressions)
  func givesWhatOneRowAtATimeGives(_ text: String) throws {
    let interpreter = Interpreter()
    let typed = try probe(text, interpreter: interpreter)
    let rows = SampleRows(count: 500)
    var packed = rows.frame(packed: true)
    var byValue = rows.frame(packed: false)
    let fast = try interpreter.evaluator.evaluate(typed, over: &packed)
    let slow = try interpreter.evaluator.evaluate(typed, over: &byValue)
    #expect(fast.allValues == slow.allValues)
  }

  @Test func keepsGradesAndLevelsInColumnsOfTheirOwn() throws {
    var frame = SampleRows(count: 50).frame(packed: true)
    func evaluate(_ text: String) throws -> Column {
      let interpreter = Interpreter()
      return try interpreter.evaluator.evaluate(
        try probe(text, interpreter: interpreter), over: &frame)
    }
    for text in ["max(g, h) + n", "grade(points(g) - 1, l)", "top(l ?? m)"] {
      guard case .grades = try evaluate(text) else {
        Issue.record("\(text) is not a column of grades")
        continue
      }
    }
    guard case .levels = try evaluate("l ?? m") else {
      Issue.record("l ?? m is not a column of levels")
      return
    }
  }

  @Test func findsTheNearestGradeAsTheScaleDoes() throws {
    // Halfway, just either side of halfway, far below and far above each scale.
    let targets: [Double] = [
      -1e300, -1e13, -3, -0.5, 0, 0.49999999999999994, 0.5, 1, 1.5, 2.4999999999999996, 2.5,
      2.5000000000000004, 4, 4.5, 5, 5.5, 1e12, 1e13, 1e300,
    ]
    let interpreter = Interpreter()
    let typed = try probe("grade(x, l)", interpreter: interpreter)
    let rows = Level.allCases.flatMap { level in targets.map { (level, $0) } }
    var frame = Frame(count: rows.count, slotCount: 12)
    frame.slots[2] = .levels(rows.map(\.0))
    frame.slots[5] = .numbers(rows.map(\.1), present: nil)
    let grades = try interpreter.evaluator.evaluate(typed, over: &frame).allValues
    #expect(grades == rows.map { .grade($0.scale.grade(nearest: $1)) })
  }

  @Test func stopsAtAStepThatIsNotWholeAsOneRowAtATimeDoes() throws {
    let interpreter = Interpreter()
    let typed = try probe("g + x", interpreter: interpreter)
    for packed in [true, false] {
      var frame = SampleRows(count: 100).frame(packed: packed)
      #expect {
        try interpreter.evaluator.evaluate(typed, over: &frame)
      } throws: { error in
        (error as? RuntimeError)?.message == "a number of grade steps must be a whole number"
      }
    }
  }

  /// `text` checked as the body of a function of grades `g` and `h`, levels
  /// `l` and `m`, whole numbers `n` and numbers `x` and `y`, in slots 0 to 6.
  func probe(_ text: String, interpreter: Interpreter) throws -> TypedExpression {
    let file = SourceFile(
      name: "<test>",
      text: """
        let probe(g, h, l, m, n, x, y) = \(text)
        probe(grade(1, N5), grade(2, N4), N5, H, 1, 1.5, 2)

        """)
    let (statements, diagnostics) = interpreter.prepare(file)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    _ = statements
    return interpreter.workspace.functionBodies.last { $0.name == "probe" }!.body
  }
}

/// Rows of grades on mixed scales, levels, whole and other numbers, each
/// missing now and then, drawn from a fixed sequence.
struct SampleRows {
  var grades: [[Value]] = [[], []]
  var levels: [[Value]] = [[], []]
  var numbers: [[Value]] = [[], [], []]

  init(count: Int) {
    var random = SplitMix(seed: 2026)
    func grade() -> Value {
      let scale = GradeScale.builtIn[random.next(3)]
      if random.next(8) == 0 { return .missing }
      return .grade(Grade(scale: scale, rank: random.next(scale.grades.count)))
    }
    func level() -> Value {
      random.next(8) == 0 ? .missing : .level(Level.allCases[random.next(Level.allCases.count)])
    }
    func number(whole: Bool) -> Value {
      if random.next(8) == 0 { return .missing }
      let value = Double(random.next(13)) - 6
      return .number(whole ? value : value / 4 + 2)
    }
    for _ in 0..<count {
      for index in 0..<2 { grades[index].append(grade()) }
      for index in 0..<2 { levels[index].append(level()) }
      numbers[0].append(number(whole: true))
      for index in 1..<3 { numbers[index].append(number(whole: false)) }
    }
  }

  /// A frame with the rows in slots 0 to 6: packed into columns of their
  /// kinds, or held one value a row.
  func frame(packed: Bool) -> Frame {
    let columns: [([Value], ValueType)] =
      grades.map { ($0, .grade(.perRow)) } + levels.map { ($0, .level) }
      + numbers.map { ($0, .number) }
    var frame = Frame(count: grades[0].count, slotCount: 12)
    for (slot, (values, type)) in columns.enumerated() {
      frame.slots[slot] = packed ? Column(values, type: type.orMissing) : .values(values)
    }
    return frame
  }
}

/// A small, fixed sequence of pseudo-random numbers, the same on every run.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// A whole number from 0 below `bound`.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Int(mixed % UInt64(bound))
  }
}
