//! 车辆档案: open, edit, mileage readings, change of owner.

use servicebay::vehicle::{self, MileageReading, VehicleFile, VehicleInput};
use tauri::State;

use super::CommandResult;
use crate::AppState;

#[tauri::command]
#[specta::specta]
pub async fn vehicle_get(state: State<'_, AppState>, id: i64) -> CommandResult<VehicleFile> {
    Ok(vehicle::store::get(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vehicle_save(
    state: State<'_, AppState>,
    input: VehicleInput,
) -> CommandResult<VehicleFile> {
    Ok(vehicle::save(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn vehicle_add_reading(
    state: State<'_, AppState>,
    vehicle_id: i64,
    reading: MileageReading,
) -> CommandResult<VehicleFile> {
    Ok(vehicle::add_reading(&state.store, vehicle_id, &reading).await?)
}

/// 过户: the vehicle changes hands; its history stays with it.
#[tauri::command]
#[specta::specta]
pub async fn vehicle_transfer(
    state: State<'_, AppState>,
    vehicle_id: i64,
    customer_id: i64,
) -> CommandResult<VehicleFile> {
    Ok(vehicle::transfer(&state.store, vehicle_id, customer_id).await?)
}
