//! Phone numbers as people type them ("138 0013 8000", "+86-138-0013-8000", "(010)6552 1234"),
//! reduced to digits for comparing: duplicates are found however the number was written.

/// Characters allowed in a phone field besides digits.
const SEPARATORS: &[char] =
    &[' ', '-', '(', ')', '\u{FF08}', '\u{FF09}', '.', '+', '\u{FF0B}', '\u{FF0D}', '\u{3000}'];

/// Checks a typed phone number; `Err` holds the reason.
pub fn validate(text: &str) -> Result<(), String> {
    if let Some(bad) = text.chars().find(|c| !c.is_ascii_digit() && !SEPARATORS.contains(c)) {
        return Err(format!("电话号码里有「{bad}」:只能包含数字、空格、横线、括号和 +"));
    }
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if !text.is_empty() && !(3..=20).contains(&digits) {
        return Err(format!("电话号码有 {digits} 位数字:应为 3 到 20 位"));
    }
    Ok(())
}

/// The digits of a number without the China country code (+86 / 0086 / 86 before an 11-digit
/// mobile number), so that "+86 138…" and "138…" compare equal.
pub fn normalise(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let plus = text.trim_start().starts_with('+');
    if let Some(rest) = digits.strip_prefix("0086") {
        return rest.to_string();
    }
    if let Some(rest) = digits.strip_prefix("86") {
        // "86" alone is ambiguous (an area code could start with it); strip it only when it was
        // written as +86 or when what follows is a complete mobile number.
        if plus || (rest.len() == 11 && rest.starts_with('1')) {
            return rest.to_string();
        }
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_number_written_differently_normalises_equal() {
        let forms = [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "+86-13800138000",
            "008613800138000",
            "8613800138000",
            "(+86)138.0013.8000",
        ];
        for f in forms {
            assert_eq!(normalise(f), "13800138000", "{f}");
            assert!(validate(f).is_ok(), "{f}");
        }
        assert_eq!(normalise("(010) 6552-1234"), "01065521234");
        assert_eq!(normalise("\u{FF08}010\u{FF09}6552\u{FF0D}1234"), "01065521234");
        assert!(validate("\u{FF0B}86 138 0013 8000").is_ok());
        assert_eq!(normalise("+86 10 6552 1234"), "1065521234");
        assert_eq!(normalise("861234"), "861234");
    }

    #[test]
    fn letters_and_absurd_lengths_are_refused() {
        assert!(validate("138abc").unwrap_err().contains("「a」"));
        assert!(validate("12").unwrap_err().contains("2 位"));
        assert!(validate("").is_ok());
    }
}
