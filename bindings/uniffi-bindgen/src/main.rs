//! `uniffi-bindgen` at the same uniffi version as `paxscreen-ffi`, so the
//! generated Kotlin, Swift and Python always match the built library:
//!
//! ```sh
//! cargo run -p uniffi-bindgen -- generate --library target/debug/libpaxscreen_ffi.so \
//!     --language kotlin --out-dir bindings/kotlin/target/generated-sources/uniffi
//! ```

fn main() {
    uniffi::uniffi_bindgen_main();
}
