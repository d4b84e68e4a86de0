//! The follow-up summary for the general manager (回访汇总): reach rate, satisfaction by
//! aspect and by advisor, and the problems still open — as .xlsx and as an A4 PDF.

use chrono::NaiveDate;

use super::FollowupOutcome;
use super::store::FollowupLine;
use crate::Result;
use crate::report::Table;

/// The summary's tables, from the calls made in the period.
pub fn tables(from: NaiveDate, to: NaiveDate, calls: &[FollowupLine]) -> Vec<Table> {
    let mut orders: Vec<i64> = calls.iter().map(|c| c.order_id).collect();
    orders.sort_unstable();
    orders.dedup();
    let reached: Vec<&FollowupLine> = calls
        .iter()
        .filter(|c| c.outcome == FollowupOutcome::Reached)
        .collect();
    let mean = |pick: &dyn Fn(&FollowupLine) -> Option<i64>, of: &[&FollowupLine]| -> String {
        let scores: Vec<i64> = of.iter().filter_map(|c| pick(c)).collect();
        if scores.is_empty() {
            String::new()
        } else {
            format!(
                "{:.1}",
                scores.iter().sum::<i64>() as f64 / scores.len() as f64
            )
        }
    };
    let percent = |n: usize, d: usize| {
        if d == 0 {
            String::new()
        } else {
            format!("{:.1}", n as f64 * 100.0 / d as f64)
        }
    };
    let mut reached_orders: Vec<i64> = reached.iter().map(|c| c.order_id).collect();
    reached_orders.sort_unstable();
    reached_orders.dedup();
    let overview = Table::new(
        "回访汇总|Follow-up summary",
        &["项目|Item", "#数值|Value"],
        vec![
            vec!["期间".into(), format!("{from} 至 {to}")],
            vec!["拨打工单数".into(), orders.len().to_string()],
            vec!["接通工单数".into(), reached_orders.len().to_string()],
            vec![
                "接通率（%）".into(),
                percent(reached_orders.len(), orders.len()),
            ],
            vec!["服务顾问".into(), mean(&|c| c.scores.advisor, &reached)],
            vec!["维修质量".into(), mean(&|c| c.scores.quality, &reached)],
            vec!["按时交车".into(), mean(&|c| c.scores.on_time, &reached)],
            vec!["价格".into(), mean(&|c| c.scores.price, &reached)],
            vec!["环境设施".into(), mean(&|c| c.scores.facility, &reached)],
            vec!["总体满意度".into(), mean(&|c| c.scores.overall, &reached)],
        ],
    );
    let mut advisors: Vec<&str> = reached.iter().map(|c| c.advisor_name.as_str()).collect();
    advisors.sort_unstable();
    advisors.dedup();
    let by_advisor = Table::new(
        "按服务顾问|By advisor",
        &[
            "服务顾问|Advisor",
            "#接通次数|Reached",
            "#服务顾问评分|Advisor score",
            "#总体满意度|Overall",
        ],
        advisors
            .iter()
            .map(|name| {
                let mine: Vec<&FollowupLine> = reached
                    .iter()
                    .copied()
                    .filter(|c| c.advisor_name == *name)
                    .collect();
                vec![
                    name.to_string(),
                    mine.len().to_string(),
                    mean(&|c| c.scores.advisor, &mine),
                    mean(&|c| c.scores.overall, &mine),
                ]
            })
            .collect(),
    );
    let open = Table::new(
        "待处理问题|Open problems",
        &[
            "工单号|Work order",
            "回访时间|Called",
            "客户反映|Said",
            "已预约|Booked",
            "已转投诉|Complaint",
        ],
        calls
            .iter()
            .filter(|c| {
                !c.vehicle_problem.is_empty()
                    || c.complaint_id.is_some()
                    || c.scores.overall.is_some_and(|s| s <= 6)
            })
            .map(|c| {
                vec![
                    c.number.clone(),
                    c.at.format("%Y-%m-%d").to_string(),
                    [c.vehicle_problem.as_str(), c.remarks.as_str()]
                        .iter()
                        .filter(|t| !t.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join("；"),
                    if c.appointment_id.is_some() {
                        "是"
                    } else {
                        ""
                    }
                    .into(),
                    if c.complaint_id.is_some() { "是" } else { "" }.into(),
                ]
            })
            .collect(),
    );
    vec![overview, by_advisor, open]
}

pub async fn xlsx(
    store: &crate::Store,
    from: NaiveDate,
    to: NaiveDate,
    path: &std::path::Path,
) -> Result<()> {
    let calls = super::store::calls(store, from, to, None).await?;
    crate::report::table::write_xlsx(path, &tables(from, to, &calls))
}

pub async fn pdf(store: &crate::Store, from: NaiveDate, to: NaiveDate) -> Result<Vec<u8>> {
    let calls = super::store::calls(store, from, to, None).await?;
    let dealership = crate::dealership::store::required(store).await?;
    crate::print::tables::render(&dealership, "回访汇总报告", &tables(from, to, &calls))
}
