//! The LMS's SCORM 1.2 API object (`window.API`), found by the standard search (the frames above
//! this page, then the window that opened it) and called through `js_sys::Reflect`, so no
//! JavaScript file is added to the app. SCORM 1.2 calls take and return strings (`"true"` /
//! `"false"`); some LMSs return booleans, which are read the same way.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The LMS's API object.
pub struct ScormApi {
    api: JsValue,
}

/// How many parent frames to climb (the search recommended with SCORM 1.2).
const MAX_PARENTS: usize = 7;

/// `win.API` when it is an object; a cross-origin frame throws, which counts as no API.
fn api_of(win: &JsValue) -> Option<JsValue> {
    Reflect::get(win, &"API".into()).ok().filter(|a| a.is_object())
}

/// `API` in `win` or one of the frames above it.
fn search_up(win: web_sys::Window) -> Option<JsValue> {
    let mut win = win;
    for _ in 0..=MAX_PARENTS {
        if let Some(api) = api_of(&win) {
            return Some(api);
        }
        match win.parent() {
            Ok(Some(p)) if !js_sys::Object::is(p.as_ref(), win.as_ref()) => win = p,
            _ => return None,
        }
    }
    None
}

impl ScormApi {
    /// The API of the LMS that launched this page, if any.
    pub fn find() -> Option<ScormApi> {
        let win = web_sys::window()?;
        let api = search_up(win.clone()).or_else(|| {
            let opener = win.opener().ok().filter(|o| o.is_object())?;
            search_up(opener.dyn_into().ok()?)
        })?;
        Some(ScormApi { api })
    }

    /// Calls `name(args…)` and gives its result as text ("" if it is not a function or threw).
    fn call(&self, name: &str, args: &[&str]) -> String {
        let Some(f) = Reflect::get(&self.api, &name.into()).ok().and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return String::new();
        };
        let list: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        match f.apply(&self.api, &list) {
            Ok(v) => v
                .as_string()
                .or_else(|| v.as_bool().map(|b| b.to_string()))
                // Not numbers: formatting one links the float printer into the wasm, and SCORM
                // 1.2 values are strings anyway.
                .unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    fn ok(&self, name: &str, args: &[&str]) -> bool {
        self.call(name, args) == "true"
    }

    pub fn initialize(&self) -> bool {
        self.ok("LMSInitialize", &[""])
    }

    pub fn get(&self, key: &str) -> String {
        self.call("LMSGetValue", &[key])
    }

    pub fn set(&self, key: &str, value: &str) -> bool {
        self.ok("LMSSetValue", &[key, value])
    }

    pub fn commit(&self) -> bool {
        self.ok("LMSCommit", &[""])
    }

    pub fn finish(&self) -> bool {
        self.ok("LMSFinish", &[""])
    }

    /// The LMS's last error, as "code: text", for a message to the student.
    pub fn last_error(&self) -> String {
        let code = self.call("LMSGetLastError", &[]);
        let text = self.call("LMSGetErrorString", &[&code]);
        format!("{code}: {text}")
    }
}
