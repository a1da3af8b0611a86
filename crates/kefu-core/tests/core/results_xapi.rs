//! xAPI statements of real plays: order and verbs, actor and activity IRIs, stable ids (a play
//! that goes on only adds statements), scores; the persisted queue's bookkeeping; the LRS
//! request (URL, headers, Basic auth, batching).

use kefu_core::testing;
use kefu_core::testing::plays;

use kefu_core::engine::{Debrief, Event, Session};
use kefu_core::results::xapi::{classify, request, statements, Delivery, LrsSettings, Profile, Queue};
use kefu_core::storage::{Loaded, MemoryStore};
use plays::{best, student, worst};
use serde_json::Value;

fn profile() -> Profile {
    Profile {
        home_page: "https://school.example.edu".into(),
        activity_base: "https://kefu.example.org/app/".into(),
    }
}

fn verbs(st: &[Value]) -> Vec<&str> {
    st.iter().map(|s| s["verb"]["id"].as_str().unwrap().rsplit('/').next().unwrap()).collect()
}

#[test]
fn a_finished_play_launches_answers_completes_and_passes_or_fails() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    for (s, pass) in [(best(pack, 1), "passed"), (worst(pack, 1), "failed")] {
        let st = statements(&profile(), &student(1), &s, Some(99_000));
        let n = s.play().answers.len();
        let mut expected = vec!["launched"];
        expected.extend(std::iter::repeat_n("answered", n));
        expected.extend(["completed", pass]);
        assert_eq!(verbs(&st), expected);

        let pack_iri =
            format!("https://kefu.example.org/app/packs/{}/v{}", pack.pack.meta.id, pack.pack.meta.version);
        let reg = st[0]["context"]["registration"].as_str().unwrap();
        for x in &st {
            assert_eq!(x["actor"]["account"]["homePage"], "https://school.example.edu");
            assert_eq!(x["actor"]["account"]["name"], "2023001");
            assert_eq!(x["actor"]["name"], "学生1");
            assert_eq!(x["context"]["registration"], reg);
            assert!(x["object"]["id"].as_str().unwrap().starts_with(&pack_iri));
            let ts = x["timestamp"].as_str().unwrap();
            assert!(ts.len() == 24 && ts.ends_with('Z') && ts.as_bytes()[10] == b'T', "{ts}");
            for key in x["context"]["extensions"].as_object().unwrap().keys() {
                assert!(key.starts_with("https://kefu.example.org/app/extensions/"), "{key}");
            }
        }
        assert_eq!(st[0]["object"]["id"], pack_iri.as_str());
        assert_eq!(st[0]["object"]["definition"]["name"]["zh-CN"], pack.pack.meta.title.as_str());

        // Each answered statement: the choice made, whether it was the best, its score change.
        let chosen: Vec<_> =
            s.events().iter().filter_map(|e| if let Event::Chose(c) = e { Some(c) } else { None }).collect();
        for (x, c) in st[1..=n].iter().zip(&chosen) {
            assert_eq!(x["result"]["response"], c.choice.as_str());
            assert_eq!(x["result"]["success"], c.best);
            assert_eq!(x["result"]["score"]["raw"], c.deltas.iter().map(|(_, d)| d).sum::<i64>());
            assert_eq!(x["object"]["definition"]["interactionType"], "choice");
            let ids: Vec<&str> = x["object"]["definition"]["choices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap())
                .collect();
            assert!(ids.contains(&c.choice.as_str()));
            assert_eq!(x["context"]["contextActivities"]["parent"][0]["id"], pack_iri.as_str());
        }

        let d = Debrief::of(&s);
        let done = &st[n + 1]["result"];
        assert_eq!(done["completion"], true);
        assert_eq!(done["score"]["raw"], d.percent);
        assert_eq!(done["score"]["scaled"].as_f64().unwrap(), f64::from(d.percent) / 100.0);
        assert_eq!(done["success"], pass == "passed");
        let skills =
            done["extensions"]["https://kefu.example.org/app/extensions/skills"].as_object().unwrap();
        assert_eq!(skills.len(), d.dims.len());
        for dim in &d.dims {
            assert_eq!(skills[&dim.id]["score"], dim.score);
            assert_eq!(skills[&dim.id]["max"], dim.max);
        }
        assert_eq!(st[n + 1]["timestamp"], "1970-01-01T00:01:39.000Z");
        assert_eq!(done["duration"], "PT1M39.00S", "from the start (0) to the finish");
    }
}

#[test]
fn ids_are_stable_unique_and_a_longer_play_only_adds_statements() {
    let pack = &kefu_core::testing::builtin_packs()[1];
    let full = best(pack, 3);
    let all = statements(&profile(), &student(1), &full, None);
    assert_eq!(all, statements(&profile(), &student(1), &full, None), "rebuilt identically");
    let mut ids: Vec<&str> = all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
    // Replaying every prefix of the play: its statements are a prefix of the full play's.
    for k in 0..full.play().answers.len() {
        let mut prefix = full.play().clone();
        prefix.answers.truncate(k);
        let partial = Session::replay(pack.clone(), &prefix).unwrap();
        let st = statements(&profile(), &student(1), &partial, None);
        assert_eq!(st.len(), 1 + k);
        assert_eq!(st[..], all[..1 + k]);
    }
    // Another student, seed, or profile: other ids and registration.
    let other = statements(&profile(), &student(2), &full, None);
    assert_ne!(other[0]["id"], all[0]["id"]);
    assert_ne!(other[0]["context"]["registration"], all[0]["context"]["registration"]);
    let again = statements(&profile(), &student(1), &best(pack, 4), None);
    assert_ne!(again[0]["id"], all[0]["id"]);
    let moved = Profile { activity_base: "https://elsewhere.example/".into(), ..profile() };
    assert_ne!(statements(&moved, &student(1), &full, None)[0]["id"], all[0]["id"]);
}

#[test]
fn exercise_answers_use_the_matching_interaction_types() {
    let pack = testing::load("ex.toml", testing::EXERCISES);
    let s = best(&pack, 2);
    let st = statements(&profile(), &student(1), &s, None);
    let types: Vec<&str> =
        st.iter().filter_map(|x| x["object"]["definition"]["interactionType"].as_str()).collect();
    assert_eq!(types, ["sequencing", "matching", "other", "other"]);
    let order = &st[1];
    assert_eq!(order["result"]["response"], order["object"]["definition"]["correctResponsesPattern"][0]);
    assert!(order["result"]["response"].as_str().unwrap().contains("[,]"));
    assert!(st[2]["result"]["response"].as_str().unwrap().contains("[.]"));
    assert!(st[1..=4].iter().all(|x| x["result"]["success"] == true));
    assert!(st[1]["object"]["id"].as_str().unwrap().ends_with("/packs/exercises/v1/steps"));
}

/// xAPI 1.0.3 (and LRSs such as ralph) refuse empty strings, objects and arrays anywhere but
/// inside extensions.
fn empty_values(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.is_empty() => out.push(path.to_string()),
        Value::Array(a) if a.is_empty() => out.push(path.to_string()),
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| empty_values(x, &format!("{path}[{i}]"), out))
        }
        Value::Object(m) if m.is_empty() => out.push(path.to_string()),
        Value::Object(m) => {
            for (k, x) in m.iter().filter(|(k, _)| *k != "extensions") {
                empty_values(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_statement_has_an_empty_value_outside_extensions() {
    let mut packs = kefu_core::testing::builtin_packs();
    packs.push(testing::load("ex.toml", testing::EXERCISES));
    for pack in &packs {
        for s in [best(pack, 1), worst(pack, 2)] {
            for x in statements(&profile(), &student(1), &s, None) {
                let mut found = Vec::new();
                empty_values(&x, "", &mut found);
                assert!(found.is_empty(), "{}: empty {found:?}", pack.pack.meta.id);
            }
        }
    }
}

#[test]
fn the_queue_sends_each_statement_once_and_retries_failures() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let s = best(pack, 1);
    let st = statements(&profile(), &student(1), &s, None);
    let mut q = Queue::default();
    assert_eq!(q.enqueue(&st), st.len());
    assert_eq!(q.enqueue(&st), 0, "already waiting");

    let batch: Vec<String> = q.next_batch(0, 3, 1 << 20).iter().map(|x| x.id.clone()).collect();
    assert_eq!(batch.len(), 3);
    assert_eq!(batch[0], st[0]["id"].as_str().unwrap());
    q.apply(&batch, &Delivery::Sent, 0);
    assert_eq!(q.pending(), st.len() - 3);
    assert_eq!(q.enqueue(&st), 0, "sent ones are remembered");

    // A network failure: not due again until the delay has passed, then doubled.
    let batch: Vec<String> = q.next_batch(0, 2, 1 << 20).iter().map(|x| x.id.clone()).collect();
    q.apply(&batch, &classify(0), 1000);
    assert!(q.next_batch(1000, 10, 1 << 20).iter().all(|x| !batch.contains(&x.id)));
    assert!(q.next_batch(31_000, 10, 1 << 20).iter().any(|x| batch.contains(&x.id)));
    q.apply(&batch, &classify(503), 31_000);
    let e = q.entries.iter().find(|x| x.id == batch[0]).unwrap();
    assert_eq!((e.attempts, e.next_try), (2, 31_000 + 60_000));
    assert!(e.error.contains("503"));

    // Back online: due at once, without waiting for the delay.
    let mut online = q.clone();
    assert_eq!(online.wake(32_000), batch.len());
    assert!(batch.iter().all(|id| online.next_batch(32_000, 100, 1 << 20).iter().any(|x| x.id == *id)));

    // Refused (wrong key): held until the user retries; coming back online does not release it.
    q.apply(&batch, &classify(401), 200_000);
    assert_eq!(q.held(), 2);
    assert_eq!(q.wake(200_001), 0);
    assert!(q.next_batch(i64::MAX, 100, 1 << 20).iter().all(|x| !batch.contains(&x.id)));
    q.retry_held(300_000);
    assert_eq!(q.held(), 0);

    // A conflict in a batch: each goes alone; a lone conflict is already stored.
    let batch: Vec<String> = q.next_batch(300_000, 4, 1 << 20).iter().map(|x| x.id.clone()).collect();
    assert!(batch.len() > 1);
    q.apply(&batch, &classify(409), 300_000);
    let lone: Vec<String> = q.next_batch(300_000, 4, 1 << 20).iter().map(|x| x.id.clone()).collect();
    assert_eq!(lone.len(), 1);
    q.apply(&lone, &classify(409), 300_000);
    assert!(!q.entries.iter().any(|x| x.id == lone[0]));

    // The byte budget bounds a batch, but a batch always holds at least one.
    let one = q.next_batch(i64::MAX, 100, 10);
    assert_eq!(one.len(), 1);

    // Persisted and read back.
    let store = MemoryStore::new();
    q.save(&store).unwrap();
    assert_eq!(Queue::load(&store, 0).unwrap(), Loaded::Found(q.clone()));
}

fn settings() -> LrsSettings {
    LrsSettings::new(
        " https://lrs.example.edu/xAPI/ ",
        "user",
        "pa:ss",
        "https://school.example.edu",
        "https://kefu.example.org/app/",
    )
    .unwrap()
}

#[test]
fn requests_carry_the_version_header_basic_auth_and_a_json_array() {
    let pack = &kefu_core::testing::builtin_packs()[0];
    let st = statements(&profile(), &student(1), &best(pack, 1), None);
    let mut q = Queue::default();
    q.enqueue(&st);
    let batch = q.next_batch(0, 50, 1 << 20);
    let r = request(&settings(), &batch).unwrap();
    assert_eq!(r.method, "POST");
    assert_eq!(r.url, "https://lrs.example.edu/xAPI/statements");
    assert!(r.headers.contains(&("X-Experience-API-Version", "1.0.3".into())));
    assert!(r.headers.contains(&("Content-Type", "application/json".into())));
    // Python: base64.b64encode(b"user:pa:ss").
    assert!(r.headers.contains(&("Authorization", "Basic dXNlcjpwYTpzcw==".into())));
    let body: Vec<Value> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(body, st);
    assert_eq!(r.ids.len(), st.len());

    let mut s = settings();
    s.endpoint = "https://lrs.example.edu/xAPI/statements/".into();
    assert_eq!(s.statements_url(), "https://lrs.example.edu/xAPI/statements");
    s.endpoint = "lrs.example.edu".into();
    assert!(request(&s, &batch).unwrap_err().to_string().contains("LRS 地址"));
}

#[test]
fn settings_are_checked_and_stored() {
    assert!(LrsSettings::new("ftp://x", "k", "s", "https://a", "https://b").is_err());
    assert!(LrsSettings::new("https://", "k", "s", "https://a", "https://b").is_err());
    assert!(LrsSettings::new("https://x y", "k", "s", "https://a", "https://b").is_err());
    assert!(LrsSettings::new("https://x", "", "s", "https://a", "https://b").is_err());
    assert!(LrsSettings::new("https://x", "a:b", "s", "https://a", "https://b").is_err());
    assert!(LrsSettings::new("https://x", "k", "s", "school", "https://b").is_err());
}

#[test]
fn http_endpoints_are_refused_except_on_this_machine() {
    use kefu_core::results::xapi::SettingsError;
    let new = |e: &str| LrsSettings::new(e, "k", "s", "https://a", "https://b").map(|_| ());
    for e in [
        "http://lrs.example.edu/xAPI/",
        "http://10.0.0.2:8100/xAPI/",
        "http://localhost@evil.example/x",
        "http://127.0.0.1.evil.example/x",
        "HTTP://lrs.example.edu/x",
    ] {
        assert!(new(e).is_err(), "{e}");
    }
    assert_eq!(new("http://lrs.example.edu/xAPI/"), Err(SettingsError::Insecure));
    assert!(new("http://lrs.example.edu/").unwrap_err().to_string().contains("https://"));
    for e in [
        "http://localhost:8100/xAPI/",
        "http://127.0.0.1:1/xAPI/",
        "http://[::1]:8100/x",
        "https://lrs.example.edu/xAPI/",
    ] {
        assert_eq!(new(e), Ok(()), "{e}");
    }
    // Settings stored by an older version with a remote http:// endpoint send nothing.
    let stored = LrsSettings { endpoint: "http://lrs.example.edu/xAPI/".into(), ..settings() };
    assert_eq!(kefu_core::results::xapi::request(&stored, &[]).unwrap_err(), SettingsError::Insecure);
    let store = MemoryStore::new();
    settings().save(&store).unwrap();
    assert_eq!(LrsSettings::load(&store, 0).unwrap(), Loaded::Found(settings()));
    assert_eq!(settings().profile(), profile());
}

#[test]
fn http_statuses() {
    assert_eq!(classify(200), Delivery::Sent);
    assert_eq!(classify(204), Delivery::Sent);
    assert_eq!(classify(409), Delivery::Conflict);
    assert_eq!(classify(413), Delivery::TooLarge);
    assert!(matches!(classify(0), Delivery::Retry(_)));
    assert!(matches!(classify(429), Delivery::Retry(_)));
    assert!(matches!(classify(502), Delivery::Retry(_)));
    assert!(matches!(classify(400), Delivery::Rejected(_)));
    assert!(matches!(classify(403), Delivery::Rejected(_)));
    assert!(matches!(classify(404), Delivery::Rejected(_)));
}

#[test]
fn every_sent_id_is_remembered_until_its_play_is_done() {
    // More than the 2000 ids the queue used to keep: the oldest must not be sent again.
    let statements: Vec<serde_json::Value> =
        (0..3000).map(|i| serde_json::json!({ "id": format!("id-{i}") })).collect();
    let mut q = Queue::default();
    assert_eq!(q.enqueue(&statements), 3000);
    let ids: Vec<String> = q.entries.iter().map(|e| e.id.clone()).collect();
    q.apply(&ids, &Delivery::Sent, 0);
    let store = MemoryStore::new();
    q.save(&store).unwrap();
    let Loaded::Found(mut q) = Queue::load(&store, 1).unwrap() else { panic!("stored") };
    assert_eq!(q.enqueue(&statements), 0, "none is sent twice, after a reload too");
    // Once the play is recorded for good, its ids are forgotten and its key kept.
    q.finish_play("kefu-sim/history/1-p-7", &ids);
    assert!(q.sent.is_empty());
    q.save(&store).unwrap();
    let Loaded::Found(q) = Queue::load(&store, 2).unwrap() else { panic!("stored") };
    assert_eq!(q.done, vec!["kefu-sim/history/1-p-7".to_string()]);
}
