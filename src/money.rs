//! Money is integer fen. These turn it into what people read: `¥1,786.00` and the
//! capital numerals used on Chinese financial papers (`壹仟柒佰捌拾陆元整`); and back from
//! what people type or spreadsheets hold (`¥1,280.50`, `48.5`) into integer hundredths.

use crate::{Error, Result};

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];

/// `178600` → `¥1,786.00`; negative amounts (refunds) get a leading minus.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let grouped = group_thousands((abs / 100) as i64);
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

/// What a typed number is: its field, its name in both languages, how it is shown, and the
/// range of hundredths its column takes.
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    pub field: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Money (shown as `¥1,280.00`) or a quantity (shown as `12.5`).
    pub money: bool,
    pub min: i64,
    pub max: i64,
}

impl Amount {
    /// `value` × 100, rounded: refused when it is not a finite number (`NaN`, `inf`, `1e400`)
    /// or lies outside the column's range, with the field named.
    pub fn hundredths_of(&self, value: f64, typed: &str) -> Result<i64> {
        let scaled = (value * 100.0).round();
        if !scaled.is_finite() {
            return Err(Error::validation(
                self.field,
                format!("{}“{typed}”不是有效的数字", self.zh),
                format!("The {} “{typed}” is not a valid number", self.en),
            ));
        }
        // Compared as floats first: a cast would saturate (1e20 → i64::MAX).
        if scaled < self.min as f64 || scaled > self.max as f64 {
            return Err(self.out_of_range(scaled < 0.0, typed));
        }
        self.check(scaled as i64, typed)
    }

    /// Hundredths already counted (from a form): refused outside the column's range.
    pub fn check(&self, hundredths: i64, typed: &str) -> Result<i64> {
        if hundredths < self.min || hundredths > self.max {
            return Err(self.out_of_range(hundredths < 0, typed));
        }
        Ok(hundredths)
    }

    fn out_of_range(&self, negative: bool, typed: &str) -> Error {
        let (min, max) = (self.show(self.min), self.show(self.max));
        let (zh, en) = if self.min == 0 && negative {
            (
                format!("{}不能为负数", self.zh),
                format!("The {} cannot be negative", self.en),
            )
        } else {
            (
                format!("{}应在 {min} 到 {max} 之间，不是“{typed}”", self.zh),
                format!(
                    "The {} must be between {min} and {max}, not “{typed}”",
                    self.en
                ),
            )
        };
        Error::validation(self.field, zh, en)
    }

    /// Text as typed or exported (`¥1,280.50`, `1 280`, full-width digits) × 100; an empty
    /// cell is 0.
    pub fn parse(&self, text: &str) -> Result<i64> {
        let typed = text.trim();
        let plain: String = typed
            .chars()
            .map(crate::text::half_width)
            .filter(|c| !matches!(c, '¥' | '￥' | ',' | '，' | ' '))
            .collect();
        if plain.is_empty() {
            return self.hundredths_of(0.0, typed);
        }
        match plain.parse::<f64>() {
            Ok(value) => self.hundredths_of(value, typed),
            Err(_) => Err(Error::validation(
                self.field,
                format!("{}“{typed}”不是数字", self.zh),
                format!("The {} “{typed}” is not a number", self.en),
            )),
        }
    }

    fn show(&self, hundredths: i64) -> String {
        if self.money {
            format_yuan(hundredths)
        } else if hundredths % 100 == 0 {
            group_thousands(hundredths / 100)
        } else {
            format!("{}.{:02}", hundredths / 100, (hundredths % 100).abs())
        }
    }
}

/// `1000000` → `1,000,000`.
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::from(if n < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
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

    const PRICE: Amount = Amount {
        field: "unitPriceFen",
        zh: "单价",
        en: "unit price",
        money: true,
        min: 0,
        max: 10_000_000_000,
    };

    #[test]
    fn typed_amounts_become_hundredths() {
        assert_eq!(PRICE.parse("¥1,280.50").unwrap(), 128_050);
        assert_eq!(PRICE.parse("４８.５").unwrap(), 4_850);
        assert_eq!(PRICE.parse(" ").unwrap(), 0);
        assert_eq!(PRICE.hundredths_of(48.505, "48.505").unwrap(), 4_851);
    }

    #[test]
    fn not_a_number_and_out_of_range_amounts_are_refused_with_their_field() {
        for typed in [
            "NaN", "nan", "inf", "-inf", "infinity", "1e400", "1e20", "-1", "面议",
        ] {
            let err = PRICE.parse(typed).unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                ("validation", Some("unitPriceFen")),
                "{typed}"
            );
        }
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e20, -0.5] {
            let err = PRICE.hundredths_of(value, "x").unwrap_err();
            assert_eq!(err.field(), Some("unitPriceFen"), "{value}");
        }
        assert_eq!(PRICE.parse("100000000").unwrap(), 10_000_000_000);
        assert!(PRICE.parse("100000000.01").is_err());
    }

    #[test]
    fn a_huge_stock_is_not_called_negative() {
        let stock = Amount {
            field: "onHandHundredths",
            zh: "库存数量",
            en: "quantity on hand",
            money: false,
            min: 0,
            max: 100_000_000,
        };
        let huge = stock.parse("1e20").unwrap_err();
        assert!(!huge.message_zh().contains("负数"), "{}", huge.message_zh());
        assert!(
            huge.message_zh().contains("1,000,000"),
            "{}",
            huge.message_zh()
        );
        assert!(stock.parse("-1").unwrap_err().message_zh().contains("负数"));
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
