//! SHA-256 digests as lowercase hex text, shared by the audit chain (spec §8) and invitation
//! tokens.

use sha2::{Digest, Sha256};

/// The lowercase hex SHA-256 of the concatenation of `parts`.
pub fn sha256_hex(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
    }
    to_hex(&hasher.finalize())
}

/// Lowercase hex of `bytes`, two characters a byte.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            if let Some(&digit) = DIGITS.get(usize::from(nibble)) {
                out.push(char::from(digit));
            }
        }
    }
    out
}

/// The 32 bytes of a SHA-256 written as 64 hex digits (either case); `None` otherwise.
pub fn sha256_from_hex(hex: &str) -> Option<[u8; 32]> {
    let digits = hex.as_bytes();
    if digits.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let [high, low] = pair else { return None };
        *byte = (hex_value(*high)? << 4) | hex_value(*low)?;
    }
    Some(out)
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sha256_of_abc_is_the_published_test_vector() {
        // FIPS 180-2 example; also `printf abc | sha256sum`.
        assert_eq!(
            sha256_hex(&[b"a", b"bc"]),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn hex_round_trips_through_bytes() {
        let hex = sha256_hex(&[b"quorate"]);
        let bytes = sha256_from_hex(&hex);
        assert_eq!(bytes.map(|b| to_hex(&b)), Some(hex.clone()));
        assert_eq!(
            sha256_from_hex(&hex.to_uppercase()).map(|b| to_hex(&b)),
            Some(hex)
        );
    }

    #[test]
    fn malformed_hex_is_rejected() {
        assert_eq!(sha256_from_hex(""), None);
        assert_eq!(sha256_from_hex(&"0".repeat(63)), None);
        assert_eq!(sha256_from_hex(&"g".repeat(64)), None);
        assert_eq!(sha256_from_hex(&"é".repeat(32)), None);
    }
}
