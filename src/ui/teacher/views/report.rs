//! The checker's report on a pack file, as `packcheck` prints it: per diagnostic its code,
//! message, line and column, and the offending source line with a caret under the column. All of it
//! is text from the file, so it is rendered as text (never as HTML).

use yew::prelude::*;

use kefu_core::pack::{Located, Severity};

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub diagnostics: Vec<Located>,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `  | ` plus the line, and a caret line under column `col` (columns count characters).
fn excerpt(d: &Located) -> String {
    let caret: String = d
        .source_line
        .chars()
        .take(d.col.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!("  | {}\n  | {caret}^", d.source_line)
}

/// What `packcheck` prints for `d`: the contract line, then the excerpt when there is a line.
fn text(d: &Located) -> String {
    if d.source_line.is_empty() {
        d.to_string()
    } else {
        format!("{d}\n{}", excerpt(d))
    }
}

#[function_component(Diagnostics)]
pub fn diagnostics(props: &DiagnosticsProps) -> Html {
    html! {
        <ol class="diagnostics">
            { for props.diagnostics.iter().map(|d| {
                let code = d.code.as_str();
                html! {
                    <li class={classes!("diagnostic", severity(d.severity))} data-diagnostic={code.clone()}
                        data-line={d.line.to_string()} data-col={d.col.to_string()}
                        data-severity={severity(d.severity)}>
                        <p class="diag-head">
                            <span class="diag-code">{ format!("{}[{code}]", severity(d.severity)) }</span>
                            <span class="diag-where">{ format!("第 {} 行第 {} 列", d.line, d.col) }</span>
                        </p>
                        <p class="diag-message">{ d.message.clone() }</p>
                        <pre class="diag-line">{ text(d) }</pre>
                    </li>
                }
            }) }
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kefu_core::pack::Code;

    #[test]
    fn the_caret_sits_under_the_column() {
        let d = Located {
            file: "p.toml".into(),
            line: 3,
            col: 5,
            severity: Severity::Error,
            code: Code::E002,
            message: "m".into(),
            source_line: "中文 = x".into(),
        };
        assert_eq!(excerpt(&d), "  | 中文 = x\n  |     ^");
    }
}
