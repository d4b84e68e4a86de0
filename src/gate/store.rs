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
    vehicle_id: Option<i64>,
    plate: String,
    customer_name: String,
    advisor_name: Option<String>,
    issued_by: String,
    issued_at: String,
    note: String,
    used_at: Option<DateTime<Utc>>,
    cancelled_at: Option<DateTime<Utc>>,
    cancel_reason: String,
}

async fn pass_row(conn: &mut SqliteConnection, id: i64) -> Result<Option<PassRow>> {
    Ok(sqlx::query_as!(
        PassRow,
        r#"SELECT p.id AS "id!", p.kind, p.work_order_id, w.status AS "status?", w.number AS "number?",
               w.vehicle_id AS "vehicle_id?", p.plate, p.customer_name, a.name AS "advisor_name?",
               i.name AS issued_by, p.issued_at AS "issued_at!: String", p.note,
               p.used_at AS "used_at?: DateTime<Utc>",
               p.cancelled_at AS "cancelled_at?: DateTime<Utc>", p.cancel_reason
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

fn issued_instant(row: &PassRow) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(&row.issued_at)
        .map(|at| at.to_utc())
        .map_err(|_| {
            Error::conflict(
                format!("出门证 {} 的开具时间无法识别", row.id),
                format!("Exit pass {} has an unreadable issue time", row.id),
            )
        })
}

fn line(row: PassRow, secret: &[u8], tz: chrono_tz::Tz) -> Result<PassLine> {
    let issued = local(issued_instant(&row)?, tz, "%Y-%m-%d %H:%M");
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

async fn pass_in(conn: &mut SqliteConnection, id: i64, tz: chrono_tz::Tz) -> Result<PassLine> {
    let secret = super::secret::load(conn).await?;
    let row = pass_row(conn, id).await?.ok_or_else(not_found)?;
    line(row, &secret, tz)
}

pub async fn pass(store: &Store, id: i64) -> Result<PassLine> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut conn = store.writer().acquire().await?;
    pass_in(&mut conn, id, tz).await
}

/// The id of a work order's leaving pass that is not cancelled.
async fn current_pass_of_order(conn: &mut SqliteConnection, order_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        "SELECT id FROM exit_pass
         WHERE work_order_id = ?1 AND kind = 'settled' AND cancelled_at IS NULL",
        order_id
    )
    .fetch_optional(conn)
    .await?)
}

/// The leaving pass of a work order, once issued (and not cancelled since).
pub async fn pass_of_order(store: &Store, order_id: i64) -> Result<Option<PassLine>> {
    let id = current_pass_of_order(&mut *store.reader().acquire().await?, order_id).await?;
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

/// Why a pass was cancelled before it was used.
#[derive(Clone, Copy, PartialEq)]
enum CancelReason {
    Reopened,
    Expired,
}

impl CancelReason {
    fn as_str(self) -> &'static str {
        match self {
            CancelReason::Reopened => "reopened",
            CancelReason::Expired => "expired",
        }
    }
}

async fn cancel(
    tx: &mut SqliteConnection,
    pass_id: i64,
    reason: CancelReason,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let reason = reason.as_str();
    sqlx::query!(
        "UPDATE exit_pass SET cancelled_at = ?1, cancel_reason = ?2, cancelled_by = ?3
         WHERE id = ?4 AND used_at IS NULL AND cancelled_at IS NULL",
        now,
        reason,
        by,
        pass_id
    )
    .execute(tx)
    .await?;
    Ok(())
}

/// A new work order was opened for the car: every pass of the car not used yet is cancelled,
/// and the order each belonged to says so in its history. Without this, a car that left
/// without its pass being scanned could come back, run up a new bill and leave on the old pass.
pub(crate) async fn cancel_unused_for_vehicle(
    tx: &mut SqliteConnection,
    vehicle_id: i64,
    new_order_id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let new_number =
        sqlx::query_scalar!("SELECT number FROM work_order WHERE id = ?1", new_order_id)
            .fetch_one(&mut *tx)
            .await?;
    let passes = sqlx::query!(
        r#"SELECT p.id AS "id!", p.work_order_id, w.status AS "status?", w.version AS "version?"
           FROM exit_pass p LEFT JOIN work_order w ON w.id = p.work_order_id
           WHERE p.used_at IS NULL AND p.cancelled_at IS NULL
             AND (w.vehicle_id = ?1 OR p.plate = (SELECT plate FROM vehicle WHERE id = ?1))"#,
        vehicle_id
    )
    .fetch_all(&mut *tx)
    .await?;
    for p in passes {
        cancel(tx, p.id, CancelReason::Reopened, actor_id, now).await?;
        if let (Some(order), Some(status), Some(version)) = (p.work_order_id, p.status, p.version) {
            let status = Status::parse(&status)?;
            crate::work_order::store::write_history(
                tx,
                order,
                actor_id,
                Action::CancelPass,
                Some(status),
                status,
                version,
                &format!(
                    "未使用的出门证 #{} 作废：车辆再次接待，新工单 {new_number}",
                    p.id
                ),
                now,
            )
            .await?;
        }
    }
    Ok(())
}

/// Whether a settled order's pass is past the days it stays good.
fn expired(issued_at: DateTime<Utc>, now: DateTime<Utc>, valid_days: i64) -> bool {
    now - issued_at > chrono::Duration::days(valid_days)
}

async fn valid_days(store: &Store) -> Result<i64> {
    Ok(crate::work_order::settings::get(store)
        .await?
        .exit_pass_valid_days)
}

/// Settles a work order with nothing to pay if need be, then gives its leaving pass: the
/// pass already issued (a reprint), or a new one when there is none or it has expired.
async fn issue_in(
    tx: &mut SqliteConnection,
    order_id: i64,
    cashier_id: i64,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
    valid_days: i64,
) -> Result<i64> {
    if let Some(id) = current_pass_of_order(tx, order_id).await? {
        let row = pass_row(tx, id).await?.ok_or_else(not_found)?;
        if let Some(used) = row.used_at {
            let used = local(used, tz, "%Y-%m-%d %H:%M");
            return Err(Error::conflict(
                format!("车辆已于 {used} 出门"),
                format!("The car went out at {used}"),
            ));
        }
        if !expired(issued_instant(&row)?, now, valid_days) {
            return Ok(id);
        }
        cancel(tx, id, CancelReason::Expired, Some(cashier_id), now).await?;
    }
    let order = crate::work_order::store::get_in(tx, order_id, tz).await?;
    let due = order.totals.customer_pays_fen;
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
                tx,
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
        Status::Exited => {
            return Err(Error::conflict(
                "车辆已出门",
                "The car has already gone out",
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
    insert(tx, new, now).await
}

fn not_found() -> Error {
    Error::NotFound {
        what_zh: "出门证",
        what_en: "Exit pass",
    }
}

async fn require_cashier(store: &Store, cashier_id: i64) -> Result<()> {
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
    .await
}

/// The cashier's pass for a paid work order, or one where nothing is charged (settled on the
/// spot with no payment). A reprint returns the same pass, also to two cashiers at once.
pub async fn issue_for_order(
    store: &Store,
    order_id: i64,
    cashier_id: i64,
    now: DateTime<Utc>,
) -> Result<PassLine> {
    require_cashier(store, cashier_id).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let valid_days = valid_days(store).await?;
    let mut tx = store.write_tx().await?;
    let id = issue_in(&mut tx, order_id, cashier_id, now, tz, valid_days).await?;
    let pass = pass_in(&mut tx, id, tz).await?;
    tx.commit().await?;
    Ok(pass)
}

/// Issues (or reprints) the pass and hands its paper to `save`; nothing is issued or settled
/// unless the paper was made and saved.
pub async fn print_for_order<T>(
    store: &Store,
    order_id: i64,
    cashier_id: i64,
    now: DateTime<Utc>,
    save: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    require_cashier(store, cashier_id).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let valid_days = valid_days(store).await?;
    let dealership = crate::dealership::store::required(store).await?;
    let mut tx = store.write_tx().await?;
    let id = issue_in(&mut tx, order_id, cashier_id, now, tz, valid_days).await?;
    let pass = pass_in(&mut tx, id, tz).await?;
    let saved = save(&crate::print::exit_pass::render(&dealership, &pass)?)?;
    tx.commit().await?;
    Ok(saved)
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
                if !in_workshop(order.status) {
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
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.write_tx().await?;
    let new = NewPass {
        kind: input.kind,
        order_id: order.as_ref().map(|o| o.id),
        plate: &plate,
        customer_name: &customer_name,
        note: input.note.trim(),
        issued_by: input.issued_by,
    };
    let id = insert(&mut tx, new, now).await?;
    let pass = pass_in(&mut tx, id, tz).await?;
    tx.commit().await?;
    Ok(pass)
}

/// A car in the workshop: the only time a road test may take it out (and bring it back).
fn in_workshop(status: Status) -> bool {
    matches!(
        status,
        Status::Dispatched
            | Status::InProgress
            | Status::AwaitingQc
            | Status::Rework
            | Status::PassedQc
    )
}

/// What the gate needs to judge a pass besides the pass itself.
struct Rules {
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
    valid_days: i64,
}

/// The guard scanned a token or typed a plate: allowed once, or refused with the reason.
/// Every answer is recorded.
pub async fn verify(
    store: &Store,
    scanned: &str,
    guard_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<GateAnswer> {
    let rules = Rules {
        tz: crate::dealership::store::time_zone(store).await?,
        now,
        valid_days: valid_days(store).await?,
    };
    let mut tx = store.write_tx().await?;
    let secret = super::secret::load(&mut tx).await?;
    let judged = match token::parse(scanned) {
        Some((id, signature)) => match pass_row(&mut tx, id).await? {
            None => Judged::refused(Refusal::NotFound, String::new(), None),
            Some(row) if !token::genuine(&secret, id, &row.issued_at, &signature) => {
                Judged::refused(Refusal::NotGenuine, String::new(), None)
            }
            Some(row) => judge(&mut tx, row, &rules).await?,
        },
        None => match crate::vehicle::Plate::parse(scanned) {
            Ok(plate) => by_plate(&mut tx, plate.as_str(), &rules).await?,
            Err(_) => Judged::refused(Refusal::NotGenuine, String::new(), None),
        },
    };
    if judged.refusal.is_none() {
        let pass = judged.pass.as_ref().expect("an allowed exit has its pass");
        // The judgement ran in this write transaction, so nobody used the pass meanwhile.
        sqlx::query!(
            "UPDATE exit_pass SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL",
            now,
            pass.id
        )
        .execute(&mut *tx)
        .await?;
        if pass.kind == PassKind::Settled
            && let Some(order) = pass.work_order_id
        {
            step(&mut tx, order, Action::Exit, guard_id, "", 0, now).await?;
        }
    }
    let on_date = now.with_timezone(&rules.tz).date_naive().to_string();
    let reason = judged.refusal.map(Refusal::as_str).unwrap_or_default();
    let pass_id = judged.pass.as_ref().map(|p| p.id);
    let allowed = judged.refusal.is_none();
    let round_trip = allowed && judged.round_trip();
    sqlx::query!(
        "INSERT INTO gate_event (at, on_date, direction, plate, pass_id, allowed, reason, guard_id, round_trip)
         VALUES (?1, ?2, 'exit', ?3, ?4, ?5, ?6, ?7, ?8)",
        now,
        on_date,
        judged.plate,
        pass_id,
        allowed,
        reason,
        guard_id,
        round_trip
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(judged.answer(now, rules.tz))
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

    fn because(mut self, zh: impl Into<String>, en: impl Into<String>) -> Judged {
        self.detail = (zh.into(), en.into());
        self
    }

    /// A road test or a trip to the wash: the car leaves and comes back.
    fn round_trip(&self) -> bool {
        self.pass.as_ref().is_some_and(|p| p.kind.returns())
    }

    fn answer(self, now: DateTime<Utc>, tz: chrono_tz::Tz) -> GateAnswer {
        let round_trip = self.refusal.is_none() && self.round_trip();
        let (detail_zh, detail_en) = self.detail;
        let kind = self.pass.as_ref().map(|p| p.kind);
        let (message_zh, message_en) = match self.refusal {
            None if round_trip => (
                format!(
                    "放行 · {}（须返回）",
                    kind.map(PassKind::label_zh).unwrap_or_default()
                ),
                format!(
                    "Allowed · {} (comes back)",
                    kind.map(PassKind::label_en).unwrap_or_default()
                ),
            ),
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
            round_trip,
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

/// The numbers of the car's work orders that charge the customer and are not paid: not
/// settled, left or cancelled, with something for the customer to pay. `road_test` is the
/// order a road test pass belongs to while its car is in the workshop: that car may go out on
/// the test and come back.
async fn unpaid_orders(
    tx: &mut SqliteConnection,
    plate: &str,
    vehicle_id: Option<i64>,
    road_test: Option<i64>,
    tz: chrono_tz::Tz,
) -> Result<Vec<String>> {
    let open = sqlx::query_scalar!(
        r#"SELECT w.id AS "id!" FROM work_order w JOIN vehicle v ON v.id = w.vehicle_id
           WHERE (v.plate = ?1 OR w.vehicle_id = ?2)
             AND w.status NOT IN ('settled', 'exited', 'cancelled')
           ORDER BY w.id"#,
        plate,
        vehicle_id
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut unpaid = Vec::new();
    for id in open.into_iter().filter(|id| Some(*id) != road_test) {
        let order = crate::work_order::store::get_in(tx, id, tz).await?;
        if order.totals.customer_pays_fen > 0 {
            unpaid.push(order.number);
        }
    }
    Ok(unpaid)
}

/// A genuine pass: used, cancelled, expired, not paid (this order or any other of the car),
/// or good.
async fn judge(tx: &mut SqliteConnection, row: PassRow, rules: &Rules) -> Result<Judged> {
    let kind = PassKind::parse(&row.kind)?;
    let status = row.status.as_deref().map(Status::parse).transpose()?;
    let issued_at = issued_instant(&row)?;
    let road_test_out = (kind == PassKind::RoadTest && status.is_some_and(in_workshop))
        .then_some(row.work_order_id)
        .flatten();
    let unpaid = unpaid_orders(tx, &row.plate, row.vehicle_id, road_test_out, rules.tz).await?;
    let plate = row.plate;
    let pass = JudgedPass {
        id: row.id,
        kind,
        work_order_id: row.work_order_id,
        number: row.number.unwrap_or_default(),
        customer_name: row.customer_name,
    };
    let judged = |refusal| Judged::refused(refusal, plate.clone(), None);
    let refused = if let Some(at) = row.used_at {
        let at = local(at, rules.tz, "%m-%d %H:%M");
        Some(judged(Refusal::Used).because(format!("（{at} 已出门）"), format!(" (went out {at})")))
    } else if row.cancelled_at.is_some() && row.cancel_reason == CancelReason::Expired.as_str() {
        Some(judged(Refusal::Expired).because(
            "（请到收银处重新开具）",
            " (the cash desk issues a new one)",
        ))
    } else if row.cancelled_at.is_some() {
        Some(judged(Refusal::Cancelled).because(
            "（车辆已再次接待，开了新工单）",
            " (the car came back and a new work order was opened)",
        ))
    } else if status == Some(Status::Cancelled) {
        Some(judged(Refusal::Cancelled))
    } else if kind == PassKind::Settled && status != Some(Status::Settled) {
        Some(judged(Refusal::NotPaid))
    } else if let Some(first) = unpaid.first() {
        Some(judged(Refusal::NotPaid).because(
            format!("（工单 {first} 未结算）"),
            format!(" (work order {first} is not settled)"),
        ))
    } else if kind == PassKind::Settled && expired(issued_at, rules.now, rules.valid_days) {
        Some(judged(Refusal::Expired).because(
            format!("（超过 {} 天未使用，请到收银处重新开具）", rules.valid_days),
            format!(
                " (unused for over {} days: the cash desk issues a new one)",
                rules.valid_days
            ),
        ))
    } else if kind == PassKind::RoadTest && road_test_out.is_none() {
        Some(judged(Refusal::Expired).because(
            "（车辆已不在维修中，路试出门证失效）",
            " (the car is no longer in the workshop: the road test pass is void)",
        ))
    } else {
        None
    };
    Ok(match refused {
        Some(refused) => Judged {
            pass: Some(pass),
            ..refused
        },
        None => Judged {
            refusal: None,
            plate,
            pass: Some(pass),
            detail: (String::new(), String::new()),
        },
    })
}

/// The guard typed a plate: the newest of the car's unused passes that lets it out, or why
/// none does.
async fn by_plate(tx: &mut SqliteConnection, plate: &str, rules: &Rules) -> Result<Judged> {
    let unused = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM exit_pass
           WHERE plate = ?1 AND used_at IS NULL AND cancelled_at IS NULL
           ORDER BY issued_at DESC, id DESC"#,
        plate
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut newest_refusal = None;
    for id in unused {
        let Some(row) = pass_row(tx, id).await? else {
            continue;
        };
        let judged = judge(tx, row, rules).await?;
        if judged.refusal.is_none() {
            return Ok(judged);
        }
        newest_refusal.get_or_insert(judged);
    }
    if let Some(refused) = newest_refusal {
        return Ok(refused);
    }
    let unpaid = unpaid_orders(tx, plate, None, None, rules.tz).await?;
    if let Some(first) = unpaid.first() {
        return Ok(
            Judged::refused(Refusal::NotPaid, plate.into(), None).because(
                format!("（工单 {first} 未结算）"),
                format!(" (work order {first} is not settled)"),
            ),
        );
    }
    let settled = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM work_order w JOIN vehicle v ON v.id = w.vehicle_id
               WHERE v.plate = ?1 AND w.status = 'settled') AS "settled!: bool""#,
        plate
    )
    .fetch_one(&mut *tx)
    .await?;
    let used = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM exit_pass WHERE plate = ?1 AND used_at IS NOT NULL) AS "used!: bool""#,
        plate
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(if settled {
        Judged::refused(Refusal::NotFound, plate.into(), None).because(
            "（已结算，请到收银处开具出门证）",
            " (settled: the cash desk issues the pass)",
        )
    } else if used {
        Judged::refused(Refusal::Used, plate.into(), None)
    } else {
        Judged::refused(Refusal::NotFound, plate.into(), None)
    })
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
               g.round_trip, p.kind AS "kind?", w.number AS "number?"
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
            round_trip: r.round_trip,
            refusal: (!r.reason.is_empty())
                .then(|| Refusal::parse(&r.reason))
                .transpose()?,
            kind: r.kind.as_deref().map(PassKind::parse).transpose()?,
            work_order_number: r.number.unwrap_or_default(),
        })
    })
    .collect()
}
