//! The SQL of complaints: numbering, steps with check-and-set and history, the lists.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use sqlx::SqliteConnection;

use super::{
    Category, ComplaintAction, ComplaintDraft, ComplaintSettings, ComplaintStatus, ComplaintStep,
    Overdue, Source, overdue, transition,
};
use crate::{Error, Result, Store};

const SETTINGS: &str = "complaint.settings";

pub async fn settings(store: &Store) -> Result<ComplaintSettings> {
    crate::dealership::store::setting(store, SETTINGS).await
}

pub async fn save_settings(store: &Store, input: &ComplaintSettings) -> Result<()> {
    input.validate()?;
    crate::dealership::store::save_setting(store, SETTINGS, input).await
}

/// A complaint with everything the form and the printed sheet show.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Complaint {
    pub id: i64,
    pub number: String,
    pub status: ComplaintStatus,
    pub source: Source,
    pub category: Category,
    pub customer_id: i64,
    pub customer_name: String,
    pub mobile: String,
    pub vehicle_id: Option<i64>,
    pub plate: String,
    pub work_order_id: Option<i64>,
    pub work_order_number: String,
    pub description: String,
    pub owner_id: i64,
    pub owner_name: String,
    pub received_at: DateTime<Utc>,
    pub respond_by: DateTime<Utc>,
    pub finding_by: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub finding: String,
    pub resolution: String,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closing_call_at: Option<DateTime<Utc>>,
    pub customer_satisfied: Option<bool>,
    pub comeback: bool,
    pub revision: i64,
    pub overdue: Option<Overdue>,
    pub history: Vec<ComplaintHistoryLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintHistoryLine {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub action: ComplaintAction,
    pub to_status: ComplaintStatus,
    pub note: String,
}

/// Files a complaint: its number, deadlines and whether the car is a comeback.
pub async fn file(store: &Store, draft: &ComplaintDraft, now: DateTime<Utc>) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let id = file_in(&mut tx, store, draft, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Files a complaint inside the caller's transaction (the follow-up call files one in its own).
pub(crate) async fn file_in(
    tx: &mut SqliteConnection,
    store: &Store,
    draft: &ComplaintDraft,
    now: DateTime<Utc>,
) -> Result<i64> {
    draft.check()?;
    let settings = settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let month = now.with_timezone(&tz).format("%y%m").to_string();
    let pattern = format!("{month}-%");
    let last = sqlx::query_scalar!(
        "SELECT MAX(number) FROM complaint WHERE number LIKE ?1",
        pattern
    )
    .fetch_one(&mut *tx)
    .await?;
    let number = super::number(&month, last.as_deref());
    let (respond_by, finding_by) = settings.deadlines(now);
    let since = now - Duration::days(30);
    let category = draft.category.as_str();
    let comeback =
        match draft.vehicle_id {
            Some(vehicle) => sqlx::query_scalar!(
                r#"SELECT EXISTS (SELECT 1 FROM complaint WHERE vehicle_id = ?1 AND category = ?2
                   AND received_at >= ?3) AS "x!: bool""#,
                vehicle,
                category,
                since
            )
            .fetch_one(&mut *tx)
            .await?,
            None => false,
        };
    let (source, description) = (draft.source.as_str(), draft.description.trim());
    let id = sqlx::query_scalar!(
        r#"INSERT INTO complaint (number, source, category, customer_id, vehicle_id, work_order_id,
               description, owner_id, received_at, respond_by, finding_by, comeback)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id AS "id!""#,
        number,
        source,
        category,
        draft.customer_id,
        draft.vehicle_id,
        draft.work_order_id,
        description,
        draft.owner_id,
        now,
        respond_by,
        finding_by,
        comeback
    )
    .fetch_one(&mut *tx)
    .await?;
    let note = if comeback {
        "30 天内同类投诉：返修"
    } else {
        ""
    };
    history(
        tx,
        id,
        draft.actor_id,
        ComplaintAction::File,
        None,
        ComplaintStatus::Open,
        note,
        now,
    )
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
async fn history(
    tx: &mut SqliteConnection,
    id: i64,
    actor_id: Option<i64>,
    action: ComplaintAction,
    from: Option<ComplaintStatus>,
    to: ComplaintStatus,
    note: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let (action, from, to) = (action.as_str(), from.map(|f| f.as_str()), to.as_str());
    sqlx::query!(
        "INSERT INTO complaint_history (complaint_id, at, actor_id, action, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        id,
        now,
        actor_id,
        action,
        from,
        to,
        note
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// One step, checked against the status and the revision the form was read at.
pub async fn step(store: &Store, input: &ComplaintStep, now: DateTime<Utc>) -> Result<()> {
    input.check()?;
    let mut tx = store.write_tx().await?;
    let row = sqlx::query!(
        "SELECT status, revision FROM complaint WHERE id = ?1",
        input.complaint_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Error::NotFound {
        what_zh: "投诉",
        what_en: "Complaint",
    })?;
    let from = ComplaintStatus::parse(&row.status)?;
    let to = transition(from, input.action)?;
    let (to_text, from_text) = (to.as_str(), from.as_str());
    let (finding, resolution, note) = (
        input.finding.trim(),
        input.resolution.trim(),
        input.note.trim(),
    );
    let acknowledge = input.action == ComplaintAction::Acknowledge
        || (input.action == ComplaintAction::Investigate && from == ComplaintStatus::Open);
    let resolve = input.action == ComplaintAction::Resolve;
    let close = input.action == ComplaintAction::Close;
    let done = sqlx::query!(
        "UPDATE complaint SET status = ?1, revision = revision + 1,
             responded_at = CASE WHEN ?2 AND responded_at IS NULL THEN ?3 ELSE responded_at END,
             finding = CASE WHEN ?4 THEN ?5 ELSE finding END,
             resolution = CASE WHEN ?4 THEN ?6 ELSE resolution END,
             resolved_at = CASE WHEN ?4 THEN ?3 ELSE resolved_at END,
             closing_call_at = CASE WHEN ?7 THEN ?3 ELSE closing_call_at END,
             customer_satisfied = CASE WHEN ?7 THEN ?8 ELSE customer_satisfied END
         WHERE id = ?9 AND status = ?10 AND revision = ?11",
        to_text,
        acknowledge,
        now,
        resolve,
        finding,
        resolution,
        close,
        input.customer_satisfied,
        input.complaint_id,
        from_text,
        input.revision
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !done {
        return Err(Error::conflict(
            "投诉已被他人更新，请刷新后再操作",
            "Someone else updated the complaint; reload it and try again",
        ));
    }
    let note = match input.customer_satisfied {
        Some(true) if close => format!("客户满意：{note}"),
        Some(false) if close => format!("客户不满意：{note}"),
        _ if resolve => format!("{finding}；{resolution}"),
        _ => note.to_string(),
    };
    history(
        &mut tx,
        input.complaint_id,
        input.actor_id,
        input.action,
        Some(from),
        to,
        &note,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(store: &Store, id: i64, now: DateTime<Utc>) -> Result<Complaint> {
    let r = sqlx::query!(
        r#"SELECT c.id, c.number, c.status, c.source, c.category, c.customer_id, u.name AS customer_name,
               COALESCE(u.mobile, '') AS "mobile!: String", c.vehicle_id, COALESCE(v.plate, '') AS "plate!: String",
               c.work_order_id, COALESCE(w.number, '') AS "work_order_number!: String", c.description,
               c.owner_id, o.name AS owner_name, c.received_at AS "received_at: DateTime<Utc>",
               c.respond_by AS "respond_by: DateTime<Utc>", c.finding_by AS "finding_by: DateTime<Utc>",
               c.responded_at AS "responded_at: DateTime<Utc>", c.finding, c.resolution,
               c.resolved_at AS "resolved_at: DateTime<Utc>", c.closing_call_at AS "closing_call_at: DateTime<Utc>",
               c.customer_satisfied AS "customer_satisfied: bool", c.comeback, c.revision
           FROM complaint c JOIN customer u ON u.id = c.customer_id JOIN staff o ON o.id = c.owner_id
           LEFT JOIN vehicle v ON v.id = c.vehicle_id LEFT JOIN work_order w ON w.id = c.work_order_id
           WHERE c.id = ?1"#,
        id
    )
    .fetch_optional(store.reader())
    .await?
    .ok_or(Error::NotFound {
        what_zh: "投诉",
        what_en: "Complaint",
    })?;
    let history = sqlx::query!(
        r#"SELECT h.at AS "at: DateTime<Utc>", COALESCE(s.name, '') AS "actor_name!: String",
               h.action, h.to_status, h.note
           FROM complaint_history h LEFT JOIN staff s ON s.id = h.actor_id
           WHERE h.complaint_id = ?1 ORDER BY h.at, h.id"#,
        id
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|h| {
        Ok(ComplaintHistoryLine {
            at: h.at,
            actor_name: h.actor_name,
            action: ComplaintAction::parse(&h.action)?,
            to_status: ComplaintStatus::parse(&h.to_status)?,
            note: h.note,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let status = ComplaintStatus::parse(&r.status)?;
    Ok(Complaint {
        id: r.id,
        number: r.number,
        status,
        source: Source::parse(&r.source)?,
        category: Category::parse(&r.category)?,
        customer_id: r.customer_id,
        customer_name: r.customer_name,
        mobile: r.mobile,
        vehicle_id: r.vehicle_id,
        plate: r.plate,
        work_order_id: r.work_order_id,
        work_order_number: r.work_order_number,
        description: r.description,
        owner_id: r.owner_id,
        owner_name: r.owner_name,
        overdue: overdue(
            status,
            r.responded_at.is_some(),
            r.respond_by,
            r.finding_by,
            now,
        ),
        received_at: r.received_at,
        respond_by: r.respond_by,
        finding_by: r.finding_by,
        responded_at: r.responded_at,
        finding: r.finding,
        resolution: r.resolution,
        resolved_at: r.resolved_at,
        closing_call_at: r.closing_call_at,
        customer_satisfied: r.customer_satisfied,
        comeback: r.comeback,
        revision: r.revision,
        history,
    })
}

pub async fn id_by_number(store: &Store, number: &str) -> Result<i64> {
    let number = number.trim();
    sqlx::query_scalar!("SELECT id FROM complaint WHERE number = ?1", number)
        .fetch_optional(store.reader())
        .await?
        .ok_or(Error::NotFound {
            what_zh: "投诉",
            what_en: "Complaint",
        })
}

/// One row of the complaint list.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintLine {
    pub id: i64,
    pub number: String,
    pub status: ComplaintStatus,
    pub source: Source,
    pub category: Category,
    pub customer_name: String,
    pub plate: String,
    pub work_order_number: String,
    pub owner_name: String,
    pub received_at: DateTime<Utc>,
    pub comeback: bool,
    pub overdue: Option<Overdue>,
}

/// Complaints newest first; with `overdue_only`, the service manager's escalation list.
pub async fn list(
    store: &Store,
    overdue_only: bool,
    now: DateTime<Utc>,
) -> Result<Vec<ComplaintLine>> {
    let rows = sqlx::query!(
        r#"SELECT c.id, c.number, c.status, c.source, c.category, u.name AS customer_name,
               COALESCE(v.plate, '') AS "plate!: String", COALESCE(w.number, '') AS "work_order_number!: String",
               o.name AS owner_name, c.received_at AS "received_at: DateTime<Utc>",
               c.respond_by AS "respond_by: DateTime<Utc>", c.finding_by AS "finding_by: DateTime<Utc>",
               c.responded_at IS NOT NULL AS "responded!: bool", c.comeback
           FROM complaint c JOIN customer u ON u.id = c.customer_id JOIN staff o ON o.id = c.owner_id
           LEFT JOIN vehicle v ON v.id = c.vehicle_id LEFT JOIN work_order w ON w.id = c.work_order_id
           WHERE NOT ?1 OR c.status NOT IN ('resolved', 'closed')
           ORDER BY c.received_at DESC LIMIT 1000"#,
        overdue_only
    )
    .fetch_all(store.reader())
    .await?;
    let mut lines = Vec::new();
    for r in rows {
        let status = ComplaintStatus::parse(&r.status)?;
        let late = overdue(status, r.responded, r.respond_by, r.finding_by, now);
        if overdue_only && late.is_none() {
            continue;
        }
        lines.push(ComplaintLine {
            id: r.id,
            number: r.number,
            status,
            source: Source::parse(&r.source)?,
            category: Category::parse(&r.category)?,
            customer_name: r.customer_name,
            plate: r.plate,
            work_order_number: r.work_order_number,
            owner_name: r.owner_name,
            received_at: r.received_at,
            comeback: r.comeback,
            overdue: late,
        });
    }
    Ok(lines)
}
