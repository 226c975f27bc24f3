//! Keyed hashes that link records without revealing what links them.
//!
//! A card number, a phone number or an e-mail address that appears in two
//! bookings links them (one payer, one contact), but the value itself must
//! not travel in output. Each such value is normalised and hashed with
//! HMAC-SHA256 under a [`LinkKey`]: equal values under one key give equal
//! hashes, and without the key the hash reveals nothing practical about the
//! value. The kind of value is part of the hashed text (`kind || 0x00 ||
//! value`), so a phone and an e-mail with the same text never collide.
//!
//! The key is the caller's. When none is given, [`LinkKey::process`] is a
//! random key drawn once per process: hashes then link records within one
//! run only. The key is never printed (`Debug` hides it).

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use std::fmt;
use std::sync::OnceLock;

type HmacSha256 = Hmac<Sha256>;

/// A secret key for [`LinkHash`]es.
///
/// The HMAC state after absorbing the key is kept, so each hash costs two
/// SHA-256 compressions instead of four.
#[derive(Clone)]
pub struct LinkKey {
    key: Vec<u8>,
    keyed: HmacSha256,
}

impl PartialEq for LinkKey {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for LinkKey {}

impl fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LinkKey(<hidden>)")
    }
}

/// A keyed hash of a normalised value: 64 lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct LinkHash(pub String);

impl fmt::Display for LinkHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl LinkKey {
    /// A key from the caller's secret bytes (any length; 32 or more random
    /// bytes are recommended).
    #[must_use]
    pub fn new(secret: &[u8]) -> Self {
        // HMAC accepts keys of any length, so this cannot fail; the
        // fallback keeps the function total.
        let keyed = HmacSha256::new_from_slice(secret)
            .unwrap_or_else(|_| <HmacSha256 as Mac>::new(&Default::default()));
        LinkKey {
            key: secret.to_vec(),
            keyed,
        }
    }

    /// A fresh random key of 32 bytes from the operating system.
    ///
    /// # Errors
    /// When the operating system has no random source.
    pub fn random() -> Result<Self, getrandom::Error> {
        let mut key = vec![0u8; 32];
        getrandom::fill(&mut key)?;
        Ok(LinkKey::new(&key))
    }

    /// The random key of this process, drawn on first use. If the operating
    /// system gives no randomness, a key derived from the time and the
    /// process id is used instead (still unknown outside the process).
    #[must_use]
    pub fn process() -> &'static LinkKey {
        static KEY: OnceLock<LinkKey> = OnceLock::new();
        KEY.get_or_init(|| {
            LinkKey::random().unwrap_or_else(|_| {
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos());
                let seed = format!("{nanos}:{}", std::process::id());
                LinkKey::new(seed.as_bytes())
            })
        })
    }

    /// The keyed hash of `normalised`, a value of the given `kind`
    /// (`card`, `phone`, `email`...): HMAC-SHA256 over
    /// `kind || 0x00 || normalised`, as hex.
    #[must_use]
    pub fn hash(&self, kind: &str, normalised: &str) -> LinkHash {
        let mut mac = self.keyed.clone();
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(normalised.as_bytes());
        let bytes = mac.finalize().into_bytes();
        let mut hex = String::with_capacity(64);
        for b in bytes {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            hex.push(char::from(DIGITS[usize::from(b >> 4)]));
            hex.push(char::from(DIGITS[usize::from(b & 0xf)]));
        }
        LinkHash(hex)
    }
}

/// Normalises a phone number: digits only, with a leading `+` kept when the
/// number starts with one (`+44 (20) 7946-0000` -> `+442079460000`). `None`
/// when no digit remains.
#[must_use]
pub fn normalise_phone(text: &str) -> Option<String> {
    let trimmed = text.trim_start();
    let mut out = String::with_capacity(trimmed.len());
    if trimmed.starts_with('+') {
        out.push('+');
    }
    out.extend(trimmed.chars().filter(char::is_ascii_digit));
    if out.len() <= usize::from(out.starts_with('+')) {
        return None;
    }
    Some(out)
}

/// Normalises an e-mail address: trimmed and lower-cased. `None` when empty.
#[must_use]
pub fn normalise_email(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    Some(t.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_hmac_sha256_known_answer() {
        // Python: hmac.new(b"test key", b"phone\x00+4420000000", hashlib.sha256)
        let k = LinkKey::new(b"test key");
        assert_eq!(
            k.hash("phone", "+4420000000").0,
            "7a40fbec3ef05287fe654063788830a199815440106e50820b240d5638131c4a"
        );
        // A second hash under the same key starts from the same keyed state.
        assert_eq!(
            k.hash("phone", "+4420000000"),
            k.hash("phone", "+4420000000")
        );
    }

    #[test]
    fn kinds_never_collide() {
        let k = LinkKey::new(b"test key");
        assert_ne!(k.hash("phone", "12345"), k.hash("email", "12345"));
        assert_eq!(k.hash("phone", "12345"), k.hash("phone", "12345"));
        assert_eq!(k.hash("phone", "12345").0.len(), 64);
        assert_ne!(
            LinkKey::new(b"other").hash("phone", "12345"),
            k.hash("phone", "12345")
        );
    }

    #[test]
    fn known_vector() {
        // HMAC-SHA256(key = "key", "card\0" + "4111111111111111"), computed
        // independently with Python's hmac module.
        let k = LinkKey::new(b"key");
        assert_eq!(
            k.hash("card", "4111111111111111").0,
            "dcf27bdb1e4d2e6564caf85cf566004422f021148aa120c05fdb658ff71ca553"
        );
    }

    #[test]
    fn debug_hides_the_key() {
        let k = LinkKey::new(b"secret-bytes");
        assert!(!format!("{k:?}").contains("secret"));
        assert_eq!(LinkKey::process(), LinkKey::process());
    }

    #[test]
    fn normalises_contacts() {
        assert_eq!(
            normalise_phone(" +44 (20) 7946-0000").as_deref(),
            Some("+442079460000")
        );
        assert_eq!(
            normalise_phone("0049 30 1234").as_deref(),
            Some("0049301234")
        );
        assert_eq!(normalise_phone("+"), None);
        assert_eq!(
            normalise_email(" Ann.Lee@Example.ORG ").as_deref(),
            Some("ann.lee@example.org")
        );
    }
}
