//! Money is integer fen. These turn it into what people read: `¥1,786.00` and the
//! capital numerals used on Chinese financial papers (`壹仟柒佰捌拾陆元整`).

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];

/// `178600` → `¥1,786.00`; negative amounts (refunds) get a leading minus.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let yuan = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in yuan.chars().enumerate() {
        if i > 0 && (yuan.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}¥{grouped}.{:02}", abs % 100)
}

/// The amount in capital numerals, as written on invoices and settlement statements.
pub fn to_capitals(fen: i64) -> String {
    let sign = if fen < 0 { "负" } else { "" };
    let abs = fen.unsigned_abs();
    let (yuan, jiao, fen) = (abs / 100, (abs / 10 % 10) as usize, (abs % 10) as usize);
    let mut out = String::from(sign);
    if yuan > 0 {
        out.push_str(&integer_capitals(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) if yuan == 0 => out.push_str("零元整"),
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[f]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j]);
            out.push('角');
            if f > 0 {
                out.push(DIGITS[f]);
                out.push('分');
            }
        }
    }
    out
}

fn integer_capitals(n: u64) -> String {
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 10_000) as usize);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut zero_pending = false;
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (zero_pending || group < 1000) {
            out.push('零');
        }
        out.push_str(&group_capitals(group));
        out.push_str(GROUPS[index.min(GROUPS.len() - 1)]);
        zero_pending = false;
    }
    out
}

/// One group of up to four digits; inner runs of zeros read as a single 零.
fn group_capitals(group: usize) -> String {
    let mut out = String::new();
    let mut zero = false;
    for place in (0..4).rev() {
        let digit = group / 10usize.pow(place as u32) % 10;
        if digit == 0 {
            zero = !out.is_empty();
        } else {
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[digit]);
            out.push_str(PLACES[place]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_have_thousands_separators_and_two_decimals() {
        assert_eq!(format_yuan(178_600), "¥1,786.00");
        assert_eq!(format_yuan(5), "¥0.05");
        assert_eq!(format_yuan(123_456_789), "¥1,234,567.89");
        assert_eq!(format_yuan(-1_200), "-¥12.00");
    }

    #[test]
    fn capitals_follow_the_banking_rules() {
        let cases = [
            (178_600, "壹仟柒佰捌拾陆元整"),
            (1_000, "壹拾元整"),
            (100_500, "壹仟零伍元整"),
            (101_000, "壹仟零壹拾元整"),
            (10_005, "壹佰元零伍分"),
            (50, "伍角"),
            (5, "伍分"),
            (0, "零元整"),
            (168_032, "壹仟陆佰捌拾元叁角贰分"),
            (10_050_000, "壹拾万零伍佰元整"),
            (10_000_100_000, "壹亿零壹仟元整"),
            (10_000_000_000, "壹亿元整"),
            (-2_000, "负贰拾元整"),
        ];
        for (fen, words) in cases {
            assert_eq!(to_capitals(fen), words, "{fen} fen");
        }
    }
}
