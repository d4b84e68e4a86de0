//! Text as people type it on Chinese keyboards and as spreadsheets hold it.

/// A closed set of values stored as snake_case text: `as_str` for the column, `parse` for
/// reading it back (an unknown stored value is an error, never a default).
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize, ::specta::Type)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Reads a stored value; an unknown one is an error, never a default.
            pub fn parse(stored: &str) -> $crate::Result<Self> {
                match stored {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::Error::conflict(
                        format!("数据库中有无法识别的值“{other}”（{}）", stringify!($name)),
                        format!("Unknown stored value “{other}” for {}", stringify!($name)),
                    )),
                }
            }
        }
    };
}
pub(crate) use text_enum;

/// The next number of a daily sequence (`20261123-007` → 8) from the highest one so far;
/// 1 when the day has none.
pub fn next_in_sequence(last: Option<&str>) -> u32 {
    last.and_then(|n| n.rsplit('-').next())
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(0)
        + 1
}

/// A full-width digit or letter (`１`, `Ａ`) as ASCII and the ideographic space as a space;
/// anything else unchanged, so Chinese punctuation in names and addresses stays as written.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A message template with `{name}` fields filled in (fields not given stay as written).
pub fn fill(template: &str, fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .fold(template.to_string(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_template_is_filled_in() {
        let text = super::fill(
            "我是{dealership}的{caller}，占用您{minutes}分钟",
            &[
                ("dealership", "华安马自达"),
                ("caller", "周婷"),
                ("minutes", "3"),
            ],
        );
        assert_eq!(text, "我是华安马自达的周婷，占用您3分钟");
    }

    #[test]
    fn full_width_digits_letters_and_space_become_ascii_and_punctuation_stays() {
        let typed: String = "１３８　Ａｂ（朝阳）"
            .chars()
            .map(super::half_width)
            .collect();
        assert_eq!(typed, "138 Ab（朝阳）");
    }
}
