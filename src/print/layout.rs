//! Page layout for printed papers: text at a position, aligned text, ruled tables with
//! right-aligned amounts. Positions are millimetres from the top-left corner of the paper;
//! text is placed by its baseline.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PdfFontHandle, PdfPage, Point, Pt, Rgb, TextItem,
};

use super::font::{Weight, text_width};

const PT_PER_MM: f32 = 72.0 / 25.4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
}

impl Paper {
    pub const A4_PORTRAIT: Paper = Paper {
        width: 210.0,
        height: 297.0,
    };
    pub const A4_LANDSCAPE: Paper = Paper {
        width: 297.0,
        height: 210.0,
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A style of text: size in points and weight.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub weight: Weight,
}

impl Style {
    pub const fn regular(size: f32) -> Style {
        Style {
            size,
            weight: Weight::Regular,
        }
    }

    pub const fn bold(size: f32) -> Style {
        Style {
            size,
            weight: Weight::Bold,
        }
    }
}

/// One column of a ruled table.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.to_string(),
            width,
            align,
        }
    }
}

/// One page being drawn. Collects its text so the document can check glyph coverage.
pub struct Page {
    paper: Paper,
    ops: Vec<Op>,
    text: String,
    weights: Vec<Weight>,
}

impl Page {
    pub fn new(paper: Paper) -> Page {
        Page {
            paper,
            ops: Vec::new(),
            text: String::new(),
            weights: Vec::new(),
        }
    }

    pub fn paper(&self) -> Paper {
        self.paper
    }

    /// Draws `text` with its baseline at `y`; `x` is the left edge, centre or right edge
    /// according to `align`.
    pub fn text(&mut self, x: f32, y: f32, style: Style, align: Align, text: &str) {
        if text.is_empty() {
            return;
        }
        let width = text_width(text, style.size, style.weight) / PT_PER_MM;
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        self.text.push_str(text);
        if !self.weights.contains(&style.weight) {
            self.weights.push(style.weight);
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(FontId(style.weight.resource_id().to_string())),
                size: Pt(style.size),
            },
            Op::SetTextCursor {
                pos: self.point(left, y),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text that must stay inside `width` mm: the size shrinks until it fits (never below
    /// 60 %), so a long name never runs into the next cell.
    pub fn text_fit(&mut self, x: f32, y: f32, width: f32, style: Style, align: Align, text: &str) {
        let natural = text_width(text, style.size, style.weight) / PT_PER_MM;
        let size = if natural > width {
            (style.size * width / natural).max(style.size * 0.6)
        } else {
            style.size
        };
        self.text(x, y, Style { size, ..style }, align, text);
    }

    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), thickness_pt: f32) {
        let points = [from, to]
            .into_iter()
            .map(|(x, y)| LinePoint {
                p: self.point(x, y),
                bezier: false,
            })
            .collect();
        self.ops.extend([
            Op::SetOutlineColor {
                col: Color::Rgb(Rgb {
                    r: 0.0,
                    g: 0.0,
                    b: 0.0,
                    icc_profile: None,
                }),
            },
            Op::SetOutlineThickness {
                pt: Pt(thickness_pt),
            },
            Op::DrawLine {
                line: Line {
                    points,
                    is_closed: false,
                },
            },
        ]);
    }

    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, thickness_pt: f32) {
        let (right, bottom) = (x + width, y + height);
        self.line((x, y), (right, y), thickness_pt);
        self.line((right, y), (right, bottom), thickness_pt);
        self.line((right, bottom), (x, bottom), thickness_pt);
        self.line((x, bottom), (x, y), thickness_pt);
    }

    /// A ruled table with a bold header row; returns the y of its bottom edge.
    pub fn table(
        &mut self,
        x: f32,
        y: f32,
        columns: &[Column],
        rows: &[Vec<String>],
        style: Style,
    ) -> f32 {
        let row_height = style.size / PT_PER_MM * 2.0;
        let width: f32 = columns.iter().map(|c| c.width).sum();
        let header = Style {
            weight: Weight::Bold,
            ..style
        };
        let titles: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
        let mut top = y;
        for (index, cells) in std::iter::once(&titles).chain(rows).enumerate() {
            let cell_style = if index == 0 { header } else { style };
            let baseline = top + row_height * 0.5 + style.size / PT_PER_MM * 0.35;
            let mut left = x;
            for (column, cell) in columns.iter().zip(cells) {
                let pad = 1.5;
                let anchor = match column.align {
                    Align::Left => left + pad,
                    Align::Center => left + column.width / 2.0,
                    Align::Right => left + column.width - pad,
                };
                // Titles are centred over their column; cells keep the column's alignment.
                let (anchor, align) = if index == 0 {
                    (left + column.width / 2.0, Align::Center)
                } else {
                    (anchor, column.align)
                };
                self.text_fit(
                    anchor,
                    baseline,
                    column.width - 2.0 * pad,
                    cell_style,
                    align,
                    cell,
                );
                left += column.width;
            }
            top += row_height;
            self.line(
                (x, top),
                (x + width, top),
                if index == 0 { 0.8 } else { 0.4 },
            );
        }
        self.line((x, y), (x + width, y), 0.8);
        let mut left = x;
        for column in columns {
            self.line((left, y), (left, top), 0.4);
            left += column.width;
        }
        self.line((left, y), (left, top), 0.4);
        top
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point::new(Mm(x), Mm(self.paper.height - y))
    }

    pub(super) fn text_content(&self) -> &str {
        &self.text
    }

    pub(super) fn weights(&self) -> &[Weight] {
        &self.weights
    }

    pub(super) fn into_pdf_page(self) -> PdfPage {
        PdfPage::new(Mm(self.paper.width), Mm(self.paper.height), self.ops)
    }
}
