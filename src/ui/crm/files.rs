//! File downloads and uploads in the browser: an export becomes a Blob URL clicked through a
//! temporary `<a download>` (no server involved), and a picked file is read as bytes with a
//! `FileReader`. Called only from event handlers.

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::{Blob, File, ObjectUrl};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// Offers `content` as a file called `name` to download.
pub fn download(name: &str, mime: &str, content: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let doc = gloo::utils::document();
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", name);
    if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
        a.click();
    }
    // Revoking the URL at once can cancel the download in some browsers: keep it a minute.
    Timeout::new(60_000, move || drop(url)).forget();
}

/// Reads the first file picked in `input`; `done(name, bytes)` runs when it has been read. The
/// returned reader must be kept alive until then.
pub fn read_picked(
    input: &web_sys::HtmlInputElement,
    done: impl FnOnce(String, Vec<u8>) + 'static,
) -> Option<FileReader> {
    let file = File::from(input.files()?.get(0)?);
    let name = file.name();
    // Clear the input so picking the same file again fires `change` again.
    input.set_value("");
    Some(read_as_bytes(&file, move |bytes| done(name, bytes.unwrap_or_default())))
}

/// `客户资料-20261206.csv`: the date keeps exports of different days apart.
pub fn export_name(ext: &str, now_ms: i64) -> String {
    let date = crate::ui::format::datetime(now_ms, 480);
    format!("客户资料-{}.{ext}", date[..10].replace('-', ""))
}
