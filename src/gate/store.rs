//! The SQL of exit passes and the gate.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{Direction, GateAnswer, GateEvent, OtherPassInput, PassKind, PassLine, Refusal, token};
use crate::settlement::SettleInput;
use crate::staff::Role;
use crate::staff::store::require_role;
use crate::work_order::OrderAction as Action;
use crate::work_order::OrderStatus as Status;
use crate::work_order::store::step;
use crate::{Error, Result, Store};

struct PassRow {
    id: i64,
    kind: String,
    work_order_id: Option<i64>,
    status: Option<String>,
    number: Option<String>,
    plate: String,
    customer_name: String,
    advisor_name: Option<String>,
    issued_by: String,
    issued_at: String,
    note: String,
    used_at: Option<DateTime<Utc>>,
}

async fn pass_row(conn: &mut SqliteConnection, id: i64) -> Result<Option<PassRow>> {
    Ok(sqlx::query_as!(
        PassRow,
        r#"SELECT p.id AS "id!", p.kind, p.work_order_id, w.status AS "status?", w.number AS "number?",
               p.plate, p.customer_name, a.name AS "advisor_name?", i.name AS issued_by,
               p.issued_at AS "issued_at!: String", p.note, p.used_at AS "used_at?: DateTime<Utc>"
           FROM exit_pass p JOIN staff i ON i.id = p.issued_by
           LEFT JOIN work_order w ON w.id = p.work_order_id
           LEFT JOIN staff a ON a.id = w.advisor_id
           WHERE p.id = ?1"#,
        id
    )
    .fetch_optional(conn)
    .await?)
}

fn local(at: DateTime<Utc>, tz: chrono_tz::Tz, format: &str) -> String {
    at.with_timezone(&tz).format(format).to_string()
}

fn line(row: PassRow, secret: &[u8], tz: chrono_tz::Tz) -> Result<PassLine> {
    let issued = DateTime::parse_from_rfc3339(&row.issued_at)
        .map(|at| local(at.to_utc(), tz, "%Y-%m-%d %H:%M"))
        .unwrap_or_default();
    Ok(PassLine {
        id: row.id,
        kind: PassKind::parse(&row.kind)?,
        token: token::sign(secret, row.id, &row.issued_at),
        plate: row.plate,
        customer_name: row.customer_name,
        work_order_number: row.number.unwrap_or_default(),
        advisor_name: row.advisor_name.unwrap_or_default(),
        issued_by: row.issued_by,
        issued_at: issued,
        note: row.note,
        used_at: row
            .used_at
            .map(|at| local(at, tz, "%Y-%m-%d %H:%M"))
            .unwrap_or_default(),
    })
}

pub async fn pass(store: &Store, id: i64) -> Result<PassLine> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut conn = store.writer().acquire().await?;
    let secret = super::secret::load(&mut conn).await?;
    let row = pass_row(&mut conn, id).await?.ok_or(Error::NotFound {
        what_zh: "出门证",
        what_en: "Exit pass",
    })?;
    line(row, &secret, tz)
}

/// The leaving pass of a work order, once issued.
pub async fn pass_of_order(store: &Store, order_id: i64) -> Result<Option<PassLine>> {
    let id = sqlx::query_scalar!(
        "SELECT id FROM exit_pass WHERE work_order_id = ?1 AND kind = 'settled'",
        order_id
    )
    .fetch_optional(store.reader())
    .await?;
    match id {
        Some(id) => Ok(Some(pass(store, id).await?)),
        None => Ok(None),
    }
}

/// A pass about to be issued.
struct NewPass<'a> {
    kind: PassKind,
    order_id: Option<i64>,
    plate: &'a str,
    customer_name: &'a str,
    note: &'a str,
    issued_by: i64,
}

async fn insert(tx: &mut SqliteConnection, new: NewPass<'_>, now: DateTime<Utc>) -> Result<i64> {
    let kind = new.kind.as_str();
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO exit_pass (kind, work_order_id, plate, customer_name, note, issued_at, issued_by)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id AS "id!""#,
        kind,
        new.order_id,
        new.plate,
        new.customer_name,
        new.note,
        now,
        new.issued_by
    )
    .fetch_one(tx)
    .await?)
}

/// The cashier's pass for a paid work order, or one where nothing is charged (settled on the
/// spot with no payment). A reprint returns the same pass.
pub async fn issue_for_order(
    store: &Store,
    order_id: i64,
    cashier_id: i64,
    now: DateTime<Utc>,
) -> Result<PassLine> {
    require_role(
        store,
        cashier_id,
        &[Role::Cashier, Role::Manager],
        (
            "cashierId",
            "出门证由收银员开具",
            "The cashier issues exit passes",
        ),
    )
    .await?;
    if let Some(pass) = pass_of_order(store, order_id).await? {
        if !pass.used_at.is_empty() {
            return Err(Error::conflict(
                format!("车辆已于 {} 出门", pass.used_at),
                format!("The car went out at {}", pass.used_at),
            ));
        }
        return Ok(pass);
    }
    let order = crate::work_order::store::get(store, order_id).await?;
    let due = order.totals.customer_pays_fen;
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.writer().begin().await?;
    match order.status {
        Status::Settled => {}
        Status::Ready if due == 0 => {
            let nothing = SettleInput {
                order_id,
                cashier_id,
                payments: Vec::new(),
                invoice_number: String::new(),
            };
            crate::settlement::store::settle_in(
                &mut tx,
                &nothing,
                "",
                now,
                now.with_timezone(&tz).date_naive(),
            )
            .await?;
        }
        Status::Ready => {
            let due = crate::money::format_yuan(due);
            return Err(Error::conflict(
                format!("工单未付款（客户应付 {due}），不能开出门证：请先结算"),
                format!("The work order is not paid ({due} owed); settle it before the pass"),
            ));
        }
        Status::Cancelled => {
            return Err(Error::conflict(
                "工单已取消，不能开出门证",
                "The work order is cancelled; no pass",
            ));
        }
        status => {
            return Err(Error::conflict(
                format!(
                    "工单{}，车辆尚未完工交车，不能开结算出门证（路试请开路试出门证）",
                    status.label_zh()
                ),
                format!(
                    "The work order is {}: the car is not finished and handed over (a road test has its own pass)",
                    status.label_en()
                ),
            ));
        }
    }
    let new = NewPass {
        kind: PassKind::Settled,
        order_id: Some(order_id),
        plate: &order.plate,
        customer_name: &order.customer_name,
        note: "",
        issued_by: cashier_id,
    };
    let id = insert(&mut tx, new, now).await?;
    tx.commit().await?;
    pass(store, id).await
}

/// A road test, wash-only, rescue or inspection pass.
pub async fn issue_other(
    store: &Store,
    input: &OtherPassInput,
    now: DateTime<Utc>,
) -> Result<PassLine> {
    input.check()?;
    let roles: &[Role] = match input.kind {
        PassKind::RoadTest => &[
            Role::Foreman,
            Role::QcInspector,
            Role::Advisor,
            Role::Manager,
        ],
        _ => &[Role::Advisor, Role::Cashier, Role::Manager],
    };
    require_role(
        store,
        input.issued_by,
        roles,
        (
            "issuedBy",
            "您的岗位不能开这种出门证",
            "Your role cannot issue this kind of pass",
        ),
    )
    .await?;
    let number = input.work_order_number.trim();
    let order = if number.is_empty() {
        None
    } else {
        let id = crate::work_order::store::id_by_number(store, number)
            .await
            .map_err(|_| {
                Error::validation(
                    "workOrderNumber",
                    format!("没有工单 {number}"),
                    format!("No work order {number}"),
                )
            })?;
        Some(crate::work_order::store::get(store, id).await?)
    };
    let (plate, customer_name) = match &order {
        Some(order) => {
            if input.kind == PassKind::RoadTest {
                if !matches!(
                    order.status,
                    Status::Dispatched
                        | Status::InProgress
                        | Status::AwaitingQc
                        | Status::Rework
                        | Status::PassedQc
                ) {
                    return Err(Error::validation(
                        "workOrderNumber",
                        format!("工单{}，不在车间维修中，不能路试", order.status.label_zh()),
                        format!(
                            "The work order is {}, not in the workshop: no road test",
                            order.status.label_en()
                        ),
                    ));
                }
                if !order.check_in.test_drive_consent {
                    return Err(Error::validation(
                        "workOrderNumber",
                        "客户在派工单上未同意路试",
                        "The customer did not agree to a road test on the work order",
                    ));
                }
            }
            (order.plate.clone(), order.customer_name.clone())
        }
        None => (
            crate::vehicle::Plate::parse(&input.plate)?
                .as_str()
                .to_string(),
            String::new(),
        ),
    };
    let mut tx = store.writer().begin().await?;
    let new = NewPass {
        kind: input.kind,
        order_id: order.as_ref().map(|o| o.id),
        plate: &plate,
        customer_name: &customer_name,
        note: input.note.trim(),
        issued_by: input.issued_by,
    };
    let id = insert(&mut tx, new, now).await?;
    tx.commit().await?;
    pass(store, id).await
}

/// The guard scanned a token or typed a plate: allowed once, or refused with the reason.
/// Every answer is recorded.
pub async fn verify(
    store: &Store,
    scanned: &str,
    guard_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<GateAnswer> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.writer().begin().await?;
    let secret = super::secret::load(&mut tx).await?;
    let mut judged = match token::parse(scanned) {
        Some((id, signature)) => match pass_row(&mut tx, id).await? {
            None => Judged::refused(Refusal::NotFound, String::new(), None),
            Some(row) if !token::genuine(&secret, id, &row.issued_at, &signature) => {
                Judged::refused(Refusal::NotGenuine, String::new(), None)
            }
            Some(row) => judge(row, tz)?,
        },
        None => match crate::vehicle::Plate::parse(scanned) {
            Ok(plate) => by_plate(&mut tx, plate.as_str(), tz).await?,
            Err(_) => Judged::refused(Refusal::NotGenuine, String::new(), None),
        },
    };
    if judged.refusal.is_none() {
        let pass = judged.pass.as_ref().expect("an allowed exit has its pass");
        let used = sqlx::query!(
            "UPDATE exit_pass SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL",
            now,
            pass.id
        )
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !used {
            judged.refusal = Some(Refusal::Used);
        } else if pass.kind == PassKind::Settled
            && let Some(order) = pass.work_order_id
        {
            step(&mut tx, order, Action::Exit, guard_id, "", 0, now).await?;
        }
    }
    let on_date = now.with_timezone(&tz).date_naive().to_string();
    let reason = judged.refusal.map(Refusal::as_str).unwrap_or_default();
    let pass_id = judged.pass.as_ref().map(|p| p.id);
    let allowed = judged.refusal.is_none();
    sqlx::query!(
        "INSERT INTO gate_event (at, on_date, direction, plate, pass_id, allowed, reason, guard_id)
         VALUES (?1, ?2, 'exit', ?3, ?4, ?5, ?6, ?7)",
        now,
        on_date,
        judged.plate,
        pass_id,
        allowed,
        reason,
        guard_id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(judged.answer(now, tz))
}

struct Judged {
    refusal: Option<Refusal>,
    plate: String,
    pass: Option<JudgedPass>,
    /// Said after the reason, e.g. when the pass was used.
    detail: (String, String),
}

struct JudgedPass {
    id: i64,
    kind: PassKind,
    work_order_id: Option<i64>,
    number: String,
    customer_name: String,
}

impl Judged {
    fn refused(refusal: Refusal, plate: String, pass: Option<JudgedPass>) -> Judged {
        Judged {
            refusal: Some(refusal),
            plate,
            pass,
            detail: (String::new(), String::new()),
        }
    }

    fn answer(self, now: DateTime<Utc>, tz: chrono_tz::Tz) -> GateAnswer {
        let (detail_zh, detail_en) = self.detail;
        let kind = self.pass.as_ref().map(|p| p.kind);
        let (message_zh, message_en) = match self.refusal {
            None => (
                format!(
                    "放行 · {}",
                    kind.map(PassKind::label_zh).unwrap_or_default()
                ),
                format!(
                    "Allowed · {}",
                    kind.map(PassKind::label_en).unwrap_or_default()
                ),
            ),
            Some(refusal) => (
                format!("禁止放行：{}{detail_zh}", refusal.label_zh()),
                format!("Refused: {}{detail_en}", refusal.label_en()),
            ),
        };
        GateAnswer {
            allowed: self.refusal.is_none(),
            refusal: self.refusal,
            message_zh,
            message_en,
            plate: self.plate,
            customer_name: self
                .pass
                .as_ref()
                .map(|p| p.customer_name.clone())
                .unwrap_or_default(),
            work_order_number: self
                .pass
                .as_ref()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
            kind,
            at: local(now, tz, "%H:%M"),
        }
    }
}

/// A genuine pass: used, cancelled, not paid, or good.
fn judge(row: PassRow, tz: chrono_tz::Tz) -> Result<Judged> {
    let kind = PassKind::parse(&row.kind)?;
    let status = row.status.as_deref().map(Status::parse).transpose()?;
    let used_at = row.used_at;
    let judged_pass = JudgedPass {
        id: row.id,
        kind,
        work_order_id: row.work_order_id,
        number: row.number.unwrap_or_default(),
        customer_name: row.customer_name,
    };
    let refusal = if used_at.is_some() {
        Some(Refusal::Used)
    } else if status == Some(Status::Cancelled) {
        Some(Refusal::Cancelled)
    } else if kind == PassKind::Settled && status != Some(Status::Settled) {
        Some(Refusal::NotPaid)
    } else {
        None
    };
    let detail = match used_at {
        Some(at) => {
            let at = local(at, tz, "%m-%d %H:%M");
            (format!("（{at} 已出门）"), format!(" (went out {at})"))
        }
        None => (String::new(), String::new()),
    };
    Ok(Judged {
        refusal,
        plate: row.plate,
        pass: Some(judged_pass),
        detail,
    })
}

/// The guard typed a plate: its unused pass if there is one, otherwise why not.
async fn by_plate(tx: &mut SqliteConnection, plate: &str, tz: chrono_tz::Tz) -> Result<Judged> {
    let unused = sqlx::query_scalar!(
        "SELECT id FROM exit_pass WHERE plate = ?1 AND used_at IS NULL ORDER BY issued_at DESC LIMIT 1",
        plate
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(id) = unused
        && let Some(row) = pass_row(tx, id).await?
    {
        return judge(row, tz);
    }
    let open = sqlx::query!(
        r#"SELECT w.status FROM work_order w JOIN vehicle v ON v.id = w.vehicle_id
           WHERE v.plate = ?1 AND w.status NOT IN ('exited', 'cancelled')
           ORDER BY w.id DESC LIMIT 1"#,
        plate
    )
    .fetch_optional(&mut *tx)
    .await?;
    let used = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM exit_pass WHERE plate = ?1) AS "used!: bool""#,
        plate
    )
    .fetch_one(&mut *tx)
    .await?;
    let judged = match open {
        Some(o) if o.status != Status::Settled.as_str() => {
            Judged::refused(Refusal::NotPaid, plate.into(), None)
        }
        Some(_) => Judged {
            detail: (
                "（已结算，请到收银处开具出门证）".into(),
                " (settled: the cash desk issues the pass)".into(),
            ),
            ..Judged::refused(Refusal::NotFound, plate.into(), None)
        },
        None if used => Judged::refused(Refusal::Used, plate.into(), None),
        None => Judged::refused(Refusal::NotFound, plate.into(), None),
    };
    Ok(judged)
}

/// The guard registers a car coming in.
pub async fn register_entry(
    store: &Store,
    plate: &str,
    guard_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let plate = crate::vehicle::Plate::parse(plate)?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let (plate, on_date) = (
        plate.as_str().to_string(),
        now.with_timezone(&tz).date_naive().to_string(),
    );
    sqlx::query!(
        "INSERT INTO gate_event (at, on_date, direction, plate, allowed, guard_id)
         VALUES (?1, ?2, 'entry', ?3, TRUE, ?4)",
        now,
        on_date,
        plate,
        guard_id
    )
    .execute(store.writer())
    .await?;
    Ok(())
}

/// The gate's entries and exits of a day, latest first.
pub async fn day(store: &Store, on: chrono::NaiveDate) -> Result<Vec<GateEvent>> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let on = on.to_string();
    sqlx::query!(
        r#"SELECT g.id, g.at AS "at: DateTime<Utc>", g.direction, g.plate, g.allowed, g.reason,
               p.kind AS "kind?", w.number AS "number?"
           FROM gate_event g LEFT JOIN exit_pass p ON p.id = g.pass_id
           LEFT JOIN work_order w ON w.id = p.work_order_id
           WHERE g.on_date = ?1 ORDER BY g.at DESC, g.id DESC"#,
        on
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|r| {
        Ok(GateEvent {
            id: r.id,
            at: local(r.at, tz, "%H:%M"),
            direction: Direction::parse(&r.direction)?,
            plate: r.plate,
            allowed: r.allowed,
            refusal: (!r.reason.is_empty())
                .then(|| Refusal::parse(&r.reason))
                .transpose()?,
            kind: r.kind.as_deref().map(PassKind::parse).transpose()?,
            work_order_number: r.number.unwrap_or_default(),
        })
    })
    .collect()
}
