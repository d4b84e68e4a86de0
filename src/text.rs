//! Text as people type it on Chinese keyboards and as spreadsheets hold it, and the checks
//! every typed field passes in the core: a length limit, no control characters, and for
//! names (customers, staff, companies) nothing invisible and nothing the print font lacks.

use crate::{Error, Result};

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

/// A character that shows nothing or steers the terminal: control characters (line breaks,
/// escape, C1), format characters (zero-width space and joiners, direction marks, the BOM,
/// the soft hyphen, tags), line and paragraph separators, variation selectors and the blank
/// fillers (Hangul filler, braille blank).
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c as u32,
            0x00AD
                | 0x034F
                | 0x061C
                | 0x115F
                | 0x1160
                | 0x17B4
                | 0x17B5
                | 0x180B..=0x180F
                | 0x200B..=0x200F
                | 0x2028..=0x202E
                | 0x2060..=0x206F
                | 0x2800
                | 0x3164
                | 0xFE00..=0xFE0F
                | 0xFEFF
                | 0xFFA0
                | 0xFFF0..=0xFFFB
                | 0x110BD
                | 0x110CD
                | 0x1BCA0..=0x1BCA3
                | 0x1D173..=0x1D17A
                | 0xE0000..=0xE0FFF
        )
}

/// `U+200B` for a character nobody can see.
fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn too_long(field: &'static str, max: usize, zh: &str, en: &str) -> Error {
    Error::validation(
        field,
        format!("{zh}最多{max}个字"),
        format!("The {en} has at most {max} characters"),
    )
}

/// A name (customer, staff member, company) as the papers print it: required, at most `max`
/// characters, no invisible or control character, and every character in the print font.
/// `zh`/`en` name the field in the message ("客户姓名" / "customer name").
pub fn name(field: &'static str, value: &str, max: usize, zh: &str, en: &str) -> Result<String> {
    let name = optional_name(field, value, max, zh, en)?;
    if name.is_empty() {
        return Err(Error::validation(
            field,
            format!("请填写{zh}"),
            format!("Enter the {en}"),
        ));
    }
    Ok(name)
}

/// [`name`] where the field may be left empty.
pub fn optional_name(
    field: &'static str,
    value: &str,
    max: usize,
    zh: &str,
    en: &str,
) -> Result<String> {
    let name = value.trim();
    if name.chars().count() > max {
        return Err(too_long(field, max, zh, en));
    }
    if let Some(c) = name.chars().find(|c| is_invisible(*c)) {
        let shown = code_point(c);
        return Err(Error::validation(
            field,
            format!("{zh}含有不可见字符、换行或控制字符（{shown}），请删去后重新输入"),
            format!(
                "The {en} holds an invisible, line-break or control character ({shown}); delete it and type the name again"
            ),
        ));
    }
    printable(field, name, zh, en)?;
    Ok(name.to_string())
}

/// Refuses text the papers could not print: a character the print font lacks (an emoji, a
/// rare character), named with its code point. Checked where it is typed, never found later
/// when a paper will not print.
fn printable(field: &'static str, value: &str, zh: &str, en: &str) -> Result<()> {
    let missing = crate::print::font::missing_glyphs(value);
    if missing.is_empty() {
        return Ok(());
    }
    let chars: String = missing.iter().collect();
    let points = missing
        .iter()
        .map(|c| code_point(*c))
        .collect::<Vec<_>>()
        .join(" ");
    Err(Error::validation(
        field,
        format!(
            "{zh}中的“{chars}”（{points}）打印字体里没有，纸面上会印成空白；请改用常用字或删去"
        ),
        format!(
            "The print font has no “{chars}” ({points}) in the {en}: it would print blank; use a common character or leave it out"
        ),
    ))
}

/// [`line`] for a text that prints on papers: also every character in the print font.
pub fn printed_line(
    field: &'static str,
    value: &str,
    max: usize,
    zh: &str,
    en: &str,
) -> Result<String> {
    let value = line(field, value, max, zh, en)?;
    printable(field, &value, zh, en)?;
    Ok(value)
}

/// [`note`] for a text that prints on papers: also every character in the print font.
pub fn printed_note(
    field: &'static str,
    value: &str,
    max: usize,
    zh: &str,
    en: &str,
) -> Result<String> {
    let value = note(field, value, max, zh, en)?;
    printable(field, &value, zh, en)?;
    Ok(value)
}

/// A one-line text field (brand, label, team): trimmed, at most `max` characters, no line
/// break or other control character.
pub fn line(field: &'static str, value: &str, max: usize, zh: &str, en: &str) -> Result<String> {
    checked(field, value, max, zh, en, false)
}

/// A free text (notes, descriptions, remarks): trimmed, at most `max` characters; line breaks
/// and tabs are kept, other control characters (escape, ...) refused.
pub fn note(field: &'static str, value: &str, max: usize, zh: &str, en: &str) -> Result<String> {
    checked(field, value, max, zh, en, true)
}

fn checked(
    field: &'static str,
    value: &str,
    max: usize,
    zh: &str,
    en: &str,
    lines: bool,
) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(too_long(field, max, zh, en));
    }
    let allowed = |c: char| lines && matches!(c, '\n' | '\r' | '\t');
    if let Some(c) = value.chars().find(|c| c.is_control() && !allowed(*c)) {
        let shown = code_point(c);
        return Err(Error::validation(
            field,
            format!("{zh}含有换行或控制字符（{shown}），请删去后重新输入"),
            format!("The {en} holds a line break or control character ({shown}); delete it"),
        ));
    }
    Ok(value.to_string())
}

/// Stored text as a terminal may show it: control and invisible characters written as
/// `<U+001B>`, so a name stored before the checks cannot steer the terminal.
pub fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_invisible(c) && c != '\t' {
                format!("<{}>", code_point(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_code(typed: &str) -> (Option<String>, Option<&'static str>) {
        match name("name", typed, 50, "客户姓名", "customer name") {
            Ok(name) => (Some(name), None),
            Err(err) => (None, err.field()),
        }
    }

    #[test]
    fn blank_invisible_and_control_names_are_refused_with_the_field() {
        for typed in [
            "",
            "   ",
            "\u{200B}",
            "\u{200B}\u{200C}\u{200D}",
            "\u{FEFF}",
            "\u{2060}\u{00AD}",
            "\u{3164}",
            "王\u{200B}建国",
            "王建国\u{202E}",
            "王\n建国",
            "王\r建国",
            "王\u{1B}[31m建国",
            "王\u{7}",
            "王\u{85}建国",
            "王\u{2028}建国",
        ] {
            assert_eq!(name_code(typed), (None, Some("name")), "{typed:?}");
        }
        assert_eq!(
            name_code("  欧阳 娜娜 "),
            (Some("欧阳 娜娜".to_string()), None)
        );
        assert_eq!(
            name_code("北京京东方科技集团股份有限公司"),
            (Some("北京京东方科技集团股份有限公司".to_string()), None)
        );
    }

    #[test]
    fn a_name_with_a_character_the_print_font_lacks_is_refused_naming_it() {
        let err = name("name", "王🚗", 50, "客户姓名", "customer name").unwrap_err();
        assert_eq!((err.code(), err.field()), ("validation", Some("name")));
        assert!(err.message_zh().contains("🚗") && err.message_en().contains("U+1F697"));
        // 堃 is rare but the font has it.
        assert_eq!(name_code("王堃"), (Some("王堃".to_string()), None));
    }

    #[test]
    fn every_text_has_a_length_limit() {
        let long = "很".repeat(51);
        assert_eq!(name_code(&long), (None, Some("name")));
        let note = "备".repeat(5 * 1024 * 1024);
        assert_eq!(
            super::note("notes", &note, 2000, "备注", "note")
                .unwrap_err()
                .field(),
            Some("notes")
        );
        assert_eq!(
            super::note("notes", "第一行\n第二行", 2000, "备注", "note").unwrap(),
            "第一行\n第二行"
        );
        assert_eq!(
            super::line("brand", "马自达\n", 20, "品牌", "brand").unwrap(),
            "马自达"
        );
        assert!(super::line("brand", "马\n自达", 20, "品牌", "brand").is_err());
        assert!(super::note("notes", "a\u{1B}[2J", 20, "备注", "note").is_err());
    }

    #[test]
    fn printed_texts_refuse_characters_the_font_lacks() {
        let err = printed_line("lines", "更换机油🛢", 100, "项目名称", "name").unwrap_err();
        assert_eq!((err.code(), err.field()), ("validation", Some("lines")));
        assert!(err.message_en().contains("U+1F6E2"));
        assert!(printed_note("description", "异响\n𪚥", 500, "描述", "description").is_err());
        assert_eq!(
            printed_line("model", " 昂克赛拉 ", 60, "车型", "model").unwrap(),
            "昂克赛拉"
        );
        // Texts that never print keep what was typed.
        assert!(note("notes", "喜欢🎣", 500, "备注", "note").is_ok());
    }

    #[test]
    fn control_characters_are_shown_not_obeyed_on_the_terminal() {
        assert_eq!(
            for_terminal("王\u{1B}[31m\u{200B}"),
            "王<U+001B>[31m<U+200B>"
        );
    }

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
