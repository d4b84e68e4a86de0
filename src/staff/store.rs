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

/// The staff member must hold one of `roles`; otherwise `refusal` (field, zh, en).
pub async fn require_role(
    store: &Store,
    id: i64,
    roles: &[Role],
    refusal: (&'static str, &str, &str),
) -> Result<()> {
    let role = list(store)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| s.role);
    if role.is_some_and(|r| roles.contains(&r)) {
        return Ok(());
    }
    let (field, zh, en) = refusal;
    Err(crate::Error::validation(field, zh, en))
}
