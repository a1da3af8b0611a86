//! How the page was launched. An LMS launches a SCO of the SCORM package with the URL the manifest
//! gives (`results::scorm::DEFAULT_LAUNCH`, `lms/scorm/index.html?scorm=1&pack=ID`, possibly followed by the
//! LMS's own parameters); any other URL is the whole app.

/// The pack id of a SCORM launch, from the page's query (`location.search`): `Some` only when
/// `scorm=1` and a non-empty `pack` are both present.
pub fn scorm_pack(search: &str) -> Option<String> {
    let mut scorm = false;
    let mut pack = None;
    for pair in search.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match (decode(k).as_deref(), decode(v)) {
            (Some("scorm"), Some(v)) => scorm = v == "1" || v == "true",
            (Some("pack"), Some(v)) if !v.is_empty() => pack = Some(v),
            _ => {}
        }
    }
    pack.filter(|_| scorm)
}

/// Decodes one query component (`+` is a space, `%XX` a byte); `None` if it is not valid UTF-8 or
/// has a broken escape.
fn decode(s: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(s.len());
    let mut it = s.bytes();
    while let Some(b) = it.next() {
        bytes.push(match b {
            b'+' => b' ',
            b'%' => {
                let hex = [it.next()?, it.next()?];
                u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?
            }
            b => b,
        });
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_manifest_launch_and_ignores_the_rest() {
        let launch = kefu_core::results::scorm::DEFAULT_LAUNCH.replace("{pack}", "apple-seller");
        let search = launch.split_once('?').map(|(_, q)| format!("?{q}")).unwrap();
        assert_eq!(scorm_pack(&search).as_deref(), Some("apple-seller"));
        // LMSs append their own parameters, in any order.
        assert_eq!(scorm_pack("?pack=man-rule&sid=42&scorm=1").as_deref(), Some("man-rule"));
        assert_eq!(scorm_pack("?scorm=1&pack=a%2Db").as_deref(), Some("a-b"));
        assert_eq!(scorm_pack(""), None);
        assert_eq!(scorm_pack("?pack=apple-seller"), None, "not a SCORM launch");
        assert_eq!(scorm_pack("?scorm=1"), None, "no pack");
        assert_eq!(scorm_pack("?scorm=0&pack=x"), None);
        assert_eq!(scorm_pack("?scorm=1&pack=%E4%B"), None, "a broken escape is no pack");
    }
}
