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
    // libedit from the system, for the REPL's line editing, history and completion.
    .systemLibrary(
      name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]),
    // The interactive REPL and its piped form: statements one by one, meta-commands.
    .target(
      name: "AspireREPL",
      dependencies: [
        "AspireEvaluator", "AspireLanguage", "AspireModel", "AspireStore", "CEditLine",
      ]),
    // The demo school (or a national senior phase) written as CSV files to import.
    .target(name: "AspireDemo", dependencies: ["AspireModel"]),
    // The command line.
    .executableTarget(
      name: "aspire",
      dependencies: [
        "AspireDemo", "AspireEvaluator", "AspireLanguage", "AspireModel", "AspireREPL",
        "AspireStore",
      ],
      path: "Sources/AspireCommand"),

    .testTarget(name: "AspireModelTests", dependencies: ["AspireModel"]),
    .testTarget(
      name: "AspireLanguageTests",
      dependencies: ["AspireLanguage", "AspireEvaluator", "AspireModel"]),
    // End-to-end tests of the built `aspire` command, with the golden corpus
    // under Tests/Golden.
    .testTarget(name: "AspireCommandTests", dependencies: ["aspire"]),
    .testTarget(name: "AspireDemoTests", dependencies: ["AspireDemo", "AspireModel"]),
    .testTarget(name: "AspireStoreTests", dependencies: ["AspireStore", "AspireModel"]),
    // The REPL through the built `aspire` (piped, and in a real terminal under
    // tmux), with unit tests of its completion, continuation and table renderers.
    .testTarget(
      name: "AspireREPLTests",
      dependencies: ["aspire", "AspireREPL", "AspireStore", "AspireLanguage", "AspireModel"]),
  ]
)
