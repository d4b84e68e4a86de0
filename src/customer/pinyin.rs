//! Names as advisors type them on a Latin keyboard: full pinyin (`wangjianguo`) and
//! initials (`wjg`), both lower case.

use pinyin::ToPinyin;

/// Surnames whose reading as a surname differs from the character's usual reading.
const SURNAME_READINGS: [(char, &str); 16] = [
    ('曾', "zeng"),
    ('单', "shan"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('区', "ou"),
    ('朴', "piao"),
    ('查', "zha"),
    ('盖', "ge"),
    ('乐', "yue"),
    ('覃', "qin"),
    ('缪', "miao"),
    ('翟', "zhai"),
    ('种', "chong"),
    ('召', "shao"),
    ('长', "chang"),
    ('藏', "zang"),
];

/// `(full pinyin, initials)` of a name; letters and digits in the name are kept as typed.
pub fn romanize(name: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    let mut in_word = false;
    for (index, (c, reading)) in name.chars().zip(name.to_pinyin()).enumerate() {
        let syllable = SURNAME_READINGS
            .iter()
            .find(|(surname, _)| index == 0 && *surname == c)
            .map(|(_, reading)| *reading)
            .or_else(|| reading.map(|p| p.plain()));
        match syllable {
            Some(s) => {
                full.push_str(s);
                initials.extend(s.chars().next());
                in_word = false;
            }
            // A Latin word (Tom) counts once in the initials.
            None if c.is_ascii_alphanumeric() => {
                let lower = c.to_ascii_lowercase();
                full.push(lower);
                if !in_word {
                    initials.push(lower);
                }
                in_word = true;
            }
            None => in_word = false,
        }
    }
    (full, initials)
}

#[cfg(test)]
mod tests {
    use super::romanize;

    #[test]
    fn names_become_full_pinyin_and_initials() {
        assert_eq!(romanize("王建国"), ("wangjianguo".into(), "wjg".into()));
        assert_eq!(romanize("李娜"), ("lina".into(), "ln".into()));
        assert_eq!(romanize("曾国藩"), ("zengguofan".into(), "zgf".into()));
        assert_eq!(romanize("单雄信"), ("shanxiongxin".into(), "sxx".into()));
        assert_eq!(romanize("Tom 张"), ("tomzhang".into(), "tz".into()));
    }
}
