//! Page layout for printed papers: text at a position, aligned text, ruled tables with
//! right-aligned amounts. Positions are millimetres from the top-left corner of the paper;
//! text is placed by its baseline.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, WindingOrder,
};

use super::font::{Weight, char_width, text_width};

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
    /// The 241 × 140 mm continuous form of dot-matrix printers (9.5 × 5.5 inches).
    pub const HALF: Paper = Paper {
        width: 241.0,
        height: 140.0,
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
            Op::SetOutlineColor { col: black() },
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

    /// A polyline through `points`, closed when the last point is the first.
    pub fn polyline(&mut self, points: &[(f32, f32)], thickness_pt: f32) {
        for pair in points.windows(2) {
            self.line(pair[0], pair[1], thickness_pt);
        }
    }

    /// A solid black rectangle (QR modules, the fuel gauge).
    pub fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32) {
        let ring = [
            (x, y),
            (x + width, y),
            (x + width, y + height),
            (x, y + height),
        ]
        .into_iter()
        .map(|(x, y)| LinePoint {
            p: self.point(x, y),
            bezier: false,
        })
        .collect();
        self.ops.extend([
            Op::SetFillColor { col: black() },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points: ring }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// A tick box with its label; a ticked box is crossed.
    pub fn checkbox(&mut self, x: f32, y: f32, style: Style, checked: bool, label: &str) -> f32 {
        let side = style.size / PT_PER_MM * 0.8;
        let top = y - side * 0.9;
        self.rect(x, top, side, side, 0.6);
        if checked {
            self.line(
                (x + 0.5, top + 0.5),
                (x + side - 0.5, top + side - 0.5),
                0.8,
            );
            self.line(
                (x + side - 0.5, top + 0.5),
                (x + 0.5, top + side - 0.5),
                0.8,
            );
        }
        self.text(x + side + 1.0, y, style, Align::Left, label);
        x + side + 1.0 + text_width(label, style.size, style.weight) / PT_PER_MM
    }

    /// Text broken into lines no wider than `width`; returns the baseline after the last line.
    pub fn wrapped(&mut self, x: f32, y: f32, width: f32, style: Style, text: &str) -> f32 {
        let lines = wrap(text, width, style);
        let leading = line_height(style);
        for (i, line) in lines.iter().enumerate() {
            self.text(x, y + i as f32 * leading, style, Align::Left, line);
        }
        y + lines.len().max(1) as f32 * leading
    }

    /// A QR code of `payload` with its top-left corner at (`x`, `y`), `size` mm square.
    pub fn qr(&mut self, x: f32, y: f32, size: f32, payload: &str) {
        let Ok(code) = qrcode::QrCode::new(payload.as_bytes()) else {
            return;
        };
        let width = code.width();
        let module = size / width as f32;
        let colors = code.to_colors();
        for row in 0..width {
            // One rectangle per run of dark modules keeps the page small.
            let mut col = 0;
            while col < width {
                if colors[row * width + col] == qrcode::Color::Dark {
                    let start = col;
                    while col < width && colors[row * width + col] == qrcode::Color::Dark {
                        col += 1;
                    }
                    self.fill_rect(
                        x + start as f32 * module,
                        y + row as f32 * module,
                        (col - start) as f32 * module,
                        module,
                    );
                } else {
                    col += 1;
                }
            }
        }
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
        let row_height = row_height(style);
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

fn black() -> Color {
    Color::Rgb(Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
        icc_profile: None,
    })
}

/// The height of one table row in `style`.
pub fn row_height(style: Style) -> f32 {
    style.size / PT_PER_MM * 2.0
}

/// The width of `text` in `style`, in mm.
pub fn text_mm(text: &str, style: Style) -> f32 {
    text_width(text, style.size, style.weight) / PT_PER_MM
}

/// From the top of a line of text to its baseline.
pub fn ascent(style: Style) -> f32 {
    style.size / PT_PER_MM * 0.95
}

/// The distance between the baselines of wrapped text.
pub fn line_height(style: Style) -> f32 {
    style.size / PT_PER_MM * 1.45
}

/// How many lines `text` takes when wrapped at `width` mm.
pub fn wrapped_lines(text: &str, width: f32, style: Style) -> usize {
    wrap(text, width, style).len().max(1)
}

/// Breaks text at `width` mm: at any character for Chinese, keeping written line breaks.
fn wrap(text: &str, width: f32, style: Style) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let (mut line, mut used) = (String::new(), 0.0);
        for c in paragraph.chars() {
            let w = char_width(c, style.size, style.weight) / PT_PER_MM;
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// Pages filled from the top down: when a block does not fit, a new page starts with the
/// document's continuation header. Page numbers are added at the end.
pub struct Flow<'a> {
    paper: Paper,
    pages: Vec<Page>,
    /// The y where content stops on every page (above the page number).
    pub bottom: f32,
    pub y: f32,
    continuation: Box<dyn Fn(&mut Page) -> f32 + 'a>,
}

impl<'a> Flow<'a> {
    /// Starts with a first page whose content begins at `y`.
    pub fn new(
        first: Page,
        y: f32,
        bottom: f32,
        continuation: impl Fn(&mut Page) -> f32 + 'a,
    ) -> Flow<'a> {
        Flow {
            paper: first.paper(),
            pages: vec![first],
            bottom,
            y,
            continuation: Box::new(continuation),
        }
    }

    pub fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a flow always has a page")
    }

    /// Makes room for a block of `height` mm, starting a new page when it does not fit;
    /// returns the top of the block.
    pub fn room(&mut self, height: f32) -> f32 {
        if self.y + height > self.bottom {
            self.next_page();
        }
        self.y
    }

    pub fn next_page(&mut self) {
        let mut page = Page::new(self.paper);
        self.y = (self.continuation)(&mut page);
        self.pages.push(page);
    }

    /// A ruled table from here down, as many rows on each page as fit; the header row repeats.
    pub fn table(&mut self, x: f32, columns: &[Column], rows: &[Vec<String>], style: Style) {
        let row = row_height(style);
        let mut rest = rows;
        loop {
            let top = self.room(row * 2.0);
            let fit = (((self.bottom - top) / row).floor() as usize)
                .saturating_sub(1)
                .max(1);
            let (now, later) = rest.split_at(fit.min(rest.len()));
            self.y = self.page().table(x, top, columns, now, style) + 1.5;
            if later.is_empty() {
                break;
            }
            rest = later;
            self.next_page();
        }
    }

    /// The pages with "第 n / m 页" at the foot of each.
    pub fn finish(self) -> Vec<Page> {
        let count = self.pages.len();
        self.pages
            .into_iter()
            .enumerate()
            .map(|(index, mut page)| {
                let paper = page.paper();
                page.text(
                    paper.width / 2.0,
                    paper.height - 5.0,
                    Style::regular(8.0),
                    Align::Center,
                    &format!("第 {} / {count} 页", index + 1),
                );
                page
            })
            .collect()
    }
}
