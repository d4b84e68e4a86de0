//! Start-up: what the window needs to know, first-run set-up and the demo dealership.

use serde::Serialize;
use servicebay::dealership::{self, Dealership};
use tauri::State;

use super::CommandResult;
use crate::AppState;

#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    pub data_dir: String,
    pub backup_dir: String,
    pub log_dir: String,
    /// `None` until the dealership is set up (the window then offers set-up or the demo).
    pub dealership: Option<Dealership>,
}

#[tauri::command]
#[specta::specta]
pub async fn app_info(state: State<'_, AppState>) -> CommandResult<AppInfo> {
    let paths = &state.paths;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: state.store.path().display().to_string(),
        data_dir: paths.data_dir.display().to_string(),
        backup_dir: paths.backups().display().to_string(),
        log_dir: paths.logs().display().to_string(),
        dealership: dealership::store::get(&state.store).await?,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn dealership_save(
    state: State<'_, AppState>,
    input: Dealership,
) -> CommandResult<Dealership> {
    Ok(dealership::save(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn demo_seed(state: State<'_, AppState>) -> CommandResult<Dealership> {
    Ok(servicebay::demo::seed(&state.store).await?.dealership)
}

/// The active staff: the desk picks who is acting, advisors for bookings, preparers for papers.
#[tauri::command]
#[specta::specta]
pub async fn staff_list(
    state: State<'_, AppState>,
) -> CommandResult<Vec<servicebay::staff::StaffMember>> {
    Ok(servicebay::staff::store::list(&state.store).await?)
}
