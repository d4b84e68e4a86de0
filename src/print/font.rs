//! The embedded CJK font (Noto Sans SC, SIL Open Font License 1.1, see `fonts/OFL.txt`),
//! parsed once per process: parsing takes most of the time of a small PDF.

use std::collections::{BTreeSet, HashMap};
use std::sync::{LazyLock, Mutex};

use printpdf::ParsedFont;

static REGULAR_TTF: &[u8] = include_bytes!("fonts/NotoSansSC-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("fonts/NotoSansSC-Bold.ttf");

static REGULAR: LazyLock<ParsedFont> = LazyLock::new(|| parse(REGULAR_TTF));
static BOLD: LazyLock<ParsedFont> = LazyLock::new(|| parse(BOLD_TTF));
// The common cut of each weight (see `common_cut`), made once per process.
static COMMON_REGULAR: LazyLock<Option<ParsedFont>> = LazyLock::new(|| common_cut(&REGULAR));
static COMMON_BOLD: LazyLock<Option<ParsedFont>> = LazyLock::new(|| common_cut(&BOLD));

fn parse(bytes: &[u8]) -> ParsedFont {
    ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the embedded font parses")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// The font to embed in a paper whose text is `text`: the common cut when it covers
    /// every character, the whole font otherwise.
    pub fn font_for(self, text: &str) -> &'static ParsedFont {
        let common = match self {
            Weight::Regular => COMMON_REGULAR.as_ref(),
            Weight::Bold => COMMON_BOLD.as_ref(),
        };
        let used: BTreeSet<char> = text.chars().filter(|c| !c.is_control()).collect();
        match common {
            Some(cut)
                if used
                    .iter()
                    .all(|c| cut.lookup_glyph_index(*c as u32).is_some()) =>
            {
                cut
            }
            _ => self.font(),
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

/// The font cut down to the characters papers mostly use: the 6,763 hanzi of GB 2312, its
/// symbols, ASCII, Latin-1, general punctuation, CJK punctuation and full-width forms. Each
/// paper is subset from it, and subsetting reads the whole character map of the font it
/// starts from: a map a fifth the size makes every paper several times faster.
fn common_cut(font: &ParsedFont) -> Option<ParsedFont> {
    let ranges = [
        0x20..0x7F,
        0xA0..0x100,
        0x2010..0x2070,
        0x3000..0x3040,
        0xFF00..0xFFF0,
    ];
    let mut chars: Vec<char> = ranges
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .collect();
    for lead in 0xA1..=0xF7u8 {
        for trail in 0xA1..=0xFEu8 {
            let pair = [lead, trail];
            let (text, _, bad) = encoding_rs::GBK.decode(&pair);
            if !bad {
                chars.extend(text.chars());
            }
        }
    }
    let glyphs: std::collections::BTreeMap<u16, String> = chars
        .into_iter()
        .filter_map(|c| {
            font.lookup_glyph_index(c as u32)
                .map(|gid| (gid, c.to_string()))
        })
        .collect();
    let cut = printpdf::subset_font(font, &glyphs).ok()?;
    ParsedFont::from_bytes(&cut.bytes, 0, &mut Vec::new())
}

/// The advance width of `c` in font units, or None when the font has no glyph for it.
/// Looking a character up in a CJK font's character map is slow, and papers measure the
/// same few hundred characters over and over: each answer is kept for the process.
fn advance(c: char, weight: Weight) -> Option<u16> {
    type Advances = HashMap<(char, Weight), Option<u16>>;
    static KNOWN: LazyLock<Mutex<Advances>> = LazyLock::new(Default::default);
    let mut known = KNOWN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *known.entry((c, weight)).or_insert_with(|| {
        let font = weight.font();
        font.lookup_glyph_index(c as u32)
            .map(|gid| font.get_horizontal_advance(gid))
    })
}

/// Width of `c` in points at `size` points.
pub fn char_width(c: char, size: f32, weight: Weight) -> f32 {
    let units_per_em = f32::from(weight.font().font_metrics.units_per_em.max(1));
    f32::from(advance(c, weight).unwrap_or(0)) * size / units_per_em
}

/// Width of `text` in points at `size` points (advance widths, no kerning: CJK has none).
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    text.chars().map(|c| char_width(c, size, weight)).sum()
}

/// Characters of `text` the font cannot draw, each once, in order of appearance.
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let mut missing = Vec::new();
    for c in text.chars() {
        if !c.is_control() && advance(c, Weight::Regular).is_none() && !missing.contains(&c) {
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
    fn a_paper_with_a_rare_character_embeds_the_whole_font() {
        // 堃 is in the font but not in GB 2312.
        let common = Weight::Regular.font_for("王建国 京A·12345 ¥1,786.00（）：");
        let rare = Weight::Regular.font_for("王堃");
        assert!(!std::ptr::eq(common, Weight::Regular.font()));
        assert!(std::ptr::eq(rare, Weight::Regular.font()));
        assert!(missing_glyphs("王堃").is_empty());
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
