//! The SQL of the dealership row.

use chrono::Utc;

use super::Dealership;
use crate::{Result, Store};

pub async fn get(store: &Store) -> Result<Option<Dealership>> {
    Ok(sqlx::query_as!(
        Dealership,
        r#"SELECT name, address, hotline, time_zone FROM dealership WHERE id = 1"#
    )
    .fetch_optional(store.reader())
    .await?)
}

/// The dealership, which every printed paper needs; refused before set-up.
pub async fn required(store: &Store) -> Result<Dealership> {
    get(store).await?.ok_or(crate::Error::NotFound {
        what_zh: "门店设置（请先设置门店或载入演示数据）",
        what_en: "Dealership set-up (set up the dealership or load the demo first)",
    })
}

/// The dealership's time zone: it decides "today", slots and printed dates.
pub async fn time_zone(store: &Store) -> Result<chrono_tz::Tz> {
    Ok(get(store)
        .await?
        .map(|d| d.tz())
        .unwrap_or(chrono_tz::Asia::Shanghai))
}

/// Today's date where the dealership is.
pub async fn today(store: &Store) -> Result<chrono::NaiveDate> {
    Ok(Utc::now()
        .with_timezone(&time_zone(store).await?)
        .date_naive())
}

/// Sets up or edits the dealership (one row).
pub async fn save(store: &Store, dealership: &Dealership) -> Result<()> {
    save_with(store.writer(), dealership, false).await
}

pub(crate) async fn save_with<'c, E>(db: E, dealership: &Dealership, is_demo: bool) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Sqlite>,
{
    let now = Utc::now();
    sqlx::query!(
        "INSERT INTO dealership (id, name, address, hotline, time_zone, is_demo, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
             hotline = excluded.hotline, time_zone = excluded.time_zone, updated_at = excluded.updated_at",
        dealership.name,
        dealership.address,
        dealership.hotline,
        dealership.time_zone,
        is_demo,
        now
    )
    .execute(db)
    .await?;
    Ok(())
}

/// A JSON setting (`appointment.settings`, `work_order.settings`, …), or its defaults.
pub async fn setting<T: serde::de::DeserializeOwned + Default>(
    store: &Store,
    key: &str,
) -> Result<T> {
    let stored = sqlx::query_scalar!("SELECT value FROM setting WHERE key = ?1", key)
        .fetch_optional(store.reader())
        .await?;
    Ok(stored
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Stores a checked JSON setting.
pub async fn save_setting<T: serde::Serialize>(store: &Store, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).map_err(|e| crate::Error::Io(e.into()))?;
    sqlx::query!(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        key,
        json
    )
    .execute(store.writer())
    .await?;
    Ok(())
}
