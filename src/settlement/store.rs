//! The SQL of hand-over and settlement.

use chrono::{DateTime, Months, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{
    Followup, FollowupMethod, FollowupTime, HandOver, HandOverInput, PayMethod, Payment,
    SettleInput, Settlement,
};
use crate::staff::Role;
use crate::staff::store::require_role;
use crate::work_order::OrderAction as Action;
use crate::work_order::OrderStatus as Status;
use crate::work_order::store::{state, step};
use crate::{Error, Result, Store};

/// Whether the follow-up call is mandatory (any job but maintenance and body and paint work)
/// and whether the order is a maintenance job.
async fn job_kinds(conn: &mut SqliteConnection, order_id: i64) -> Result<(bool, bool)> {
    let kinds = sqlx::query_scalar!(
        r#"SELECT COALESCE(o.job_kind, 'repair') AS "kind!: String" FROM work_order_line l
           LEFT JOIN labour_operation o ON o.id = l.operation_id
           WHERE l.work_order_id = ?1 AND l.kind = 'labour'"#,
        order_id
    )
    .fetch_all(conn)
    .await?;
    let required = kinds.is_empty() || kinds.iter().any(|k| k == "repair");
    Ok((required, kinds.iter().any(|k| k == "maintenance")))
}

fn refuse_status(status: Status, zh: &str, en: &str) -> Error {
    Error::conflict(
        format!("工单{}：{zh}", status.label_zh()),
        format!("The work order is {}: {en}", status.label_en()),
    )
}

pub async fn hand_over(store: &Store, input: &HandOverInput, now: DateTime<Utc>) -> Result<()> {
    require_role(
        store,
        input.advisor_id,
        &[Role::Advisor, Role::Manager],
        (
            "advisorId",
            "交车须由服务顾问进行",
            "A service advisor hands the car over",
        ),
    )
    .await?;
    let mut tx = store.write_tx().await?;
    let (status, _, _) = state(&mut tx, input.order_id).await?;
    if status != Status::Ready {
        return Err(refuse_status(
            status,
            "车辆完工、质检并停入竣工区后才能交车",
            "a car is handed over once it is done, inspected and parked as ready",
        ));
    }
    let order = sqlx::query!(
        r#"SELECT w.advisor_id, s.name AS advisor_name,
               EXISTS (SELECT 1 FROM work_order_line l WHERE l.work_order_id = w.id AND l.kind = 'part') AS "has_parts!: bool",
               EXISTS (SELECT 1 FROM hand_over h WHERE h.work_order_id = w.id) AS "handed!: bool"
           FROM work_order w JOIN staff s ON s.id = w.advisor_id WHERE w.id = ?1"#,
        input.order_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if order.handed {
        return Err(Error::conflict(
            "这辆车已经交车",
            "This car has been handed over",
        ));
    }
    let other = order.advisor_id != input.advisor_id;
    if other && !input.other_advisor_confirmed {
        return Err(Error::validation(
            "advisorId",
            format!(
                "此车由{}接待，应由其本人交车；如由您代为交车，请确认，系统将记录在案",
                order.advisor_name
            ),
            format!(
                "{} received this car and should hand it back; confirm to hand it over yourself (it is recorded)",
                order.advisor_name
            ),
        ));
    }
    let (required, _) = job_kinds(&mut tx, input.order_id).await?;
    let followup = input.check(required, order.has_parts)?;
    let (method, time) = (
        followup.method.map(FollowupMethod::as_str),
        followup.time.map(FollowupTime::as_str),
    );
    sqlx::query!(
        "UPDATE work_order SET followup_required = ?1, followup_consent = ?2, followup_method = ?3,
             followup_phone = ?4, followup_time = ?5 WHERE id = ?6",
        followup.required,
        followup.consent,
        method,
        followup.phone,
        time,
        input.order_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO hand_over (work_order_id, at, advisor_id, other_advisor, work_explained,
             old_parts_shown, covers_removed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        input.order_id,
        now,
        input.advisor_id,
        other,
        input.work_explained,
        input.old_parts_shown,
        input.covers_removed
    )
    .execute(&mut *tx)
    .await?;
    let note = if other {
        format!("非接车顾问交车（接车顾问：{}）", order.advisor_name)
    } else {
        String::new()
    };
    step(
        &mut tx,
        input.order_id,
        Action::HandOver,
        Some(input.advisor_id),
        &note,
        0,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn settle(store: &Store, input: &SettleInput, now: DateTime<Utc>) -> Result<()> {
    require_role(
        store,
        input.cashier_id,
        &[Role::Cashier, Role::Manager],
        (
            "cashierId",
            "结算须由收银员进行",
            "The cashier settles the bill",
        ),
    )
    .await?;
    let due = crate::work_order::store::get(store, input.order_id)
        .await?
        .totals
        .customer_pays_fen;
    let invoice = input.check(due)?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.write_tx().await?;
    settle_in(
        &mut tx,
        input,
        &invoice,
        now,
        now.with_timezone(&tz).date_naive(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Records the payments, settles the order and adds the visit to the customer's file.
pub(crate) async fn settle_in(
    tx: &mut SqliteConnection,
    input: &SettleInput,
    invoice: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<()> {
    let (status, _, _) = state(tx, input.order_id).await?;
    if status == Status::Settled || status == Status::Exited {
        return Err(Error::conflict(
            "这张工单已经结算",
            "This work order is settled",
        ));
    }
    let handed = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM hand_over WHERE work_order_id = ?1) AS "handed!: bool""#,
        input.order_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if status == Status::Ready && !handed {
        return Err(Error::conflict(
            "请服务顾问先交车（说明工作、展示旧件、约定回访），再结算",
            "The advisor hands the car over first (work explained, old parts shown, follow-up agreed)",
        ));
    }
    for payment in &input.payments {
        let method = payment.method.as_str();
        sqlx::query!(
            "INSERT INTO payment (work_order_id, method, amount_fen, cashier_id, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            input.order_id,
            method,
            payment.amount_fen,
            input.cashier_id,
            now
        )
        .execute(&mut *tx)
        .await?;
    }
    // What the order came to, kept with it for the manager's figures.
    sqlx::query!(
        r#"UPDATE work_order SET invoice_number = ?1, settled_at = ?2, cashier_id = ?3,
               labour_fen = s.labour, parts_fen = s.parts, sold_hundredths = s.hours,
               customer_fen = s.customer - discount_fen, warranty_fen = s.warranty,
               internal_fen = s.internal, goodwill_fen = s.goodwill
           FROM (SELECT COALESCE(SUM(CASE WHEN kind = 'labour' THEN amount_fen - discount_fen END), 0) AS labour,
                        COALESCE(SUM(CASE WHEN kind = 'part' THEN amount_fen - discount_fen END), 0) AS parts,
                        COALESCE(SUM(CASE WHEN kind = 'labour' THEN quantity_hundredths END), 0) AS hours,
                        COALESCE(SUM(CASE WHEN pay_type = 'customer' THEN amount_fen - discount_fen END), 0) AS customer,
                        COALESCE(SUM(CASE WHEN pay_type = 'warranty' THEN amount_fen - discount_fen END), 0) AS warranty,
                        COALESCE(SUM(CASE WHEN pay_type = 'internal' THEN amount_fen - discount_fen END), 0) AS internal,
                        COALESCE(SUM(CASE WHEN pay_type = 'goodwill' THEN amount_fen - discount_fen END), 0) AS goodwill
                 FROM work_order_line WHERE work_order_id = ?4) AS s
           WHERE id = ?4"#,
        invoice,
        now,
        input.cashier_id,
        input.order_id
    )
    .execute(&mut *tx)
    .await?;
    let paid: i64 = input.payments.iter().map(|p| p.amount_fen).sum();
    let note = input
        .payments
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p.method.label_zh(),
                crate::money::format_yuan(p.amount_fen)
            )
        })
        .collect::<Vec<_>>()
        .join("，");
    step(
        tx,
        input.order_id,
        Action::Settle,
        Some(input.cashier_id),
        &note,
        0,
        now,
    )
    .await?;
    let (_, maintenance) = job_kinds(tx, input.order_id).await?;
    let today = today.to_string();
    sqlx::query!(
        r#"INSERT INTO service_visit (customer_id, vehicle_id, visit_date, mileage, summary, revenue_fen, is_maintenance)
           SELECT w.customer_id, w.vehicle_id, ?1, w.mileage,
                  w.number || ' ' || COALESCE((SELECT group_concat(name, '、') FROM work_order_line l
                      WHERE l.work_order_id = w.id AND l.kind = 'labour'), '检查'),
                  ?2, ?3
           FROM work_order w WHERE w.id = ?4"#,
        today,
        paid,
        maintenance,
        input.order_id
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// How often the statement has been printed, once it may be: from the hand-over on.
pub(crate) async fn prints_so_far(tx: &mut SqliteConnection, order_id: i64) -> Result<i64> {
    let (status, _, _) = state(tx, order_id).await?;
    if !matches!(status, Status::Ready | Status::Settled | Status::Exited) {
        return Err(refuse_status(
            status,
            "完工交车时才打印结算清单",
            "the settlement statement is printed at hand-over",
        ));
    }
    Ok(sqlx::query_scalar!(
        "SELECT statement_prints FROM work_order WHERE id = ?1",
        order_id
    )
    .fetch_one(tx)
    .await?)
}

/// Counts one more print of the statement.
pub(crate) async fn count_print(tx: &mut SqliteConnection, order_id: i64) -> Result<()> {
    sqlx::query!(
        "UPDATE work_order SET statement_prints = statement_prints + 1 WHERE id = ?1",
        order_id
    )
    .execute(tx)
    .await?;
    Ok(())
}

pub async fn get(store: &Store, order_id: i64) -> Result<Settlement> {
    let order = crate::work_order::store::get(store, order_id).await?;
    let row = sqlx::query!(
        r#"SELECT w.followup_required, w.followup_consent AS "followup_consent?: bool",
               w.followup_method, w.followup_phone, w.followup_time, w.invoice_number,
               w.settled_at AS "settled_at?: DateTime<Utc>", COALESCE(c.name, '') AS "cashier_name!: String",
               w.statement_prints
           FROM work_order w LEFT JOIN staff c ON c.id = w.cashier_id WHERE w.id = ?1"#,
        order_id
    )
    .fetch_one(store.reader())
    .await?;
    let hand_over = sqlx::query!(
        r#"SELECT h.at AS "at: DateTime<Utc>", s.name AS advisor_name, h.other_advisor,
               h.work_explained, h.old_parts_shown, h.covers_removed
           FROM hand_over h JOIN staff s ON s.id = h.advisor_id WHERE h.work_order_id = ?1"#,
        order_id
    )
    .fetch_optional(store.reader())
    .await?
    .map(|h| HandOver {
        at: h.at,
        advisor_name: h.advisor_name,
        other_advisor: h.other_advisor,
        work_explained: h.work_explained,
        old_parts_shown: h.old_parts_shown,
        covers_removed: h.covers_removed,
    });
    let payments = sqlx::query!(
        r#"SELECT p.method, p.amount_fen, s.name AS cashier_name, p.at AS "at: DateTime<Utc>"
           FROM payment p JOIN staff s ON s.id = p.cashier_id WHERE p.work_order_id = ?1 ORDER BY p.id"#,
        order_id
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|p| {
        Ok(Payment {
            method: PayMethod::parse(&p.method)?,
            amount_fen: p.amount_fen,
            cashier_name: p.cashier_name,
            at: p.at,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let (required, maintenance) =
        job_kinds(&mut *store.reader().acquire().await?, order_id).await?;
    // Before hand-over the rule decides; after it, what was marked.
    let required = if hand_over.is_some() {
        row.followup_required
    } else {
        required
    };
    let exit_pass = crate::gate::store::pass_of_order(store, order_id).await?;
    Ok(Settlement {
        has_parts: order
            .lines
            .iter()
            .any(|l| l.kind == crate::work_order::LineKind::Part),
        maintenance,
        followup: Followup {
            required,
            consent: row.followup_consent,
            method: row
                .followup_method
                .as_deref()
                .map(FollowupMethod::parse)
                .transpose()?,
            phone: row.followup_phone,
            time: row
                .followup_time
                .as_deref()
                .map(FollowupTime::parse)
                .transpose()?,
        },
        order,
        hand_over,
        payments,
        invoice_number: row.invoice_number,
        settled_at: row.settled_at,
        cashier_name: row.cashier_name,
        statement_prints: row.statement_prints,
        exit_pass,
    })
}

/// The next service printed on the statement: counted from this visit after maintenance,
/// otherwise as the vehicle file has it.
pub async fn next_service(
    store: &Store,
    settlement: &Settlement,
    today: NaiveDate,
) -> Result<(Option<String>, Option<i64>)> {
    let file = crate::vehicle::store::get(store, settlement.order.vehicle_id).await?;
    if !settlement.maintenance {
        return Ok((file.next_service_date, file.next_service_km));
    }
    let km = file
        .vehicle
        .service_interval_km
        .unwrap_or(crate::vehicle::DEFAULT_INTERVAL_KM);
    let months = file
        .vehicle
        .service_interval_months
        .map(|m| m as u32)
        .unwrap_or(crate::vehicle::DEFAULT_INTERVAL_MONTHS);
    Ok((
        today
            .checked_add_months(Months::new(months))
            .map(|d| d.to_string()),
        settlement.order.check_in.mileage.map(|m| m + km),
    ))
}
