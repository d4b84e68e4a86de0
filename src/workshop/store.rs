//! The SQL of the workshop: lines started and finished, technicians' clock, the final
//! inspection and the wash.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{QcInput, WorkshopLine, clocked_minutes};
use crate::staff::Role;
use crate::staff::store::require_role;
use crate::work_order::OrderAction as Action;
use crate::work_order::OrderStatus as Status;
use crate::work_order::store::{state, step};
use crate::{Error, Result, Store};

fn no_line() -> Error {
    Error::NotFound {
        what_zh: "工时项目",
        what_en: "Labour line",
    }
}

/// The order of a labour line, with the line's name and whether it was started.
async fn labour_line(conn: &mut SqliteConnection, line_id: i64) -> Result<(i64, String, bool)> {
    let row = sqlx::query!(
        r#"SELECT work_order_id, name, started_at IS NOT NULL AS "started!: bool" FROM work_order_line
           WHERE id = ?1 AND kind = 'labour'"#,
        line_id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(no_line)?;
    Ok((row.work_order_id, row.name, row.started))
}

/// Starts a line (again, after rework); the order goes in progress with its first line.
pub async fn start_line(
    store: &Store,
    line_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let order = start_in(&mut tx, line_id, actor_id, now).await?;
    tx.commit().await?;
    Ok(order)
}

async fn start_in(
    tx: &mut SqliteConnection,
    line_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let (order, name, _) = labour_line(tx, line_id).await?;
    let (status, _, _) = state(tx, order).await?;
    if status != Status::InProgress {
        let note = if status == Status::Rework {
            format!("返工：{name}")
        } else {
            format!("开工：{name}")
        };
        step(tx, order, Action::Start, actor_id, &note, 0, now).await?;
    }
    sqlx::query!(
        "UPDATE work_order_line SET started_at = COALESCE(started_at, ?1), finished_at = NULL WHERE id = ?2",
        now,
        line_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(order)
}

/// Finishes a started line; anyone still clocked on it is clocked off.
pub async fn finish_line(
    store: &Store,
    line_id: i64,
    _actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let (order, name, started) = labour_line(&mut tx, line_id).await?;
    let (status, _, _) = state(&mut tx, order).await?;
    if status != Status::InProgress || !started {
        return Err(Error::InvalidTransition {
            zh: format!("“{name}”尚未开工，不能完工"),
            en: format!("“{name}” has not been started; it cannot be finished"),
        });
    }
    sqlx::query!(
        "UPDATE labour_clock SET off_at = ?1 WHERE line_id = ?2 AND off_at IS NULL",
        now,
        line_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE work_order_line SET finished_at = ?1 WHERE id = ?2",
        now,
        line_id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(order)
}

/// A technician clocks on a labour line (starting it when it was not); one line at a time.
pub async fn clock_on(
    store: &Store,
    line_id: i64,
    technician_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    require_role(
        store,
        technician_id,
        &[Role::Technician],
        ("technicianId", "请选择维修技师", "Choose a technician"),
    )
    .await?;
    let mut tx = store.write_tx().await?;
    let order = start_in(&mut tx, line_id, Some(technician_id), now).await?;
    sqlx::query!(
        "INSERT INTO labour_clock (line_id, technician_id, on_at) VALUES (?1, ?2, ?3)",
        line_id,
        technician_id,
        now
    )
    .execute(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::conflict(
            "这位技师正在另一个项目上计时，请先下工",
            "This technician is clocked on another line; clock off there first",
        ),
        _ => Error::Database(e),
    })?;
    tx.commit().await?;
    Ok(order)
}

pub async fn clock_off(
    store: &Store,
    line_id: i64,
    technician_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let mut conn = store.writer().acquire().await?;
    let (order, _, _) = labour_line(&mut conn, line_id).await?;
    let done = sqlx::query!(
        "UPDATE labour_clock SET off_at = ?1 WHERE line_id = ?2 AND technician_id = ?3 AND off_at IS NULL",
        now,
        line_id,
        technician_id
    )
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if done == 0 {
        return Err(Error::conflict(
            "这位技师没有在这个项目上计时",
            "This technician is not clocked on this line",
        ));
    }
    Ok(order)
}

/// The foreman reports the car done: every labour line finished.
pub async fn report_done(
    store: &Store,
    order_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let unfinished = sqlx::query!(
        "SELECT position, name FROM work_order_line
         WHERE work_order_id = ?1 AND kind = 'labour' AND finished_at IS NULL ORDER BY position LIMIT 1",
        order_id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(line) = unfinished {
        return Err(Error::validation(
            "lines",
            format!("第 {} 行“{}”尚未完工", line.position, line.name),
            format!("Line {} “{}” is not finished", line.position, line.name),
        ));
    }
    step(&mut tx, order_id, Action::ReportDone, actor_id, "", 0, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Records the inspection; a pass moves the car on, a rework sends it back and is counted.
pub async fn quality_check(store: &Store, input: &QcInput, now: DateTime<Utc>) -> Result<()> {
    require_role(
        store,
        input.inspector_id,
        &[Role::QcInspector, Role::Manager],
        (
            "inspectorId",
            "完工审查须由检查员（或服务经理）进行",
            "Final inspection is done by a QC inspector (or the service manager)",
        ),
    )
    .await?;
    let checklist = serde_json::to_string(&input.checklist).map_err(|e| Error::Io(e.into()))?;
    let reason = input.reason.trim();
    let mut tx = store.write_tx().await?;
    let (action, note) = if input.passed {
        (Action::PassQc, String::new())
    } else {
        (Action::Rework, reason.to_string())
    };
    step(
        &mut tx,
        input.order_id,
        action,
        Some(input.inspector_id),
        &note,
        0,
        now,
    )
    .await?;
    sqlx::query!(
        "INSERT INTO quality_check (work_order_id, at, inspector_id, passed, checklist, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        input.order_id,
        now,
        input.inspector_id,
        input.passed,
        checklist,
        reason
    )
    .execute(&mut *tx)
    .await?;
    if !input.passed {
        sqlx::query!(
            "UPDATE work_order SET rework_count = rework_count + 1 WHERE id = ?1",
            input.order_id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The wash (only for a customer who wanted it) or the finished-car area (only for one who
/// did not); then out of the wash.
pub async fn after_qc(
    store: &Store,
    order_id: i64,
    action: Action,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let wash = sqlx::query_scalar!("SELECT wash FROM work_order WHERE id = ?1", order_id)
        .fetch_optional(store.reader())
        .await?
        .ok_or(Error::NotFound {
            what_zh: "工单",
            what_en: "Work order",
        })?
        .unwrap_or(false);
    match action {
        Action::StartWash if !wash => {
            return Err(Error::conflict(
                "客户没有要求洗车",
                "The customer did not ask for a wash",
            ));
        }
        Action::Park if wash => {
            return Err(Error::conflict(
                "客户要求洗车：请先送洗",
                "The customer asked for a wash: wash the car first",
            ));
        }
        Action::StartWash | Action::FinishWash | Action::Park => {}
        _ => {
            return Err(Error::conflict(
                "这一步在它自己的界面上操作",
                "This step has its own screen",
            ));
        }
    }
    let mut tx = store.write_tx().await?;
    let (to, _) = step(&mut tx, order_id, action, actor_id, "", 0, now).await?;
    if to == Status::Ready {
        sqlx::query!(
            "UPDATE work_order SET ready_at = ?1 WHERE id = ?2",
            now,
            order_id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The labour lines of an order with the time clocked on each.
pub async fn lines(store: &Store, order_id: i64, now: DateTime<Utc>) -> Result<Vec<WorkshopLine>> {
    let rows = sqlx::query!(
        r#"SELECT l.id, l.name, l.quantity_hundredths, t.name AS "technician_name?",
               l.started_at AS "started_at: DateTime<Utc>", l.finished_at AS "finished_at: DateTime<Utc>"
           FROM work_order_line l LEFT JOIN staff t ON t.id = l.technician_id
           WHERE l.work_order_id = ?1 AND l.kind = 'labour' ORDER BY l.position"#,
        order_id
    )
    .fetch_all(store.reader())
    .await?;
    let clocks = sqlx::query!(
        r#"SELECT c.line_id, s.name, c.on_at AS "on_at: DateTime<Utc>", c.off_at AS "off_at: DateTime<Utc>"
           FROM labour_clock c JOIN staff s ON s.id = c.technician_id
           JOIN work_order_line l ON l.id = c.line_id WHERE l.work_order_id = ?1 ORDER BY c.id"#,
        order_id
    )
    .fetch_all(store.reader())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine: Vec<_> = clocks.iter().filter(|c| c.line_id == r.id).collect();
            let spans: Vec<_> = mine.iter().map(|c| (c.on_at, c.off_at)).collect();
            WorkshopLine {
                line_id: r.id,
                name: r.name,
                technician_name: r.technician_name.unwrap_or_default(),
                sold_hundredths: r.quantity_hundredths,
                actual_minutes: clocked_minutes(&spans, now),
                started_at: r.started_at,
                finished_at: r.finished_at,
                clocked_on: mine
                    .iter()
                    .filter(|c| c.off_at.is_none())
                    .map(|c| c.name.clone())
                    .collect(),
            }
        })
        .collect())
}
