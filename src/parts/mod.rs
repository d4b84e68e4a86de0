//! The catalogues work order lines are written from: labour operations with standard hours,
//! labour rates by who pays, and parts with price and stock (importable from a spreadsheet).

pub mod store;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::customer::import::{Cell, ImportReport, RejectedRow, Sheet, cell_text};
use crate::money::{Amount, format_yuan};
use crate::work_order::PayType;
use crate::{Error, Result, Store};

/// A labour operation (工时项目).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LabourOperation {
    /// None for a new one.
    pub id: Option<i64>,
    pub code: String,
    pub name: String,
    /// Standard hours × 100.
    pub standard_hundredths: i64,
    pub job_kind: JobKind,
}

crate::text::text_enum!(
    /// What kind of job an operation is: a follow-up call is asked after maintenance and
    /// body and paint work, and mandatory after every other job.
    JobKind { Maintenance = "maintenance", BodyPaint = "body_paint", Repair = "repair" }
);

/// The labour rate per hour for one pay type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LabourRate {
    pub pay_type: PayType,
    pub fen_per_hour: i64,
}

/// A part (备件) with its price and the stock on hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub id: Option<i64>,
    pub part_no: String,
    pub name: String,
    pub unit: String,
    pub unit_price_fen: i64,
    /// Quantity on hand × 100.
    pub on_hand_hundredths: i64,
}

/// A code or name of the catalogue: required, at most 60 characters, printable (it prints on
/// work orders and statements).
fn required(field: &'static str, value: &str, zh: &str, en: &str) -> Result<String> {
    let value = crate::text::printed_line(field, value, 60, zh, en)?;
    if value.is_empty() {
        return Err(Error::validation(
            field,
            format!("请填写{zh}"),
            format!("Enter the {en}"),
        ));
    }
    Ok(value)
}

/// Codes and part numbers as the catalogue keeps them: ASCII upper case, no spaces.
fn code_key(value: &str) -> String {
    value
        .chars()
        .map(crate::text::half_width)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

impl LabourOperation {
    pub fn validate(&self) -> Result<LabourOperation> {
        if self.standard_hundredths <= 0 || self.standard_hundredths > 10_000 {
            return Err(Error::validation(
                "standardHundredths",
                "标准工时应在 0.01 到 100 小时之间",
                "Standard hours must be between 0.01 and 100",
            ));
        }
        Ok(LabourOperation {
            id: self.id,
            code: required("code", &code_key(&self.code), "工时代码", "operation code")?,
            name: required("name", &self.name, "工时项目名称", "operation name")?,
            standard_hundredths: self.standard_hundredths,
            job_kind: self.job_kind,
        })
    }
}

impl LabourRate {
    pub fn validate(&self) -> Result<LabourRate> {
        if !(0..=10_000_000).contains(&self.fen_per_hour) {
            return Err(Error::validation(
                "fenPerHour",
                format!(
                    "{}的工时单价应在 0 到 100,000 元之间",
                    self.pay_type.label_zh()
                ),
                "A labour rate must be between 0 and 100,000 yuan",
            ));
        }
        Ok(self.clone())
    }
}

impl Part {
    pub fn validate(&self) -> Result<Part> {
        PRICE.check(self.unit_price_fen, &format_yuan(self.unit_price_fen))?;
        ON_HAND.check(
            self.on_hand_hundredths,
            &crate::work_order::hours_text(self.on_hand_hundredths),
        )?;
        let unit = self.unit.trim();
        Ok(Part {
            id: self.id,
            part_no: required("partNo", &code_key(&self.part_no), "零件号", "part number")?,
            name: required("name", &self.name, "零件名称", "part name")?,
            unit: if unit.is_empty() { "个" } else { unit }.to_string(),
            unit_price_fen: self.unit_price_fen,
            on_hand_hundredths: self.on_hand_hundredths,
        })
    }
}

/// The parts list columns an import understands, by the headers dealers' files use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartColumn {
    PartNo,
    Name,
    Unit,
    Price,
    OnHand,
}

const HEADERS: &[(PartColumn, &[&str])] = &[
    (
        PartColumn::PartNo,
        &[
            "零件号",
            "配件号",
            "件号",
            "零件编号",
            "配件编号",
            "备件号",
            "part no",
            "part number",
        ],
    ),
    (
        PartColumn::Name,
        &[
            "零件名称",
            "配件名称",
            "备件名称",
            "名称",
            "name",
            "description",
        ],
    ),
    (PartColumn::Unit, &["单位", "unit"]),
    (
        PartColumn::Price,
        &[
            "单价",
            "销售价",
            "销售单价",
            "价格",
            "零售价",
            "price",
            "unit price",
        ],
    ),
    (
        PartColumn::OnHand,
        &["库存", "库存数量", "在库数量", "数量", "on hand", "stock"],
    ),
];

fn mapping(headers: &[String]) -> Vec<Option<PartColumn>> {
    headers
        .iter()
        .map(|h| {
            let h = h.trim().to_lowercase();
            HEADERS
                .iter()
                .find(|(_, names)| names.contains(&h.as_str()))
                .map(|(column, _)| *column)
        })
        .collect()
}

/// The unit price a part takes: 0 to 100 million yuan.
pub const PRICE: Amount = Amount {
    field: "unitPriceFen",
    zh: "单价",
    en: "unit price",
    money: true,
    min: 0,
    max: 10_000_000_000,
};

/// The stock a part takes: 0 to 1,000,000 of its unit, in hundredths.
pub const ON_HAND: Amount = Amount {
    field: "onHandHundredths",
    zh: "库存数量",
    en: "quantity on hand",
    money: false,
    min: 0,
    max: 100_000_000,
};

/// A number cell (or text such as `¥1,280.50`) × 100, rounded; an absent cell is 0.
fn hundredths(amount: &Amount, cell: Option<&Cell>) -> Result<i64> {
    match cell {
        None => Ok(0),
        Some(Cell::Number(n)) => amount.hundredths_of(*n, &n.to_string()),
        Some(other) => amount.parse(&cell_text(other)),
    }
}

/// Reads one row of a parts list into a checked part.
fn part_row(cells: &[Cell], columns: &[Option<PartColumn>]) -> Result<Part> {
    let cell = |wanted| {
        columns
            .iter()
            .position(|c| *c == Some(wanted))
            .and_then(|i| cells.get(i))
    };
    let text = |wanted| cell(wanted).map(cell_text).unwrap_or_default();
    let unit_price_fen = hundredths(&PRICE, cell(PartColumn::Price))?;
    let on_hand_hundredths = hundredths(&ON_HAND, cell(PartColumn::OnHand))?;
    Part {
        id: None,
        part_no: text(PartColumn::PartNo),
        name: text(PartColumn::Name),
        unit: text(PartColumn::Unit),
        unit_price_fen,
        on_hand_hundredths,
    }
    .validate()
}

/// Checks every row of a parts list: the good ones as parts, the rest as rejected rows with
/// the field and reason. A part number twice in one file is refused on its second row.
pub fn read_parts(sheet: &Sheet) -> Result<(Vec<Part>, Vec<RejectedRow>)> {
    let columns = mapping(&sheet.headers);
    for (wanted, zh, en) in [
        (PartColumn::PartNo, "零件号", "part number"),
        (PartColumn::Name, "零件名称", "part name"),
        (PartColumn::Price, "单价", "unit price"),
    ] {
        if !columns.contains(&Some(wanted)) {
            return Err(Error::validation(
                "file",
                format!("找不到“{zh}”列：表头应包含 零件号、零件名称、单价（库存、单位可选）"),
                format!(
                    "No {en} column: the header row needs part number, name and unit price (stock and unit optional)"
                ),
            ));
        }
    }
    let (mut parts, mut rejected): (Vec<Part>, Vec<RejectedRow>) = (Vec::new(), Vec::new());
    let mut seen = std::collections::HashMap::new();
    for (row, cells) in &sheet.rows {
        match part_row(cells, &columns) {
            Ok(part) => {
                if let Some(first) = seen.insert(part.part_no.clone(), *row) {
                    let err = Error::validation(
                        "partNo",
                        format!("零件号 {} 在第 {first} 行已出现", part.part_no),
                        format!(
                            "Part number {} already appears on row {first}",
                            part.part_no
                        ),
                    );
                    rejected.push(RejectedRow::new(*row, &err));
                } else {
                    parts.push(part);
                }
            }
            Err(err) => rejected.push(RejectedRow::new(*row, &err)),
        }
    }
    Ok((parts, rejected))
}

/// Imports a parts list: new part numbers are added, known ones get the new name, price and
/// stock. Any rejected row stops the whole file unless `skip_invalid`; a dry run stores
/// nothing. Rejected rows go to an .xlsx report beside the file.
pub async fn import_file(
    store: &Store,
    path: &Path,
    dry_run: bool,
    skip_invalid: bool,
) -> Result<ImportReport> {
    let sheet = crate::customer::import::read_sheet(path)?;
    let (parts, rejected) = read_parts(&sheet)?;
    let imported = !dry_run && (rejected.is_empty() || skip_invalid);
    let mut report = ImportReport {
        accepted: parts.len() as u32,
        rejected,
        duplicates: 0,
        imported,
        rejected_report: None,
    };
    // The report first: when it cannot be written, nothing is stored.
    crate::customer::import::report_rejected(path, &sheet, &mut report)?;
    if imported {
        store::upsert_parts(store, &parts).await?;
    }
    Ok(report)
}

/// The labour rate for a pay type, from the list the dealership set.
pub fn rate_for(rates: &[LabourRate], pay_type: PayType) -> i64 {
    rates
        .iter()
        .find(|r| r.pay_type == pay_type)
        .map(|r| r.fen_per_hour)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(headers: &[&str], rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, cells)| (i + 2, cells))
                .collect(),
        }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn a_parts_list_is_read_with_its_row_report() {
        let sheet = sheet(
            &["配件编号", "配件名称", "销售价", "库存数量", "单位"],
            vec![
                vec![
                    text("ｐｆ-1001 a"),
                    text("机油滤清器"),
                    Cell::Number(48.5),
                    Cell::Number(12.0),
                    text("个"),
                ],
                vec![
                    text("PF-2001"),
                    text("全合成机油 5W-30"),
                    text("¥1,280.50"),
                    Cell::Number(4.5),
                    text("升"),
                ],
                vec![
                    text("PF-3001"),
                    text("刹车片"),
                    text("面议"),
                    Cell::Number(2.0),
                    Cell::Empty,
                ],
                vec![
                    text(""),
                    text("空气滤清器"),
                    Cell::Number(60.0),
                    Cell::Number(1.0),
                    Cell::Empty,
                ],
                vec![
                    text("pf-1001a"),
                    text("机油滤清器（重复）"),
                    Cell::Number(49.0),
                    Cell::Number(1.0),
                    Cell::Empty,
                ],
            ],
        );
        let (parts, rejected) = read_parts(&sheet).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].part_no, "PF-1001A");
        assert_eq!(parts[0].unit_price_fen, 4_850);
        assert_eq!(parts[1].unit_price_fen, 128_050);
        assert_eq!(parts[1].on_hand_hundredths, 450);
        let report: Vec<(u32, &str)> = rejected.iter().map(|r| (r.row, r.field.as_str())).collect();
        assert_eq!(
            report,
            vec![(4, "unitPriceFen"), (5, "partNo"), (6, "partNo")]
        );
        assert!(rejected[0].message.contains("面议"));
        assert!(rejected[2].message.contains("第 2 行"));
    }

    #[test]
    fn not_a_number_prices_and_stocks_are_rejected_not_stored_as_zero() {
        let row = |price: Cell, stock: Cell| vec![text("PF-1"), text("机滤"), price, stock];
        let sheet = sheet(
            &["零件号", "零件名称", "单价", "库存"],
            vec![
                row(text("NaN"), Cell::Number(1.0)),
                row(text("inf"), Cell::Number(1.0)),
                row(text("1e400"), Cell::Number(1.0)),
                row(Cell::Number(f64::NAN), Cell::Number(1.0)),
                row(Cell::Number(1.0), text("1e20")),
                row(Cell::Number(1.0), Cell::Number(f64::INFINITY)),
                row(Cell::Number(48.5), Cell::Empty),
            ],
        );
        let (parts, rejected) = read_parts(&sheet).unwrap();
        let report: Vec<(u32, &str, &str)> = rejected
            .iter()
            .map(|r| (r.row, r.field.as_str(), r.code.as_str()))
            .collect();
        assert_eq!(
            report,
            vec![
                (2, "unitPriceFen", "validation"),
                (3, "unitPriceFen", "validation"),
                (4, "unitPriceFen", "validation"),
                (5, "unitPriceFen", "validation"),
                (6, "onHandHundredths", "validation"),
                (7, "onHandHundredths", "validation"),
            ]
        );
        assert_eq!(
            parts
                .iter()
                .map(|p| (p.unit_price_fen, p.on_hand_hundredths))
                .collect::<Vec<_>>(),
            vec![(4_850, 0)]
        );
    }

    #[test]
    fn a_part_name_the_papers_cannot_print_is_refused_when_imported() {
        let sheet = sheet(
            &["零件号", "零件名称", "单价"],
            vec![
                vec![text("PF-1"), text("机油🛢"), Cell::Number(1.0)],
                vec![
                    text("PF-2"),
                    text("机油\u{200B}\n滤清器"),
                    Cell::Number(1.0),
                ],
            ],
        );
        let (parts, rejected) = read_parts(&sheet).unwrap();
        assert!(parts.is_empty());
        let report: Vec<(u32, &str)> = rejected.iter().map(|r| (r.row, r.field.as_str())).collect();
        assert_eq!(report, vec![(2, "name"), (3, "name")]);
    }

    #[test]
    fn a_list_without_a_price_column_is_refused_whole() {
        let sheet = sheet(&["零件号", "名称"], vec![vec![text("A"), text("B")]]);
        let err = read_parts(&sheet).unwrap_err();
        assert_eq!(err.field(), Some("file"));
        assert!(err.message_zh().contains("单价"));
    }

    #[test]
    fn operations_need_code_name_and_hours() {
        let op = LabourOperation {
            id: None,
            code: " by-01 ".into(),
            name: "更换机油机滤".into(),
            standard_hundredths: 50,
            job_kind: JobKind::Maintenance,
        };
        assert_eq!(op.validate().unwrap().code, "BY-01");
        let no_hours = LabourOperation {
            standard_hundredths: 0,
            ..op.clone()
        };
        assert_eq!(
            no_hours.validate().unwrap_err().field(),
            Some("standardHundredths")
        );
    }
}
