//! The SQL of bookings, their history, the proactive call log, campaigns and settings.

use chrono::{DateTime, Months, NaiveDate, NaiveTime, Utc};
use sqlx::SqliteConnection;

use super::call_list::{
    self, CallEntry, CallInput, CallLine, CallList, CallOutcome, CallReason, Campaign, ReasonLine,
    Visibility,
};
use super::figures::{self, AppointmentFigures, Counts, ReasonCount};
use super::{
    Action, AppointmentSettings, Benefit, BenefitInput, BookingFile, BookingLine, CheckedBooking,
    ConfirmationCall, DayView, DueNow, HistoryLine, Kind, NoShowReason, RescheduleInput,
    ServiceType, Status, When,
};
use crate::customer::{ContactDays, CustomerKind, Gender};
use crate::{Error, LocalizedText, Result, Store};

const SETTINGS_KEY: &str = "appointment.settings";

/// The booking settings the dealership set, or the defaults.
pub async fn settings(store: &Store) -> Result<AppointmentSettings> {
    crate::dealership::store::setting(store, SETTINGS_KEY).await
}

pub async fn save_settings(
    store: &Store,
    input: &AppointmentSettings,
) -> Result<AppointmentSettings> {
    let settings = input.validate()?;
    crate::dealership::store::save_setting(store, SETTINGS_KEY, &settings).await?;
    Ok(settings)
}

fn not_found() -> Error {
    Error::NotFound {
        what_zh: "预约",
        what_en: "Booking",
    }
}

/// Stores a checked booking in one transaction: the customer file when new, the booking with
/// its number, the first history row, and the call that made it.
pub async fn create(
    store: &Store,
    checked: &CheckedBooking,
    settings: &AppointmentSettings,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let input = &checked.input;
    let mut tx = store.write_tx().await?;
    let (customer_id, vehicle_id) = match &input.new_customer {
        Some(draft) => {
            let customer_id =
                crate::customer::store::insert(&mut tx, &draft.validate()?, now).await?;
            let vehicle_id = sqlx::query_scalar!(
                r#"SELECT id AS "id!" FROM vehicle WHERE customer_id = ?1 ORDER BY id DESC LIMIT 1"#,
                customer_id
            )
            .fetch_one(&mut *tx)
            .await?;
            (customer_id, vehicle_id)
        }
        None => {
            let (customer_id, vehicle_id) = (
                input.customer_id.unwrap_or(0),
                input.vehicle_id.unwrap_or(0),
            );
            let owner =
                sqlx::query_scalar!("SELECT customer_id FROM vehicle WHERE id = ?1", vehicle_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if owner != Some(customer_id) {
                return Err(Error::validation(
                    "vehicleId",
                    "这辆车不在该客户名下",
                    "This vehicle does not belong to the customer",
                ));
            }
            (customer_id, vehicle_id)
        }
    };
    let advisor_name = advisor_name(&mut tx, checked.advisor_id).await?;
    let draft = BookingLine {
        id: 0,
        advisor_id: checked.advisor_id,
        advisor_name,
        bay: input.bay.clone(),
        expected_minutes: input.expected_minutes,
        ..blank_line(checked.when)
    };
    let ids = day_ids(&mut tx, checked.when.day).await?;
    let same_day = lines(&mut tx, &ids).await?;
    super::check_capacity(
        super::over_capacity(&draft, &same_day, settings),
        input.overbook,
    )?;
    let id = insert(&mut tx, checked, customer_id, vehicle_id, None, now).await?;
    write_history(
        &mut tx,
        id,
        actor_id,
        Action::Create,
        None,
        Status::Booked,
        &booking_note(checked),
        now,
    )
    .await?;
    if let Some(call) = &input.call {
        let logged = LoggedCall {
            vehicle_id,
            customer_id,
            reason: call.reason,
            campaign_id: call.campaign_id,
            outcome: CallOutcome::Booked,
            note: String::new(),
            call_back_at: None,
            appointment_id: Some(id),
        };
        insert_call(&mut tx, &logged, actor_id, now).await?;
    }
    tx.commit().await?;
    tracing::info!(appointment_id = id, customer_id, "booking made");
    Ok(id)
}

fn booking_note(checked: &CheckedBooking) -> String {
    match checked.when.slot {
        Some(slot) => format!("{} {}", checked.when.day, slot.format("%H:%M")),
        None => format!("{} 当天到店，不定时", checked.when.day),
    }
}

/// A line with only its time set, for the capacity check of a booking not yet stored.
fn blank_line(when: When) -> BookingLine {
    BookingLine {
        id: 0,
        number: String::new(),
        kind: Kind::Passive,
        service_type: ServiceType::Maintenance,
        status: Status::Booked,
        day: when.day.to_string(),
        slot: when.slot.map(|s| s.format("%H:%M").to_string()),
        customer_id: 0,
        customer_name: String::new(),
        greeting: String::new(),
        mobile: String::new(),
        vehicle_id: 0,
        plate: String::new(),
        model: String::new(),
        advisor_id: 0,
        advisor_name: String::new(),
        team: String::new(),
        bay: String::new(),
        expected_minutes: 60,
        parts: String::new(),
        description: String::new(),
        driver: String::new(),
        arrived_at: None,
        no_show_reason: None,
        no_show_note: String::new(),
        benefit: None,
        benefit_note: String::new(),
        benefit_points: 0,
        rescheduled_from: None,
    }
}

async fn advisor_name(conn: &mut SqliteConnection, id: i64) -> Result<String> {
    sqlx::query_scalar!(
        "SELECT name FROM staff WHERE id = ?1 AND role = 'advisor' AND active",
        id
    )
    .fetch_optional(conn)
    .await?
    .ok_or_else(|| {
        Error::validation(
            "advisorId",
            "请选择在职的服务顾问",
            "Choose an active service advisor",
        )
    })
}

/// Inserts the booking row with the day's next number (`YYYYMMDD-NNN`, never reused).
pub(crate) async fn insert(
    tx: &mut SqliteConnection,
    checked: &CheckedBooking,
    customer_id: i64,
    vehicle_id: i64,
    rescheduled_from: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let input = &checked.input;
    let prefix = checked.when.day.format("%Y%m%d").to_string();
    let last: Option<String> = sqlx::query_scalar!(
        "SELECT MAX(number) FROM appointment WHERE number LIKE ?1 || '-%'",
        prefix
    )
    .fetch_one(&mut *tx)
    .await?;
    let next = crate::text::next_in_sequence(last.as_deref());
    let number = format!("{prefix}-{next:03}");
    let day = checked.when.day.to_string();
    let slot = checked.when.slot.map(|s| s.format("%H:%M").to_string());
    let (kind, service_type) = (input.kind.as_str(), input.service_type.as_str());
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO appointment (number, kind, service_type, customer_id, vehicle_id, day, slot, advisor_id,
               team, bay, expected_minutes, parts, description, rescheduled_from, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id AS "id!""#,
        number,
        kind,
        service_type,
        customer_id,
        vehicle_id,
        day,
        slot,
        checked.advisor_id,
        input.team,
        input.bay,
        input.expected_minutes,
        input.parts,
        input.description,
        rescheduled_from,
        now
    )
    .fetch_one(&mut *tx)
    .await?)
}

#[allow(clippy::too_many_arguments)]
pub(crate) async fn write_history(
    tx: &mut SqliteConnection,
    id: i64,
    actor_id: Option<i64>,
    action: Action,
    from: Option<Status>,
    to: Status,
    note: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    let (action, from, to) = (action.as_str(), from.map(Status::as_str), to.as_str());
    sqlx::query!(
        "INSERT INTO appointment_history (appointment_id, at, actor_id, action, from_status, to_status, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        id,
        at,
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

/// Moves a booking one step with check-and-set: false when another desk (or the no-show
/// rule) changed it first.
pub async fn change_status(
    store: &Store,
    id: i64,
    from: Status,
    action: Action,
    actor_id: Option<i64>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let mut tx = store.write_tx().await?;
    let changed = step(&mut tx, id, from, action, actor_id, note, now).await?;
    tx.commit().await?;
    Ok(changed.is_some())
}

/// One checked step inside the caller's transaction; returns the new status when it was made.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn step(
    tx: &mut SqliteConnection,
    id: i64,
    from: Status,
    action: Action,
    actor_id: Option<i64>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Option<Status>> {
    let to = super::transition(from, action)?;
    let (to_text, from_text) = (to.as_str(), from.as_str());
    let arrived_at = (to == Status::Arrived).then_some(now);
    let done = sqlx::query!(
        "UPDATE appointment SET status = ?1, version = version + 1, arrived_at = COALESCE(?4, arrived_at)
         WHERE id = ?2 AND status = ?3",
        to_text,
        id,
        from_text,
        arrived_at
    )
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !done {
        return Ok(None);
    }
    write_history(tx, id, actor_id, action, Some(from), to, note, now).await?;
    Ok(Some(to))
}

/// The current status; a step from a status read earlier is refused if it changed meanwhile.
async fn status_of(conn: &mut SqliteConnection, id: i64) -> Result<Status> {
    let status = sqlx::query_scalar!("SELECT status FROM appointment WHERE id = ?1", id)
        .fetch_optional(conn)
        .await?
        .ok_or_else(not_found)?;
    Status::parse(&status)
}

/// A step the desk takes on a booking (confirm, arrive, cancel, no-show by hand).
pub async fn act(
    store: &Store,
    id: i64,
    action: Action,
    actor_id: Option<i64>,
    note: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let from = status_of(&mut tx, id).await?;
    if step(&mut tx, id, from, action, actor_id, note, now)
        .await?
        .is_none()
    {
        return Err(changed_meanwhile());
    }
    tx.commit().await?;
    Ok(())
}

fn changed_meanwhile() -> Error {
    Error::conflict(
        "该预约刚被其他人修改，请刷新后再试",
        "The booking was changed meanwhile; reload and try again",
    )
}

/// Records the confirmation call: not reached (logged, still booked) or coming (confirmed,
/// with the driver and, for an untimed booking, the exact time named).
pub async fn confirm(
    store: &Store,
    id: i64,
    call: &ConfirmationCall,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let from = status_of(&mut tx, id).await?;
    let note = call.note.trim();
    if !call.reached {
        if !from.is_open() {
            super::transition(from, Action::Confirm)?;
        }
        let note = if note.is_empty() {
            "确认电话未接通".to_string()
        } else {
            format!("确认电话未接通：{note}")
        };
        write_history(
            &mut tx,
            id,
            actor_id,
            Action::Confirm,
            Some(from),
            from,
            &note,
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    if !call.coming {
        return Err(Error::validation(
            "coming",
            "客户不来了：请取消或改约",
            "The customer is not coming: cancel or reschedule the booking",
        ));
    }
    let exact = call.exact_time.trim();
    if !exact.is_empty() {
        let day: String = sqlx::query_scalar!("SELECT day FROM appointment WHERE id = ?1", id)
            .fetch_one(&mut *tx)
            .await?;
        let when = super::check_when(&day, exact, settings, tz, now).map_err(|e| match e {
            Error::Validation { zh, en, .. } => Error::Validation {
                field: "exactTime",
                zh,
                en,
            },
            other => other,
        })?;
        let slot = when.slot.map(|s| s.format("%H:%M").to_string());
        sqlx::query!("UPDATE appointment SET slot = ?1 WHERE id = ?2", slot, id)
            .execute(&mut *tx)
            .await?;
    }
    let driver = call.driver.trim();
    set_driver(&mut tx, id, driver).await?;
    let mut text = vec!["确认来店".to_string()];
    if !exact.is_empty() {
        text.push(format!("时间 {exact}"));
    }
    if !driver.is_empty() {
        text.push(format!("送车人：{driver}"));
    }
    if !note.is_empty() {
        text.push(note.to_string());
    }
    if step(
        &mut tx,
        id,
        from,
        Action::Confirm,
        actor_id,
        &text.join("，"),
        now,
    )
    .await?
    .is_none()
    {
        return Err(changed_meanwhile());
    }
    tx.commit().await?;
    Ok(())
}

/// Records the reason a no-show gave when asked.
pub async fn record_no_show_reason(
    store: &Store,
    id: i64,
    reason: NoShowReason,
    note: &str,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let note = note.trim();
    if !no_show_reason_in(&mut tx, id, reason, note).await? {
        let status = status_of(&mut tx, id).await?;
        return Err(Error::InvalidTransition {
            zh: format!("预约{}，不是失约，无需失约原因", status.label_zh()),
            en: format!("The booking is {}, not a no-show", status.label_en()),
        });
    }
    write_history(
        &mut tx,
        id,
        actor_id,
        Action::NoShow,
        Some(Status::NoShow),
        Status::NoShow,
        format!("失约原因：{} {note}", reason.label_zh()).trim_end(),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the reason of a no-show; false when the booking is not a no-show.
pub(crate) async fn no_show_reason_in(
    conn: &mut SqliteConnection,
    id: i64,
    reason: NoShowReason,
    note: &str,
) -> Result<bool> {
    let reason = reason.as_str();
    Ok(sqlx::query!(
        "UPDATE appointment SET no_show_reason = ?1, no_show_note = ?2, version = version + 1
         WHERE id = ?3 AND status = 'no_show'",
        reason,
        note,
        id
    )
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Records the benefit of a kept appointment, once; points go to the membership ledger.
pub async fn record_benefit(
    store: &Store,
    id: i64,
    benefit: &BenefitInput,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let row = sqlx::query!(
        "SELECT status, benefit, customer_id, number FROM appointment WHERE id = ?1",
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(not_found)?;
    if Status::parse(&row.status)? != Status::Arrived {
        return Err(Error::InvalidTransition {
            zh: "客户到店后才能记录守约礼遇".into(),
            en: "A benefit is recorded once the customer has arrived".into(),
        });
    }
    if row.benefit.is_some() {
        return Err(Error::conflict(
            "该预约已记录守约礼遇",
            "This booking's benefit is already recorded",
        ));
    }
    benefit_in(&mut tx, id, row.customer_id, &row.number, benefit, now).await?;
    let note = match benefit.benefit {
        Benefit::Points => format!("守约礼遇：积分 {} 分", benefit.points),
        other => format!("守约礼遇：{} {}", other.label_zh(), benefit.note),
    };
    write_history(
        &mut tx,
        id,
        actor_id,
        Action::Arrive,
        Some(Status::Arrived),
        Status::Arrived,
        &note,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Stores the benefit on the booking and, for points, in the membership ledger.
pub(crate) async fn benefit_in(
    tx: &mut SqliteConnection,
    id: i64,
    customer_id: i64,
    number: &str,
    benefit: &BenefitInput,
    now: DateTime<Utc>,
) -> Result<()> {
    let kind = benefit.benefit.as_str();
    sqlx::query!(
        "UPDATE appointment SET benefit = ?1, benefit_note = ?2, benefit_points = ?3, version = version + 1 WHERE id = ?4",
        kind,
        benefit.note,
        benefit.points,
        id
    )
    .execute(&mut *tx)
    .await?;
    if benefit.benefit == Benefit::Points {
        crate::customer::store::add_points_in(
            tx,
            customer_id,
            benefit.points,
            &format!("守约礼遇（预约 {number}）"),
            now,
        )
        .await?;
    }
    Ok(())
}

/// Sets who drives the car in (from the confirmation call).
pub(crate) async fn set_driver(conn: &mut SqliteConnection, id: i64, driver: &str) -> Result<()> {
    sqlx::query!(
        "UPDATE appointment SET driver = ?1 WHERE id = ?2",
        driver,
        id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves a booking to another time: a new booking linked to the old one, which becomes
/// rescheduled, in one transaction.
pub async fn reschedule(
    store: &Store,
    id: i64,
    input: &RescheduleInput,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let old = line(store, id).await?;
    super::transition(old.status, Action::Reschedule)?;
    let when = super::check_when(&input.day, &input.slot, settings, tz, now)?;
    let advisor_id = input.advisor_id.unwrap_or(old.advisor_id);
    let bay = input.bay.trim().to_string();
    if !bay.is_empty() && !settings.bays.contains(&bay) {
        return Err(Error::validation(
            "bay",
            format!("没有工位“{bay}”"),
            format!("There is no bay “{bay}”"),
        ));
    }
    let mut tx = store.write_tx().await?;
    let draft = BookingLine {
        advisor_id,
        advisor_name: advisor_name(&mut tx, advisor_id).await?,
        bay: bay.clone(),
        expected_minutes: old.expected_minutes,
        ..blank_line(when)
    };
    let ids = day_ids(&mut tx, when.day).await?;
    let same_day = lines(&mut tx, &ids).await?;
    let same_day: Vec<BookingLine> = same_day.into_iter().filter(|b| b.id != id).collect();
    super::check_capacity(
        super::over_capacity(&draft, &same_day, settings),
        input.overbook,
    )?;
    let checked = CheckedBooking {
        input: super::BookingInput {
            kind: old.kind,
            service_type: old.service_type,
            customer_id: Some(old.customer_id),
            vehicle_id: Some(old.vehicle_id),
            new_customer: None,
            day: when.day.to_string(),
            slot: draft.slot.clone().unwrap_or_default(),
            advisor_id: Some(advisor_id),
            team: old.team.clone(),
            bay,
            expected_minutes: old.expected_minutes,
            parts: old.parts.clone(),
            description: old.description.clone(),
            call: None,
            overbook: input.overbook,
        },
        when,
        advisor_id,
    };
    let new_id = insert(
        &mut tx,
        &checked,
        old.customer_id,
        old.vehicle_id,
        Some(id),
        now,
    )
    .await?;
    let note = format!("改约至 {}；{}", booking_note(&checked), input.note.trim());
    if step(
        &mut tx,
        id,
        old.status,
        Action::Reschedule,
        actor_id,
        &note,
        now,
    )
    .await?
    .is_none()
    {
        return Err(changed_meanwhile());
    }
    write_history(
        &mut tx,
        new_id,
        actor_id,
        Action::Create,
        None,
        Status::Booked,
        &format!("由预约 {} 改约", old.number),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(new_id)
}

struct LineRow {
    id: i64,
    number: String,
    kind: String,
    service_type: String,
    status: String,
    day: String,
    slot: Option<String>,
    customer_id: i64,
    customer_name: String,
    customer_kind: String,
    gender: Option<String>,
    mobile: Option<String>,
    vehicle_id: i64,
    plate: String,
    model: String,
    advisor_id: i64,
    advisor_name: String,
    team: String,
    bay: String,
    expected_minutes: i64,
    parts: String,
    description: String,
    driver: String,
    arrived_at: Option<DateTime<Utc>>,
    no_show_reason: Option<String>,
    no_show_note: String,
    benefit: Option<String>,
    benefit_note: String,
    benefit_points: i64,
    rescheduled_from: Option<String>,
}

impl LineRow {
    fn into_line(self) -> Result<BookingLine> {
        let gender = self.gender.as_deref().map(Gender::parse).transpose()?;
        let kind = CustomerKind::parse(&self.customer_kind)?;
        Ok(BookingLine {
            id: self.id,
            number: self.number,
            kind: Kind::parse(&self.kind)?,
            service_type: ServiceType::parse(&self.service_type)?,
            status: Status::parse(&self.status)?,
            day: self.day,
            slot: self.slot,
            customer_id: self.customer_id,
            greeting: super::greeting(&self.customer_name, gender, kind),
            customer_name: self.customer_name,
            mobile: self.mobile.unwrap_or_default(),
            vehicle_id: self.vehicle_id,
            plate: self.plate,
            model: self.model,
            advisor_id: self.advisor_id,
            advisor_name: self.advisor_name,
            team: self.team,
            bay: self.bay,
            expected_minutes: self.expected_minutes,
            parts: self.parts,
            description: self.description,
            driver: self.driver,
            arrived_at: self.arrived_at,
            no_show_reason: self
                .no_show_reason
                .as_deref()
                .map(NoShowReason::parse)
                .transpose()?,
            no_show_note: self.no_show_note,
            benefit: self.benefit.as_deref().map(Benefit::parse).transpose()?,
            benefit_note: self.benefit_note,
            benefit_points: self.benefit_points,
            rescheduled_from: self.rescheduled_from,
        })
    }
}

/// The bookings with these ids, in the order given.
pub(crate) async fn lines(conn: &mut SqliteConnection, ids: &[i64]) -> Result<Vec<BookingLine>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(ids).map_err(|e| Error::Io(e.into()))?;
    let rows = sqlx::query_as!(
        LineRow,
        r#"SELECT a.id AS "id!", a.number, a.kind, a.service_type, a.status, a.day, a.slot,
               a.customer_id, c.name AS customer_name, c.kind AS customer_kind, c.gender, c.mobile,
               a.vehicle_id, v.plate, v.model, a.advisor_id, s.name AS advisor_name, a.team, a.bay,
               a.expected_minutes, a.parts, a.description, a.driver,
               a.arrived_at AS "arrived_at: DateTime<Utc>", a.no_show_reason, a.no_show_note,
               a.benefit, a.benefit_note, a.benefit_points, f.number AS "rescheduled_from?"
           FROM appointment a
           JOIN customer c ON c.id = a.customer_id
           JOIN vehicle v ON v.id = a.vehicle_id
           JOIN staff s ON s.id = a.advisor_id
           LEFT JOIN appointment f ON f.id = a.rescheduled_from
           WHERE a.id IN (SELECT value FROM json_each(?1))"#,
        json
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<BookingLine> = rows
        .into_iter()
        .map(LineRow::into_line)
        .collect::<Result<_>>()?;
    out.sort_by_key(|l| ids.iter().position(|id| *id == l.id));
    Ok(out)
}

/// A day's bookings by time; untimed ones after the timed.
async fn day_ids(conn: &mut SqliteConnection, day: NaiveDate) -> Result<Vec<i64>> {
    let day = day.to_string();
    Ok(sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM appointment WHERE day = ?1 ORDER BY slot IS NULL, slot, id"#,
        day
    )
    .fetch_all(conn)
    .await?)
}

pub async fn line(store: &Store, id: i64) -> Result<BookingLine> {
    let mut conn = store.reader().acquire().await?;
    lines(&mut conn, &[id]).await?.pop().ok_or_else(not_found)
}

/// Every booking of a day, by time.
pub async fn day_lines(store: &Store, day: NaiveDate) -> Result<Vec<BookingLine>> {
    let mut conn = store.reader().acquire().await?;
    let ids = day_ids(&mut conn, day).await?;
    lines(&mut conn, &ids).await
}

/// Open bookings up to and including `day` (the no-show rule looks at these).
pub async fn open_until(store: &Store, day: NaiveDate) -> Result<Vec<BookingLine>> {
    let mut conn = store.reader().acquire().await?;
    let day = day.to_string();
    let ids = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM appointment WHERE status IN ('booked', 'confirmed') AND day <= ?1
           ORDER BY day, slot IS NULL, slot, id"#,
        day
    )
    .fetch_all(&mut *conn)
    .await?;
    lines(&mut conn, &ids).await
}

/// A booking with its history and the booking that replaced it.
pub async fn get(store: &Store, id: i64) -> Result<BookingFile> {
    let booking = line(store, id).await?;
    let db = store.reader();
    let rows = sqlx::query!(
        r#"SELECT h.at AS "at: DateTime<Utc>", COALESCE(s.name, '') AS "actor_name!: String", h.action,
               h.from_status, h.to_status, h.note
           FROM appointment_history h LEFT JOIN staff s ON s.id = h.actor_id
           WHERE h.appointment_id = ?1 ORDER BY h.at, h.id"#,
        id
    )
    .fetch_all(db)
    .await?;
    let history = rows
        .into_iter()
        .map(|r| {
            Ok(HistoryLine {
                at: r.at,
                actor_name: r.actor_name,
                action: r.action,
                from_status: r.from_status.as_deref().map(Status::parse).transpose()?,
                to_status: Status::parse(&r.to_status)?,
                note: r.note,
            })
        })
        .collect::<Result<_>>()?;
    let rescheduled_to = sqlx::query_scalar!(
        "SELECT number FROM appointment WHERE rescheduled_from = ?1",
        id
    )
    .fetch_optional(db)
    .await?;
    let contact = sqlx::query!(
        "SELECT contact_days, contact_from, contact_to FROM customer WHERE id = ?1",
        booking.customer_id
    )
    .fetch_one(db)
    .await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let (contact_window, _) = call_list::contact_window(
        ContactDays::parse(&contact.contact_days)?,
        hm(contact.contact_from.as_deref()),
        hm(contact.contact_to.as_deref()),
        Utc::now().with_timezone(&tz).naive_local(),
    );
    Ok(BookingFile {
        booking,
        history,
        rescheduled_to,
        contact_window,
    })
}

fn hm(value: Option<&str>) -> Option<NaiveTime> {
    value.and_then(|v| NaiveTime::parse_from_str(v, "%H:%M").ok())
}

/// The advisors the desk books for.
pub async fn advisors(store: &Store) -> Result<Vec<(i64, String)>> {
    Ok(sqlx::query!(
        r#"SELECT id AS "id!", name FROM staff WHERE role = 'advisor' AND active ORDER BY id"#
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|r| (r.id, r.name))
    .collect())
}

pub async fn day_view(store: &Store, day: NaiveDate) -> Result<DayView> {
    let settings = settings(store).await?;
    Ok(super::day_view(
        day,
        &advisors(store).await?,
        day_lines(store, day).await?,
        &settings,
    ))
}

/// What is due at `now`: today's open bookings and today's no-shows still to be asked.
pub async fn due_now(store: &Store, now: DateTime<Utc>) -> Result<DueNow> {
    let settings = settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let today = now.with_timezone(&tz).date_naive();
    let all = day_lines(store, today).await?;
    let (open, no_shows) = all
        .into_iter()
        .filter(|b| b.status.is_open() || b.status == Status::NoShow)
        .partition(|b| b.status.is_open());
    Ok(super::due_items(open, no_shows, &settings, tz, now))
}

/// Logs a call from the proactive list that did not book.
pub async fn log_call(
    store: &Store,
    input: &CallInput,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let tz = crate::dealership::store::time_zone(store).await?;
    let call_back_at = input.validate(tz, now)?;
    let customer_id = sqlx::query_scalar!(
        "SELECT customer_id FROM vehicle WHERE id = ?1",
        input.vehicle_id
    )
    .fetch_optional(store.reader())
    .await?
    .ok_or(Error::NotFound {
        what_zh: "车辆",
        what_en: "Vehicle",
    })?;
    let logged = LoggedCall {
        vehicle_id: input.vehicle_id,
        customer_id,
        reason: input.reason,
        campaign_id: input.campaign_id,
        outcome: input.outcome,
        note: input.note.trim().to_string(),
        call_back_at,
        appointment_id: None,
    };
    let mut conn = store.writer().acquire().await?;
    insert_call(&mut conn, &logged, actor_id, now).await
}

/// One call of the proactive list as stored.
pub(crate) struct LoggedCall {
    pub vehicle_id: i64,
    pub customer_id: i64,
    pub reason: CallReason,
    pub campaign_id: Option<i64>,
    pub outcome: CallOutcome,
    pub note: String,
    pub call_back_at: Option<DateTime<Utc>>,
    pub appointment_id: Option<i64>,
}

pub(crate) async fn insert_call(
    conn: &mut SqliteConnection,
    call: &LoggedCall,
    actor_id: Option<i64>,
    at: DateTime<Utc>,
) -> Result<()> {
    let (reason, outcome) = (call.reason.as_str(), call.outcome.as_str());
    sqlx::query!(
        "INSERT INTO appointment_call (vehicle_id, customer_id, reason, campaign_id, at, actor_id, outcome, note,
             call_back_at, appointment_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        call.vehicle_id,
        call.customer_id,
        reason,
        call.campaign_id,
        at,
        actor_id,
        outcome,
        call.note,
        call.call_back_at,
        call.appointment_id
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A vehicle's calls from the proactive list, newest first.
pub async fn calls(store: &Store, vehicle_id: i64) -> Result<Vec<CallLine>> {
    let rows = sqlx::query!(
        r#"SELECT c.at AS "at: DateTime<Utc>", COALESCE(s.name, '') AS "actor_name!: String", c.reason,
               c.outcome, c.note, c.call_back_at AS "call_back_at: DateTime<Utc>", a.number AS "number?"
           FROM appointment_call c LEFT JOIN staff s ON s.id = c.actor_id
           LEFT JOIN appointment a ON a.id = c.appointment_id
           WHERE c.vehicle_id = ?1 ORDER BY c.at DESC, c.id DESC"#,
        vehicle_id
    )
    .fetch_all(store.reader())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(CallLine {
                at: r.at,
                actor_name: r.actor_name,
                reason: CallReason::parse(&r.reason)?,
                outcome: CallOutcome::parse(&r.outcome)?,
                note: r.note,
                call_back_at: r.call_back_at,
                appointment_number: r.number,
            })
        })
        .collect()
}

pub async fn campaigns(store: &Store) -> Result<Vec<Campaign>> {
    Ok(sqlx::query_as!(
        Campaign,
        r#"SELECT id AS "id?", name, purpose, from_date, to_date, model_contains, min_age_years
           FROM campaign ORDER BY from_date DESC, id DESC"#
    )
    .fetch_all(store.reader())
    .await?)
}

pub async fn save_campaign(
    store: &Store,
    input: &Campaign,
    now: DateTime<Utc>,
) -> Result<Campaign> {
    let c = input.validate()?;
    let id = match c.id {
        Some(id) => {
            let done = sqlx::query!(
                "UPDATE campaign SET name = ?1, purpose = ?2, from_date = ?3, to_date = ?4, model_contains = ?5,
                     min_age_years = ?6 WHERE id = ?7",
                c.name, c.purpose, c.from_date, c.to_date, c.model_contains, c.min_age_years, id
            )
            .execute(store.writer())
            .await?
            .rows_affected();
            if done != 1 {
                return Err(Error::NotFound {
                    what_zh: "活动",
                    what_en: "Campaign",
                });
            }
            id
        }
        None => insert_campaign(store.writer(), &c, now).await?,
    };
    Ok(Campaign { id: Some(id), ..c })
}

pub(crate) async fn insert_campaign<'c, E>(db: E, c: &Campaign, now: DateTime<Utc>) -> Result<i64>
where
    E: sqlx::Executor<'c, Database = sqlx::Sqlite>,
{
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO campaign (name, purpose, from_date, to_date, model_contains, min_age_years, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id AS "id!""#,
        c.name,
        c.purpose,
        c.from_date,
        c.to_date,
        c.model_contains,
        c.min_age_years,
        now
    )
    .fetch_one(db)
    .await?)
}

/// Per vehicle, what the call list needs to decide.
struct Candidate {
    vehicle_id: i64,
    customer_id: i64,
    customer_name: String,
    mobile: Option<String>,
    plate: String,
    model: String,
    delivery_date: Option<String>,
    interval_km: Option<i64>,
    interval_months: Option<i64>,
    last_visit: Option<String>,
    last_service_date: Option<String>,
    last_service_km: Option<i64>,
    first_read_on: Option<String>,
    first_km: Option<i64>,
    last_read_on: Option<String>,
    last_km: Option<i64>,
    contact_days: String,
    contact_from: Option<String>,
    contact_to: Option<String>,
    file_updated: DateTime<Utc>,
    open_booking: bool,
    last_call_at: Option<DateTime<Utc>>,
}

/// The proactive call list at `now`: up to `limit` entries, the most pressing first (agreed
/// call-backs, maintenance due, campaigns, then no visit for the set months).
pub async fn call_list(store: &Store, now: DateTime<Utc>, limit: usize) -> Result<CallList> {
    let settings = settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let local_now = now.with_timezone(&tz).naive_local();
    let today = local_now.date();
    let today_text = today.to_string();
    let candidates = sqlx::query_as!(
        Candidate,
        r#"SELECT v.id AS "vehicle_id!", c.id AS "customer_id!", c.name AS customer_name, c.mobile, v.plate, v.model,
               v.delivery_date, v.service_interval_km AS interval_km,
               v.service_interval_months AS "interval_months: i64",
               NULLIF(MAX(COALESCE((SELECT MAX(visit_date) FROM service_visit sv WHERE sv.vehicle_id = v.id), ''),
                          COALESCE((SELECT MAX(day) FROM appointment ap WHERE ap.vehicle_id = v.id AND ap.status = 'arrived'), '')),
                      '') AS "last_visit?: String",
               (SELECT MAX(visit_date) FROM service_visit sv WHERE sv.vehicle_id = v.id AND sv.is_maintenance) AS "last_service_date?: String",
               (SELECT sv.mileage FROM service_visit sv WHERE sv.vehicle_id = v.id AND sv.is_maintenance
                  ORDER BY sv.visit_date DESC LIMIT 1) AS "last_service_km?: i64",
               (SELECT MIN(read_on) FROM mileage_reading m WHERE m.vehicle_id = v.id) AS "first_read_on?: String",
               (SELECT km FROM mileage_reading m WHERE m.vehicle_id = v.id ORDER BY read_on, id LIMIT 1) AS "first_km?: i64",
               (SELECT MAX(read_on) FROM mileage_reading m WHERE m.vehicle_id = v.id) AS "last_read_on?: String",
               (SELECT km FROM mileage_reading m WHERE m.vehicle_id = v.id ORDER BY read_on DESC, id DESC LIMIT 1) AS "last_km?: i64",
               c.contact_days, c.contact_from, c.contact_to, c.updated_at AS "file_updated: DateTime<Utc>",
               EXISTS (SELECT 1 FROM appointment ap WHERE ap.vehicle_id = v.id
                       AND ap.status IN ('booked', 'confirmed') AND ap.day >= ?1) AS "open_booking!: bool",
               (SELECT MAX(at) FROM appointment_call ac WHERE ac.vehicle_id = v.id) AS "last_call_at?: DateTime<Utc>"
           FROM vehicle v JOIN customer c ON c.id = v.customer_id
           ORDER BY v.id"#,
        today_text
    )
    .fetch_all(store.reader())
    .await?;
    let campaigns: Vec<Campaign> = campaigns(store)
        .await?
        .into_iter()
        .filter(|c| c.from_date <= today_text && today_text <= c.to_date)
        .collect();
    let since = today - Months::new(settings.no_visit_months as u32);
    let no_visit_before = since.to_string();
    let day = |s: &Option<String>| {
        s.as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let mut entries: Vec<(u8, CallEntry)> = Vec::new();
    for c in candidates {
        if c.open_booking {
            continue;
        }
        let mut reasons = Vec::new();
        let last_service = day(&c.last_service_date)
            .map(|d| (d, c.last_service_km))
            .or_else(|| day(&c.delivery_date).map(|d| (d, None)));
        let readings = match (
            day(&c.first_read_on),
            c.first_km,
            day(&c.last_read_on),
            c.last_km,
        ) {
            (Some(fd), Some(fk), Some(ld), Some(lk)) => Some(((fd, fk), (ld, lk))),
            _ => None,
        };
        if let Some(text) = call_list::maintenance_due(
            last_service,
            readings,
            c.interval_km.unwrap_or(crate::vehicle::DEFAULT_INTERVAL_KM),
            c.interval_months
                .map(|m| m as u32)
                .unwrap_or(crate::vehicle::DEFAULT_INTERVAL_MONTHS),
            today,
            settings.due_within_days,
            since,
        ) {
            reasons.push(ReasonLine {
                reason: CallReason::MaintenanceDue,
                campaign_id: None,
                text,
            });
        }
        for campaign in &campaigns {
            let model_ok =
                campaign.model_contains.is_empty() || c.model.contains(&campaign.model_contains);
            let age_ok = match (campaign.min_age_years, day(&c.delivery_date)) {
                (None, _) => true,
                (Some(years), Some(delivered)) => {
                    delivered <= today - Months::new(12 * years as u32)
                }
                (Some(_), None) => false,
            };
            if model_ok && age_ok {
                reasons.push(ReasonLine {
                    reason: CallReason::Campaign,
                    campaign_id: campaign.id,
                    text: LocalizedText {
                        zh_cn: format!("{}：{}", campaign.name, campaign.purpose),
                        en: format!("Campaign {}: {}", campaign.name, campaign.purpose),
                    },
                });
            }
        }
        let last_visit = c.last_visit.clone().or(c.delivery_date.clone());
        if let Some(last) = last_visit.as_deref()
            && last < no_visit_before.as_str()
        {
            reasons.push(ReasonLine {
                reason: CallReason::NoVisit,
                campaign_id: None,
                text: LocalizedText {
                    zh_cn: format!(
                        "上次进厂 {last}，已超过 {} 个月未进厂",
                        settings.no_visit_months
                    ),
                    en: format!(
                        "Last visit {last}: no visit for over {} months",
                        settings.no_visit_months
                    ),
                },
            });
        }
        if reasons.is_empty() {
            continue;
        }
        let history = match c.last_call_at {
            None => Vec::new(),
            Some(_) => calls(store, c.vehicle_id).await?,
        };
        let back_because = match call_list::visibility(
            &history,
            c.open_booking,
            c.file_updated,
            &settings,
            tz,
            now,
        ) {
            Visibility::Hidden => continue,
            Visibility::Fresh => None,
            Visibility::Back(why) => Some(why),
        };
        let (contact_window, callable_now) = call_list::contact_window(
            ContactDays::parse(&c.contact_days)?,
            hm(c.contact_from.as_deref()),
            hm(c.contact_to.as_deref()),
            local_now,
        );
        let call_back_due = history
            .first()
            .is_some_and(|l| l.outcome == CallOutcome::CallBack);
        let rank = if call_back_due {
            0
        } else {
            1 + reasons[0].reason as u8
        };
        entries.push((
            rank,
            CallEntry {
                vehicle_id: c.vehicle_id,
                customer_id: c.customer_id,
                customer_name: c.customer_name,
                mobile: c.mobile.unwrap_or_default(),
                plate: c.plate,
                model: c.model,
                reasons,
                contact_window,
                callable_now,
                back_because,
                last_call: history.into_iter().next(),
            },
        ));
    }
    entries.sort_by_key(|(rank, _)| *rank);
    let total = entries.len() as i64;
    Ok(CallList {
        entries: entries.into_iter().take(limit).map(|(_, e)| e).collect(),
        total,
    })
}

/// The manager's figures for the days `from..=to`.
pub async fn figures(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<AppointmentFigures> {
    let db = store.reader();
    let (from_day, to_day) = (from.to_string(), to.to_string());
    let tz = crate::dealership::store::time_zone(store).await?;
    let (from_at, to_at) = (
        super::local(from, NaiveTime::MIN, tz),
        super::local(to + chrono::Duration::days(1), NaiveTime::MIN, tz),
    );
    let row = sqlx::query!(
        r#"SELECT
             (SELECT COUNT(*) FROM appointment WHERE day BETWEEN ?1 AND ?2 AND status = 'arrived') AS "arrived!: i64",
             (SELECT COUNT(*) FROM appointment WHERE day BETWEEN ?1 AND ?2 AND status = 'no_show') AS "no_shows!: i64",
             (SELECT COUNT(*) FROM service_visit sv WHERE sv.visit_date BETWEEN ?1 AND ?2
                AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.vehicle_id = sv.vehicle_id
                                AND a.day = sv.visit_date AND a.status = 'arrived')) AS "walk_ins!: i64",
             (SELECT COUNT(*) FROM appointment_call WHERE at >= ?3 AND at < ?4) AS "calls!: i64",
             (SELECT COUNT(*) FROM appointment_call WHERE at >= ?3 AND at < ?4 AND outcome = 'booked') AS "calls_booked!: i64""#,
        from_day,
        to_day,
        from_at,
        to_at
    )
    .fetch_one(db)
    .await?;
    let reasons = sqlx::query!(
        r#"SELECT no_show_reason, COUNT(*) AS "count!: i64" FROM appointment
           WHERE day BETWEEN ?1 AND ?2 AND status = 'no_show' GROUP BY no_show_reason ORDER BY 2 DESC"#,
        from_day,
        to_day
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| {
        Ok(ReasonCount {
            reason: r.no_show_reason.as_deref().map(NoShowReason::parse).transpose()?,
            count: r.count,
        })
    })
    .collect::<Result<_>>()?;
    Ok(figures::figures(
        from,
        to,
        Counts {
            arrived: row.arrived,
            no_shows: row.no_shows,
            walk_ins: row.walk_ins,
            calls: row.calls,
            calls_booked: row.calls_booked,
        },
        reasons,
    ))
}
