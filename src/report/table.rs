//! The rows behind a figure, as a table the dashboard shows and exports to .xlsx.

use serde::Serialize;

use crate::text::text_enum;
use crate::{Error, LocalizedText, Result};

text_enum!(
    /// A figure whose rows can be opened.
    Figure {
        OrdersOpened = "orders_opened",
        OrdersSettled = "orders_settled",
        PromiseLate = "promise_late",
        Reworked = "reworked",
        Washed = "washed",
        FollowupCalls = "followup_calls",
        Complaints = "complaints",
        NoShows = "no_shows",
        BookedArrivals = "booked_arrivals",
        Grades = "grades",
        LostCustomers = "lost_customers",
        KeyCustomers = "key_customers",
    }
);

/// A titled table of text cells; numeric columns hold plain numbers (amounts in yuan).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    pub title: LocalizedText,
    pub columns: Vec<TableColumn>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TableColumn {
    pub title: LocalizedText,
    pub numeric: bool,
}

/// `"中文|English"` as both languages.
fn both(text: &str) -> LocalizedText {
    let (zh, en) = text.split_once('|').unwrap_or((text, text));
    LocalizedText {
        zh_cn: zh.into(),
        en: en.into(),
    }
}

impl Table {
    /// Titles are `"中文|English"`; columns whose title starts with `#` are numeric.
    pub fn new(title: &str, columns: &[&str], rows: Vec<Vec<String>>) -> Table {
        Table {
            title: both(title),
            columns: columns
                .iter()
                .map(|c| TableColumn {
                    title: both(c.trim_start_matches('#')),
                    numeric: c.starts_with('#'),
                })
                .collect(),
            rows,
        }
    }
}

/// Writes each table as a sheet of one workbook (Chinese titles): the header row in bold, columns wide
/// enough for Chinese text, numeric columns as numbers (phones and plates stay text).
pub fn write_xlsx(path: &std::path::Path, tables: &[Table]) -> Result<()> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e));
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for table in tables {
        let sheet = book.add_worksheet();
        // Sheet names are at most 31 characters and may not hold some punctuation.
        let name: String = table
            .title
            .zh_cn
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name).map_err(xlsx)?;
        for (col, column) in table.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, &column.title.zh_cn, &bold)
                .map_err(xlsx)?;
            sheet.set_column_width(col as u16, 16).map_err(xlsx)?;
        }
        for (row, cells) in table.rows.iter().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                let (r, c) = (row as u32 + 1, col as u16);
                let numeric = table.columns.get(col).is_some_and(|c| c.numeric);
                match cell.parse::<f64>() {
                    Ok(number) if numeric => sheet.write_number(r, c, number).map_err(xlsx)?,
                    _ => sheet.write_string(r, c, cell).map_err(xlsx)?,
                };
            }
        }
    }
    book.save(path).map_err(xlsx)?;
    Ok(())
}
