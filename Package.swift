// swift-tools-version:6.0
// The aspire package: the language, its evaluator, the school engine and the
// `aspire` command. README.md has the map of stages and how data flows.
import PackageDescription

let package = Package(
  name: "aspire",
  products: [
    .executable(name: "aspire", targets: ["aspire"])
  ],
  targets: [
    // The school's vocabulary: stages, levels, grades on their scales, sessions, dates.
    .target(name: "AspireModel"),
    // The command line.
    .executableTarget(name: "aspire", dependencies: ["AspireModel"], path: "Sources/AspireCommand"),
    // SQLite from the system, for the store.
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    // The store: SQLite schema, CSV reading, imports, exports.
    .target(name: "AspireStore", dependencies: ["AspireModel", "CSQLite"]),

    .testTarget(name: "AspireModelTests", dependencies: ["AspireModel"]),
    .testTarget(name: "AspireStoreTests", dependencies: ["AspireStore", "AspireModel"]),
  ]
)
