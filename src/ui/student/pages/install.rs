//! Where a share link lands (`#/install/DATA`): the pack it carries is checked
//! (`kefu_core::pack::share`) and stored with the same rules as a pack loaded on the teacher's packs
//! page (`pack::store::install`: a newer version replaces an older one, an older one is refused),
//! then the student is on the home page with the pack listed and a notice saying what happened. A
//! damaged link stores nothing and says so.

use std::rc::Rc;

use yew::prelude::*;

use kefu_core::pack::store::{install_stored, Installed, StoredPack};
use kefu_core::pack::{LoadedPack, PackSummary};

use crate::ui::hash;
use crate::ui::share_link;
use crate::ui::student::app::AppHandle;
use crate::ui::student::state::Action;
use crate::ui::use_app::use_app;

#[derive(Properties, PartialEq)]
pub struct InstallProps {
    /// The link's `DATA`.
    pub data: String,
}

#[function_component(Install)]
pub fn install_page(props: &InstallProps) -> Html {
    let state = use_app::<AppHandle>();
    {
        let state = state.clone();
        use_effect_with(props.data.clone(), move |data| {
            let data = data.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let message = match share_link::open(&data).await {
                    Ok((loaded, stored)) => store(&state, loaded, stored),
                    Err(e) => e,
                };
                state.dispatch(Action::Notify(message));
                // Replaced, not pushed: Back must not install the link again.
                hash::replace("#/");
            });
        });
    }
    html! { <p class="empty" data-installing="">{"正在安装老师分享的场景包……"}</p> }
}

/// Stores the pack (`stored`: the link's own compiled bytes) and lists it (`loaded`); the notice to
/// show.
fn store(state: &AppHandle, loaded: LoadedPack, stored: StoredPack) -> String {
    let builtin: Vec<PackSummary> =
        state.catalog.iter().filter(|p| !state.local.contains(&p.id)).cloned().collect();
    let title = loaded.pack.meta.title.clone();
    let summary = stored.summary.clone();
    match install_stored(state.saves.store().as_ref(), stored, &builtin) {
        Ok(outcome) => {
            state.dispatch(Action::Installed { summary, pack: Rc::new(loaded) });
            match outcome {
                Installed::New(s) => format!(
                    "已安装老师分享的场景包「{title}」第 {} 版,可以在下面的「教师载入的场景」中练习",
                    s.version
                ),
                Installed::Replaced { old, new } => {
                    format!(
                        "已把场景包「{title}」从第 {old} 版更新到第 {} 版(旧版未完成的练习不能继续)",
                        new.version
                    )
                }
                Installed::Unchanged(s) => format!("场景包「{title}」第 {} 版已经安装过了", s.version),
            }
        }
        Err(refused) => format!("没有安装场景包「{title}」:{refused}"),
    }
}
