//! One file per workflow area; each command maps its arguments onto one core call.

pub mod app;
pub mod appointment;
pub mod customer;
pub mod files;
pub mod followup;
pub mod print;
pub mod settlement;
pub mod vehicle;
pub mod work_order;
pub mod workshop;

use servicebay::ErrorPayload;

/// What a command returns: its value, or the error contract `{code, message, field?}`.
pub type CommandResult<T> = Result<T, ErrorPayload>;
