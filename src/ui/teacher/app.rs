//! The teacher app's root component: navigation, notices and the page for the current hash route.

use yew::prelude::*;

use crate::ui::components::nav::Nav;
use crate::ui::Area;

#[function_component(TeacherApp)]
pub fn app() -> Html {
    html! {
        <>
            <Nav area={Area::Teacher} active="teacher" />
            <main>
                <section class="empty">
                    <h1>{"教师工具"}</h1>
                </section>
            </main>
            <footer class="site-footer">{"客服实训 · 所有数据只保存在本浏览器中"}</footer>
        </>
    }
}
