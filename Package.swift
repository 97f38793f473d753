// swift-tools-version:6.0
// The aspire package: the language, its evaluator, the school engine and the
// `aspire` command. README.md has the map of stages and how data flows.
import PackageDescription

// The language and evaluator are optimised in debug builds too: a debug
// `aspire` must still answer a megabyte of input, or a formula over a million
// rows, quickly, and the tests run the debug build.
let optimisedAlways: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
  name: "aspire",
  products: [
    .executable(name: "aspire", targets: ["aspire"])
  ],
  targets: [
    // The school's vocabulary: stages, levels, grades on their scales, sessions, dates.
    .target(name: "AspireModel"),
    // The language front end: tokens, lexer, parser, syntax tree, checker, formatter.
    .target(
      name: "AspireLanguage", dependencies: ["AspireModel"], swiftSettings: optimisedAlways),
    // Compiles checked expressions to column kernels and runs them.
    .target(
      name: "AspireEvaluator", dependencies: ["AspireLanguage", "AspireModel"],
      swiftSettings: optimisedAlways),
    // SQLite from the system, for the store.
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    // The store: SQLite schema, CSV reading, imports, exports.
    .target(name: "AspireStore", dependencies: ["AspireModel", "CSQLite"]),
    // Files for people: HTML pages with every value escaped, written owner-only.
    .target(name: "AspireReports", dependencies: ["AspireModel"]),
    // libcurl from the system, for delivering email over SMTP.
    .systemLibrary(
      name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]),
    // Email: composing messages, the outbox in the store, and SMTP delivery.
    .target(name: "AspireMail", dependencies: ["AspireModel", "AspireStore", "CCurl"]),
    // The school engine: the store's tables as columns for the evaluator.
    .target(
      name: "AspireEngine",
      dependencies: [
        "AspireEvaluator", "AspireLanguage", "AspireMail", "AspireModel", "AspireReports",
        "AspireStore",
      ]),
    // libedit from the system, for the REPL's line editing, history and completion.
    .systemLibrary(
      name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),
    // The interactive REPL and its piped form: statements one by one, meta-commands.
    .target(
      name: "AspireREPL",
      dependencies: [
        "AspireEngine", "AspireEvaluator", "AspireLanguage", "AspireModel", "AspireStore",
        "CEditLine",
      ]),
    // The demo school (or a national senior phase) written as CSV files to import.
    .target(name: "AspireDemo", dependencies: ["AspireModel"]),
    // The command line.
    .executableTarget(
      name: "aspire",
      dependencies: [
        "AspireDemo", "AspireEngine", "AspireEvaluator", "AspireLanguage", "AspireMail",
        "AspireModel", "AspireREPL", "AspireStore",
      ],
      path: "Sources/AspireCommand"),
    // scripts/bench's timer: a formula over the loaded store beside a hand-written loop.
    .executableTarget(
      name: "aspire-bench",
      dependencies: [
        "AspireEngine", "AspireEvaluator", "AspireLanguage", "AspireModel", "AspireStore",
      ],
      path: "Sources/AspireBench"),

    .testTarget(name: "AspireModelTests", dependencies: ["AspireModel"]),
    .testTarget(
      name: "AspireLanguageTests",
      dependencies: ["AspireLanguage", "AspireEvaluator", "AspireModel"]),
    // End-to-end tests of the built `aspire` command, with the golden corpus
    // under Tests/Golden; the data commands' tests read the store it writes.
    .testTarget(name: "AspireCommandTests", dependencies: ["aspire", "AspireMail", "AspireStore"]),
    .testTarget(name: "AspireDemoTests", dependencies: ["AspireDemo", "AspireModel"]),
    .testTarget(name: "AspireStoreTests", dependencies: ["AspireStore", "AspireModel"]),
    .testTarget(name: "AspireReportsTests", dependencies: ["AspireReports"]),
    .testTarget(
      name: "AspireEngineTests",
      dependencies: [
        "AspireEngine", "AspireEvaluator", "AspireLanguage", "AspireMail", "AspireModel",
        "AspireStore",
      ]),
    // The REPL through the built `aspire` (piped, and in a real terminal under
    // tmux), with unit tests of its completion, continuation and table renderers.
    .testTarget(
      name: "AspireREPLTests",
      dependencies: ["aspire", "AspireREPL", "AspireStore", "AspireLanguage", "AspireModel"]),
    .testTarget(name: "AspireMailTests", dependencies: ["AspireMail", "AspireStore"]),
  ]
)
