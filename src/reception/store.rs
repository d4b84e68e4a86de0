//! The SQL of reception: who is waiting at the desk, the greeting panel, and opening the
//! work order.

use chrono::{NaiveDate, Utc};

use super::{ReceptionContext, ReceptionStart};
use crate::appointment::{self, BookingLine};
use crate::customer::{CustomerKind, Gender, VisitLine};
use crate::work_order::store::NewOrder;
use crate::{Error, Result, Store};

/// Booked customers who have arrived today and have no work order yet.
pub async fn waiting(store: &Store, day: NaiveDate) -> Result<Vec<BookingLine>> {
    let mut conn = store.reader().acquire().await?;
    let day = day.to_string();
    let ids = sqlx::query_scalar!(
        r#"SELECT a.id AS "id!" FROM appointment a
           WHERE a.day = ?1 AND a.status = 'arrived'
             AND NOT EXISTS (SELECT 1 FROM work_order w WHERE w.appointment_id = a.id)
           ORDER BY a.arrived_at, a.id"#,
        day
    )
    .fetch_all(&mut *conn)
    .await?;
    appointment::store::lines(&mut conn, &ids).await
}

/// A work order of this car not yet settled, exited or cancelled.
async fn open_order(store: &Store, vehicle_id: i64) -> Result<Option<String>> {
    Ok(sqlx::query_scalar!(
        "SELECT number FROM work_order WHERE vehicle_id = ?1
             AND status NOT IN ('settled', 'exited', 'cancelled') ORDER BY id DESC LIMIT 1",
        vehicle_id
    )
    .fetch_optional(store.reader())
    .await?)
}

/// Checks who and what, then opens the work order in draft; returns its id.
pub async fn start(store: &Store, start: &ReceptionStart) -> Result<i64> {
    let advisor = crate::staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| s.id == start.advisor_id);
    if !advisor.is_some_and(|s| {
        matches!(
            s.role,
            crate::staff::Role::Advisor | crate::staff::Role::Manager
        )
    }) {
        return Err(Error::validation(
            "advisorId",
            "请选择接待的服务顾问",
            "Choose the service advisor receiving the car",
        ));
    }
    let booking = match start.appointment_id {
        Some(id) => Some(appointment::store::line(store, id).await?),
        None => None,
    };
    let (customer_id, vehicle_id) = match &booking {
        Some(b) => (b.customer_id, b.vehicle_id),
        None => {
            let (Some(customer), Some(vehicle)) = (start.customer_id, start.vehicle_id) else {
                return Err(Error::validation(
                    "vehicleId",
                    "请先找到或新建客户和车辆",
                    "Find or file the customer and the car first",
                ));
            };
            (customer, vehicle)
        }
    };
    if let Some(b) = &booking
        && b.status != appointment::Status::Arrived
    {
        return Err(Error::InvalidTransition {
            zh: format!(
                "预约 {} {}：请先登记到店再接待",
                b.number,
                b.status.label_zh()
            ),
            en: format!(
                "Booking {} is {}; mark it arrived before receiving the car",
                b.number,
                b.status.label_en()
            ),
        });
    }
    let owner = sqlx::query_scalar!("SELECT customer_id FROM vehicle WHERE id = ?1", vehicle_id)
        .fetch_optional(store.reader())
        .await?;
    if owner != Some(customer_id) {
        return Err(Error::validation(
            "vehicleId",
            "这辆车不在该客户名下",
            "This car is not on this customer's file",
        ));
    }
    if let Some(number) = open_order(store, vehicle_id).await? {
        return Err(Error::conflict(
            format!("这辆车已有未结工单 {number}，请继续该工单"),
            format!("This car already has work order {number} open; continue that one"),
        ));
    }
    let (what, team, bay) = match &booking {
        Some(b) => (booking_purpose(b), b.team.as_str(), b.bay.as_str()),
        None => (String::new(), "", ""),
    };
    let today = crate::dealership::store::today(store).await?;
    let new = NewOrder {
        customer_id,
        vehicle_id,
        appointment_id: start.appointment_id,
        advisor_id: start.advisor_id,
        what: &what,
        team,
        bay,
    };
    let now = Utc::now();
    let mut tx = store.write_tx().await?;
    let id = crate::work_order::store::insert(&mut tx, &new, start.actor_id, today, now)
        .await
        .map_err(|e| match e {
            Error::Database(db)
                if db
                    .as_database_error()
                    .is_some_and(|d| d.is_unique_violation()) =>
            {
                Error::conflict(
                    "这个预约已经接待过了",
                    "This booking has already been received",
                )
            }
            other => other,
        })?;
    crate::gate::store::cancel_unused_for_vehicle(&mut tx, vehicle_id, id, start.actor_id, now)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// What the booking is for, as the advisor says it and the work order starts with.
fn booking_purpose(b: &BookingLine) -> String {
    match (b.description.trim(), b.parts.trim()) {
        (words, "") => words.to_string(),
        ("", parts) => format!("预约备件：{parts}"),
        (words, parts) => format!("{words}（预约备件：{parts}）"),
    }
}

/// The greeting panel: surname with title from the second visit on, the last five visits,
/// the booking's purpose, the last mileage and any order still open.
pub async fn context(
    store: &Store,
    vehicle_id: i64,
    appointment_id: Option<i64>,
) -> Result<ReceptionContext> {
    let row = sqlx::query!(
        r#"SELECT c.id, c.name, c.kind, c.gender, v.plate, v.model FROM vehicle v
           JOIN customer c ON c.id = v.customer_id WHERE v.id = ?1"#,
        vehicle_id
    )
    .fetch_optional(store.reader())
    .await?
    .ok_or(Error::NotFound {
        what_zh: "车辆",
        what_en: "Vehicle",
    })?;
    let last_visits = sqlx::query_as!(
        VisitLine,
        r#"SELECT s.visit_date, v.plate, s.mileage, s.summary, s.revenue_fen
           FROM service_visit s JOIN vehicle v ON v.id = s.vehicle_id
           WHERE s.customer_id = ?1 ORDER BY s.visit_date DESC LIMIT 5"#,
        row.id
    )
    .fetch_all(store.reader())
    .await?;
    let earlier_orders = sqlx::query_scalar!(
        "SELECT COUNT(*) FROM work_order WHERE customer_id = ?1 AND status != 'cancelled'",
        row.id
    )
    .fetch_one(store.reader())
    .await?;
    let returning = !last_visits.is_empty() || earlier_orders > 0;
    let greeting = returning.then(|| {
        appointment::greeting(
            &row.name,
            row.gender.as_deref().and_then(|g| Gender::parse(g).ok()),
            CustomerKind::parse(&row.kind).unwrap_or(CustomerKind::Person),
        )
    });
    let booking = match appointment_id {
        Some(id) => Some(appointment::store::line(store, id).await?),
        None => None,
    };
    Ok(ReceptionContext {
        customer_id: row.id,
        customer_name: row.name,
        greeting,
        vehicle_id,
        plate: row.plate,
        model: row.model,
        last_km: crate::vehicle::store::last_km(store, vehicle_id).await?,
        last_visits,
        booking_purpose: booking.as_ref().map(booking_purpose),
        booking_number: booking.map(|b| b.number),
        open_work_order: open_order(store, vehicle_id).await?,
    })
}
