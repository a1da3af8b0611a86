//! `crm`: the customer card form (客户资料卡). Each card field is `data-field="KEY"`; a field with
//! options shows radio buttons (`data-option="N"`, 0-based, in pack order), a free field a text
//! input; the MAN field asks three yes/no questions (`data-man="M"|"A"|"N"` with radios
//! `data-present="true"|"false"`). The answer is `Input::Plan` keyed by card field, the MAN as its
//! code (`M+a+N`; `?` where not answered yet).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use kefu_core::crm::Field;
use kefu_core::engine::crm_link::field_label;
use kefu_core::engine::exercise::FieldAnswer;
use kefu_core::engine::Input;
use kefu_core::pack::FormField;

#[derive(Properties, PartialEq)]
pub struct CrmProps {
    pub fields: Vec<FormField>,
    /// Per field, the options this play offers (empty: free text).
    pub options: Vec<Vec<String>>,
    /// The card's name when the play already created it.
    pub card: String,
    pub input: Input,
    pub on_change: Callback<Input>,
}

/// The three MAN questions: letter, question, and the yes/no answers (seed 004's M, A, N).
const MAN_QUESTIONS: [(char, &str); 3] = [
    ('M', "M(money):有没有购买能力?"),
    ('A', "A(authority):有没有购买决定权?"),
    ('N', "N(need):有没有这方面的需求?"),
];

/// The letters of a (possibly partial) MAN code: `Some(true)` capital, `Some(false)` small.
fn man_letters(code: &str) -> [Option<bool>; 3] {
    let mut out = [None; 3];
    for (i, part) in code.split('+').take(3).enumerate() {
        out[i] = match part {
            "M" | "A" | "N" => Some(true),
            "m" | "a" | "n" => Some(false),
            _ => None,
        };
    }
    out
}

fn man_code(letters: [Option<bool>; 3]) -> String {
    MAN_QUESTIONS
        .iter()
        .zip(letters)
        .map(|((c, _), l)| match l {
            Some(true) => c.to_string(),
            Some(false) => c.to_ascii_lowercase().to_string(),
            None => "?".into(),
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// Why the card cannot be submitted yet, if it cannot.
pub fn missing(fields: &[FormField], input: &Input) -> Option<String> {
    let Input::Plan(map) = input else { return None };
    fields.iter().find_map(|f| {
        let text = map.get(f.field.key()).map_or("", |a| a.text.trim());
        (text.is_empty() || f.field == Field::Man && text.contains('?'))
            .then(|| format!("「{}」还没有填写", field_label(f)))
    })
}

#[function_component(CrmCardView)]
pub fn crm_card_view(props: &CrmProps) -> Html {
    let Input::Plan(map) = &props.input else { return html! {} };
    html! {
        <div class="crm-card">
            if !props.card.is_empty() { <p class="card-name">{"客户:"}{ props.card.clone() }</p> }
            { for props.fields.iter().zip(props.options.iter().chain(std::iter::repeat(&Vec::new()))).map(|(f, options)| {
                let key = f.field.key();
                let current = map.get(key).map(|a| a.text.clone()).unwrap_or_default();
                let set = {
                    let (map, on_change) = (map.clone(), props.on_change.clone());
                    move |text: String| {
                        let mut m = map.clone();
                        m.insert(key.to_string(), FieldAnswer { text, picks: vec![] });
                        on_change.emit(Input::Plan(m));
                    }
                };
                let control = if f.field == Field::Man {
                    let letters = man_letters(&current);
                    html! {
                        <div class="man-questions">
                            { for MAN_QUESTIONS.iter().enumerate().map(|(i, (c, q))| html! {
                                <div class="man-question" data-man={c.to_string()} role="radiogroup">
                                    <span>{ *q }</span>
                                    { for [(true, "有"), (false, "没有")].into_iter().map(|(yes, text)| {
                                        let onchange = {
                                            let set = set.clone();
                                            Callback::from(move |_: Event| {
                                                let mut l = letters;
                                                l[i] = Some(yes);
                                                set(man_code(l));
                                            })
                                        };
                                        html! {
                                            <label class="option">
                                                <input type="radio" name={format!("man-{c}")} data-present={yes.to_string()}
                                                    checked={letters[i] == Some(yes)} {onchange} />
                                                <span>{ text }</span>
                                            </label>
                                        }
                                    }) }
                                </div>
                            }) }
                        </div>
                    }
                } else if options.is_empty() {
                    let oninput = Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()));
                    html! { <input type="text" value={current.clone()} {oninput} /> }
                } else {
                    html! {
                        <div class="options" role="radiogroup">
                            { for options.iter().enumerate().map(|(i, o)| {
                                let onchange = { let (set, o) = (set.clone(), o.clone()); Callback::from(move |_: Event| set(o.clone())) };
                                html! {
                                    <label class="option">
                                        <input type="radio" name={key} data-option={i.to_string()} checked={current == *o} {onchange} />
                                        <span>{ o.clone() }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    }
                };
                html! {
                    <fieldset class="card-field" data-field={key}>
                        <legend>{ field_label(f).to_string() }</legend>
                        { control }
                    </fieldset>
                }
            }) }
        </div>
    }
}
