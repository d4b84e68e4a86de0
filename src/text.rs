//! Text as people type it on Chinese keyboards and as spreadsheets hold it.

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

#[cfg(test)]
mod tests {
    #[test]
    fn full_width_digits_letters_and_space_become_ascii_and_punctuation_stays() {
        let typed: String = "１３８　Ａｂ（朝阳）"
            .chars()
            .map(super::half_width)
            .collect();
        assert_eq!(typed, "138 Ab（朝阳）");
    }
}
