//! Complaints (投诉): numbered `YYMM-NNN` by the month received, with an owner, a first
//! answer due within hours and a written finding within days (settings); overdue ones are
//! escalated to the service manager. Open → acknowledged → investigating → resolved → closed;
//! closing needs the call asking whether the customer is satisfied. A car back with the same
//! kind of complaint within 30 days is flagged as a comeback (返修).

pub mod store;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::text::text_enum;
use crate::{Error, Result};

text_enum!(
    ComplaintStatus {
        Open = "open",
        Acknowledged = "acknowledged",
        Investigating = "investigating",
        Resolved = "resolved",
        Closed = "closed",
    }
);
text_enum!(
    /// How the complaint reached the dealership.
    Source { Phone = "phone", Letter = "letter", Email = "email", Visit = "visit", Followup = "followup" }
);
text_enum!(
    Category {
        WorkQuality = "work_quality",
        Service = "service",
        Price = "price",
        Parts = "parts",
        WaitingTime = "waiting_time",
        Other = "other",
    }
);
text_enum!(
    /// A step on a complaint.
    ComplaintAction {
        File = "file",
        Acknowledge = "acknowledge",
        Investigate = "investigate",
        Resolve = "resolve",
        Close = "close",
    }
);

impl ComplaintStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            ComplaintStatus::Open => "待响应",
            ComplaintStatus::Acknowledged => "已响应",
            ComplaintStatus::Investigating => "调查中",
            ComplaintStatus::Resolved => "已解决",
            ComplaintStatus::Closed => "已关闭",
        }
    }
}

impl Source {
    pub fn label_zh(self) -> &'static str {
        match self {
            Source::Phone => "电话",
            Source::Letter => "信函",
            Source::Email => "电子邮件",
            Source::Visit => "来店",
            Source::Followup => "回访",
        }
    }
}

impl Category {
    pub fn label_zh(self) -> &'static str {
        match self {
            Category::WorkQuality => "维修质量",
            Category::Service => "服务态度",
            Category::Price => "价格",
            Category::Parts => "配件",
            Category::WaitingTime => "等待时间",
            Category::Other => "其他",
        }
    }
}

/// Where each step leads; the rest is refused with the reason.
pub fn transition(from: ComplaintStatus, action: ComplaintAction) -> Result<ComplaintStatus> {
    use ComplaintAction as A;
    use ComplaintStatus::*;
    match (from, action) {
        (Open, A::Acknowledge) => Ok(Acknowledged),
        (Open | Acknowledged, A::Investigate) => Ok(Investigating),
        (Acknowledged | Investigating, A::Resolve) => Ok(Resolved),
        (Resolved, A::Close) => Ok(Closed),
        _ => Err(Error::InvalidTransition {
            zh: format!("投诉{}，不能进行这一步", from.label_zh()),
            en: format!(
                "The complaint is {}; that step is not possible",
                from.as_str()
            ),
        }),
    }
}

/// What the dealership sets: how soon the first answer and the written finding are due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct ComplaintSettings {
    pub respond_hours: i64,
    pub finding_days: i64,
}

impl Default for ComplaintSettings {
    fn default() -> Self {
        ComplaintSettings {
            respond_hours: 24,
            finding_days: 3,
        }
    }
}

impl ComplaintSettings {
    pub fn validate(&self) -> Result<()> {
        if !(1..=168).contains(&self.respond_hours) {
            return Err(Error::validation(
                "respondHours",
                "首次响应时限应在 1 到 168 小时之间",
                "The first answer is due within 1 to 168 hours",
            ));
        }
        if !(1..=30).contains(&self.finding_days) {
            return Err(Error::validation(
                "findingDays",
                "书面结论时限应在 1 到 30 天之间",
                "The written finding is due within 1 to 30 days",
            ));
        }
        Ok(())
    }

    /// When the first answer and the written finding are due for a complaint received `at`.
    pub fn deadlines(&self, at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            at + Duration::hours(self.respond_hours),
            at + Duration::days(self.finding_days),
        )
    }
}

/// A complaint as taken down.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintDraft {
    pub source: Source,
    pub category: Category,
    pub customer_id: i64,
    pub vehicle_id: Option<i64>,
    pub work_order_id: Option<i64>,
    pub description: String,
    pub owner_id: i64,
    pub actor_id: Option<i64>,
}

impl ComplaintDraft {
    pub fn check(&self) -> Result<()> {
        crate::text::printed_note(
            "description",
            &self.description,
            2000,
            "投诉内容",
            "complaint",
        )?;
        if self.description.trim().is_empty() {
            return Err(Error::validation(
                "description",
                "请填写投诉内容",
                "Describe the complaint",
            ));
        }
        Ok(())
    }
}

/// A step with what it needs: the answer given, the finding and the resolution, or whether the
/// customer was satisfied on the closing call.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintStep {
    pub complaint_id: i64,
    pub revision: i64,
    pub action: ComplaintAction,
    pub note: String,
    pub finding: String,
    pub resolution: String,
    pub customer_satisfied: Option<bool>,
    pub actor_id: Option<i64>,
}

impl ComplaintStep {
    pub fn check(&self) -> Result<()> {
        let missing = |field, zh: &str, en: &str| Err(Error::validation(field, zh, en));
        crate::text::printed_note("note", &self.note, 2000, "处理记录", "note")?;
        crate::text::printed_note("finding", &self.finding, 2000, "调查结论", "finding")?;
        crate::text::printed_note(
            "resolution",
            &self.resolution,
            2000,
            "处理结果",
            "resolution",
        )?;
        match self.action {
            ComplaintAction::Acknowledge if self.note.trim().is_empty() => missing(
                "note",
                "请记录给客户的首次答复",
                "Record the first answer given to the customer",
            ),
            ComplaintAction::Resolve if self.finding.trim().is_empty() => {
                missing("finding", "请填写书面调查结论", "Enter the written finding")
            }
            ComplaintAction::Resolve if self.resolution.trim().is_empty() => {
                missing("resolution", "请填写处理结果", "Enter how it was resolved")
            }
            ComplaintAction::Close if self.customer_satisfied.is_none() => missing(
                "customerSatisfied",
                "关闭前须回访客户，并记录客户是否满意",
                "Call the customer before closing and record whether they are satisfied",
            ),
            ComplaintAction::Close if self.note.trim().is_empty() => missing(
                "note",
                "请记录回访情况",
                "Record what the customer said on the call",
            ),
            ComplaintAction::File => Err(Error::conflict(
                "投诉已登记",
                "The complaint is already filed",
            )),
            _ => Ok(()),
        }
    }
}

/// Why a complaint is on the service manager's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Overdue {
    /// No first answer by its time.
    Response,
    /// No written finding by its time.
    Finding,
}

/// Whether a complaint is overdue now, and for what.
pub fn overdue(
    status: ComplaintStatus,
    responded: bool,
    respond_by: DateTime<Utc>,
    finding_by: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Overdue> {
    use ComplaintStatus::*;
    if matches!(status, Resolved | Closed) {
        return None;
    }
    if !responded && now > respond_by {
        Some(Overdue::Response)
    } else if now > finding_by {
        Some(Overdue::Finding)
    } else {
        None
    }
}

/// 客户抱怨处理表 of a complaint.
pub async fn sheet_pdf(store: &crate::Store, id: i64) -> Result<Vec<u8>> {
    let complaint = store::get(store, id, chrono::Utc::now()).await?;
    let dealership = crate::dealership::store::required(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    crate::print::complaint::render(&dealership, &complaint, tz)
}

/// `YYMM-NNN` from the month and the highest number of that month so far.
pub fn number(month: &str, last: Option<&str>) -> String {
    format!("{month}-{:03}", crate::text::next_in_sequence(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complaint_has_a_length_limit() {
        let draft = ComplaintDraft {
            source: Source::Phone,
            category: Category::Service,
            customer_id: 1,
            vehicle_id: None,
            work_order_id: None,
            description: "等".repeat(5 * 1024 * 1024),
            owner_id: 1,
            actor_id: None,
        };
        assert_eq!(draft.check().unwrap_err().field(), Some("description"));
        let ok = ComplaintDraft {
            description: "等待时间长\n没有人接待".into(),
            ..draft
        };
        assert!(ok.check().is_ok());
    }
    use chrono::TimeZone;

    #[test]
    fn numbers_restart_each_month() {
        assert_eq!(number("2611", None), "2611-001");
        assert_eq!(number("2611", Some("2611-041")), "2611-042");
        assert_eq!(number("2612", None), "2612-001");
    }

    #[test]
    fn only_the_steps_in_order_and_closing_only_once_resolved() {
        use ComplaintAction as A;
        use ComplaintStatus::*;
        assert_eq!(transition(Open, A::Acknowledge).unwrap(), Acknowledged);
        assert_eq!(
            transition(Acknowledged, A::Investigate).unwrap(),
            Investigating
        );
        assert_eq!(transition(Investigating, A::Resolve).unwrap(), Resolved);
        assert_eq!(transition(Resolved, A::Close).unwrap(), Closed);
        assert!(transition(Open, A::Close).is_err());
        assert!(transition(Investigating, A::Close).is_err());
        assert!(transition(Closed, A::Acknowledge).is_err());
    }

    #[test]
    fn overdue_for_the_answer_then_for_the_finding() {
        let at = |d, h| Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap();
        let settings = ComplaintSettings::default();
        let (respond_by, finding_by) = settings.deadlines(at(20, 9));
        assert_eq!(respond_by, at(21, 9));
        assert_eq!(finding_by, at(23, 9));
        let of = |status, responded, now| overdue(status, responded, respond_by, finding_by, now);
        assert_eq!(of(ComplaintStatus::Open, false, at(21, 9)), None);
        assert_eq!(
            of(ComplaintStatus::Open, false, at(21, 10)),
            Some(Overdue::Response)
        );
        assert_eq!(of(ComplaintStatus::Acknowledged, true, at(22, 10)), None);
        assert_eq!(
            of(ComplaintStatus::Investigating, true, at(23, 10)),
            Some(Overdue::Finding)
        );
        assert_eq!(of(ComplaintStatus::Resolved, true, at(25, 10)), None);
    }
}
