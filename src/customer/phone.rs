//! Phone numbers as people type them: spaces, dashes, full-width digits, +86.

use crate::{Error, Result};

/// Keeps digits only after turning full-width digits into ASCII and dropping separators and
/// the country code. Anything else (letters, stray symbols) is kept so it can be refused.
fn clean(input: &str) -> String {
    let mut out: String = input
        .chars()
        .map(crate::text::half_width)
        .map(|c| match c {
            '－' | '—' | '–' => '-',
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '（' | '）'))
        .collect();
    for prefix in ["+86", "0086"] {
        if let Some(rest) = out.strip_prefix(prefix) {
            out = rest.to_string();
        }
    }
    out
}

/// A mainland mobile number: 11 digits starting 13–19.
pub fn normalize_mobile(field: &'static str, input: &str) -> Result<String> {
    let number = clean(input);
    if number.is_empty() {
        return Err(Error::validation(
            field,
            "请填写手机号码",
            "Enter the mobile number",
        ));
    }
    if !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::validation(
            field,
            "手机号码只能包含数字",
            "A mobile number contains digits only",
        ));
    }
    if number.len() != 11 {
        return Err(Error::validation(
            field,
            format!("手机号码应为11位数字，现在是{}位", number.len()),
            format!(
                "A mobile number has 11 digits, this one has {}",
                number.len()
            ),
        ));
    }
    if !(number.starts_with('1') && matches!(number.as_bytes()[1], b'3'..=b'9')) {
        return Err(Error::validation(
            field,
            "手机号码应以13至19开头",
            "A mobile number starts with 13 to 19",
        ));
    }
    Ok(number)
}

/// A mobile number, a landline with its area code (`010-88886666` → `01088886666`), or a
/// 400/800 service number.
pub fn normalize_phone(field: &'static str, input: &str) -> Result<String> {
    let number = clean(input);
    if number.starts_with('1') {
        return normalize_mobile(field, &number);
    }
    let digits_only = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    let landline = number.starts_with('0') && (10..=12).contains(&number.len());
    let service = (number.starts_with("400") || number.starts_with("800")) && number.len() == 10;
    if digits_only && (landline || service) {
        return Ok(number);
    }
    Err(Error::validation(
        field,
        "请填写手机号码，或带区号的固定电话（如 010-88886666）",
        "Enter a mobile number, or a landline with its area code (e.g. 010-88886666)",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_are_normalised() {
        assert_eq!(
            normalize_mobile("m", "138 1234 8000").unwrap(),
            "13812348000"
        );
        assert_eq!(
            normalize_mobile("m", "138-1234-8000").unwrap(),
            "13812348000"
        );
        assert_eq!(
            normalize_mobile("m", "１３８１２３４８０００").unwrap(),
            "13812348000"
        );
        assert_eq!(
            normalize_mobile("m", "+86 13812348000").unwrap(),
            "13812348000"
        );
    }

    #[test]
    fn bad_mobiles_are_refused_with_the_reason() {
        let short = normalize_mobile("mobile", "1381234800").unwrap_err();
        assert_eq!(short.field(), Some("mobile"));
        assert!(short.message_zh().contains("10位"), "{short}");
        assert!(normalize_mobile("mobile", "12812348000").is_err());
        assert!(normalize_mobile("mobile", "1381234800a").is_err());
        assert!(normalize_mobile("mobile", "").is_err());
    }

    #[test]
    fn landlines_need_an_area_code() {
        assert_eq!(normalize_phone("p", "010-88886666").unwrap(), "01088886666");
        assert_eq!(
            normalize_phone("p", "0755 2888 6666").unwrap(),
            "075528886666"
        );
        assert_eq!(normalize_phone("p", "400-820-8820").unwrap(), "4008208820");
        assert_eq!(normalize_phone("p", "13812348000").unwrap(), "13812348000");
        assert!(normalize_phone("p", "88886666").is_err());
    }
}
