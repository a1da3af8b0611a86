//! The xAPI statements of one play, in order: `launched` (the play started), one `answered` per
//! dialogue choice or exercise answer, then `completed` and `passed`/`failed` once it is
//! finished. The actor is the student's number as an `account` on a configurable home page;
//! activities are IRIs under a configurable base, made from the pack id and version.
//!
//! Every statement is a pure function of the play, the student and the profile, and its `id` is a
//! name-based UUID of the play's identity and the statement's index. Building them again (a retry,
//! after a reload, after the play went on) gives the same statements with the same ids, so an LRS
//! never stores one twice, and a longer play only adds statements after the ones already sent.

use serde_json::{Map, Value};

use crate::engine::{Debrief, Event, Input, LoadedPack, Session};
use crate::pack::{ActivityBody, Pack};
use crate::results::pass::passed;
use crate::results::student::Student;
use crate::results::uuid::{name_uuid, NAMESPACE};
use crate::util::time::{iso8601, iso_duration};

/// Where statements point: the home page that student numbers belong to, and the base IRI of
/// this app's activities (normally the site's address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub home_page: String,
    pub activity_base: String,
}

const ADL: &str = "http://adlnet.gov/expapi/verbs/";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";

impl Profile {
    fn base(&self) -> &str {
        self.activity_base.trim_end_matches('/')
    }

    /// An extension key under the activity base.
    fn ext(&self, name: &str) -> String {
        format!("{}/extensions/{name}", self.base())
    }
}

/// The IRI of a pack: `<base>/packs/<id>/v<version>`.
pub fn activity_iri(profile: &Profile, pack: &Pack) -> String {
    format!("{}/packs/{}/v{}", profile.base(), pack.meta.id, pack.meta.version)
}

/// The name that identifies a play: everything that decides its statements' content.
fn play_identity(profile: &Profile, student: &Student, session: &Session) -> String {
    let p = session.play();
    [
        profile.home_page.as_str(),
        profile.activity_base.as_str(),
        student.number.as_str(),
        p.pack.id.as_str(),
        &p.pack.version.to_string(),
        p.pack.hash.as_str(),
        &p.seed.to_string(),
        &p.started.to_string(),
    ]
    .join("\u{1f}")
}

/// The play's `context.registration`: one UUID per play (attempt).
pub fn registration(profile: &Profile, student: &Student, session: &Session) -> String {
    name_uuid(&NAMESPACE, &format!("{}\u{1f}registration", play_identity(profile, student, session)))
}

fn lang(pack: &Pack) -> &str {
    if pack.meta.lang.is_empty() {
        "zh-CN"
    } else {
        &pack.meta.lang
    }
}

// Statements are built with these small helpers rather than `json!`: the macro serializes every
// interpolated value through `to_value(..).unwrap()`, which costs the wasm several times more code.

/// A JSON object from (key, value) pairs, in order.
fn obj(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

fn st(s: &str) -> Value {
    Value::String(s.to_string())
}

/// A language map in the pack's language.
fn text(pack: &Pack, s: &str) -> Value {
    obj(vec![(lang(pack), st(s))])
}

/// Adds `key: {lang: text}` unless the text is empty (xAPI forbids empty values outside
/// extensions, and an LRS refuses the statement).
fn push_text<'a>(pairs: &mut Vec<(&'a str, Value)>, key: &'a str, pack: &Pack, s: &str) {
    if !s.trim().is_empty() {
        pairs.push((key, text(pack, s)));
    }
}

fn verb(id: &str, zh: &str) -> Value {
    obj(vec![
        ("id", Value::String(format!("{ADL}{id}"))),
        ("display", obj(vec![("zh-CN", st(zh)), ("en-US", st(id))])),
    ])
}

fn activity(id: String, definition: Option<Value>) -> Value {
    let mut pairs = vec![("objectType", st("Activity")), ("id", Value::String(id))];
    if let Some(d) = definition {
        pairs.push(("definition", d));
    }
    obj(pairs)
}

fn pack_object(profile: &Profile, pack: &Pack) -> Value {
    let mut def =
        vec![("name", text(pack, non_empty(&pack.meta.title, &pack.meta.id))), ("type", st(SIMULATION))];
    push_text(&mut def, "description", pack, &pack.meta.summary);
    activity(activity_iri(profile, pack), Some(obj(def)))
}

/// `{ "a": 1 }` of (id, value) pairs: per-skill numbers as an extension value. Inserted one by
/// one: collecting into the map would sort, and each sort instantiation costs the wasm kilobytes.
fn skill_map(pairs: impl IntoIterator<Item = (String, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k, v);
    }
    Value::Object(m)
}

/// `[{ "id": …, "description": { lang: … } }, …]`: the choices, items or categories of an
/// interaction.
fn components<'a>(pack: &Pack, list: impl Iterator<Item = (&'a str, &'a str)>) -> Value {
    Value::Array(
        list.map(|(id, t)| {
            let mut c = vec![("id", st(id))];
            push_text(&mut c, "description", pack, t);
            obj(c)
        })
        .collect(),
    )
}

fn non_empty<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() {
        fallback
    } else {
        s
    }
}

/// The interaction object of an answer and its `result.response`.
fn interaction(
    profile: &Profile,
    pack: &Pack,
    activity_id: &str,
    node: &str,
    input: &Input,
) -> (Value, String) {
    let pack_iri = activity_iri(profile, pack);
    let Some(act) = pack.activities.iter().find(|a| a.id == activity_id) else {
        // Unreachable for a replayed session; kept total so a statement is always produced.
        return (activity(format!("{pack_iri}/{activity_id}"), None), String::new());
    };
    let items = |items: &'_ [crate::pack::Item]| {
        components(pack, items.iter().map(|i| (i.id.as_str(), i.text.as_str())))
    };
    let mut def = vec![("type", st(INTERACTION)), ("name", text(pack, non_empty(&act.title, &act.id)))];
    let exercise_iri = format!("{pack_iri}/{activity_id}");
    let (id, response) = match (&act.body, input) {
        (ActivityBody::Dialogue(d), Input::Choice(c)) => {
            if let Some(n) = d.nodes.get(node) {
                push_text(&mut def, "description", pack, &n.text);
                def.push((
                    "choices",
                    components(pack, n.choices().iter().map(|c| (c.id.as_str(), c.text.as_str()))),
                ));
            }
            def.push(("interactionType", st("choice")));
            (format!("{pack_iri}/{activity_id}/{node}"), c.clone())
        }
        (ActivityBody::Order(o), Input::Order(ids)) => {
            let right: Vec<&str> = o.items.iter().map(|i| i.id.as_str()).collect();
            push_text(&mut def, "description", pack, &o.task.prompt);
            def.push(("interactionType", st("sequencing")));
            def.push(("choices", items(&o.items)));
            def.push(("correctResponsesPattern", Value::Array(vec![Value::String(right.join("[,]"))])));
            (exercise_iri, ids.join("[,]"))
        }
        (ActivityBody::Classify(c), Input::Classify(map)) => {
            let pairs: Vec<String> = map.iter().map(|(i, k)| format!("{i}[.]{k}")).collect();
            push_text(&mut def, "description", pack, &c.task.prompt);
            def.push(("interactionType", st("matching")));
            def.push(("source", items(&c.items)));
            def.push((
                "target",
                components(pack, c.categories.iter().map(|k| (k.id.as_str(), k.text.as_str()))),
            ));
            (exercise_iri, pairs.join("[,]"))
        }
        (body, input) => {
            if let ActivityBody::Calc(c) = body {
                push_text(&mut def, "description", pack, &c.task.prompt);
            } else if let ActivityBody::Plan(p) = body {
                push_text(&mut def, "description", pack, &p.task.prompt);
            }
            def.push(("interactionType", st("other")));
            (exercise_iri, serde_json::to_string(input).unwrap_or_default())
        }
    };
    (activity(id, Some(obj(def))), response)
}

/// The statements of `session` for `student`, index order. `finished` is when the play ended
/// (for the `completed` statement's timestamp and duration; the last answer's time if `None`).
pub fn statements(
    profile: &Profile,
    student: &Student,
    session: &Session,
    finished: Option<i64>,
) -> Vec<Value> {
    let loaded: &LoadedPack = session.loaded();
    let pack = &loaded.pack;
    let play = session.play();
    let identity = play_identity(profile, student, session);
    let actor = obj(vec![
        ("objectType", st("Agent")),
        ("name", st(&student.name)),
        ("account", obj(vec![("homePage", st(&profile.home_page)), ("name", st(&student.number))])),
    ]);
    let pack_obj = pack_object(profile, pack);
    let registration = registration(profile, student, session);
    let context = |parent: bool| {
        let mut c = vec![
            ("registration", st(&registration)),
            ("platform", st("客服实训 kefu-sim")),
            ("language", st(lang(pack))),
        ];
        if parent {
            let parents = Value::Array(vec![activity(activity_iri(profile, pack), None)]);
            c.push(("contextActivities", obj(vec![("parent", parents)])));
        }
        let mut ext = Map::new();
        ext.insert(profile.ext("seed"), Value::String(play.seed.to_string()));
        ext.insert(profile.ext("pack-hash"), st(&play.pack.hash));
        c.push(("extensions", Value::Object(ext)));
        obj(c)
    };
    let mut out: Vec<Value> = Vec::new();
    let mut push = |verb: Value, object: Value, result: Option<Value>, context: Value, at: i64| {
        let mut pairs = vec![
            ("id", Value::String(name_uuid(&NAMESPACE, &format!("{identity}\u{1f}{}", out.len())))),
            ("actor", actor.clone()),
            ("verb", verb),
            ("object", object),
        ];
        if let Some(r) = result {
            pairs.push(("result", r));
        }
        pairs.push(("context", context));
        pairs.push(("timestamp", Value::String(iso8601(at))));
        out.push(obj(pairs));
    };

    push(verb("launched", "开始"), pack_obj.clone(), None, context(false), play.started);

    // Each answer produced exactly one `Chose` or `Graded` event, in order.
    let outcomes = session.events().iter().filter_map(|e| match e {
        Event::Chose(c) => Some((c.best, &c.deltas)),
        Event::Graded(g) => Some((g.grade.right == g.grade.total, &g.deltas)),
        _ => None,
    });
    for (a, (success, deltas)) in play.answers.iter().zip(outcomes) {
        let (object, response) = interaction(profile, pack, &a.activity, &a.node, &a.input);
        let raw: i64 = deltas.iter().map(|(_, d)| d).sum();
        let mut ext = Map::new();
        ext.insert(
            profile.ext("skill-deltas"),
            skill_map(deltas.iter().map(|(id, d)| (id.clone(), Value::from(*d)))),
        );
        let mut result = Vec::with_capacity(4);
        if !response.is_empty() {
            result.push(("response", Value::String(response)));
        }
        result.extend([
            ("success", Value::Bool(success)),
            ("score", obj(vec![("raw", Value::from(raw))])),
            ("extensions", Value::Object(ext)),
        ]);
        push(verb("answered", "作答"), object, Some(obj(result)), context(true), a.at);
    }

    if session.is_finished() {
        let d = Debrief::of(session);
        let end = finished.unwrap_or_else(|| play.answers.last().map_or(play.started, |a| a.at));
        let skills = skill_map(d.dims.iter().map(|x| {
            let v = obj(vec![
                ("name", st(&x.name)),
                ("score", Value::from(x.score)),
                ("min", Value::from(x.min)),
                ("max", Value::from(x.max)),
            ]);
            (x.id.clone(), v)
        }));
        let score = obj(vec![
            // Two decimals exactly: percent is a whole number.
            ("scaled", Value::from(f64::from(d.percent) / 100.0)),
            ("raw", Value::from(d.percent)),
            ("min", Value::from(0)),
            ("max", Value::from(100)),
        ]);
        let mut ext = Map::new();
        ext.insert(profile.ext("skills"), skills);
        if let Some(g) = &d.grade {
            ext.insert(profile.ext("grade"), st(&g.label));
        }
        let success = passed(pack, d.percent);
        let mut result = vec![
            ("completion", Value::Bool(true)),
            ("score", score),
            ("duration", Value::String(iso_duration(end.saturating_sub(play.started)))),
            ("extensions", Value::Object(ext)),
        ];
        if let Some(s) = success {
            result.push(("success", Value::Bool(s)));
        }
        let result = obj(result);
        push(verb("completed", "完成"), pack_obj.clone(), Some(result.clone()), context(false), end);
        if let Some(s) = success {
            let v = if s { verb("passed", "通过") } else { verb("failed", "未通过") };
            push(v, pack_obj, Some(result), context(false), end);
        }
    }
    out
}
