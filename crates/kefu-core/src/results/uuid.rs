//! Name-based UUIDs, so that the same thing always gets the same id: an xAPI statement built
//! twice from the same play (a retry, a re-export) carries the same `id`, and the LRS stores it
//! once. The layout is RFC 4122's version 5 (version nibble 5, variant `10`), which every LRS
//! validator accepts; the hash is SHA-256 (truncated to 128 bits) rather than SHA-1 because
//! `sha2` is already in the app. Only stability and uniqueness matter here, not equality with
//! another tool's v5 value of the same name.

use sha2::{Digest, Sha256};

/// This app's namespace (itself a random UUID, fixed forever: changing it changes every id).
pub const NAMESPACE: [u8; 16] =
    [0x5b, 0x1e, 0x6f, 0x52, 0x9c, 0x3d, 0x4a, 0x7e, 0x8f, 0x21, 0x0d, 0x64, 0xa3, 0xc5, 0x17, 0x9b];

/// The UUID of `name` in `namespace`, lowercase hyphenated.
pub fn name_uuid(namespace: &[u8; 16], name: &str) -> String {
    let mut h = Sha256::new();
    h.update(namespace);
    h.update(name.as_bytes());
    let digest = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn well_formed(u: &str) -> bool {
        let parts: Vec<&str> = u.split('-').collect();
        parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
            && u.chars().all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
            && parts[2].starts_with('5')
            && matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b')
    }

    #[test]
    fn stable_distinct_and_well_formed() {
        let a = name_uuid(&NAMESPACE, "play/1");
        assert_eq!(a, name_uuid(&NAMESPACE, "play/1"));
        assert_ne!(a, name_uuid(&NAMESPACE, "play/2"));
        assert_ne!(a, name_uuid(&[0; 16], "play/1"));
        for n in ["", "x", "学生/2023001", &"长".repeat(1000)] {
            let u = name_uuid(&NAMESPACE, n);
            assert!(well_formed(&u), "{u}");
        }
    }

    #[test]
    fn pinned_value() {
        // Statement ids already sent to an LRS must never change: if this fails, the hashing
        // changed and retries would duplicate statements.
        assert_eq!(name_uuid(&NAMESPACE, "kefu-sim"), PINNED);
    }

    /// Computed independently: `sha256(NAMESPACE ‖ b"kefu-sim")[:16]` with the version and variant
    /// bits set (Python's hashlib).
    const PINNED: &str = "bf7045b8-0a52-5a12-8d53-fee3f0fb903f";
}
