//! 接待 and 工单: reception from a booking or a walk-in, the work order form, signing,
//! versions and dispatch; the labour and parts catalogues its lines come from.

use std::path::Path;

use chrono::NaiveDate;
use servicebay::appointment::{self, BookingLine};
use servicebay::customer::import::ImportReport;
use servicebay::parts::{self, LabourOperation, LabourRate, Part};
use servicebay::reception::{self, Outline, ReceptionContext, ReceptionStart};
use servicebay::work_order::{
    self, DispatchInput, OrderAction, OrderStatus, PartsNotice, Signature, WorkOrder,
    WorkOrderDraft, WorkOrderFile, WorkOrderLine, WorkOrderSettings,
};
use servicebay::{Result, dealership};
use tauri::State;

use super::CommandResult;
use crate::AppState;

fn day(value: &str) -> Result<NaiveDate> {
    appointment::parse_day("day", value)
}

/// Booked customers who arrived today and wait to be received.
#[tauri::command]
#[specta::specta]
pub async fn reception_waiting(state: State<'_, AppState>) -> CommandResult<Vec<BookingLine>> {
    let today = dealership::store::today(&state.store).await?;
    Ok(reception::store::waiting(&state.store, today).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reception_context(
    state: State<'_, AppState>,
    vehicle_id: i64,
    appointment_id: Option<i64>,
) -> CommandResult<ReceptionContext> {
    Ok(reception::context(&state.store, vehicle_id, appointment_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn reception_start(
    state: State<'_, AppState>,
    start: ReceptionStart,
) -> CommandResult<WorkOrderFile> {
    Ok(reception::start(&state.store, &start).await?)
}

/// The car outline the check-in form marks damage on (the paper draws the same).
#[tauri::command]
#[specta::specta]
pub fn car_outline() -> Vec<Outline> {
    reception::car_outline()
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_list(
    state: State<'_, AppState>,
    status: Option<OrderStatus>,
    day: Option<String>,
) -> CommandResult<Vec<WorkOrderLine>> {
    let day = day
        .filter(|d| !d.is_empty())
        .map(|d| self::day(&d))
        .transpose()?;
    Ok(work_order::store::list(&state.store, status, day).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_get(state: State<'_, AppState>, id: i64) -> CommandResult<WorkOrderFile> {
    Ok(work_order::store::file(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_find(state: State<'_, AppState>, number: String) -> CommandResult<i64> {
    Ok(work_order::store::id_by_number(&state.store, &number).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_save(
    state: State<'_, AppState>,
    draft: WorkOrderDraft,
) -> CommandResult<WorkOrderFile> {
    Ok(work_order::save(&state.store, &draft).await?)
}

/// Submit for signature, withdraw, start a new version, or cancel (with the reason).
#[tauri::command]
#[specta::specta]
pub async fn work_order_act(
    state: State<'_, AppState>,
    id: i64,
    action: OrderAction,
    note: String,
    actor_id: Option<i64>,
) -> CommandResult<WorkOrderFile> {
    Ok(work_order::act(&state.store, id, action, actor_id, &note).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_sign(
    state: State<'_, AppState>,
    signature: Signature,
) -> CommandResult<WorkOrderFile> {
    Ok(work_order::sign(&state.store, &signature).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_dispatch(
    state: State<'_, AppState>,
    input: DispatchInput,
) -> CommandResult<WorkOrderFile> {
    Ok(work_order::dispatch(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_notify_parts(
    state: State<'_, AppState>,
    notice: PartsNotice,
) -> CommandResult<WorkOrderFile> {
    Ok(work_order::notify_parts(&state.store, &notice).await?)
}

/// A version as the customer signed it.
#[tauri::command]
#[specta::specta]
pub async fn work_order_version(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> CommandResult<WorkOrder> {
    Ok(work_order::store::version(&state.store, id, version).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_settings(state: State<'_, AppState>) -> CommandResult<WorkOrderSettings> {
    Ok(work_order::settings::get(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn work_order_settings_save(
    state: State<'_, AppState>,
    settings: WorkOrderSettings,
) -> CommandResult<WorkOrderSettings> {
    Ok(work_order::settings::save(&state.store, &settings).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn labour_operations(
    state: State<'_, AppState>,
    query: String,
) -> CommandResult<Vec<LabourOperation>> {
    Ok(parts::store::operations(&state.store, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn labour_operation_save(
    state: State<'_, AppState>,
    operation: LabourOperation,
) -> CommandResult<i64> {
    Ok(parts::store::save_operation(&state.store, &operation.validate()?).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn labour_rates(state: State<'_, AppState>) -> CommandResult<Vec<LabourRate>> {
    Ok(parts::store::rates(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn labour_rates_save(
    state: State<'_, AppState>,
    rates: Vec<LabourRate>,
) -> CommandResult<Vec<LabourRate>> {
    let rates = rates
        .iter()
        .map(LabourRate::validate)
        .collect::<Result<Vec<_>>>()?;
    parts::store::save_rates(&state.store, &rates).await?;
    Ok(parts::store::rates(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn parts_search(state: State<'_, AppState>, query: String) -> CommandResult<Vec<Part>> {
    Ok(parts::store::parts(&state.store, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn part_save(state: State<'_, AppState>, part: Part) -> CommandResult<i64> {
    Ok(parts::store::save_part(&state.store, &part.validate()?).await?)
}

/// Imports a parts list (.xlsx/.csv): a dry run first shows the row report.
#[tauri::command]
#[specta::specta]
pub async fn parts_import(
    state: State<'_, AppState>,
    path: String,
    dry_run: bool,
    skip_invalid: bool,
) -> CommandResult<ImportReport> {
    Ok(parts::import_file(&state.store, Path::new(&path), dry_run, skip_invalid).await?)
}
