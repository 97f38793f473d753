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
    // The demo school (or a national senior phase) written as CSV files to import.
    .target(name: "AspireDemo", dependencies: ["AspireModel"]),
    // The command line.
    .executableTarget(name: "aspire", dependencies: ["AspireModel"], path: "Sources/AspireCommand"),

    .testTarget(name: "AspireModelTests", dependencies: ["AspireModel"]),
    .testTarget(name: "AspireDemoTests", dependencies: ["AspireDemo", "AspireModel"]),
  ]
)
