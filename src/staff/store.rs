//! The SQL of the staff list.

use sqlx::SqliteConnection;

use super::{Role, StaffMember};
use crate::{Result, Store};

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

/// The active staff, by role then name.
pub async fn list(store: &Store) -> Result<Vec<StaffMember>> {
    sqlx::query!(r#"SELECT id AS "id!", name, role FROM staff WHERE active ORDER BY id"#)
        .fetch_all(store.reader())
        .await?
        .into_iter()
        .map(|r| {
            Ok(StaffMember {
                id: r.id,
                name: r.name,
                role: Role::parse(&r.role)?,
            })
        })
        .collect()
}
