//! 车间: the job-status board, the foreman's and technicians' steps on labour lines, final
//! inspection and the wash.

use servicebay::work_order::{OrderAction, WorkOrderFile};
use servicebay::workshop::{self, Board, QC_CHECKLIST, QcInput, WorkshopLine};
use tauri::State;

use super::CommandResult;
use crate::AppState;

/// Every car from reception until it leaves; the board asks every second.
#[tauri::command]
#[specta::specta]
pub async fn workshop_board(state: State<'_, AppState>) -> CommandResult<Board> {
    Ok(workshop::board::board(&state.store, chrono::Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_lines(
    state: State<'_, AppState>,
    order_id: i64,
) -> CommandResult<Vec<WorkshopLine>> {
    Ok(workshop::store::lines(&state.store, order_id, chrono::Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_start_line(
    state: State<'_, AppState>,
    line_id: i64,
    actor_id: Option<i64>,
) -> CommandResult<Vec<WorkshopLine>> {
    Ok(workshop::start_line(&state.store, line_id, actor_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_finish_line(
    state: State<'_, AppState>,
    line_id: i64,
    actor_id: Option<i64>,
) -> CommandResult<Vec<WorkshopLine>> {
    Ok(workshop::finish_line(&state.store, line_id, actor_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_clock_on(
    state: State<'_, AppState>,
    line_id: i64,
    technician_id: i64,
) -> CommandResult<Vec<WorkshopLine>> {
    Ok(workshop::clock_on(&state.store, line_id, technician_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_clock_off(
    state: State<'_, AppState>,
    line_id: i64,
    technician_id: i64,
) -> CommandResult<Vec<WorkshopLine>> {
    Ok(workshop::clock_off(&state.store, line_id, technician_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_report_done(
    state: State<'_, AppState>,
    order_id: i64,
    actor_id: Option<i64>,
) -> CommandResult<WorkOrderFile> {
    Ok(workshop::report_done(&state.store, order_id, actor_id).await?)
}

/// The items of the final inspection, in order.
#[tauri::command]
#[specta::specta]
pub fn qc_checklist() -> Vec<String> {
    QC_CHECKLIST.map(String::from).to_vec()
}

#[tauri::command]
#[specta::specta]
pub async fn workshop_quality_check(
    state: State<'_, AppState>,
    input: QcInput,
) -> CommandResult<WorkOrderFile> {
    Ok(workshop::quality_check(&state.store, &input).await?)
}

/// To the wash, out of the wash, or parked in the finished-car area.
#[tauri::command]
#[specta::specta]
pub async fn workshop_after_qc(
    state: State<'_, AppState>,
    order_id: i64,
    action: OrderAction,
    actor_id: Option<i64>,
) -> CommandResult<WorkOrderFile> {
    Ok(workshop::after_qc(&state.store, order_id, action, actor_id).await?)
}
