//! The SCORM package: the zip of a built site with the manifest first, and the `scorm` CLI.

use std::rc::Rc;

use kefu_cli::scorm_package::{package, zip_files, Compression};
use kefu_core::pack::{compile_dir, LoadedPack};
use kefu_core::results::scorm::DEFAULT_LAUNCH;

/// The built-in packs, compiled from the workspace's scenarios/.
fn builtin() -> Vec<Rc<LoadedPack>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    compile_dir(&dir)
        .unwrap()
        .into_iter()
        .map(|(_, c)| Rc::new(LoadedPack { pack: c.pack.expect("built-in packs compile"), hash: c.hash }))
        .collect()
}

fn read_zip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

#[test]
fn packages_zip_the_site_with_the_manifest_first() {
    let site = vec![
        ("lms/scorm/index.html".to_string(), b"<!doctype html>".repeat(50)),
        ("assets/app.wasm".to_string(), (0..=255u8).cycle().take(5000).collect()),
    ];
    for how in [Compression::Stored, Compression::Deflated] {
        let zipped = zip_files(&site, how).unwrap();
        assert_eq!(read_zip(&zipped), site);
        assert_eq!(zipped, zip_files(&site, how).unwrap(), "the same files give the same zip");
    }
    let packs = builtin();
    let pkg = package(site.clone(), &packs[..1], "客服实训", DEFAULT_LAUNCH, Compression::Deflated).unwrap();
    let files = read_zip(&pkg);
    assert_eq!(files[0].0, "imsmanifest.xml");
    assert_eq!(&files[1..], &site[..]);
    let xml = String::from_utf8(files[0].1.clone()).unwrap();
    let meta = &packs[0].pack.meta;
    assert!(xml.contains(&format!("manifest-kefu-sim-{}-v{}", meta.id, meta.version)), "{xml}");
    let err = package(site[1..].to_vec(), &packs, "x", DEFAULT_LAUNCH, Compression::Stored).unwrap_err();
    assert!(err.contains("lms/scorm/index.html"), "{err}");
}

#[test]
fn the_scorm_cli_packages_a_built_site() {
    let dir = std::env::temp_dir().join(format!("kefu-scorm-test-{}", std::process::id()));
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::create_dir_all(dist.join("lms").join("scorm")).unwrap();
    std::fs::write(dist.join("lms").join("scorm").join("index.html"), "<!doctype html>").unwrap();
    std::fs::write(dist.join("assets").join("style.css"), "body{}").unwrap();
    let out = dir.join("pkg.zip");
    let run = |args: &[&str]| {
        // From the workspace root, where the default `scenarios/` is.
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        std::process::Command::new(env!("CARGO_BIN_EXE_scorm")).args(args).current_dir(root).output().unwrap()
    };

    let ok = run(&["--pack", "apple-seller", "--stored", dist.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let names: Vec<String> = read_zip(&std::fs::read(&out).unwrap()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["imsmanifest.xml", "assets/style.css", "lms/scorm/index.html"]);

    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(
        run(&["--pack", "nope", dist.to_str().unwrap(), out.to_str().unwrap()]).status.code(),
        Some(2)
    );
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let failed = run(&[empty.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("index.html"));
    std::fs::remove_dir_all(&dir).unwrap();
}
