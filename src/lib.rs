//! ServiceBay core: the service department's rules and records, with no UI and no Tauri.
//! One module per step of the dealership's work; each keeps its SQL in its own `store.rs`.

pub mod appointment;
pub mod bench;
pub mod care;
pub mod complaint;
pub mod customer;
pub mod db;
pub mod dealership;
pub mod demo;
pub mod error;
pub mod followup;
pub mod gate;
pub mod logging;
pub mod money;
pub mod parts;
pub mod paths;
pub mod print;
pub mod reception;
pub mod report;
pub mod settlement;
pub mod staff;
pub mod text;
pub mod vehicle;
pub mod work_order;
pub mod workshop;

pub use db::Store;
pub use error::{Error, ErrorPayload, LocalizedText, Result};
pub use paths::AppPaths;
