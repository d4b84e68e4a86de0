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
