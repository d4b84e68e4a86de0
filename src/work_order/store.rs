//! The SQL of work orders: numbering, the form's content, lines, history, signed versions
//! and dispatch.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{
    DispatchInput, Line, LineKind, OrderAction, OrderHistoryLine, OrderStatus, PartsNotice,
    PayType, Signature, Stock, VersionLine, WorkOrder, WorkOrderDraft, WorkOrderFile,
    WorkOrderLine, settings,
};
use crate::reception::{CheckIn, CustomerWaits, Interview, OldParts};
use crate::{Error, Result, Store};

fn not_found() -> Error {
    Error::NotFound {
        what_zh: "工单",
        what_en: "Work order",
    }
}

fn changed_meanwhile() -> Error {
    Error::conflict(
        "工单刚被其他人修改过，请重新打开后再改",
        "Someone changed this work order meanwhile; open it again, then make your change",
    )
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Io(e.into())
}

/// What a new work order starts with, from the booking or the walk-in.
pub(crate) struct NewOrder<'a> {
    pub customer_id: i64,
    pub vehicle_id: i64,
    pub appointment_id: Option<i64>,
    pub advisor_id: i64,
    pub what: &'a str,
    pub team: &'a str,
    pub bay: &'a str,
}

/// Inserts a draft with the day's next number (`WOyyyymmdd-NNNN`, never reused) and its
/// first history row.
pub(crate) async fn insert(
    tx: &mut SqliteConnection,
    new: &NewOrder<'_>,
    actor_id: Option<i64>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    let prefix = format!("WO{}", today.format("%Y%m%d"));
    let last: Option<String> = sqlx::query_scalar!(
        "SELECT MAX(number) FROM work_order WHERE number LIKE ?1 || '-%'",
        prefix
    )
    .fetch_one(&mut *tx)
    .await?;
    let next = crate::text::next_in_sequence(last.as_deref());
    let number = format!("{prefix}-{next:04}");
    let created_on = today.to_string();
    let id = sqlx::query_scalar!(
        r#"INSERT INTO work_order (number, customer_id, vehicle_id, appointment_id, advisor_id,
               fault_what, team, bay, created_at, created_on)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id AS "id!""#,
        number,
        new.customer_id,
        new.vehicle_id,
        new.appointment_id,
        new.advisor_id,
        new.what,
        new.team,
        new.bay,
        now,
        created_on
    )
    .fetch_one(&mut *tx)
    .await?;
    let note = match new.appointment_id {
        Some(_) => "预约客户接待",
        None => "非预约客户接待",
    };
    write_history(
        tx,
        id,
        actor_id,
        OrderAction::Create,
        None,
        OrderStatus::Draft,
        1,
        note,
        now,
    )
    .await?;
    Ok(id)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_history(
    tx: &mut SqliteConnection,
    id: i64,
    actor_id: Option<i64>,
    action: OrderAction,
    from: Option<OrderStatus>,
    to: OrderStatus,
    version: i64,
    note: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let (action, from, to) = (action.as_str(), from.map(OrderStatus::as_str), to.as_str());
    sqlx::query!(
        "INSERT INTO work_order_history (work_order_id, at, actor_id, action, from_status, to_status, version, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        id,
        at,
        actor_id,
        action,
        from,
        to,
        version,
        note
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Status, version and revision as stored now.
pub(crate) async fn state(conn: &mut SqliteConnection, id: i64) -> Result<(OrderStatus, i64, i64)> {
    let row = sqlx::query!(
        "SELECT status, version, revision FROM work_order WHERE id = ?1",
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(not_found)?;
    Ok((OrderStatus::parse(&row.status)?, row.version, row.revision))
}

/// One checked step with check-and-set on the status; `version_step` is added to the version.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn step(
    tx: &mut SqliteConnection,
    id: i64,
    action: OrderAction,
    actor_id: Option<i64>,
    note: &str,
    version_step: i64,
    now: DateTime<Utc>,
) -> Result<(OrderStatus, i64)> {
    let (from, version, _) = state(tx, id).await?;
    let to = super::transition(from, action)?;
    let (to_text, from_text) = (to.as_str(), from.as_str());
    let done = sqlx::query!(
        "UPDATE work_order SET status = ?1, version = version + ?2, revision = revision + 1
         WHERE id = ?3 AND status = ?4",
        to_text,
        version_step,
        id,
        from_text
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !done {
        return Err(changed_meanwhile());
    }
    let version = version + version_step;
    write_history(tx, id, actor_id, action, Some(from), to, version, note, now).await?;
    Ok((to, version))
}

/// Saves the form of a draft: the check-in, the interview and the lines, all or nothing.
pub async fn save(store: &Store, draft: &WorkOrderDraft) -> Result<()> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.write_tx().await?;
    let (status, _, revision) = state(&mut tx, draft.id).await?;
    super::transition(status, OrderAction::Save)?;
    if revision != draft.revision {
        return Err(changed_meanwhile());
    }
    let vehicle_id =
        sqlx::query_scalar!("SELECT vehicle_id FROM work_order WHERE id = ?1", draft.id)
            .fetch_one(&mut *tx)
            .await?;
    // The car's last reading before this visit: the one this order recorded does not count.
    let last_km = sqlx::query_scalar!(
        "SELECT km FROM mileage_reading WHERE vehicle_id = ?1
             AND recorded_at < (SELECT created_at FROM work_order WHERE id = ?2)
         ORDER BY read_on DESC, id DESC LIMIT 1",
        vehicle_id,
        draft.id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let mut checked = draft.check(last_km, tz)?;
    for line in &mut checked.lines {
        if let (LineKind::Part, Some(part_id)) = (line.kind, line.part_id)
            && line.stock != Some(Stock::Ordered)
        {
            let on_hand = crate::parts::store::on_hand(&mut tx, part_id).await?;
            if on_hand.unwrap_or(0) < line.quantity_hundredths {
                line.stock = Some(Stock::Ordered);
            }
        }
    }
    let c = &draft.check_in;
    let i = &draft.interview;
    let damage = serde_json::to_string(&c.damage).map_err(json_error)?;
    let waits = c.customer_waits.map(CustomerWaits::as_str);
    let old_parts = c.old_parts.map(OldParts::as_str);
    let done = sqlx::query!(
        "UPDATE work_order SET revision = revision + 1, diagnosis_only = ?1,
             fault_where = ?2, fault_when = ?3, fault_who = ?4, fault_what = ?5, fault_why = ?6,
             fault_how_fix = ?7, fault_how_much = ?8, mileage = ?9, fuel_eighths = ?10,
             damage_marks = ?11, items_left = ?12, valuables_reminded = ?13, covers_fitted = ?14,
             customer_waits = ?15, contact_phone = ?16, wash = ?17, old_parts = ?18,
             test_drive_consent = ?19, promised_at = ?20, discount_fen = ?21, waiting_parts = ?22
         WHERE id = ?23 AND revision = ?24 AND status = 'draft'",
        draft.diagnosis_only,
        i.where_,
        i.when,
        i.who,
        i.what,
        i.why,
        i.how_fix,
        i.how_much,
        c.mileage,
        c.fuel_eighths,
        damage,
        c.items_left,
        c.valuables_reminded,
        c.covers_fitted,
        waits,
        c.contact_phone,
        c.wash,
        old_parts,
        c.test_drive_consent,
        checked.promised_at,
        draft.discount_fen,
        draft.waiting_parts,
        draft.id,
        draft.revision
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if done != 1 {
        return Err(changed_meanwhile());
    }
    write_lines(&mut tx, draft.id, &checked.lines).await?;
    tx.commit().await?;
    Ok(())
}

async fn write_lines(tx: &mut SqliteConnection, id: i64, lines: &[Line]) -> Result<()> {
    sqlx::query!("DELETE FROM work_order_line WHERE work_order_id = ?1", id)
        .execute(&mut *tx)
        .await?;
    for (position, line) in lines.iter().enumerate() {
        let position = position as i64 + 1;
        let (kind, pay_type) = (line.kind.as_str(), line.pay_type.as_str());
        let stock = line.stock.map(Stock::as_str);
        sqlx::query!(
            "INSERT INTO work_order_line (work_order_id, position, kind, pay_type, operation_id, part_id,
                 code, name, quantity_hundredths, unit_price_fen, amount_fen, discount_fen, stock,
                 expected_on, technician_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            id,
            position,
            kind,
            pay_type,
            line.operation_id,
            line.part_id,
            line.code,
            line.name,
            line.quantity_hundredths,
            line.unit_price_fen,
            line.amount_fen,
            line.discount_fen,
            stock,
            line.expected_on,
            line.technician_id
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// A step without new content: submit for signature (the form must be complete), withdraw,
/// revise (a new version after signing) or cancel.
pub async fn act(
    store: &Store,
    id: i64,
    action: OrderAction,
    actor_id: Option<i64>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    if !matches!(
        action,
        OrderAction::Submit | OrderAction::Withdraw | OrderAction::Revise | OrderAction::Cancel
    ) {
        return Err(Error::conflict(
            "这一步在它自己的界面上操作",
            "This step has its own screen",
        ));
    }
    if action == OrderAction::Cancel && note.trim().is_empty() {
        return Err(Error::validation(
            "note",
            "请填写取消原因",
            "Enter why the work order is cancelled",
        ));
    }
    if action == OrderAction::Submit {
        let order = get(store, id).await?;
        let margin = settings::get(store).await?.promise_margin_minutes;
        let tz = crate::dealership::store::time_zone(store).await?;
        order.check_ready_for_signature(now, margin, tz)?;
    }
    let version_step = i64::from(action == OrderAction::Revise);
    let mut tx = store.write_tx().await?;
    step(&mut tx, id, action, actor_id, note, version_step, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Records the customer's signature on the printed version: keeps that version as signed,
/// and the mileage as the car's reading.
pub async fn sign(store: &Store, signature: &Signature, now: DateTime<Utc>) -> Result<()> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut tx = store.write_tx().await?;
    let (status, _, _) = state(&mut tx, signature.id).await?;
    super::transition(status, OrderAction::Sign)?;
    let order = get_in(&mut tx, signature.id, tz).await?;
    let content = serde_json::to_string(&order).map_err(json_error)?;
    let signed_by = signature.signed_by.trim();
    let note = format!("第 {} 版，签字人：{signed_by}", order.version);
    let (_, version) = step(
        &mut tx,
        signature.id,
        OrderAction::Sign,
        signature.actor_id,
        &note,
        0,
        now,
    )
    .await?;
    sqlx::query!(
        "INSERT INTO work_order_version (work_order_id, version, content, signed_by, signed_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        signature.id,
        version,
        content,
        signed_by,
        now,
        signature.actor_id
    )
    .execute(&mut *tx)
    .await?;
    if let Some(km) = order.check_in.mileage {
        let already = sqlx::query_scalar!(
            "SELECT COUNT(*) FROM mileage_reading WHERE vehicle_id = ?1 AND source = 'check_in' AND km = ?2 AND recorded_at >= ?3",
            order.vehicle_id,
            km,
            order.created_at
        )
        .fetch_one(&mut *tx)
        .await?;
        if already == 0 {
            let reading = crate::vehicle::MileageReading {
                read_on: now.with_timezone(&tz).date_naive().to_string(),
                km,
                source: crate::vehicle::ReadingSource::CheckIn,
                reason: String::new(),
            };
            crate::vehicle::store::add_reading_in(&mut tx, order.vehicle_id, &reading).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Dispatches a signed order: a team and bay from the settings, a technician on every
/// labour line.
pub async fn dispatch(store: &Store, input: &DispatchInput, now: DateTime<Utc>) -> Result<()> {
    let settings = crate::appointment::store::settings(store).await?;
    if !settings.teams.contains(&input.team) {
        return Err(Error::validation("team", "请选择班组", "Choose the team"));
    }
    if !settings.bays.contains(&input.bay) {
        return Err(Error::validation("bay", "请选择工位", "Choose the bay"));
    }
    let technicians: std::collections::HashSet<i64> = crate::staff::store::list(store)
        .await?
        .into_iter()
        .filter(|s| s.role == crate::staff::Role::Technician)
        .map(|s| s.id)
        .collect();
    let mut tx = store.write_tx().await?;
    let (status, _, _) = state(&mut tx, input.id).await?;
    super::transition(status, OrderAction::Dispatch)?;
    let labour = sqlx::query!(
        "SELECT id, position, name FROM work_order_line WHERE work_order_id = ?1 AND kind = 'labour' ORDER BY position",
        input.id
    )
    .fetch_all(&mut *tx)
    .await?;
    for line in &labour {
        let chosen = input
            .technicians
            .iter()
            .find(|t| t.line_id == line.id)
            .map(|t| t.technician_id)
            .filter(|id| technicians.contains(id));
        let Some(technician) = chosen else {
            return Err(Error::validation(
                "technicians",
                format!("第 {} 行 {}：请指派技师", line.position, line.name),
                format!("Line {} {}: assign a technician", line.position, line.name),
            ));
        };
        sqlx::query!(
            "UPDATE work_order_line SET technician_id = ?1 WHERE id = ?2",
            technician,
            line.id
        )
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query!(
        "UPDATE work_order SET team = ?1, bay = ?2 WHERE id = ?3",
        input.team,
        input.bay,
        input.id
    )
    .execute(&mut *tx)
    .await?;
    let note = format!("{} · {}", input.team, input.bay);
    step(
        &mut tx,
        input.id,
        OrderAction::Dispatch,
        input.actor_id,
        &note,
        0,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Logs on the customer's file that the ordered parts were explained, with what they said.
pub async fn notify_parts(store: &Store, notice: &PartsNotice, now: DateTime<Utc>) -> Result<()> {
    let order = get(store, notice.id).await?;
    let parts: Vec<String> = order
        .ordered_parts()
        .map(|l| match &l.expected_on {
            Some(day) => format!("{}（预计 {day} 到货）", l.name),
            None => l.name.clone(),
        })
        .collect();
    if parts.is_empty() {
        return Err(Error::conflict(
            "这张工单没有订货的配件",
            "This work order has no parts on order",
        ));
    }
    let staff_name = match notice.actor_id {
        Some(id) => crate::staff::store::list(store)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let entry = crate::customer::ContactLine {
        at: now,
        channel: notice.channel,
        staff_name,
        subject: format!("缺件告知 {}：{}", order.number, parts.join("、")),
        outcome: notice.outcome.trim().to_string(),
    };
    crate::customer::store::log_contact(store, order.customer_id, &entry).await
}

/// The work order as stored now.
pub async fn get(store: &Store, id: i64) -> Result<WorkOrder> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let mut conn = store.reader().acquire().await?;
    get_in(&mut conn, id, tz).await
}

pub(crate) async fn get_in(
    conn: &mut SqliteConnection,
    id: i64,
    tz: chrono_tz::Tz,
) -> Result<WorkOrder> {
    let r = sqlx::query!(
        r#"SELECT w.id, w.number, w.status, w.version, w.revision, w.customer_id, c.name AS customer_name,
               c.mobile, w.vehicle_id, v.plate, v.vin, v.brand, v.model, a.number AS "appointment_number?",
               w.advisor_id, s.name AS advisor_name, w.diagnosis_only,
               w.fault_where, w.fault_when, w.fault_who, w.fault_what, w.fault_why, w.fault_how_fix,
               w.fault_how_much, w.mileage, w.fuel_eighths, w.damage_marks, w.items_left,
               w.valuables_reminded, w.covers_fitted, w.customer_waits, w.contact_phone,
               w.wash, w.old_parts, w.test_drive_consent,
               w.promised_at AS "promised_at: DateTime<Utc>", w.discount_fen, w.waiting_parts,
               w.team, w.bay, w.created_at AS "created_at: DateTime<Utc>"
           FROM work_order w
           JOIN customer c ON c.id = w.customer_id
           JOIN vehicle v ON v.id = w.vehicle_id
           JOIN staff s ON s.id = w.advisor_id
           LEFT JOIN appointment a ON a.id = w.appointment_id
           WHERE w.id = ?1"#,
        id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(not_found)?;
    let lines = sqlx::query!(
        r#"SELECT l.id, l.kind, l.pay_type, l.operation_id, l.part_id, l.code, l.name,
               l.quantity_hundredths, l.unit_price_fen, l.amount_fen, l.discount_fen, l.stock,
               l.expected_on, l.technician_id, t.name AS "technician_name?"
           FROM work_order_line l LEFT JOIN staff t ON t.id = l.technician_id
           WHERE l.work_order_id = ?1 ORDER BY l.position"#,
        id
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|l| {
        Ok(Line {
            id: Some(l.id),
            kind: LineKind::parse(&l.kind)?,
            pay_type: PayType::parse(&l.pay_type)?,
            operation_id: l.operation_id,
            part_id: l.part_id,
            code: l.code,
            name: l.name,
            quantity_hundredths: l.quantity_hundredths,
            unit_price_fen: l.unit_price_fen,
            amount_fen: l.amount_fen,
            discount_fen: l.discount_fen,
            stock: l.stock.as_deref().map(Stock::parse).transpose()?,
            expected_on: l.expected_on,
            technician_id: l.technician_id,
            technician_name: l.technician_name.unwrap_or_default(),
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let totals = super::totals(&lines, r.discount_fen)?;
    Ok(WorkOrder {
        id: r.id,
        number: r.number,
        status: OrderStatus::parse(&r.status)?,
        version: r.version,
        revision: r.revision,
        customer_id: r.customer_id,
        customer_name: r.customer_name,
        mobile: r.mobile.unwrap_or_default(),
        vehicle_id: r.vehicle_id,
        plate: r.plate,
        vin: r.vin,
        brand: r.brand,
        model: r.model,
        appointment_number: r.appointment_number,
        advisor_id: r.advisor_id,
        advisor_name: r.advisor_name,
        diagnosis_only: r.diagnosis_only,
        interview: Interview {
            where_: r.fault_where,
            when: r.fault_when,
            who: r.fault_who,
            what: r.fault_what,
            why: r.fault_why,
            how_fix: r.fault_how_fix,
            how_much: r.fault_how_much,
        },
        check_in: CheckIn {
            mileage: r.mileage,
            fuel_eighths: r.fuel_eighths,
            damage: serde_json::from_str(&r.damage_marks).map_err(json_error)?,
            items_left: r.items_left,
            valuables_reminded: r.valuables_reminded,
            covers_fitted: r.covers_fitted,
            customer_waits: r
                .customer_waits
                .as_deref()
                .map(CustomerWaits::parse)
                .transpose()?,
            contact_phone: r.contact_phone,
            wash: r.wash,
            old_parts: r.old_parts.as_deref().map(OldParts::parse).transpose()?,
            test_drive_consent: r.test_drive_consent,
        },
        lines,
        totals,
        promised_at: r
            .promised_at
            .map(|at| at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()),
        waiting_parts: r.waiting_parts,
        team: r.team,
        bay: r.bay,
        created_at: r.created_at,
    })
}

/// The work order with its history and signed versions.
pub async fn file(store: &Store, id: i64) -> Result<WorkOrderFile> {
    let order = get(store, id).await?;
    let history = sqlx::query!(
        r#"SELECT h.at AS "at: DateTime<Utc>", s.name AS "actor_name?", h.action, h.from_status,
               h.to_status, h.version, h.note
           FROM work_order_history h LEFT JOIN staff s ON s.id = h.actor_id
           WHERE h.work_order_id = ?1 ORDER BY h.at, h.id"#,
        id
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|h| {
        Ok(OrderHistoryLine {
            at: h.at,
            actor_name: h.actor_name.unwrap_or_default(),
            action: OrderAction::parse(&h.action)?,
            from_status: h
                .from_status
                .as_deref()
                .map(OrderStatus::parse)
                .transpose()?,
            to_status: OrderStatus::parse(&h.to_status)?,
            version: h.version,
            note: h.note,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let versions = sqlx::query!(
        r#"SELECT v.version, v.signed_by, v.signed_at AS "signed_at: DateTime<Utc>", s.name AS "recorded_by?"
           FROM work_order_version v LEFT JOIN staff s ON s.id = v.recorded_by
           WHERE v.work_order_id = ?1 ORDER BY v.version"#,
        id
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|v| VersionLine {
        version: v.version,
        signed_by: v.signed_by,
        signed_at: v.signed_at,
        recorded_by: v.recorded_by.unwrap_or_default(),
    })
    .collect();
    let margin = settings::get(store).await?.promise_margin_minutes;
    let tz = crate::dealership::store::time_zone(store).await?;
    let earliest = super::earliest_promise(Utc::now(), order.totals.sold_hundredths, margin);
    Ok(WorkOrderFile {
        order,
        history,
        versions,
        earliest_promise: earliest
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    })
}

/// A version as the customer signed it.
pub async fn version(store: &Store, id: i64, version: i64) -> Result<WorkOrder> {
    let content = sqlx::query_scalar!(
        "SELECT content FROM work_order_version WHERE work_order_id = ?1 AND version = ?2",
        id,
        version
    )
    .fetch_optional(store.reader())
    .await?
    .ok_or(Error::NotFound {
        what_zh: "该签字版本",
        what_en: "That signed version",
    })?;
    serde_json::from_str(&content).map_err(json_error)
}

/// The id of a work order by its number (`WO20261123-0001`).
pub async fn id_by_number(store: &Store, number: &str) -> Result<i64> {
    let number = number.trim().to_uppercase();
    sqlx::query_scalar!("SELECT id FROM work_order WHERE number = ?1", number)
        .fetch_optional(store.reader())
        .await?
        .ok_or_else(not_found)
}

/// Work orders by status and day opened, newest first (500 at most).
pub async fn list(
    store: &Store,
    status: Option<OrderStatus>,
    day: Option<NaiveDate>,
) -> Result<Vec<WorkOrderLine>> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let (status, day) = (status.map(OrderStatus::as_str), day.map(|d| d.to_string()));
    sqlx::query!(
        r#"SELECT w.id, w.number, w.status, w.version, v.plate, v.model, c.name AS customer_name,
               s.name AS advisor_name, w.created_on, w.promised_at AS "promised_at: DateTime<Utc>",
               w.waiting_parts, w.diagnosis_only, w.team, w.bay,
               COALESCE((SELECT SUM(amount_fen - discount_fen) FROM work_order_line l
                   WHERE l.work_order_id = w.id AND l.pay_type = 'customer'), 0) - w.discount_fen AS "customer_pays_fen!: i64"
           FROM work_order w
           JOIN customer c ON c.id = w.customer_id
           JOIN vehicle v ON v.id = w.vehicle_id
           JOIN staff s ON s.id = w.advisor_id
           WHERE (?1 IS NULL OR w.status = ?1) AND (?2 IS NULL OR w.created_on = ?2)
           ORDER BY w.created_on DESC, w.number DESC LIMIT 500"#,
        status,
        day
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|r| {
        Ok(WorkOrderLine {
            id: r.id,
            number: r.number,
            status: OrderStatus::parse(&r.status)?,
            version: r.version,
            plate: r.plate,
            model: r.model,
            customer_name: r.customer_name,
            advisor_name: r.advisor_name,
            created_on: r.created_on,
            promised_at: r
                .promised_at
                .map(|at| at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()),
            customer_pays_fen: r.customer_pays_fen,
            waiting_parts: r.waiting_parts,
            diagnosis_only: r.diagnosis_only,
            team: r.team,
            bay: r.bay,
        })
    })
    .collect()
}
