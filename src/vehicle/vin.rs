//! Vehicle identification numbers (车架号 / VIN, ISO 3779, GB 16735): 17 characters, never
//! I, O or Q, with a check digit in position 9.

use crate::{Error, Result};

/// Character values of the check-digit algorithm (letters I, O, Q have none).
fn value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => return None,
    })
}

const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// The check digit a VIN should carry in position 9: `0`–`9` or `X` for 10.
pub fn check_digit(vin: &str) -> Option<char> {
    let sum = vin
        .chars()
        .zip(WEIGHTS)
        .try_fold(0, |sum, (c, w)| Some(sum + value(c)? * w))?;
    Some(match sum % 11 {
        10 => 'X',
        d => char::from_digit(d, 10)?,
    })
}

/// Upper-case, no spaces, full-width characters made ASCII.
pub fn normalize(input: &str) -> String {
    super::search_key(input)
}

/// Checks a VIN. `check_digit_waived` accepts a wrong check digit (some imported cars carry
/// none); every other rule still applies.
pub fn parse(input: &str, check_digit_waived: bool) -> Result<String> {
    let vin = normalize(input);
    let bad = |zh: String, en: String| Err(Error::validation("vin", zh, en));
    if vin.is_empty() {
        return bad("请填写车架号（VIN）".into(), "Enter the VIN".into());
    }
    let length = vin.chars().count();
    if length != 17 {
        return bad(
            format!("车架号应为17位，现在是{length}位"),
            format!("A VIN has 17 characters, this one has {length}"),
        );
    }
    if let Some(c) = vin.chars().find(|c| matches!(c, 'I' | 'O' | 'Q')) {
        return bad(
            format!("车架号中不能有字母 {c}（I、O、Q 不用于车架号）"),
            format!("A VIN never contains the letter {c} (I, O and Q are not used)"),
        );
    }
    if let Some(c) = vin.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return bad(
            format!("车架号只能包含字母和数字，不能有“{c}”"),
            format!("A VIN holds letters and digits only, not “{c}”"),
        );
    }
    let expected = check_digit(&vin).unwrap_or('?');
    let actual = vin.chars().nth(8).unwrap_or('?');
    if expected != actual && !check_digit_waived {
        return bad(
            format!(
                "车架号第9位校验位应为 {expected}，实为 {actual}：请核对车架号；进口车如确无校验位，可注明原因后免检"
            ),
            format!(
                "The check digit (position 9) should be {expected}, not {actual}: check the VIN, or waive the check with a reason for an imported car"
            ),
        );
    }
    Ok(vin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_vins_pass_and_are_normalised() {
        // Published examples with correct check digits.
        assert_eq!(
            parse("1M8GDM9AXKP042788", false).unwrap(),
            "1M8GDM9AXKP042788"
        );
        assert_eq!(
            parse("lvsht9ae8fs123456", false).unwrap(),
            "LVSHT9AE8FS123456"
        );
        assert_eq!(
            parse("1HGCM82633A004352", false).unwrap(),
            "1HGCM82633A004352"
        );
        assert_eq!(
            parse(" 1hgcm82633a 004352 ", false).unwrap(),
            "1HGCM82633A004352"
        );
    }

    #[test]
    fn bad_vins_are_refused_with_the_reason() {
        for (input, reason) in [
            ("", "请填写"),
            ("1HGCM82633A00435", "17位"),
            ("1HGCM82633A0043521", "17位"),
            ("1HGCM8263OA004352", "字母 O"),
            ("1HGCM82633A00435#", "只能包含"),
            ("1HGCM82623A004352", "校验位应为 3"),
        ] {
            let err = parse(input, false).unwrap_err();
            assert_eq!(err.field(), Some("vin"));
            assert!(err.message_zh().contains(reason), "{input}: {err}");
        }
    }

    #[test]
    fn a_waived_check_digit_still_needs_the_other_rules() {
        assert_eq!(
            parse("1HGCM82623A004352", true).unwrap(),
            "1HGCM82623A004352"
        );
        assert!(parse("1HGCM8262QA004352", true).is_err());
    }
}
