//! An area files can be dropped on (it holds the page's file input too). While files are dragged
//! over it, it is highlighted; the browser's default (opening the file) is prevented.

use yew::prelude::*;

use crate::ui::files;

#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// The `data-drop` hook value naming this zone.
    pub name: &'static str,
    pub on_files: Callback<web_sys::FileList>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(DropZone)]
pub fn drop_zone(props: &DropZoneProps) -> Html {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let on_files = props.on_files.clone();
        Callback::from(move |e: DragEvent| {
            over.set(false);
            if let Some(list) = files::from_drop(&e) {
                on_files.emit(list);
            }
        })
    };
    html! {
        <div class={classes!("drop-zone", (*over).then_some("over"))} data-drop={props.name}
             {ondragover} {ondragleave} {ondrop}>
            { props.children.clone() }
        </div>
    }
}
