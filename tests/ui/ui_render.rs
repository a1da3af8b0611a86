//! Components rendered natively (Yew's server renderer): the debrief exposes the test-hook
//! attributes with the numbers it shows, and pack text is always escaped, never HTML.

use kefu_core::testing;

use kefu_core::engine::{Debrief, Session};
use kefu_sim::ui::components::debrief::{DebriefProps, DebriefView};
use kefu_sim::ui::components::transcript::{SessionRef, Transcript, TranscriptProps};
use yew::LocalServerRenderer;

fn finished_session(text: &str) -> Session {
    let pack = testing::load("x.toml", text);
    let mut s = Session::start(pack, 3, 0).unwrap();
    for c in ["probe", "praise", "invite"] {
        s.choose(c, 0).unwrap();
    }
    assert!(s.is_finished());
    s
}

#[tokio::test]
async fn debrief_shows_every_dimension_with_its_numbers() {
    let s = finished_session(testing::SAMPLE);
    let d = Debrief::of(&s);
    let html = LocalServerRenderer::<DebriefView>::with_props(DebriefProps {
        debrief: d.clone(),
        title: "样例".into(),
        seed: 3,
        children: Default::default(),
    })
    .render()
    .await;
    assert!(html.contains("data-debrief"));
    for dim in &d.dims {
        let hook =
            format!(r#"data-dimension="{}" data-score="{}" data-max="{}""#, dim.id, dim.score, dim.max);
        assert!(html.contains(&hook), "missing {hook} in {html}");
    }
    assert_eq!(html.matches("data-review=").count(), d.review.len());
}

#[tokio::test]
async fn hostile_pack_text_is_rendered_as_text() {
    let evil = testing::SAMPLE
        .replace("您要什么样的?", "<script>alert(1)</script>")
        .replace("我要酸的。", "<img src=x onerror=alert(2)>")
        .replace("我要甜的。", "<img src=x onerror=alert(2)>");
    let s = finished_session(&evil);
    let html = LocalServerRenderer::<Transcript>::with_props(TranscriptProps {
        session: SessionRef(std::rc::Rc::new(s)),
        shown: None,
        hide_last_line: false,
    })
    .render()
    .await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
}

#[tokio::test]
async fn the_transcript_shows_the_first_events_and_can_leave_out_the_last_line() {
    let s = std::rc::Rc::new(finished_session(testing::SAMPLE));
    let render = |shown, hide_last_line| {
        let props = TranscriptProps { session: SessionRef(s.clone()), shown, hide_last_line };
        LocalServerRenderer::<Transcript>::with_props(props).render()
    };
    let all = render(None, false).await;
    assert_eq!(all.matches("<li").count(), s.events().len(), "{all}");
    assert_eq!(render(Some(2), false).await.matches("<li").count(), 2);
    let lines = s.events().iter().filter(|e| matches!(e, kefu_core::engine::Event::Line { .. })).count();
    assert!(lines > 0);
    assert_eq!(render(None, true).await.matches("<li").count(), s.events().len() - 1);
}
