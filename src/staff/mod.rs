//! The people of the service department and the role each works in (岗位). Every area will
//! ask the role before a change; the first version runs one desk that acts for all.

pub mod store;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Advisor,
    Foreman,
    Technician,
    QcInspector,
    PartsClerk,
    Washer,
    Cashier,
    Guard,
    FollowUp,
    Manager,
}

/// A member of staff as pickers show them.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

/// The longest staff name the lists and papers take.
pub const NAME_MAX: usize = 30;

/// A staff member's name as lists and papers print it (签字人, 制表人, 技师): nothing invisible,
/// no line break, nothing the print font lacks.
pub fn checked_name(field: &'static str, name: &str) -> crate::Result<String> {
    crate::text::name(field, name, NAME_MAX, "员工姓名", "staff name")
}

/// Adds a member of staff inside the caller's transaction; the name is checked first.
pub async fn add(conn: &mut sqlx::SqliteConnection, name: &str, role: Role) -> crate::Result<i64> {
    store::insert(conn, &checked_name("name", name)?, role).await
}

const ALL: [Role; 10] = [
    Role::Advisor,
    Role::Foreman,
    Role::Technician,
    Role::QcInspector,
    Role::PartsClerk,
    Role::Washer,
    Role::Cashier,
    Role::Guard,
    Role::FollowUp,
    Role::Manager,
];

impl Role {
    pub fn parse(stored: &str) -> crate::Result<Role> {
        ALL.into_iter()
            .find(|r| r.as_str() == stored)
            .ok_or_else(|| {
                crate::Error::conflict(
                    format!("数据库中有无法识别的岗位“{stored}”"),
                    format!("Unknown stored role “{stored}”"),
                )
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Advisor => "advisor",
            Role::Foreman => "foreman",
            Role::Technician => "technician",
            Role::QcInspector => "qc_inspector",
            Role::PartsClerk => "parts_clerk",
            Role::Washer => "washer",
            Role::Cashier => "cashier",
            Role::Guard => "guard",
            Role::FollowUp => "follow_up",
            Role::Manager => "manager",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_staff_name_is_checked_like_every_name() {
        assert_eq!(super::checked_name("name", " 周婷 ").unwrap(), "周婷");
        for bad in ["", "\u{200B}\u{FEFF}", "周\n婷", "周\u{1B}婷", "周🙂"] {
            let err = super::checked_name("name", bad).unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                ("validation", Some("name")),
                "{bad:?}"
            );
        }
    }
}
