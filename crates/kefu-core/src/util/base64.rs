//! Base64 (RFC 4648): the standard alphabet with padding for HTTP Basic authentication, and the
//! URL-safe alphabet without padding for SCORM resume data (ASCII that no LMS escapes). Thirty
//! lines written here rather than a crate: the app needs only these two forms, and each
//! dependency's generic engine costs wasm size.

const STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn encode_with(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(alphabet[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Standard alphabet, padded (`Authorization: Basic …`).
pub fn encode(bytes: &[u8]) -> String {
    encode_with(bytes, STD, true)
}

/// URL-safe alphabet, unpadded.
pub fn encode_url(bytes: &[u8]) -> String {
    encode_with(bytes, URL, false)
}

/// Decodes unpadded URL-safe base64. Errors name the offending character's position.
pub fn decode_url(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in text.bytes().enumerate() {
        let v = URL
            .iter()
            .position(|&a| a == c)
            .ok_or_else(|| format!("第 {} 个字符不是有效的编码字符", i + 1))?;
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 || acc != 0 {
        return Err("编码长度或结尾不正确".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(encode_url(plain.as_bytes()), coded.trim_end_matches('='));
            assert_eq!(decode_url(coded.trim_end_matches('=')).unwrap(), plain.as_bytes());
        }
        // Python's base64.b64encode(b"user:pa:ss").
        assert_eq!(encode(b"user:pa:ss"), "dXNlcjpwYTpzcw==");
        assert_eq!(encode_url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(decode_url("Zm9v!").unwrap_err().contains('5'));
        assert!(decode_url("Z").is_err()); // six bits cannot be a byte
        assert!(decode_url("Zh").is_err()); // non-zero trailing bits
        assert!(decode_url("Zm9v=").is_err());
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let coded = encode_url(&bytes);
            prop_assert!(coded.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
            prop_assert_eq!(decode_url(&coded).unwrap(), bytes);
        }
    }
}
