//! The crm app's root component: navigation, notices and the page for the current hash route.

use yew::prelude::*;

use crate::ui::components::nav::Nav;
use crate::ui::Area;

#[function_component(CrmApp)]
pub fn app() -> Html {
    html! {
        <>
            <Nav area={Area::Crm} active="crm" />
            <main>
                <section class="empty">
                    <h1>{"客户管理"}</h1>
                </section>
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </>
    }
}
