//! The SQL of the staff list.

use sqlx::SqliteConnection;

use super::Role;
use crate::Result;

pub async fn insert(conn: &mut SqliteConnection, name: &str, role: Role) -> Result<i64> {
    let role = role.as_str();
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO staff (name, role) VALUES (?1, ?2) RETURNING id AS "id!""#,
        name,
        role
    )
    .fetch_one(conn)
    .await?)
}
