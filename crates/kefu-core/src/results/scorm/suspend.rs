//! Resume data for SCORM 1.2's `cmi.suspend_data`, which holds at most 4096 characters. A play is
//! stored compactly: ids become indices into the pack (the LMS launches the same package, so the
//! same pack), numbers are varints, answer times are differences from the previous one. The bytes
//! are postcard (already the app's compact format for built-in packs), then URL-safe base64, which
//! is plain ASCII as SCORM 1.2's `CMIString4096` asks. A fingerprint of the pack's content hash is
//! kept, so data from another pack text is refused rather than resumed into a wrong play.
//!
//! Encoding checks every id against the pack and gives a clear error for anything the engine
//! would not accept either, and for data longer than the limit (long free-text plan answers are
//! the only way to get there).

use serde::{Deserialize, Serialize};

use crate::engine::exercise::FieldAnswer;
use crate::engine::{Answer, Input, LoadedPack, Play};
use crate::pack::{Activity, ActivityBody};
use crate::util::base64;

/// `cmi.suspend_data`'s limit in SCORM 1.2.
pub const SUSPEND_MAX: usize = 4096;
/// The version of this encoding (its first byte).
const VERSION: u8 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// The play names something the pack does not have (it was made on another pack).
    NotInPack { what: String },
    /// Encoded, the play is longer than SCORM allows.
    TooLong { chars: usize },
    /// The data was made for another pack text.
    OtherPack,
    /// The data is damaged or not resume data of this app.
    Corrupt(String),
}

impl std::fmt::Display for SuspendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SuspendError::NotInPack { what } => write!(f, "练习记录与场景包不符:场景包中没有{what}"),
            SuspendError::TooLong { chars } => write!(
                f,
                "进度数据有 {chars} 个字符,超出 SCORM 1.2 的 {SUSPEND_MAX} 字符上限(多半是方案题的文字太长),学习平台无法保存进度"
            ),
            SuspendError::OtherPack => write!(f, "保存的进度来自另一版本的场景包,无法继续,请重新开始"),
            SuspendError::Corrupt(why) => write!(f, "保存的进度已损坏,无法继续:{why}"),
        }
    }
}

impl std::error::Error for SuspendError {}

#[derive(Serialize, Deserialize)]
struct Compact {
    version: u8,
    pack: [u8; 4],
    seed: u64,
    started: i64,
    answers: Vec<CompactAnswer>,
}

#[derive(Serialize, Deserialize)]
struct CompactAnswer {
    activity: u32,
    /// Dialogue node index (0 for exercises, whose step is the activity itself).
    node: u32,
    /// `at` minus the previous answer's (or the start's), wrapping.
    dt: i64,
    input: CompactInput,
}

#[derive(Serialize, Deserialize)]
enum CompactInput {
    Choice(u32),
    Order(Vec<u32>),
    Classify(Vec<(u32, u32)>),
    Calc(Vec<(u32, String)>),
    Plan(Vec<(u32, String, Vec<u32>)>),
}

/// 32 bits of the pack's content hash (FNV-1a of its text: enough to tell pack texts apart, and
/// no SHA-256 code in the wasm for it).
fn fingerprint(hash: &str) -> [u8; 4] {
    crate::util::fnv::fnv1a_32(hash.as_bytes()).to_le_bytes()
}

fn index_of<T>(list: &[T], what: impl Fn() -> String, is: impl Fn(&T) -> bool) -> Result<u32, SuspendError> {
    list.iter().position(is).map(|i| i as u32).ok_or_else(|| SuspendError::NotInPack { what: what() })
}

fn compact_input(act: &Activity, node: &str, input: &Input) -> Result<(u32, CompactInput), SuspendError> {
    let item =
        |items: &[crate::pack::Item], id: &str| index_of(items, || format!("「{id}」这一项"), |i| i.id == id);
    Ok(match (&act.body, input) {
        (ActivityBody::Dialogue(d), Input::Choice(c)) => {
            let n = d
                .nodes
                .get_index_of(node)
                .ok_or_else(|| SuspendError::NotInPack { what: format!("节点「{node}」") })?;
            let choices = d.nodes[n].choices();
            (n as u32, CompactInput::Choice(index_of(choices, || format!("选项「{c}」"), |x| x.id == *c)?))
        }
        (body, _) if body.dialogue().is_none() && node != act.id => {
            return Err(SuspendError::NotInPack { what: format!("练习步骤「{node}」") })
        }
        (ActivityBody::Order(o), Input::Order(ids)) => {
            (0, CompactInput::Order(ids.iter().map(|id| item(&o.items, id)).collect::<Result<_, _>>()?))
        }
        (ActivityBody::Classify(c), Input::Classify(map)) => (
            0,
            CompactInput::Classify(
                map.iter()
                    .map(|(i, k)| {
                        let ki = index_of(&c.categories, || format!("类别「{k}」"), |x| x.id == *k)?;
                        Ok((item(&c.items, i)?, ki))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        (ActivityBody::Calc(c), Input::Calc(map)) => (
            0,
            CompactInput::Calc(
                map.iter()
                    .map(|(s, v)| {
                        Ok((index_of(&c.steps, || format!("计算步骤「{s}」"), |x| x.id == *s)?, v.clone()))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        (ActivityBody::Plan(p), Input::Plan(map)) => (
            0,
            CompactInput::Plan(
                map.iter()
                    .map(|(f, a)| {
                        let fi = index_of(&p.fields, || format!("方案栏目「{f}」"), |x| x.id == *f)?;
                        let options = &p.fields[fi as usize].options;
                        let picks = a
                            .picks
                            .iter()
                            .map(|o| index_of(options, || format!("选项「{o}」"), |x| x.id == *o))
                            .collect::<Result<_, _>>()?;
                        Ok((fi, a.text.clone(), picks))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        // A card: field index and the text written (its options are texts, not ids).
        (ActivityBody::Crm(k), Input::Plan(map)) => (
            0,
            CompactInput::Plan(
                map.iter()
                    .map(|(f, a)| {
                        let fi =
                            index_of(&k.fields, || format!("客户资料卡栏目「{f}」"), |x| x.field.key() == f)?;
                        Ok((fi, a.text.clone(), vec![]))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        _ => {
            return Err(SuspendError::NotInPack {
                what: format!("「{}」这种作答({})", act.id, act.body.kind()),
            })
        }
    })
}

/// Encodes `play` (made on `pack`) for `cmi.suspend_data`.
pub fn encode(pack: &LoadedPack, play: &Play) -> Result<String, SuspendError> {
    let acts = &pack.pack.activities;
    let mut prev = play.started;
    let mut answers = Vec::with_capacity(play.answers.len());
    for a in &play.answers {
        let ai = index_of(acts, || format!("活动「{}」", a.activity), |x| x.id == a.activity)?;
        let (node, input) = compact_input(&acts[ai as usize], &a.node, &a.input)?;
        answers.push(CompactAnswer { activity: ai, node, dt: a.at.wrapping_sub(prev), input });
        prev = a.at;
    }
    let c = Compact {
        version: VERSION,
        pack: fingerprint(&play.pack.hash),
        seed: play.seed,
        started: play.started,
        answers,
    };
    let bytes = postcard::to_allocvec(&c).map_err(|e| SuspendError::Corrupt(e.to_string()))?;
    let text = base64::encode_url(&bytes);
    if text.len() > SUSPEND_MAX {
        return Err(SuspendError::TooLong { chars: text.len() });
    }
    Ok(text)
}

fn get<'a, T>(list: &'a [T], i: u32, what: &str) -> Result<&'a T, SuspendError> {
    list.get(i as usize).ok_or_else(|| SuspendError::Corrupt(format!("{what}编号 {i} 超出范围")))
}

fn answer(act: &Activity, c: CompactAnswer, at: i64) -> Result<Answer, SuspendError> {
    let (node, input) = match (&act.body, c.input) {
        (ActivityBody::Dialogue(d), CompactInput::Choice(k)) => {
            let (id, n) = d
                .nodes
                .get_index(c.node as usize)
                .ok_or_else(|| SuspendError::Corrupt(format!("节点编号 {} 超出范围", c.node)))?;
            (id.clone(), Input::Choice(get(n.choices(), k, "选项")?.id.clone()))
        }
        (ActivityBody::Order(o), CompactInput::Order(v)) => (
            act.id.clone(),
            Input::Order(
                v.into_iter().map(|i| Ok(get(&o.items, i, "项目")?.id.clone())).collect::<Result<_, _>>()?,
            ),
        ),
        (ActivityBody::Classify(k), CompactInput::Classify(v)) => (
            act.id.clone(),
            Input::Classify(
                v.into_iter()
                    .map(|(i, j)| {
                        Ok((get(&k.items, i, "项目")?.id.clone(), get(&k.categories, j, "类别")?.id.clone()))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        (ActivityBody::Calc(k), CompactInput::Calc(v)) => (
            act.id.clone(),
            Input::Calc(
                v.into_iter()
                    .map(|(i, s)| Ok((get(&k.steps, i, "计算步骤")?.id.clone(), s)))
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        (ActivityBody::Plan(p), CompactInput::Plan(v)) => (
            act.id.clone(),
            Input::Plan(
                v.into_iter()
                    .map(|(i, text, picks)| {
                        let f = get(&p.fields, i, "方案栏目")?;
                        let picks = picks
                            .into_iter()
                            .map(|o| Ok(get(&f.options, o, "选项")?.id.clone()))
                            .collect::<Result<_, SuspendError>>()?;
                        Ok((f.id.clone(), FieldAnswer { text, picks }))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        (ActivityBody::Crm(k), CompactInput::Plan(v)) => (
            act.id.clone(),
            Input::Plan(
                v.into_iter()
                    .map(|(i, text, _)| {
                        let f = get(&k.fields, i, "客户资料卡栏目")?;
                        Ok((f.field.key().to_string(), FieldAnswer { text, picks: vec![] }))
                    })
                    .collect::<Result<_, SuspendError>>()?,
            ),
        ),
        _ => return Err(SuspendError::Corrupt(format!("活动「{}」的作答类型不符", act.id))),
    };
    Ok(Answer { activity: act.id.clone(), node, input, at })
}

/// Decodes resume data written by [`encode`] for the same pack.
pub fn decode(pack: &LoadedPack, text: &str) -> Result<Play, SuspendError> {
    let bytes = base64::decode_url(text.trim()).map_err(SuspendError::Corrupt)?;
    if bytes.first() != Some(&VERSION) {
        return Err(SuspendError::Corrupt("不是本应用的进度数据".into()));
    }
    let (c, rest): (Compact, &[u8]) =
        postcard::take_from_bytes(&bytes).map_err(|e| SuspendError::Corrupt(e.to_string()))?;
    if !rest.is_empty() {
        return Err(SuspendError::Corrupt("数据末尾有多余内容".into()));
    }
    let r = pack.pack_ref();
    if c.pack != fingerprint(&r.hash) {
        return Err(SuspendError::OtherPack);
    }
    let mut at = c.started;
    let mut answers = Vec::with_capacity(c.answers.len());
    for a in c.answers {
        at = at.wrapping_add(a.dt);
        let act = get(&pack.pack.activities, a.activity, "活动")?;
        answers.push(answer(act, a, at)?);
    }
    Ok(Play { pack: r, seed: c.seed, answers, started: c.started })
}
