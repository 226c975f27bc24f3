// swift-tools-version:5.7
// paxscreen for Swift: the generated uniffi bindings (PaxscreenFFI), the C
// module of the Rust library's header (paxscreen_ffiFFI) and a thin
// hand-written layer (Paxscreen). Generated files come from
// `scripts/gen-bindings swift`; do not edit them.
//
// The Rust library is linked from ../../target/<profile>/ (set
// PAXSCREEN_LIB_DIR to change it); on Apple platforms use the XCFramework
// built by scripts/build-xcframework.sh instead.
import PackageDescription
import Foundation

let libDir = ProcessInfo.processInfo.environment["PAXSCREEN_LIB_DIR"] ?? "../../target/debug"

let package = Package(
    name: "Paxscreen",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [
        .library(name: "Paxscreen", targets: ["Paxscreen"]),
    ],
    targets: [
        .target(
            name: "paxscreen_ffiFFI",
            path: "Sources/paxscreen_ffiFFI",
            publicHeadersPath: "include",
            linkerSettings: [
                .unsafeFlags(["-L", libDir]),
                .linkedLibrary("paxscreen_ffi"),
            ]
        ),
        .target(
            name: "PaxscreenFFI",
            dependencies: ["paxscreen_ffiFFI"],
            path: "Sources/PaxscreenFFI"
        ),
        .target(
            name: "Paxscreen",
            dependencies: ["PaxscreenFFI"],
            path: "Sources/Paxscreen"
        ),
        .testTarget(
            name: "PaxscreenTests",
            dependencies: ["Paxscreen"],
            path: "Tests/PaxscreenTests"
        ),
    ]
)
