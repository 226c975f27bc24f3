//! Keeps Rust panics on this side of the boundary.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f`, turning a panic into the error `internal` builds from a
/// description of it. The core does not panic on any input; this is the
/// last line of defence, so that a bug shows as an exception in the host
/// language, never as a crash of the host process.
pub(crate) fn guard<T, E>(
    f: impl FnOnce() -> Result<T, E>,
    internal: impl FnOnce(String) -> E,
) -> Result<T, E> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            Err(internal(format!(
                "paxscreen failed internally (a bug, please report it): {what}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn a_panic_becomes_the_internal_error() {
        let r: Result<(), String> = guard(|| panic!("boom"), |m| m);
        let message = r.unwrap_err();
        assert!(message.contains("internally"), "{message}");
        assert!(message.contains("boom"), "{message}");
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(guard(|| Ok::<_, String>(3), |m| m), Ok(3));
        assert_eq!(
            guard(|| Err::<u8, _>("no".to_string()), |m| m),
            Err("no".to_string())
        );
    }
}
