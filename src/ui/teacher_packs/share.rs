//! A stored pack's share link on the packs page (`data-share-link`, a read-only field holding the
//! URL, and a copy button): the pack itself travels in the link (`ui::share_link`), so a class
//! installs it by opening the link on their phones, with no upload and no server.

use yew::prelude::*;

use kefu_core::pack::share::MAX_LINK_CHARS;
use kefu_core::pack::store::StoredPack;

use crate::ui::app::App;
use crate::ui::share_link::{self, LinkError};

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    pub pack: StoredPack,
}

#[function_component(ShareLink)]
pub fn share_link_view(props: &ShareLinkProps) -> Html {
    let link = use_state(|| None::<Result<String, LinkError>>);
    let copied = use_state(|| None::<bool>);
    {
        let link = link.clone();
        let copied = copied.clone();
        use_effect_with(props.pack.clone(), move |pack| {
            let pack = pack.clone();
            link.set(None);
            copied.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                link.set(Some(share_link::link(&pack, App::TeacherPacks).await));
            });
        });
    }
    match &*link {
        None => html! { <p class="share">{"正在生成学生链接……"}</p> },
        Some(Ok(url)) => {
            let onclick = {
                let url = url.clone();
                let copied = copied.clone();
                Callback::from(move |_: MouseEvent| {
                    let url = url.clone();
                    let copied = copied.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        copied.set(Some(share_link::copy(&url).await))
                    });
                })
            };
            let label = match *copied {
                None => "复制链接",
                Some(true) => "已复制",
                Some(false) => "无法复制,请手动选中复制",
            };
            html! {
                <div class="share">
                    <label>
                        <span>{ format!("学生链接({} 个字符):在任何浏览器中打开即安装本场景包", url.chars().count()) }</span>
                        <input type="url" readonly=true value={url.clone()} data-share-link="" />
                    </label>
                    <button type="button" data-share-copy="" {onclick}>{ label }</button>
                </div>
            }
        }
        Some(Err(LinkError::TooLong(len))) => html! {
            <p class="share" data-share-too-long="">
                { format!("这个场景包太大:链接会有 {len} 个字符(上限 {MAX_LINK_CHARS}),聊天软件和二维码都装不下。请把场景包拆成较小的几个,或把它放进学校网站上的 dist/ 重新构建。") }
            </p>
        },
        Some(Err(LinkError::Browser(e))) => html! { <p class="share" role="alert">{ e.clone() }</p> },
    }
}
