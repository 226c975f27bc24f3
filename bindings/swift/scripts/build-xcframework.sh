#!/usr/bin/env bash
# Builds Paxscreen.xcframework (static library per platform + the C header
# and module map) for iOS devices, the iOS simulator and macOS. macOS only:
# needs Xcode and the Rust targets below (rustup target add ...).
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ "$(uname -s)" = Darwin ] || { echo "build-xcframework: needs macOS and Xcode" >&2; exit 1; }

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin)
for t in "${targets[@]}"; do
    cargo build -p paxscreen-ffi --release --locked --target "$t"
done
scripts/gen-bindings --profile release swift

out=target/xcframework
rm -rf "$out" && mkdir -p "$out/headers" "$out/ios-sim" "$out/macos"
cp bindings/swift/Sources/paxscreen_ffiFFI/include/* "$out/headers/"
lipo -create target/aarch64-apple-ios-sim/release/libpaxscreen_ffi.a \
    target/x86_64-apple-ios/release/libpaxscreen_ffi.a -output "$out/ios-sim/libpaxscreen_ffi.a"
lipo -create target/aarch64-apple-darwin/release/libpaxscreen_ffi.a \
    target/x86_64-apple-darwin/release/libpaxscreen_ffi.a -output "$out/macos/libpaxscreen_ffi.a"
xcodebuild -create-xcframework \
    -library target/aarch64-apple-ios/release/libpaxscreen_ffi.a -headers "$out/headers" \
    -library "$out/ios-sim/libpaxscreen_ffi.a" -headers "$out/headers" \
    -library "$out/macos/libpaxscreen_ffi.a" -headers "$out/headers" \
    -output "$out/Paxscreen.xcframework"
echo "built $out/Paxscreen.xcframework"
