//! The SQL of vehicle files.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{
    CheckedVehicle, DEFAULT_INTERVAL_KM, DEFAULT_INTERVAL_MONTHS, MileageReading, OwnerLine,
    ReadingSource, VehicleFile, VehicleInput, next_service,
};
use crate::{Error, Result, Store};

/// Stores a checked vehicle file: a new vehicle for its owner, or an edit of the version read.
pub async fn save(store: &Store, checked: &CheckedVehicle) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let id = save_in(&mut tx, checked, Utc::now()).await?;
    tx.commit().await?;
    Ok(id)
}

/// [`save`] inside the caller's transaction.
pub async fn save_in(
    tx: &mut SqliteConnection,
    checked: &CheckedVehicle,
    now: DateTime<Utc>,
) -> Result<i64> {
    let input = &checked.input;
    let (key, tail) = (checked.plate.key(), checked.plate.tail());
    let vin = checked.vin.as_deref();
    let vin_last6 = vin.map(|v| v[11..].to_string());
    let none_if_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let (purchase, delivery) = (
        none_if_empty(&input.purchase_date),
        none_if_empty(&input.delivery_date),
    );
    let taken = sqlx::query_scalar!(
        "SELECT id FROM vehicle WHERE plate_key = ?1 AND id IS NOT ?2",
        key,
        input.id
    )
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Err(Error::validation(
            "plate",
            format!("车牌 {} 已在档，请先搜索该车牌", input.plate),
            format!(
                "Plate {} is already on file; search for it first",
                input.plate
            ),
        ));
    }
    if let Some(vin) = vin {
        let taken = sqlx::query_scalar!(
            "SELECT id FROM vehicle WHERE vin = ?1 AND id IS NOT ?2",
            vin,
            input.id
        )
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Err(Error::validation(
                "vin",
                format!("车架号 {vin} 已在档"),
                format!("VIN {vin} is already on file"),
            ));
        }
    }
    let id = match input.id {
        None => {
            let id = sqlx::query_scalar!(
                r#"INSERT INTO vehicle (customer_id, plate, plate_key, plate_tail, created_at, plate_override_reason,
                       vin, vin_last6, vin_check_waived_reason, brand, model, model_year, colour, purchase_date,
                       delivery_date, service_interval_km, service_interval_months)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
                   RETURNING id AS "id!""#,
                input.customer_id, input.plate, key, tail, now, input.plate_override_reason, vin, vin_last6,
                input.vin_check_waived_reason, input.brand, input.model, input.model_year, input.colour, purchase,
                delivery, input.service_interval_km, input.service_interval_months,
            )
            .fetch_one(&mut *tx)
            .await?;
            // The first owner has had the car since it was bought, not since it was filed here.
            let since = purchase
                .clone()
                .or_else(|| delivery.clone())
                .unwrap_or_else(|| now.date_naive().to_string());
            sqlx::query!("INSERT INTO vehicle_owner (vehicle_id, customer_id, from_date) VALUES (?1, ?2, ?3)", id, input.customer_id, since)
                .execute(&mut *tx)
                .await?;
            id
        }
        Some(id) => {
            let version = input.version.unwrap_or_default();
            let changed = sqlx::query!(
                "UPDATE vehicle SET plate = ?1, plate_key = ?2, plate_tail = ?3, plate_override_reason = ?4, vin = ?5,
                     vin_last6 = ?6, vin_check_waived_reason = ?7, brand = ?8, model = ?9, model_year = ?10,
                     colour = ?11, purchase_date = ?12, delivery_date = ?13, service_interval_km = ?14,
                     service_interval_months = ?15, version = version + 1
                 WHERE id = ?16 AND version = ?17",
                input.plate, key, tail, input.plate_override_reason, vin, vin_last6, input.vin_check_waived_reason,
                input.brand, input.model, input.model_year, input.colour, purchase, delivery,
                input.service_interval_km, input.service_interval_months, id, version,
            )
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                return Err(Error::conflict(
                    "该车辆档案已被其他工位修改，请重新打开后再改",
                    "Another desk changed this vehicle file; reopen it and make the change again",
                ));
            }
            id
        }
    };
    Ok(id)
}

/// Closes the current owner's line and opens the new owner's, in one transaction.
pub async fn transfer(store: &Store, vehicle_id: i64, new_owner: i64, on: NaiveDate) -> Result<()> {
    let mut tx = store.write_tx().await?;
    let owner = sqlx::query_scalar!("SELECT customer_id FROM vehicle WHERE id = ?1", vehicle_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(Error::NotFound {
            what_zh: "车辆档案",
            what_en: "Vehicle file",
        })?;
    if owner == new_owner {
        return Err(Error::validation(
            "customerId",
            "新车主与现车主相同",
            "The new owner is the current owner",
        ));
    }
    let known = sqlx::query_scalar!("SELECT id FROM customer WHERE id = ?1", new_owner)
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        return Err(Error::validation(
            "customerId",
            "请选择在档的新车主",
            "Choose a new owner who is on file",
        ));
    }
    let since = on.to_string();
    sqlx::query!(
        "UPDATE vehicle_owner SET to_date = ?1 WHERE vehicle_id = ?2 AND to_date IS NULL",
        since,
        vehicle_id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO vehicle_owner (vehicle_id, customer_id, from_date) VALUES (?1, ?2, ?3)",
        vehicle_id,
        new_owner,
        since
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE vehicle SET customer_id = ?1, version = version + 1 WHERE id = ?2",
        new_owner,
        vehicle_id
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The last mileage reading of a vehicle.
pub async fn last_km(store: &Store, vehicle_id: i64) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar!(
        "SELECT km FROM mileage_reading WHERE vehicle_id = ?1 ORDER BY read_on DESC, id DESC LIMIT 1",
        vehicle_id
    )
    .fetch_optional(store.reader())
    .await?)
}

/// Records a checked mileage reading.
pub async fn add_reading(store: &Store, vehicle_id: i64, reading: &MileageReading) -> Result<()> {
    let mut conn = store.writer().acquire().await?;
    add_reading_in(&mut conn, vehicle_id, reading).await
}

/// [`add_reading`] inside the caller's transaction.
pub async fn add_reading_in(
    conn: &mut SqliteConnection,
    vehicle_id: i64,
    reading: &MileageReading,
) -> Result<()> {
    let (now, source) = (Utc::now(), reading.source.as_str());
    sqlx::query!(
        "INSERT INTO mileage_reading (vehicle_id, read_on, km, source, reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vehicle_id,
        reading.read_on,
        reading.km,
        source,
        reading.reason,
        now
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The whole vehicle file with its readings, owners and the next service due.
pub async fn get(store: &Store, id: i64) -> Result<VehicleFile> {
    let db = store.reader();
    let row = sqlx::query!(
        r#"SELECT v.id AS "id!", v.version, v.customer_id, v.plate, v.plate_override_reason, v.vin,
               v.vin_check_waived_reason, v.brand, v.model, v.model_year AS "model_year: i32", v.colour,
               v.purchase_date, v.delivery_date, v.service_interval_km,
               v.service_interval_months AS "service_interval_months: i32", c.name AS owner_name
           FROM vehicle v JOIN customer c ON c.id = v.customer_id WHERE v.id = ?1"#,
        id
    )
    .fetch_optional(db)
    .await?
    .ok_or(Error::NotFound { what_zh: "车辆档案", what_en: "Vehicle file" })?;
    let readings = sqlx::query!(
        "SELECT read_on, km, source, reason FROM mileage_reading WHERE vehicle_id = ?1 ORDER BY read_on DESC, id DESC",
        id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| {
        let source = match r.source.as_str() {
            "check_in" => ReadingSource::CheckIn,
            "customer" => ReadingSource::Customer,
            "import" => ReadingSource::Import,
            "manual" => ReadingSource::Manual,
            other => return Err(Error::conflict(format!("无法识别的里程来源“{other}”"), format!("Unknown mileage source “{other}”"))),
        };
        Ok(MileageReading { read_on: r.read_on, km: r.km, source, reason: r.reason })
    })
    .collect::<Result<Vec<_>>>()?;
    let owners = sqlx::query_as!(
        OwnerLine,
        r#"SELECT o.customer_id, c.name, o.from_date, o.to_date FROM vehicle_owner o
           JOIN customer c ON c.id = o.customer_id WHERE o.vehicle_id = ?1 ORDER BY o.from_date DESC, o.id DESC"#,
        id
    )
    .fetch_all(db)
    .await?;
    let last_service = sqlx::query!(
        r#"SELECT visit_date, mileage FROM service_visit WHERE vehicle_id = ?1 AND is_maintenance
           ORDER BY visit_date DESC LIMIT 1"#,
        id
    )
    .fetch_optional(db)
    .await?;
    let interval_km = row.service_interval_km.unwrap_or(DEFAULT_INTERVAL_KM);
    let interval_months = row
        .service_interval_months
        .map(|m| m as u32)
        .unwrap_or(DEFAULT_INTERVAL_MONTHS);
    let last = match last_service {
        Some(s) => NaiveDate::parse_from_str(&s.visit_date, "%Y-%m-%d")
            .ok()
            .map(|d| (d, s.mileage.unwrap_or(0))),
        None => row
            .delivery_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(|d| (d, 0)),
    };
    let (due_date, due_km) = next_service(last, interval_km, interval_months);
    Ok(VehicleFile {
        vehicle: VehicleInput {
            id: Some(row.id),
            version: Some(row.version),
            customer_id: row.customer_id,
            plate: row.plate,
            plate_override_reason: row.plate_override_reason,
            vin: row.vin.unwrap_or_default(),
            vin_check_waived_reason: row.vin_check_waived_reason,
            brand: row.brand,
            model: row.model,
            model_year: row.model_year,
            colour: row.colour,
            purchase_date: row.purchase_date.unwrap_or_default(),
            delivery_date: row.delivery_date.unwrap_or_default(),
            service_interval_km: row.service_interval_km,
            service_interval_months: row.service_interval_months,
        },
        owner_name: row.owner_name,
        last_km: readings.first().map(|r| r.km),
        readings,
        owners,
        next_service_date: due_date.map(|d| d.to_string()),
        next_service_km: due_km,
    })
}
