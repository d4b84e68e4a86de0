//! Follow-up calls (跟踪回访): each day's list of work orders settled in the last days whose
//! customer accepts a call (mandatory ones first), the call's script and outcome, the
//! satisfaction scores, and a problem turned into a booking or a complaint in one step.

pub mod store;
pub mod summary;

use serde::{Deserialize, Serialize};

use crate::complaint::ComplaintDraft;
use crate::text::text_enum;
use crate::{Error, Result};

text_enum!(
    FollowupOutcome { Reached = "reached", NotReached = "not_reached", Declined = "declined" }
);

impl FollowupOutcome {
    pub fn label_zh(self) -> &'static str {
        match self {
            FollowupOutcome::Reached => "接通",
            FollowupOutcome::NotReached => "未接通",
            FollowupOutcome::Declined => "客户拒绝",
        }
    }
}

/// What the dealership sets for follow-up calls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct FollowupSettings {
    /// Orders settled this many days back (before today) are called.
    pub window_days: i64,
    /// Tries before a customer not reached leaves the list.
    pub max_attempts: i64,
    /// What the caller says first; {dealership}, {caller}, {customer}, {plate}, {date},
    /// {work} and {minutes} are filled in.
    pub script: String,
    pub minutes: i64,
}

impl Default for FollowupSettings {
    fn default() -> Self {
        FollowupSettings {
            window_days: 3,
            max_attempts: 3,
            script: "您好，请问是{customer}吗？我是{dealership}的回访专员{caller}。您的爱车{plate}于{date}在我店做了{work}，想占用您{minutes}分钟了解一下您对这次服务的意见，现在方便吗？".into(),
            minutes: 3,
        }
    }
}

impl FollowupSettings {
    pub fn validate(&self) -> Result<()> {
        if !(1..=14).contains(&self.window_days) {
            return Err(Error::validation(
                "windowDays",
                "回访天数应在 1 到 14 天之间",
                "Calls go out 1 to 14 days after settlement",
            ));
        }
        if !(1..=10).contains(&self.max_attempts) {
            return Err(Error::validation(
                "maxAttempts",
                "未接通重拨次数应在 1 到 10 次之间",
                "A customer not reached is tried 1 to 10 times",
            ));
        }
        if !(1..=30).contains(&self.minutes) {
            return Err(Error::validation(
                "minutes",
                "回访时长应在 1 到 30 分钟之间",
                "A call takes 1 to 30 minutes",
            ));
        }
        crate::text::note("script", &self.script, 2000, "回访开场白", "call opening")?;
        if self.script.trim().is_empty() {
            return Err(Error::validation(
                "script",
                "请填写回访开场白",
                "Enter the opening of the call",
            ));
        }
        Ok(())
    }
}

/// Satisfaction 1–10 by aspect, and overall.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    pub advisor: Option<i64>,
    pub quality: Option<i64>,
    pub on_time: Option<i64>,
    pub price: Option<i64>,
    pub facility: Option<i64>,
    pub overall: Option<i64>,
}

impl Scores {
    pub fn labelled(&self) -> [(&'static str, &'static str, Option<i64>); 6] {
        [
            ("advisor", "服务顾问", self.advisor),
            ("quality", "维修质量", self.quality),
            ("onTime", "按时交车", self.on_time),
            ("price", "价格", self.price),
            ("facility", "环境设施", self.facility),
            ("overall", "总体满意度", self.overall),
        ]
    }
}

/// One call on a work order and what came of it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowupInput {
    pub order_id: i64,
    pub caller_id: i64,
    pub outcome: FollowupOutcome,
    pub scores: Scores,
    pub remarks: String,
    /// A problem with the car the customer mentioned.
    pub vehicle_problem: String,
    /// The booking made for that problem (the booking dialog made it first).
    pub appointment_id: Option<i64>,
    /// The complaint filed from this call, in the same step.
    pub complaint: Option<ComplaintDraft>,
}

impl FollowupInput {
    pub fn check(&self) -> Result<()> {
        crate::text::note("remarks", &self.remarks, 1000, "回访备注", "remarks")?;
        crate::text::note(
            "vehicleProblem",
            &self.vehicle_problem,
            500,
            "车辆问题",
            "vehicle problem",
        )?;
        if self.outcome != FollowupOutcome::Reached {
            if self.complaint.is_some() || self.scores != Scores::default() {
                return Err(Error::validation(
                    "outcome",
                    "未接通或客户拒绝时不能记录满意度或投诉",
                    "Scores and complaints need the customer reached",
                ));
            }
            return Ok(());
        }
        for (field, label, score) in self.scores.labelled() {
            if score.is_some_and(|s| !(1..=10).contains(&s)) {
                return Err(Error::validation(
                    field,
                    format!("{label}评分应为 1 到 10 分"),
                    format!("Scores are 1 to 10 ({field})"),
                ));
            }
        }
        if self.scores.overall.is_none() {
            return Err(Error::validation(
                "overall",
                "请记录客户的总体满意度（1–10 分）",
                "Record the overall satisfaction (1–10)",
            ));
        }
        if self.appointment_id.is_some() && self.vehicle_problem.trim().is_empty() {
            return Err(Error::validation(
                "vehicleProblem",
                "请写明客户反映的车辆问题",
                "Describe the problem the customer mentioned",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reached() -> FollowupInput {
        FollowupInput {
            order_id: 1,
            caller_id: 1,
            outcome: FollowupOutcome::Reached,
            scores: Scores {
                overall: Some(9),
                ..Scores::default()
            },
            remarks: String::new(),
            vehicle_problem: String::new(),
            appointment_id: None,
            complaint: None,
        }
    }

    #[test]
    fn a_reached_call_needs_the_overall_score_and_scores_stay_1_to_10() {
        assert!(reached().check().is_ok());
        let mut call = reached();
        call.scores.overall = None;
        assert_eq!(call.check().unwrap_err().field(), Some("overall"));
        call.scores.overall = Some(8);
        call.scores.price = Some(11);
        assert_eq!(call.check().unwrap_err().field(), Some("price"));
        call.scores.price = Some(0);
        assert_eq!(call.check().unwrap_err().field(), Some("price"));
    }

    #[test]
    fn a_call_not_reached_carries_no_scores() {
        let mut call = reached();
        call.outcome = FollowupOutcome::NotReached;
        assert_eq!(call.check().unwrap_err().field(), Some("outcome"));
        call.scores = Scores::default();
        assert!(call.check().is_ok());
    }
}
