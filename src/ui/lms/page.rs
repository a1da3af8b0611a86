//! The LMS page's root (`lms/index.html`, cargo feature `lms`): the LRS settings (`#/settings`,
//! the default), the student app's hidden sync frame (`#/sync`) and the result export
//! (`#/export`, `#/export/<key>`). It plays nothing, so it carries none of the play page: it reads
//! what the student app stored, replays plays with the engine for their statements, and writes
//! only the identity, the LRS settings and the statement queue.

use std::rc::Rc;

use yew::prelude::*;

use crate::library;
use crate::ui::clock;
use crate::ui::components::notices::Notices;
use crate::ui::lms::pages::{export::ExportPage, settings::Settings};
use crate::ui::student::route::{use_route, Route};
use kefu_core::engine::LoadedPack;
use kefu_core::engine::Saves;
use kefu_core::pack::PackSummary;

use super::hook::use_xapi;
use super::LmsContext;

/// What the LMS page's pages share (a context).
#[derive(Clone)]
pub struct LmsTools {
    pub saves: Rc<Saves>,
    /// Every pack a play can be of: the built-in ones (fetched when needed), then the teacher's.
    pub catalog: Rc<Vec<PackSummary>>,
    /// The packs a teacher loaded in this browser, decoded.
    pub local: Rc<Vec<Rc<LoadedPack>>>,
    /// Shows a message the student must read.
    pub notify: Callback<String>,
}

impl PartialEq for LmsTools {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.saves, &other.saves) && self.notify == other.notify
    }
}

impl LmsTools {
    /// The catalog entry of pack `id`.
    pub fn summary(&self, id: &str) -> Option<&PackSummary> {
        self.catalog.iter().find(|p| p.id == id)
    }
}

/// The page's notices (a reducer, so a message added from a callback never loses another).
#[derive(Default, PartialEq)]
struct Notes(Vec<String>);

enum Note {
    Add(String),
    Dismiss(usize),
}

impl Reducible for Notes {
    type Action = Note;

    fn reduce(self: Rc<Self>, action: Note) -> Rc<Self> {
        let mut list = self.0.clone();
        match action {
            Note::Add(m) => list.push(m),
            Note::Dismiss(i) if i < list.len() => drop(list.remove(i)),
            Note::Dismiss(_) => {}
        }
        Rc::new(Notes(list))
    }
}

#[function_component(LmsPage)]
pub fn lms_page() -> Html {
    let notes = use_reducer(Notes::default);
    let made = {
        let add = notes.dispatcher();
        use_memo((), move |_| {
            let store: Rc<dyn kefu_core::storage::Store> = Rc::new(crate::ui::local_store::LocalStore);
            let builtin = library::index();
            let mut found = vec![];
            let local = kefu_core::pack::store::playable(store.as_ref(), &builtin, clock::now(), &mut found);
            let mut catalog = builtin;
            let mut packs = vec![];
            for (summary, pack) in local {
                catalog.push(summary);
                packs.push(pack);
            }
            let tools = LmsTools {
                saves: Rc::new(Saves::new(store)),
                catalog: Rc::new(catalog),
                local: Rc::new(packs),
                notify: Callback::from(move |m: String| add.dispatch(Note::Add(m))),
            };
            (tools, found)
        })
    };
    {
        let (found, add) = (made.1.clone(), notes.dispatcher());
        use_effect_with((), move |_| found.into_iter().for_each(|m| add.dispatch(Note::Add(m))));
    }
    let tools = made.0.clone();
    let (xapi, flush) = use_xapi(&tools);
    let lms = LmsContext { xapi: xapi.clone(), flush };
    let page = match use_route() {
        Route::Export(key) => html! { <ExportPage key_suffix={key} /> },
        Route::Sync => html! { <p>{"学习记录同步"}</p> },
        _ => html! { <Settings /> },
    };
    let on_dismiss = {
        let notes = notes.dispatcher();
        Callback::from(move |i: usize| notes.dispatch(Note::Dismiss(i)))
    };
    html! {
        <ContextProvider<LmsTools> context={tools}>
        <ContextProvider<LmsContext> context={lms}>
            <Notices notices={notes.0.clone()} {on_dismiss} />
            <main>{ page }</main>
            <footer class="site-footer">
                if xapi.configured || xapi.pending > 0 {
                    <span class="xapi-queue" data-xapi-queue={xapi.pending.to_string()} title={xapi.error.clone()}>
                        { if xapi.pending == 0 { "学习记录已全部发送".to_string() } else { format!("学习记录 {} 条待发送", xapi.pending) } }
                    </span>
                } else {
                    {"客服实训 · 所有进度只保存在本浏览器中"}
                }
            </footer>
        </ContextProvider<LmsContext>>
        </ContextProvider<LmsTools>>
    }
}
