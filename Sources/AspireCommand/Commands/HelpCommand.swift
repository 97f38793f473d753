/// `aspire help [COMMAND]`: what each command does and takes.
enum HelpCommand: Subcommand {
  static let overview = """
    aspire: Assertive Mentoring as code

    usage: aspire COMMAND [OPTIONS] [ARGUMENTS]

    commands:
      eval EXPR...        evaluate one expression and print its value
      eval                read one expression per line of stdin, print one line each
      check FILE...       parse and check scripts without running them
      run FILE...         run scripts and print what they show
      test FILE...        run the test blocks in scripts
      fmt [--write] FILE...
                          print scripts in the canonical layout (--write rewrites them)
      repl                the interactive REPL (also "aspire" alone on a terminal)
      import KIND FILE... import CSV files into the store, each file all or nothing
      backup FILE         a consistent copy of the store, taken while it is in use
      demo                build the demo school and import it into the store
      send                deliver the queued messages over SMTP
      hold LEARNER        keep a learner's messages back (--reason TEXT)
      release LEARNER     end a learner's hold; --message ID settles a held message
      help COMMAND        describe one command

    options:
      --help              this text
      --version           the version of aspire
    """

  static let details: [String: String] = [
    "eval": """
      usage: aspire eval EXPR...
             aspire eval < FILE

      With arguments, they are joined by spaces into one expression whose value
      is printed; an error goes to stderr as a diagnostic and the exit status is 1.
      A leading "--" is dropped, so "aspire eval -2 * -3" works.

      Without arguments, each line of stdin is one expression and stdout gets
      exactly one line for each: the value, or "error: MESSAGE". Blank and
      comment-only lines give an empty line. Exit 1 if any line failed.
      """,
    "check": """
      usage: aspire check FILE...

      Parses and checks the scripts without running them. Every error is reported
      with its file, line and column; exit 1 if there is any, else 0 and no output.
      """,
    "run": """
      usage: aspire run FILE... [--db PATH] [--as-of DATE] [--session S] [--by STAFF_ID]
                                [--out DIR] [--format table|box|csv|tsv|json|markdown]

      Runs the scripts in order; declarations in one are seen by the next. Each
      expression that stands alone prints its value. A script with an error in it
      runs nothing; a runtime error stops the run with exit 1. Mentor packs and
      summaries go under --out DIR (default: out/ beside the store), readable by
      their owner only. Rules see the rounds that ended by the --as-of date, and
      packs are written only for such a round.

      Messages a rule queues come from ASPIRE_MAIL_FROM (required for Live
      Reports), with replies to ASPIRE_MAIL_REPLY_TO when set. The display name
      of the From address is the school's name on the Live Reports, the office
      list and the analysis: "Demo Academy <reports@school.example.org>" prints
      Demo Academy; a bare address leaves the school's name out.
      """,
    "test": """
      usage: aspire test FILE...

      Runs the test blocks of the scripts and prints a line for each, then
      "N passed, N failed". Exit 1 if any test failed.
      """,
    "fmt": """
      usage: aspire fmt [--write] FILE...

      Prints each script in the canonical layout; --write rewrites the files
      instead. Comments are kept; the meaning never changes.
      """,
    "repl": """
      usage: aspire repl [--db PATH] [--session S] [--format F]
             aspire repl < FILE

      Reads statements one at a time into one session: declarations stay, an
      expression prints its value, an error is reported and the REPL carries
      on. A statement left open (a bracket, a line ending in an operator or
      "=") continues on the next line. Lines starting with a dot are
      meta-commands: ".help" lists them. On a terminal there is line editing,
      history in ~/.aspire_history and Tab completion; with piped input the
      same statements are read without prompts, and the exit status is 1 if
      any failed. "aspire" with no command does the same.
      """,
    "import": """
      usage: aspire import KIND FILE... [--db PATH] [--session S] [--dry-run]
                                         [--encoding utf-8|windows-1252|latin1]

      Imports CSV files of one kind: learners, contacts, staff, subjects,
      enrolments, assessments, meetings, results or raises. Each file is all or
      nothing: a file with any bad row changes nothing, and every bad row is reported as
      FILE:LINE: error: MESSAGE. --dry-run reports what would change.

      A raises file (learner_id, subject, target, reason) is a teacher raising
      targets: each row raises that learner's open target in --session, never
      lowers or keeps it, and needs a reason; --by names the teacher.
      """,
    "backup": """
      usage: aspire backup FILE [--db PATH]

      Writes a consistent copy of the store to FILE, even while it is in use.
      """,
    "demo": """
      usage: aspire demo [--db PATH] [--out DIR] [--learners N] [--csv-only]

      Generates the demo school (about 900 learners in S1 to S6 in 2026-27, with
      2025-26 and its 2026 results behind it), writes its CSV files under
      DIR/demo-data, imports them into the store and runs the school's year: its
      set-up scripts as of 2026-08-17 (cohorts, targets, check weeks, mentors),
      then the teachers' returns and mentor meetings of every round, then its
      rule scripts as of 2027-06-30 (flags, mentor packs, a faculty summary, the
      families' Live Reports queued with a preview each in DIR/outbox), then
      August's results and their analysis as of 2027-08-31. The demo's messages
      come from ASPIRE_MAIL_FROM, else from Demo Academy
      <reports@school.example.org>. --learners N generates a
      national senior phase of N learners instead. --csv-only writes the files
      without touching the store and prints the "aspire import" command for each,
      in the order they must be imported.
      """,
    "send": """
      usage: aspire send [--db PATH] [--dry-run] [--yes]

      Delivers the messages queued in the store's outbox, each to its one
      recipient. On a terminal it first shows how many messages go to how many
      addresses, addresses shared by several learners, learners held and
      messages held for review, and asks; --yes sends without asking (needed
      when there is no terminal, as in a scheduled job). --dry-run lists the
      recipients and writes nothing.

      The server comes from the environment: ASPIRE_SMTP_URL (smtp://host:port or
      smtps://host:port), ASPIRE_MAIL_FROM, and optionally ASPIRE_SMTP_USER with
      ASPIRE_SMTP_PASSWORD or ASPIRE_SMTP_PASSWORD_FILE, ASPIRE_SMTP_CA and
      ASPIRE_MAIL_REPLY_TO. Away from loopback the connection must be TLS with a
      verified certificate: smtps://, or smtp:// with ASPIRE_SMTP_STARTTLS=required.
      ASPIRE_MAIL_FROM here is the envelope sender; the From in each message, and
      the school's name the reports print (its display name, as in "Demo Academy
      <reports@school.example.org>"), were written when the rule queued it.

      A message is marked in flight before it goes to the server and sent when
      the server accepts it; one found in flight by a later run is held for
      review, never sent again blindly. Temporary failures are retried on a
      later run. Only one "aspire send" runs against a store at a time.

      Exit 0 when everything was sent; 1 when a message failed for good, or the
      settings, the login or TLS were refused; 3 when messages were left
      deferred or held for review and none failed.
      """,
    "hold": """
      usage: aspire hold LEARNER --reason TEXT [--db PATH] [--by STAFF_ID]

      Keeps the learner's messages in the outbox until "aspire release LEARNER".
      "aspire send" reports held learners; they do not change its exit status.
      """,
    "release": """
      usage: aspire release LEARNER [--db PATH] [--by STAFF_ID]
             aspire release --message ID [--delivered]

      Ends a learner's hold. With --message, settles a message held for review
      (one that was in flight when a run stopped): it goes again on the next
      "aspire send", or with --delivered is recorded as delivered.
      """,
    "help": """
      usage: aspire help [COMMAND]

      Describes a command, or lists them all.
      """,
  ]

  static func text(for command: String) -> String? { details[command] }

  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    guard let topic = arguments.first else {
      console.out(overview)
      return .success
    }
    guard let text = text(for: topic) else {
      throw UsageError(
        message: "no help for \"\(topic)\"", help: "\"aspire --help\" lists the commands")
    }
    console.out(text)
    return .success
  }
}
