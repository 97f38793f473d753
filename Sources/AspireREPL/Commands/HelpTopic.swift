import AspireLanguage

/// The parts of the language `.help TOPIC` describes, briefly; the grammar's
/// README has the whole of each.
enum HelpTopic: String, CaseIterable {
  case statements, operators, functions, grades, dates, missing, tests, keys

  /// The topic's text, without a final line break.
  var text: String {
    switch self {
    case .statements:
      return """
        Statements, one a line:
          let limit = 3            declares a value
          let f(x) = x * limit     declares a function
          f(2)                     an expression: its value is printed
          test "name": f(1) == 3   a test: passes when every fact is true
        A statement goes on while a bracket is open or the line ends with an
        operator, "=", "then", "else", "in", "," or ":"; the prompt then shows
        "...>". Lines indented under a test's "name": are its "expect" facts; an
        empty line ends them. A name may be declared again: statements after
        that see the new one, declarations made before keep the one they used.
        """
    case .operators:
      return """
        From loosest to tightest:
          if C then A else B, let X = V in B
          or, and, not
          == != < <= > >= in       (not chained: a < b < c is an error)
          ??                       a default for a missing value
          + -                      (+ joins texts)
          * /                      (/ is real division)
          -x
          f(x), a.b, (…), [1, 2, 3]
        """
    case .functions:
      let lines = BuiltinFunction.allCases.map { "  " + $0.signature }
      return "Built-in functions:\n" + lines.joined(separator: "\n")
    case .grades:
      return """
        Grades on three built-in scales, lowest first:
          SQA (N5, H, AH)          NoAward (or NA), D, C, B, A      points 0 to 4
          Pass/Fail (N3, N4)       Fail, Pass                       points 0, 1
          Curriculum (BGE)         Early, First, Second, Third, Fourth
        B + 1 is A and stops at the top (A + 1 is A); A - C is 2 steps;
        points(B) is 3. Grades of two scales cannot be compared or mixed.
        Statuses: Below, On, Above. Stages: S1 to S6. Levels: BGE, N3, N4, N5, H, AH.
        """
    case .dates:
      return """
        A date is written 2026-08-24 and must exist on the calendar.
          2026-08-24 + 7           2026-08-31
          2027-06-30 - 2026-08-24  the days between them
          year(d), month(d), day(d), weekday(d)   weekday 1 is Monday
        2026-8-24, not of that shape, is arithmetic.
        """
    case .missing:
      return """
        "missing" stands for a value school data does not have. Arithmetic and
        comparisons on a missing value give missing; "a ?? b" gives a unless it
        is missing, else b. min, max, count, sum, mean and median skip missing
        values, as a spreadsheet does. A condition must not be missing: write
        (x > 3) ?? false.
        """
    case .tests:
      return """
        test "seven halves": 7 / 2 == 3.5
        test "grade steps":
          expect B + 1 == A
          expect A - C == 2
        A test runs when it is entered and prints "pass  NAME" or "fail  NAME"
        with the fact that failed.
        """
    case .keys:
      return """
        Tab completes names, keywords, meta-commands and, after a dot, fields.
        Up and Down recall earlier lines, from earlier runs too (~/.aspire_history).
        Ctrl-C abandons the line being typed; during a long statement it asks
        the statement to stop, and a second Ctrl-C leaves aspire.
        Ctrl-D on an empty line leaves aspire.
        """
    }
  }
}
