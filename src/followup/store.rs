//! The SQL of follow-up calls: the day's list, the calls, the summary.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

use super::{FollowupInput, FollowupOutcome, FollowupSettings, Scores};
use crate::complaint::Source;
use crate::settlement::{FollowupMethod, FollowupTime};
use crate::{Error, Result, Store};

const SETTINGS: &str = "followup.settings";

pub async fn settings(store: &Store) -> Result<FollowupSettings> {
    crate::dealership::store::setting(store, SETTINGS).await
}

pub async fn save_settings(store: &Store, input: &FollowupSettings) -> Result<()> {
    input.validate()?;
    crate::dealership::store::save_setting(store, SETTINGS, input).await
}

/// Midnight at the start of `day` in the dealership's time zone.
fn start_of(day: NaiveDate, tz: chrono_tz::Tz) -> DateTime<Utc> {
    crate::appointment::local(day, chrono::NaiveTime::MIN, tz)
}

/// A work order to call today.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DueCall {
    pub order_id: i64,
    pub number: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub vehicle_id: i64,
    pub plate: String,
    pub advisor_name: String,
    pub settled_at: DateTime<Utc>,
    /// Mandatory follow-up (a repair), called first.
    pub required: bool,
    pub method: Option<FollowupMethod>,
    pub phone: String,
    pub time: Option<FollowupTime>,
    /// The labour done, for the script.
    pub work: String,
    pub attempts: i64,
}

/// Orders settled in the window before `day` whose customer accepts a call, not yet reached,
/// declined or tried the most times; mandatory ones first.
pub async fn due(store: &Store, day: NaiveDate) -> Result<Vec<DueCall>> {
    let settings = settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let (from, to) = (
        start_of(day - Duration::days(settings.window_days), tz),
        start_of(day, tz),
    );
    let rows = sqlx::query!(
        r#"SELECT w.id, w.number, w.customer_id, c.name AS customer_name, w.vehicle_id, v.plate,
               s.name AS advisor_name, w.settled_at AS "settled_at!: DateTime<Utc>",
               w.followup_required, w.followup_method, w.followup_phone, w.followup_time,
               COALESCE((SELECT group_concat(name, '、') FROM work_order_line l
                   WHERE l.work_order_id = w.id AND l.kind = 'labour'), '检查') AS "work!: String",
               (SELECT COUNT(*) FROM followup_call f WHERE f.work_order_id = w.id) AS "attempts!: i64"
           FROM work_order w
           JOIN customer c ON c.id = w.customer_id
           JOIN vehicle v ON v.id = w.vehicle_id
           JOIN staff s ON s.id = w.advisor_id
           WHERE w.settled_at >= ?1 AND w.settled_at < ?2 AND w.followup_consent
             AND w.status IN ('settled', 'exited')
             AND NOT EXISTS (SELECT 1 FROM followup_call f WHERE f.work_order_id = w.id
                             AND f.outcome IN ('reached', 'declined'))
             AND (SELECT COUNT(*) FROM followup_call f WHERE f.work_order_id = w.id) < ?3
           ORDER BY w.followup_required DESC, w.settled_at"#,
        from,
        to,
        settings.max_attempts
    )
    .fetch_all(store.reader())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(DueCall {
                order_id: r.id,
                number: r.number,
                customer_id: r.customer_id,
                customer_name: r.customer_name,
                vehicle_id: r.vehicle_id,
                plate: r.plate,
                advisor_name: r.advisor_name,
                settled_at: r.settled_at,
                required: r.followup_required,
                method: r
                    .followup_method
                    .as_deref()
                    .map(FollowupMethod::parse)
                    .transpose()?,
                phone: r.followup_phone,
                time: r
                    .followup_time
                    .as_deref()
                    .map(FollowupTime::parse)
                    .transpose()?,
                work: r.work,
                attempts: r.attempts,
            })
        })
        .collect()
}

/// Records a call; a complaint asked for is filed in the same step and linked. The call goes
/// on the customer's file.
pub async fn record(store: &Store, input: &FollowupInput, now: DateTime<Utc>) -> Result<i64> {
    input.check()?;
    let order = sqlx::query!(
        r#"SELECT w.status, w.number, w.customer_id, w.vehicle_id, w.followup_consent AS "consent: bool"
           FROM work_order w WHERE w.id = ?1"#,
        input.order_id
    )
    .fetch_optional(store.reader())
    .await?
    .ok_or(Error::NotFound {
        what_zh: "工单",
        what_en: "Work order",
    })?;
    if !matches!(order.status.as_str(), "settled" | "exited") {
        return Err(Error::conflict(
            "工单结算后才回访",
            "Follow-up calls come after settlement",
        ));
    }
    let caller = crate::staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| s.id == input.caller_id)
        .map(|s| s.name)
        .ok_or_else(|| Error::validation("callerId", "请选择回访人", "Choose who called"))?;
    let mut tx = store.write_tx().await?;
    let complaint_id = match &input.complaint {
        Some(draft) => {
            let draft = crate::complaint::ComplaintDraft {
                source: Source::Followup,
                customer_id: order.customer_id,
                vehicle_id: Some(order.vehicle_id),
                work_order_id: Some(input.order_id),
                actor_id: Some(input.caller_id),
                ..draft.clone()
            };
            Some(crate::complaint::store::file_in(&mut tx, store, &draft, now).await?)
        }
        None => None,
    };
    let outcome = input.outcome.as_str();
    let s = &input.scores;
    let (remarks, problem) = (input.remarks.trim(), input.vehicle_problem.trim());
    let id = sqlx::query_scalar!(
        r#"INSERT INTO followup_call (work_order_id, at, caller_id, outcome, advisor_score, quality_score,
               on_time_score, price_score, facility_score, overall_score, remarks, vehicle_problem,
               appointment_id, complaint_id)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING id AS "id!""#,
        input.order_id,
        now,
        input.caller_id,
        outcome,
        s.advisor,
        s.quality,
        s.on_time,
        s.price,
        s.facility,
        s.overall,
        remarks,
        problem,
        input.appointment_id,
        complaint_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let subject = format!("回访 {}", order.number);
    let said = match (input.outcome, s.overall) {
        (FollowupOutcome::Reached, Some(overall)) => {
            format!("已接通，总体满意度 {overall} 分 {remarks}")
        }
        (FollowupOutcome::NotReached, _) => "未接通".into(),
        _ => "客户拒绝回访".into(),
    };
    sqlx::query!(
        "INSERT INTO contact_entry (customer_id, at, channel, staff_name, subject, outcome)
         VALUES (?1, ?2, 'call', ?3, ?4, ?5)",
        order.customer_id,
        now,
        caller,
        subject,
        said
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// One call as the order's history and the summary show it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FollowupLine {
    pub id: i64,
    pub order_id: i64,
    pub number: String,
    pub advisor_name: String,
    pub at: DateTime<Utc>,
    pub caller_name: String,
    pub outcome: FollowupOutcome,
    pub scores: Scores,
    pub remarks: String,
    pub vehicle_problem: String,
    pub appointment_id: Option<i64>,
    pub complaint_id: Option<i64>,
}

/// Calls made between `from` and `to` (dealership days, both included), or on one order.
pub async fn calls(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    order_id: Option<i64>,
) -> Result<Vec<FollowupLine>> {
    crate::report::check_period(from, to)?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let (start, end) = (start_of(from, tz), start_of(to + Duration::days(1), tz));
    let rows = sqlx::query!(
        r#"SELECT f.id, f.work_order_id, w.number, a.name AS advisor_name, f.at AS "at: DateTime<Utc>",
               s.name AS caller_name, f.outcome, f.advisor_score, f.quality_score, f.on_time_score,
               f.price_score, f.facility_score, f.overall_score, f.remarks, f.vehicle_problem,
               f.appointment_id, f.complaint_id
           FROM followup_call f JOIN work_order w ON w.id = f.work_order_id
           JOIN staff a ON a.id = w.advisor_id JOIN staff s ON s.id = f.caller_id
           WHERE (?3 IS NULL AND f.at >= ?1 AND f.at < ?2) OR f.work_order_id = ?3
           ORDER BY f.at"#,
        start,
        end,
        order_id
    )
    .fetch_all(store.reader())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(FollowupLine {
                id: r.id,
                order_id: r.work_order_id,
                number: r.number,
                advisor_name: r.advisor_name,
                at: r.at,
                caller_name: r.caller_name,
                outcome: FollowupOutcome::parse(&r.outcome)?,
                scores: Scores {
                    advisor: r.advisor_score,
                    quality: r.quality_score,
                    on_time: r.on_time_score,
                    price: r.price_score,
                    facility: r.facility_score,
                    overall: r.overall_score,
                },
                remarks: r.remarks,
                vehicle_problem: r.vehicle_problem,
                appointment_id: r.appointment_id,
                complaint_id: r.complaint_id,
            })
        })
        .collect()
}
