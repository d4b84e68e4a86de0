//! 交车 / 结算 and 门卫: the hand-over, the cash desk, exit passes and the gate.

use servicebay::gate::{self, GateAnswer, GateEvent, OtherPassInput, PassLine};
use servicebay::settlement::{self, HandOverInput, SettleInput, Settlement};
use servicebay::work_order::WorkOrderLine;
use tauri::State;

use super::CommandResult;
use crate::AppState;

/// Cars ready to hand over, and settled cars not yet out of the gate.
#[tauri::command]
#[specta::specta]
pub async fn settlement_desk(state: State<'_, AppState>) -> CommandResult<Vec<WorkOrderLine>> {
    Ok(settlement::desk(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn settlement_get(
    state: State<'_, AppState>,
    order_id: i64,
) -> CommandResult<Settlement> {
    Ok(settlement::store::get(&state.store, order_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn settlement_hand_over(
    state: State<'_, AppState>,
    input: HandOverInput,
) -> CommandResult<Settlement> {
    Ok(settlement::hand_over(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn settlement_settle(
    state: State<'_, AppState>,
    input: SettleInput,
) -> CommandResult<Settlement> {
    Ok(settlement::settle(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn exit_pass_issue(
    state: State<'_, AppState>,
    order_id: i64,
    cashier_id: i64,
) -> CommandResult<PassLine> {
    Ok(gate::issue_for_order(&state.store, order_id, cashier_id).await?)
}

/// Road test, wash only, rescue or inspection.
#[tauri::command]
#[specta::specta]
pub async fn exit_pass_issue_other(
    state: State<'_, AppState>,
    input: OtherPassInput,
) -> CommandResult<PassLine> {
    Ok(gate::issue_other(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn gate_verify(
    state: State<'_, AppState>,
    scanned: String,
    guard_id: Option<i64>,
) -> CommandResult<GateAnswer> {
    Ok(gate::verify(&state.store, &scanned, guard_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn gate_entry(
    state: State<'_, AppState>,
    plate: String,
    guard_id: Option<i64>,
) -> CommandResult<()> {
    Ok(gate::register_entry(&state.store, &plate, guard_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn gate_today(state: State<'_, AppState>) -> CommandResult<Vec<GateEvent>> {
    Ok(gate::today(&state.store).await?)
}
