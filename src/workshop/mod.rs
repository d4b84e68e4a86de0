//! The workshop (车间): the foreman starts and finishes lines, technicians clock on and off
//! each labour line (actual time beside the hours sold), the foreman reports the car done,
//! final inspection (完工审查) passes it or sends it back for rework, then the wash or the
//! finished-car area.

pub mod board;
pub mod store;

pub use board::{Board, BoardCard, Urgency};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::work_order::WorkOrderFile;
use crate::{Error, Result, Store};

/// What the inspector checks before a car passes (the dealership's 完工审查 list).
pub const QC_CHECKLIST: [&str; 6] = [
    "派工单所列项目全部完成",
    "客户所述故障已排除（必要时路试确认）",
    "机油、冷却液、制动液等液位正常",
    "车身无新增划痕，车内整洁",
    "工具、护具、抹布已从车内取出",
    "旧件已按客户要求处理、包装",
];

/// One ticked item of the final inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QcItem {
    pub item: String,
    pub ok: bool,
}

/// The inspector's verdict: pass with every item ticked, or rework with the reason.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct QcInput {
    pub order_id: i64,
    pub inspector_id: i64,
    pub checklist: Vec<QcItem>,
    pub passed: bool,
    pub reason: String,
}

impl QcInput {
    pub fn check(&self) -> Result<()> {
        crate::text::note("reason", &self.reason, 500, "返工原因", "rework reason")?;
        for item in &self.checklist {
            crate::text::line("checklist", &item.item, 60, "检查项", "checklist item")?;
        }
        if self.passed {
            if let Some(item) = self.checklist.iter().find(|i| !i.ok) {
                return Err(Error::validation(
                    "checklist",
                    format!("未通过的检查项：{}；请返工或先处理", item.item),
                    format!(
                        "Not passed: {}; send it back for rework or fix it first",
                        item.item
                    ),
                ));
            }
            if self.checklist.len() < QC_CHECKLIST.len() {
                return Err(Error::validation(
                    "checklist",
                    "请逐项完成检查",
                    "Go through every item of the checklist",
                ));
            }
        } else if self.reason.trim().is_empty() {
            return Err(Error::validation(
                "reason",
                "请填写返工原因",
                "Enter why the car goes back for rework",
            ));
        }
        Ok(())
    }
}

/// A labour line as the foreman and the board see it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkshopLine {
    pub line_id: i64,
    pub name: String,
    pub technician_name: String,
    /// Hours sold × 100.
    pub sold_hundredths: i64,
    /// Minutes the technicians clocked on this line.
    pub actual_minutes: i64,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Technicians on this line right now.
    pub clocked_on: Vec<String>,
}

/// Minutes between clock-on and clock-off (or now, while still on).
pub fn clocked_minutes(
    spans: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
    now: DateTime<Utc>,
) -> i64 {
    spans
        .iter()
        .map(|(on, off)| (off.unwrap_or(now) - *on).num_minutes().max(0))
        .sum()
}

pub async fn start_line(
    store: &Store,
    line_id: i64,
    actor_id: Option<i64>,
) -> Result<Vec<WorkshopLine>> {
    let order = store::start_line(store, line_id, actor_id, Utc::now()).await?;
    store::lines(store, order, Utc::now()).await
}

pub async fn finish_line(
    store: &Store,
    line_id: i64,
    actor_id: Option<i64>,
) -> Result<Vec<WorkshopLine>> {
    let order = store::finish_line(store, line_id, actor_id, Utc::now()).await?;
    store::lines(store, order, Utc::now()).await
}

pub async fn clock_on(
    store: &Store,
    line_id: i64,
    technician_id: i64,
) -> Result<Vec<WorkshopLine>> {
    let order = store::clock_on(store, line_id, technician_id, Utc::now()).await?;
    store::lines(store, order, Utc::now()).await
}

pub async fn clock_off(
    store: &Store,
    line_id: i64,
    technician_id: i64,
) -> Result<Vec<WorkshopLine>> {
    let order = store::clock_off(store, line_id, technician_id, Utc::now()).await?;
    store::lines(store, order, Utc::now()).await
}

pub async fn report_done(
    store: &Store,
    order_id: i64,
    actor_id: Option<i64>,
) -> Result<WorkOrderFile> {
    store::report_done(store, order_id, actor_id, Utc::now()).await?;
    crate::work_order::store::file(store, order_id).await
}

pub async fn quality_check(store: &Store, input: &QcInput) -> Result<WorkOrderFile> {
    input.check()?;
    store::quality_check(store, input, Utc::now()).await?;
    crate::work_order::store::file(store, input.order_id).await
}

/// After QC: to the wash when the customer wanted it, otherwise parked as ready; and out of
/// the wash as ready.
pub async fn after_qc(
    store: &Store,
    order_id: i64,
    action: crate::work_order::OrderAction,
    actor_id: Option<i64>,
) -> Result<WorkOrderFile> {
    store::after_qc(store, order_id, action, actor_id, Utc::now()).await?;
    crate::work_order::store::file(store, order_id).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn all(ok: bool) -> Vec<QcItem> {
        QC_CHECKLIST
            .iter()
            .map(|item| QcItem {
                item: item.to_string(),
                ok,
            })
            .collect()
    }

    #[test]
    fn a_pass_needs_every_item_and_a_rework_needs_its_reason() {
        let mut input = QcInput {
            order_id: 1,
            inspector_id: 1,
            checklist: all(true),
            passed: true,
            reason: String::new(),
        };
        assert!(input.check().is_ok());
        input.checklist[2].ok = false;
        assert!(input.check().unwrap_err().message_zh().contains("液位"));
        input.checklist.truncate(2);
        input.checklist[1].ok = true;
        assert_eq!(input.check().unwrap_err().field(), Some("checklist"));
        input.passed = false;
        assert_eq!(input.check().unwrap_err().field(), Some("reason"));
        input.reason = "刹车仍有异响".into();
        assert!(input.check().is_ok());
    }

    #[test]
    fn clocked_time_counts_open_spans_until_now() {
        let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap();
        let spans = [(at(1, 0), Some(at(1, 40))), (at(2, 0), None)];
        assert_eq!(clocked_minutes(&spans, at(2, 25)), 65);
    }
}
