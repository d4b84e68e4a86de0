//! The SQL of vehicle files.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::Plate;
use crate::{Error, Result};

/// Adds a vehicle to a customer's file inside the caller's transaction.
pub async fn insert(
    conn: &mut SqliteConnection,
    customer_id: i64,
    plate: &Plate,
    now: DateTime<Utc>,
) -> Result<i64> {
    let (normal, key, tail) = (plate.as_str(), plate.key(), plate.tail());
    let taken = sqlx::query_scalar!("SELECT customer_id FROM vehicle WHERE plate_key = ?1", key)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(Error::validation(
            "plate",
            format!("车牌 {normal} 已在档，请先搜索该车牌"),
            format!("Plate {normal} is already on file; search for it first"),
        ));
    }
    let id = sqlx::query_scalar!(
        "INSERT INTO vehicle (customer_id, plate, plate_key, plate_tail, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id AS \"id!\"",
        customer_id,
        normal,
        key,
        tail,
        now
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}
