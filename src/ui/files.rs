//! Reading the files a user picked (`<input type=file>`) or dropped: each file's name and bytes, in
//! the order given. A file that cannot be read gives its error instead; the others are still read.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::ui::limits::Limit;

/// One picked file: its name and its bytes, or why it could not be read.
pub type Picked = (String, Result<Vec<u8>, String>);

/// Reads every file of `list`; a file over `limit` is refused by its size, before it is read.
pub async fn read_all(list: web_sys::FileList, limit: Limit) -> Vec<Picked> {
    let mut out = vec![];
    for i in 0..list.length() {
        let Some(file) = list.item(i) else { continue };
        let name = file.name();
        if let Err(e) = limit.check(&name, file.size() as u64) {
            out.push((name, Err(e)));
            continue;
        }
        let bytes = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(e) => Err(format!("无法读取文件({})", e.as_string().unwrap_or_default())),
        };
        out.push((name, bytes));
    }
    out
}

/// The files of a `change` event on a file input; the input is then cleared so that picking the
/// same file again fires another `change`.
pub fn from_input(e: &Event) -> Option<(web_sys::FileList, web_sys::HtmlInputElement)> {
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let files = input.files()?;
    Some((files, input))
}

/// The files of a `drop` event (its default, opening the file in the tab, is prevented).
pub fn from_drop(e: &DragEvent) -> Option<web_sys::FileList> {
    e.prevent_default();
    e.data_transfer()?.files()
}

/// Reads the files of `list` (each at most `limit`) and hands them to `done`; clears `input`
/// afterwards, if given.
pub fn read_then(
    list: web_sys::FileList,
    input: Option<web_sys::HtmlInputElement>,
    limit: Limit,
    done: impl FnOnce(Vec<Picked>) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let picked = read_all(list, limit).await;
        if let Some(input) = input {
            input.set_value("");
        }
        done(picked);
    });
}
