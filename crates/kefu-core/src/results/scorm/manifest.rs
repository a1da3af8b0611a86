//! `imsmanifest.xml` for a SCORM 1.2 package: one SCO per pack, each launching the app on that
//! pack, sharing one asset resource that lists every file of the built site. The pass mark of each
//! pack becomes its `adlcp:masteryscore`, consistent with the `lesson_status` the app reports.
//! The XSD files that strict validators look for are not bundled; Moodle, Chamilo and SCORM
//! Cloud read packages without them.

use std::rc::Rc;

use crate::engine::LoadedPack;
use crate::results::pass::pass_mark;

/// How a SCO launches the app: `{pack}` is replaced by the pack id. A query rather than a `#`
/// route, because LMSs append their own parameters to the launch URL. It opens the SCORM page
/// (`lms/scorm/`, the student app built with SCORM support) directly: `index.html` would forward
/// there too, but only after the browser started fetching the student app's own files.
pub const DEFAULT_LAUNCH: &str = "lms/scorm/index.html?scorm=1&pack={pack}";

/// One launchable item of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoItem {
    pub pack: String,
    pub title: String,
    /// The launch URL, relative to the package root.
    pub href: String,
    pub mastery: Option<u32>,
}

/// The SCOs for `packs`, with `launch` as in [`DEFAULT_LAUNCH`].
pub fn sco_items(packs: &[Rc<LoadedPack>], launch: &str) -> Vec<ScoItem> {
    packs
        .iter()
        .map(|p| ScoItem {
            pack: p.pack.meta.id.clone(),
            title: p.pack.meta.title.clone(),
            href: launch.replace("{pack}", &p.pack.meta.id),
            mastery: pass_mark(&p.pack),
        })
        .collect()
}

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0 at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// An `xs:ID` from a pack id (which may start with a digit): `prefix-id`.
fn xml_id(prefix: &str, id: &str) -> String {
    let clean: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    format!("{prefix}-{clean}")
}

/// The manifest of a package titled `title`, with `items` as SCOs and `files` (paths relative to
/// the package root, `/`-separated) as the shared content.
pub fn manifest(identifier: &str, title: &str, items: &[ScoItem], files: &[String]) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<manifest identifier=\"{}\" version=\"1.0\"\n  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n",
        xml(&xml_id("manifest", identifier))
    ));
    x.push_str("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n");
    x.push_str("  <organizations default=\"org\">\n    <organization identifier=\"org\">\n");
    x.push_str(&format!("      <title>{}</title>\n", xml(title)));
    for it in items {
        x.push_str(&format!(
            "      <item identifier=\"{}\" identifierref=\"{}\" isvisible=\"true\">\n        <title>{}</title>\n",
            xml_id("item", &it.pack),
            xml_id("sco", &it.pack),
            xml(&it.title)
        ));
        if let Some(m) = it.mastery {
            x.push_str(&format!("        <adlcp:masteryscore>{m}</adlcp:masteryscore>\n"));
        }
        x.push_str("      </item>\n");
    }
    x.push_str("    </organization>\n  </organizations>\n  <resources>\n");
    for it in items {
        let file = it.href.split(['?', '#']).next().unwrap_or_default();
        x.push_str(&format!(
            "    <resource identifier=\"{}\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"{}\">\n      <file href=\"{}\"/>\n      <dependency identifierref=\"shared\"/>\n    </resource>\n",
            xml_id("sco", &it.pack),
            xml(&it.href),
            xml(file)
        ));
    }
    x.push_str("    <resource identifier=\"shared\" type=\"webcontent\" adlcp:scormtype=\"asset\">\n");
    for f in files {
        x.push_str(&format!("      <file href=\"{}\"/>\n", xml(f)));
    }
    x.push_str("    </resource>\n  </resources>\n</manifest>\n");
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_ids() {
        assert_eq!(xml("a<b & \"c\" 'd'>\u{1}"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(xml_id("item", "3rd_pack"), "item-3rd_pack");
    }
}
