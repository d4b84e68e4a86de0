//! Tables on A4 under the dealership's header: summaries for the manager, each table with its
//! title, its rows flowing onto more pages with the header row repeated.

use super::layout::{Align, Column, Flow, Page, Paper, Style, ascent, line_height, row_height};
use crate::Result;
use crate::dealership::Dealership;
use crate::report::Table;

const MARGIN: f32 = 15.0;
const WIDTH: f32 = 180.0;

pub fn render(dealership: &Dealership, title: &str, tables: &[Table]) -> Result<Vec<u8>> {
    let body = Style::regular(9.0);
    let bold = Style::bold(10.5);
    let mut first = Page::new(Paper::A4_PORTRAIT);
    let top = super::dealership_header(&mut first, dealership, title);
    let heading = title.to_string();
    let mut flow = Flow::new(first, top, 282.0, move |page: &mut Page| {
        page.text(
            MARGIN,
            20.0,
            Style::bold(11.0),
            Align::Left,
            &format!("{heading}（续）"),
        );
        26.0
    });
    for table in tables {
        let y = flow.room(line_height(bold) + row_height(body) * 3.0) + 2.0;
        flow.page().text(
            MARGIN,
            y + ascent(bold),
            bold,
            Align::Left,
            &table.title.zh_cn,
        );
        flow.y = y + line_height(bold) + 1.0;
        // Numeric columns take less room than text.
        let shares: Vec<f32> = table
            .columns
            .iter()
            .map(|c| if c.numeric { 1.0 } else { 2.0 })
            .collect();
        let total: f32 = shares.iter().sum();
        let columns: Vec<Column> = table
            .columns
            .iter()
            .zip(&shares)
            .map(|(c, share)| {
                let align = if c.numeric { Align::Right } else { Align::Left };
                Column::new(&c.title.zh_cn, WIDTH * share / total, align)
            })
            .collect();
        if table.rows.is_empty() {
            let y = flow.room(line_height(body));
            flow.page()
                .text(MARGIN, y + ascent(body), body, Align::Left, "（无）");
            flow.y = y + line_height(body) + 2.0;
            continue;
        }
        flow.table(MARGIN, &columns, &table.rows, body);
        flow.y += 1.5;
    }
    super::render(title, flow.finish())
}
