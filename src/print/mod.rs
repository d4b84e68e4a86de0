//! Printed papers. Each document is one file here; `layout` draws, `font` holds the embedded
//! CJK font. A document that would print a blank box for a missing character is refused.

pub mod appointment_list;
pub mod check_in;
pub mod complaint;
pub mod exit_pass;
pub mod font;
pub mod layout;
pub mod settlement;
pub mod tables;
pub mod test_page;
pub mod welcome_board;
pub mod work_order;

use printpdf::{FontId, PdfDocument, PdfFont, PdfSaveOptions};

use crate::{Error, Result};
use font::Weight;
use layout::Page;

/// Turns drawn pages into PDF bytes, with the font subset to the characters used.
pub fn render(title: &str, pages: Vec<Page>) -> Result<Vec<u8>> {
    let all_text: String = pages.iter().map(Page::text_content).collect();
    let missing = font::missing_glyphs(&all_text);
    if !missing.is_empty() {
        return Err(Error::MissingGlyphs {
            chars: missing.into_iter().collect(),
        });
    }
    let mut weights: Vec<Weight> = pages.iter().flat_map(|p| p.weights().to_vec()).collect();
    weights.sort();
    weights.dedup();
    let mut doc = PdfDocument::new(title);
    for weight in weights {
        doc.resources.fonts.map.insert(
            FontId(weight.resource_id().to_string()),
            PdfFont::new(weight.font_for(&all_text).clone()),
        );
    }
    let pages = pages.into_iter().map(Page::into_pdf_page).collect();
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..Default::default()
    };
    Ok(doc.with_pages(pages).save(&options, &mut Vec::new()))
}

/// Saves a rendered paper into `dir` (the app's prints folder) as `<stem>-<local time>.pdf`
/// and returns its path. Papers hold customers' data: folder 0700, file 0600.
pub fn save_pdf(dir: &std::path::Path, stem: &str, pdf: &[u8]) -> Result<std::path::PathBuf> {
    crate::paths::secure_dir(dir)?;
    let path = dir.join(format!(
        "{stem}-{}.pdf",
        chrono::Local::now().format("%Y%m%d-%H%M%S%3f")
    ));
    crate::paths::write_private(&path, pdf)?;
    Ok(path)
}

/// The header every paper opens with: dealership name, then address and hotline.
pub fn dealership_header(
    page: &mut Page,
    dealership: &crate::dealership::Dealership,
    title: &str,
) -> f32 {
    use layout::{Align, Style};
    let centre = page.paper().width / 2.0;
    page.text(
        centre,
        20.0,
        Style::bold(16.0),
        Align::Center,
        &dealership.name,
    );
    page.text(
        centre,
        27.0,
        Style::regular(9.0),
        Align::Center,
        &format!("{}　服务热线：{}", dealership.address, dealership.hotline),
    );
    page.text(centre, 38.0, Style::bold(14.0), Align::Center, title);
    page.line((15.0, 42.0), (page.paper().width - 15.0, 42.0), 0.8);
    48.0
}

/// Who prepared a paper and when, printed in its header (制表人 / 制表日期). An empty name
/// leaves a line to sign on.
#[derive(Debug, Clone)]
pub struct PrintedBy {
    pub preparer: String,
    pub date: chrono::NaiveDate,
}

impl PrintedBy {
    pub fn line(&self) -> String {
        let name = if self.preparer.trim().is_empty() {
            "__________"
        } else {
            self.preparer.trim()
        };
        format!("制表人：{name}　　制表日期：{}", self.date)
    }
}

/// A numbered list over as many pages as it needs, `per_page` rows on each, "第 n / m 页" at
/// the foot. `draw` lays out one page around its rows; an empty list still gives one page.
pub fn paged(
    paper: layout::Paper,
    rows: &[Vec<String>],
    per_page: usize,
    mut draw: impl FnMut(&mut Page, &[Vec<String>]),
) -> Vec<Page> {
    let chunks: Vec<&[Vec<String>]> = if rows.is_empty() {
        vec![&[]]
    } else {
        rows.chunks(per_page).collect()
    };
    let count = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(index, chunk)| {
            let mut page = Page::new(paper);
            draw(&mut page, chunk);
            page.text(
                paper.width / 2.0,
                paper.height - 8.0,
                layout::Style::regular(9.0),
                layout::Align::Center,
                &format!("第 {} / {count} 页", index + 1),
            );
            page
        })
        .collect()
}
