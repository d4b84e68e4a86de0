//! Importing customer lists from Excel (.xlsx) and CSV: headers recognised in Chinese and
//! English, cells read the way Excel writes them, every rejected row reported by number.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{CustomerInput, CustomerKind, Gender, Notes};
use crate::vehicle::VehicleInput;
use crate::{Error, Result};

/// A column the import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Name,
    Gender,
    Mobile,
    Phone,
    Plate,
    Vin,
    Brand,
    Model,
    Birthday,
    Address,
    Company,
    Notes,
}

/// Header spellings seen in dealers' spreadsheets, compared without spaces and case.
const HEADERS: [(Column, &[&str]); 12] = [
    (
        Column::Name,
        &["姓名", "客户名称", "客户姓名", "客户", "name", "customer"],
    ),
    (Column::Gender, &["性别", "gender", "sex"]),
    (
        Column::Mobile,
        &[
            "手机",
            "手机号",
            "手机号码",
            "移动电话",
            "mobile",
            "cellphone",
        ],
    ),
    (
        Column::Phone,
        &[
            "电话",
            "联系电话",
            "固定电话",
            "座机",
            "phone",
            "telephone",
            "tel",
        ],
    ),
    (
        Column::Plate,
        &[
            "车牌",
            "车牌号",
            "车牌号码",
            "plate",
            "platenumber",
            "licenseplate",
        ],
    ),
    (
        Column::Vin,
        &["vin", "车架号", "车辆识别代号", "车辆识别号", "底盘号"],
    ),
    (Column::Brand, &["品牌", "brand", "make"]),
    (Column::Model, &["车型", "车型名称", "model"]),
    (
        Column::Birthday,
        &["生日", "出生日期", "birthday", "dateofbirth"],
    ),
    (Column::Address, &["地址", "联系地址", "住址", "address"]),
    (
        Column::Company,
        &["单位", "工作单位", "公司", "company", "employer"],
    ),
    (Column::Notes, &["备注", "notes", "remark", "remarks"]),
];

/// One cell as the import reads it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// A spreadsheet: the header row and the data rows (row numbers as the user sees them).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Reads the first sheet of an .xlsx/.xls/.ods file, or a CSV file (UTF-8 with or without BOM,
/// or GBK).
pub fn read_sheet(path: &Path) -> Result<Sheet> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let table: Vec<Vec<Cell>> = if extension == "csv" {
        let text = csv_text(&std::fs::read(path).map_err(file_error)?)?;
        if let Some(line) = unclosed_quote(&text) {
            return Err(Error::validation(
                "file",
                format!(
                    "文件第 {line} 行有一个引号（\"）没有结束，之后的内容都会被读成一个单元格：请在该行补上或删去引号"
                ),
                format!(
                    "The quote (\") opened on line {line} of the file is never closed, so the rest of the file would read as one cell: close or remove it on that line"
                ),
            ));
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|record| Ok(record.map_err(file_error)?.iter().map(text_cell).collect()))
            .collect::<Result<_>>()?
    } else {
        let mut workbook = calamine::open_workbook_auto(path).map_err(file_error)?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| file_error("the workbook has no sheet"))?
            .map_err(file_error)?;
        range
            .rows()
            .map(|row| row.iter().map(excel_cell).collect())
            .collect()
    };
    let mut rows = table
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (i + 1, cells));
    let headers = rows
        .next()
        .map(|(_, cells)| cells.iter().map(cell_text).collect())
        .ok_or_else(|| {
            Error::validation(
                "file",
                "文件是空的，没有表头",
                "The file is empty: no header row",
            )
        })?;
    let rows = rows
        .filter(|(_, cells)| cells.iter().any(|c| *c != Cell::Empty))
        .collect();
    Ok(Sheet { headers, rows })
}

/// The text of a CSV file: UTF-8 (with or without BOM), or else GBK, as Excel's
/// "CSV (逗号分隔)" writes it on Chinese Windows; refused when it is neither.
pub fn csv_text(bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    encoding_rs::GBK
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| {
            Error::validation(
                "file",
                "无法识别文件的文字编码（既不是 UTF-8，也不是 GBK）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入",
                "Cannot tell the file's text encoding (it is neither UTF-8 nor GBK): save it from Excel as “CSV UTF-8 (Comma delimited)” and import that",
            )
        })
}

/// The line on which a quoted CSV cell opens and never closes, as the CSV reader would read
/// it (a quote opens a cell only at its start; `""` inside is a quote).
fn unclosed_quote(text: &str) -> Option<usize> {
    let (mut line, mut opened, mut quoted, mut at_start) = (1, 0, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => quoted = false,
                '\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_start => (quoted, opened, at_start) = (true, line, false),
            ',' => at_start = true,
            '\n' => (line, at_start) = (line + 1, true),
            '\r' => {}
            _ => at_start = false,
        }
    }
    quoted.then_some(opened)
}

fn file_error(err: impl std::fmt::Display) -> Error {
    Error::validation(
        "file",
        format!("无法读取文件：{err}"),
        format!("Cannot read the file: {err}"),
    )
}

fn text_cell(s: &str) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn excel_cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text_cell(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| Cell::Date(d.date()))
            .unwrap_or(Cell::Empty),
    }
}

/// A cell as text: whole numbers without `.0` (phones typed as numbers), full-width digits
/// and letters made ASCII, surrounding spaces dropped.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Text(s) => s
            .chars()
            .map(crate::text::half_width)
            .collect::<String>()
            .trim()
            .to_string(),
    }
}

/// A date as Excel or a person writes it: a real date cell, an Excel serial number,
/// `2026-11-22`, `2026/11/22`, `2026.11.22` or `2026年11月22日`.
pub fn cell_date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        // Excel's day 1 is 1900-01-01, counted with its 1900 leap-year bug.
        Cell::Number(n) if *n > 59.0 && *n < 2_958_466.0 => {
            NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(*n as u64))
        }
        Cell::Text(_) => {
            let text = cell_text(cell)
                .replace(['年', '月', '/', '.'], "-")
                .replace('日', "");
            NaiveDate::parse_from_str(text.trim_end_matches('-'), "%Y-%m-%d").ok()
        }
        _ => None,
    }
}

/// Which column each header means, by position; unknown headers map to nothing.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Column>> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|header| {
            let key: String = header
                .chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*'))
                .flat_map(char::to_lowercase)
                .collect();
            let column = HEADERS
                .iter()
                .find(|(_, names)| names.contains(&key.as_str()))
                .map(|(c, _)| *c);
            match column {
                Some(c) if !used.contains(&c) => {
                    used.push(c);
                    Some(c)
                }
                _ => None,
            }
        })
        .collect()
}

/// What the import dialog shows before anything is imported: the headers, the guessed
/// mapping the user may correct, and the first rows as text.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub headers: Vec<String>,
    pub mapping: Vec<Option<Column>>,
    pub sample: Vec<Vec<String>>,
    /// Data rows in the file (blank rows not counted).
    pub rows: u32,
}

/// Reads the file and guesses its mapping.
pub fn preview(path: &Path) -> Result<ImportPreview> {
    const SAMPLE_ROWS: usize = 5;
    let sheet = read_sheet(path)?;
    let sample = sheet
        .rows
        .iter()
        .take(SAMPLE_ROWS)
        .map(|(_, cells)| cells.iter().map(cell_text).collect())
        .collect();
    Ok(ImportPreview {
        mapping: guess_mapping(&sheet.headers),
        sample,
        rows: sheet.rows.len() as u32,
        headers: sheet.headers,
    })
}

/// One row turned into the forms the desk would have filled in. The customer is checked by
/// the caller (it needs today's date); the vehicle is present when the row has a plate.
#[derive(Debug, Clone)]
pub struct RowDraft {
    pub row: usize,
    pub customer: CustomerInput,
    pub vehicle: Option<VehicleInput>,
}

/// Builds the drafts; a row whose cells cannot even be read (a date nobody can parse) is
/// refused here with its field.
pub fn draft_row(row: usize, cells: &[Cell], mapping: &[Option<Column>]) -> Result<RowDraft> {
    let get = |column: Column| -> Option<&Cell> {
        mapping
            .iter()
            .position(|m| *m == Some(column))
            .and_then(|i| cells.get(i))
            .filter(|c| **c != Cell::Empty)
    };
    let text = |column: Column| get(column).map(cell_text).unwrap_or_default();
    let birthday = match get(Column::Birthday) {
        None => String::new(),
        Some(cell) => cell_date(cell).map(|d| d.to_string()).ok_or_else(|| {
            let shown = cell_text(cell);
            Error::validation(
                "birthday",
                format!("无法识别的日期“{shown}”"),
                format!("Cannot read the date “{shown}”"),
            )
        })?,
    };
    let gender = match text(Column::Gender).as_str() {
        "" => None,
        "男" | "男士" | "先生" | "m" | "M" | "male" | "Male" => Some(Gender::Male),
        "女" | "女士" | "f" | "F" | "female" | "Female" => Some(Gender::Female),
        other => {
            return Err(Error::validation(
                "gender",
                format!("性别应为“男”或“女”，不是“{other}”"),
                format!("Gender is 男 or 女 (male/female), not “{other}”"),
            ));
        }
    };
    let name = text(Column::Name);
    let company_like = ["公司", "集团", "有限", "厂", "局", "院", "中心"]
        .iter()
        .any(|w| name.contains(w));
    let (mobile, phone) = (text(Column::Mobile), text(Column::Phone));
    // A number in the "phone" column that is a mobile is used as the mobile.
    let (mobile, other) = if mobile.is_empty() && phone.trim_start_matches("+86").starts_with('1') {
        (phone, String::new())
    } else {
        (mobile, phone)
    };
    let customer = CustomerInput {
        kind: if company_like {
            CustomerKind::Company
        } else {
            CustomerKind::Person
        },
        gender,
        other_phones: if other.is_empty() {
            Vec::new()
        } else {
            vec![super::OtherPhone {
                number: other,
                label: String::new(),
            }]
        },
        birthday,
        address: text(Column::Address),
        employer: text(Column::Company),
        notes: Notes {
            work: text(Column::Notes),
            ..Notes::default()
        },
        ..CustomerInput::person(&name, &mobile)
    };
    let plate = text(Column::Plate);
    let vin = text(Column::Vin);
    let vehicle = (!plate.is_empty() || !vin.is_empty()).then(|| VehicleInput {
        vin,
        brand: text(Column::Brand),
        model: text(Column::Model),
        ..VehicleInput::new(0, &plate)
    });
    Ok(RowDraft {
        row,
        customer,
        vehicle,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_in_chinese_and_english() {
        let headers: Vec<String> = [
            "客户姓名",
            "手机号",
            "车牌号码",
            "车架号",
            "出生日期",
            "Company",
            " notes ",
            "颜色",
        ]
        .map(String::from)
        .into();
        assert_eq!(
            guess_mapping(&headers),
            vec![
                Some(Column::Name),
                Some(Column::Mobile),
                Some(Column::Plate),
                Some(Column::Vin),
                Some(Column::Birthday),
                Some(Column::Company),
                Some(Column::Notes),
                None
            ]
        );
    }

    #[test]
    fn cells_are_read_as_excel_writes_them() {
        assert_eq!(cell_text(&Cell::Number(13_812_348_000.0)), "13812348000");
        assert_eq!(
            cell_text(&Cell::Text(" １３８１２３４８０００ ".into())),
            "13812348000"
        );
        let day = NaiveDate::from_ymd_opt(2026, 11, 22);
        assert_eq!(cell_date(&Cell::Number(46_348.0)), day);
        for text in [
            "2026-11-22",
            "2026/11/22",
            "2026年11月22日",
            "2026.11.22",
            "２０２６-１１-２２",
        ] {
            assert_eq!(cell_date(&Cell::Text(text.into())), day, "{text}");
        }
        assert_eq!(cell_date(&Cell::Text("下周二".into())), None);
    }

    #[test]
    fn a_row_becomes_the_forms_the_desk_fills_in() {
        let mapping = guess_mapping(&["姓名", "性别", "电话", "车牌", "生日"].map(String::from));
        let cells = [
            Cell::Text("王建国".into()),
            Cell::Text("男".into()),
            Cell::Number(13_812_348_000.0),
            Cell::Text("京A12345".into()),
            Cell::Number(31_114.0),
        ];
        let draft = draft_row(2, &cells, &mapping).unwrap();
        assert_eq!(
            (
                draft.customer.mobile.as_str(),
                draft.customer.birthday.as_str()
            ),
            ("13812348000", "1985-03-08")
        );
        assert_eq!(draft.customer.gender, Some(Gender::Male));
        assert_eq!(draft.vehicle.unwrap().plate, "京A12345");
        let bad = [Cell::Text("王建国".into()), Cell::Text("未知".into())];
        assert_eq!(
            draft_row(3, &bad, &mapping).unwrap_err().field(),
            Some("gender")
        );
    }
}

/// What to do with a row whose mobile, plate or VIN is already on file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Duplicates {
    /// Leave the file as it is and count the row as a duplicate.
    Skip,
    /// Add the row's vehicle to the customer on file and fill the file's empty fields.
    Merge,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    pub dry_run: bool,
    /// Import the valid rows even when some are rejected (the rejected go to a report).
    pub skip_invalid: bool,
    pub duplicates: Duplicates,
    /// Which column each header means; `None` guesses from the headers.
    pub mapping: Option<Vec<Option<Column>>>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    pub row: u32,
    pub field: String,
    pub code: String,
    /// The reason in Chinese; `message_en` in English.
    pub message: String,
    pub message_en: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub accepted: u32,
    pub rejected: Vec<RejectedRow>,
    pub duplicates: u32,
    /// False for a dry run, or when a rejected row stopped the whole file.
    pub imported: bool,
    /// The .xlsx listing the rejected rows with their reasons, whenever rows were rejected.
    pub rejected_report: Option<String>,
}

impl RejectedRow {
    pub fn new(row: usize, err: &Error) -> RejectedRow {
        RejectedRow {
            row: row as u32,
            field: err.field().unwrap_or("").to_string(),
            code: err.code().to_string(),
            message: err.message_zh(),
            message_en: err.message_en(),
        }
    }
}

/// When rows were rejected, writes them to `<file>-未导入.xlsx` beside the imported file, so
/// the user can fix them there and import that file again.
pub fn report_rejected(path: &Path, sheet: &Sheet, report: &mut ImportReport) -> Result<()> {
    if report.rejected.is_empty() {
        return Ok(());
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("import");
    let out = path.with_file_name(format!("{stem}-未导入.xlsx"));
    write_rejected(&out, sheet, &report.rejected)?;
    report.rejected_report = Some(out.display().to_string());
    Ok(())
}

/// The most characters an .xlsx cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most columns an .xlsx sheet holds.
pub const MAX_COLUMNS: usize = 16_384;
/// The most rows an .xlsx sheet holds.
const MAX_ROWS: usize = 1_048_576;

/// A cell the sheet can hold: cut to [`MAX_CELL_CHARS`] with a mark at the end; true when cut.
fn fitted(text: &str) -> (String, bool) {
    const MARK: &str = "…〔已截断 cut〕";
    if text.chars().count() <= MAX_CELL_CHARS {
        return (text.to_string(), false);
    }
    let keep = MAX_CELL_CHARS - MARK.chars().count();
    (text.chars().take(keep).collect::<String>() + MARK, true)
}

/// Writes the rejected rows, with their reasons, as an .xlsx the user can fix and import again.
/// The report is always writable: a cell longer than a sheet cell holds is cut (the row's
/// reason says which), and columns beyond the sheet's last are left out (the reason says so).
pub fn write_rejected(path: &Path, sheet: &Sheet, rejected: &[RejectedRow]) -> Result<()> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    let xlsx = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e));
    // Row number and reason come first; the file's columns follow as far as the sheet goes.
    let room = MAX_COLUMNS - 2;
    page.write_string(0, 0, "行号 Row").map_err(xlsx)?;
    page.write_string(0, 1, "原因 Reason").map_err(xlsx)?;
    for (col, header) in sheet.headers.iter().take(room).enumerate() {
        page.write_string(0, col as u16 + 2, fitted(header).0)
            .map_err(xlsx)?;
    }
    for (index, reject) in rejected.iter().take(MAX_ROWS - 1).enumerate() {
        let line = index as u32 + 1;
        page.write_number(line, 0, reject.row).map_err(xlsx)?;
        let mut notes = Vec::new();
        if let Some((_, cells)) = sheet
            .rows
            .iter()
            .find(|(row, _)| *row == reject.row as usize)
        {
            let mut cut = Vec::new();
            for (col, cell) in cells.iter().take(room).enumerate() {
                let (text, was_cut) = fitted(&cell_text(cell));
                if was_cut {
                    cut.push((col + 1).to_string());
                }
                page.write_string(line, col as u16 + 2, text)
                    .map_err(xlsx)?;
            }
            if !cut.is_empty() {
                notes.push(format!(
                    "第 {} 列过长，已截断到 {MAX_CELL_CHARS} 字 / column {} cut to {MAX_CELL_CHARS} characters",
                    cut.join("、"),
                    cut.join(", ")
                ));
            }
            if cells.len() > room {
                notes.push(format!(
                    "共 {} 列，第 {room} 列之后未列出 / {} columns, those after column {room} left out",
                    cells.len(),
                    cells.len()
                ));
            }
        }
        let mut reason = format!("{} / {}", reject.message, reject.message_en);
        for note in notes {
            reason = format!("〔{note}〕{reason}");
        }
        page.write_string(line, 1, fitted(&reason).0)
            .map_err(xlsx)?;
    }
    book.save(path).map_err(xlsx)
}
