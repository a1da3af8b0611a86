//! Share links in the browser: the packs page turns a stored pack into `…/#/install/DATA`, and the
//! student app turns `DATA` back into the pack (`kefu_core::pack::share` says what the bytes are
//! and checks them). The compression is the browser's `CompressionStream("deflate-raw")`, so no
//! deflate code enters the wasm; web-sys has that class only behind its unstable-API flag, hence
//! the few bindings below.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair};

use kefu_core::pack::share::{self, MAX_LINK_CHARS, MAX_PAYLOAD_BYTES};
use kefu_core::pack::store::StoredPack;
use kefu_core::pack::LoadedPack;
use kefu_core::util::base64;

use crate::ui::app::App;

/// The student app's route that installs a pack from a link: `#/install/DATA`.
pub const INSTALL_ROUTE: &str = "install/";

#[wasm_bindgen]
extern "C" {
    /// `new CompressionStream(format)`: a readable/writable pair for `pipeThrough`.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compression;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compression, JsValue>;

    /// `new DecompressionStream(format)`.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompression;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompression, JsValue>;

    /// `navigator.clipboard.writeText(text)`.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// A share link for the stored pack: the absolute URL of the student home page with the pack in its
/// fragment (`from` is the page making it), or why not: longer than [`MAX_LINK_CHARS`], or a
/// browser that cannot compress.
pub async fn link(stored: &StoredPack, from: App) -> Result<String, LinkError> {
    let packed = deflate(&share::payload(stored)).await.map_err(LinkError::Browser)?;
    let relative = from.href(App::Student, &format!("#/{INSTALL_ROUTE}{}", base64::encode_url(&packed)));
    let base = gloo::utils::window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(&relative, &base).map(|u| u.href()).unwrap_or(relative);
    if url.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong(url.len()));
    }
    Ok(url)
}

/// Why no link was made.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// The link would have this many characters.
    TooLong(usize),
    /// The browser could not compress (too old a browser).
    Browser(String),
}

/// The pack in a link's `DATA`, checked, and its stored form (the link's own bytes), or a Chinese
/// message for the student.
pub async fn open(data: &str) -> Result<(LoadedPack, StoredPack), String> {
    let packed = base64::decode_url(data).map_err(|_| share::DAMAGED.to_string())?;
    let payload = inflate(&packed, MAX_PAYLOAD_BYTES).await.map_err(|_| share::DAMAGED.to_string())?;
    share::decode_stored(&payload)
}

/// Copies `text` to the clipboard; `false` when the browser refused (no permission, not HTTPS).
pub async fn copy(text: &str) -> bool {
    match write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let pair = Compression::new("deflate-raw")
        .map_err(|_| "此浏览器不支持压缩(CompressionStream),请换用新版浏览器".to_string())?;
    read_all(through(bytes, pair.unchecked_ref())?, usize::MAX).await
}

async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let pair = Decompression::new("deflate-raw")
        .map_err(|_| "此浏览器不支持解压(DecompressionStream),请换用新版浏览器".to_string())?;
    read_all(through(bytes, pair.unchecked_ref())?, limit).await
}

/// `bytes` piped through a transform stream.
fn through(bytes: &[u8], pair: &ReadableWritablePair) -> Result<ReadableStream, String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| "无法读取数据".to_string())?;
    Ok(blob.stream().pipe_through(pair))
}

/// Everything `stream` gives, stopping with an error past `limit` bytes (a link that inflates to
/// gigabytes must not take the tab down).
async fn read_all(stream: ReadableStream, limit: usize) -> Result<Vec<u8>, String> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = vec![];
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| "数据已损坏".to_string())?;
        let done =
            js_sys::Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| "数据已损坏".to_string())?;
        let array: Uint8Array = value.unchecked_into();
        if out.len() + array.length() as usize > limit {
            let _ = reader.cancel();
            return Err("数据过大".into());
        }
        out.extend(array.to_vec());
    }
}
