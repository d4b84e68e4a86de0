//! The embedded CJK font (Noto Sans SC, SIL Open Font License 1.1, see `fonts/OFL.txt`),
//! parsed once per process: parsing takes most of the time of a small PDF.

use std::sync::LazyLock;

use printpdf::ParsedFont;

static REGULAR_TTF: &[u8] = include_bytes!("fonts/NotoSansSC-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("fonts/NotoSansSC-Bold.ttf");

static REGULAR: LazyLock<ParsedFont> = LazyLock::new(|| parse(REGULAR_TTF));
static BOLD: LazyLock<ParsedFont> = LazyLock::new(|| parse(BOLD_TTF));

fn parse(bytes: &[u8]) -> ParsedFont {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the embedded font parses")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub fn font(self) -> &'static ParsedFont {
        match self {
            Weight::Regular => &REGULAR,
            Weight::Bold => &BOLD,
        }
    }

    /// The font resource name used in the PDF.
    pub fn resource_id(self) -> &'static str {
        match self {
            Weight::Regular => "NotoSansSC-Regular",
            Weight::Bold => "NotoSansSC-Bold",
        }
    }
}

/// Width of `text` in points at `size` points (advance widths, no kerning: CJK has none).
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let font = weight.font();
    let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
    let units: u32 = text
        .chars()
        .map(|c| {
            font.lookup_glyph_index(c as u32)
                .map(|gid| u32::from(font.get_horizontal_advance(gid)))
                .unwrap_or(0)
        })
        .sum();
    units as f32 * size / units_per_em
}

/// Characters of `text` the font cannot draw, each once, in order of appearance.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let font = Weight::Regular.font();
    let mut missing = Vec::new();
    for c in text.chars() {
        if !c.is_control() && font.lookup_glyph_index(c as u32).is_none() && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_covers_chinese_latin_digits_and_money_signs() {
        let text = "售后服务台 派工单 结算清单 出门证 壹仟柒佰捌拾陆元整 ¥1,786.00 ABC xyz 京A·12345 （）：";
        assert_eq!(missing_glyphs(text), Vec::<char>::new());
    }

    #[test]
    fn a_character_the_font_lacks_is_reported() {
        // U+1F697 (an emoji car) and U+2A6A5 (a rare CJK Extension B character).
        assert_eq!(missing_glyphs("王🚗𪚥"), vec!['🚗', '𪚥']);
    }

    #[test]
    fn widths_grow_with_text_and_size() {
        let one = text_width("服务", 10.0, Weight::Regular);
        assert!(
            (one - 20.0).abs() < 0.5,
            "a CJK character is one em wide: {one}"
        );
        assert!(text_width("服务", 20.0, Weight::Regular) > one * 1.9);
        assert!(text_width("1", 10.0, Weight::Regular) < one / 2.0);
    }
}
