//! The people of the service department and the role each works in (岗位). Every area will
//! ask the role before a change; the first version runs one desk that acts for all.

pub mod store;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
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

impl Role {
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
