//! 客户: find a customer, open and edit the file, import and export customer lists.

use std::path::Path;

use servicebay::Error;
use servicebay::customer::grading::{GradeBands, GradeCounts};
use servicebay::customer::import::{self, ImportOptions, ImportPreview, ImportReport};
use servicebay::customer::{
    self, ContactLine, CustomerDraft, CustomerFile, CustomerInput, CustomerLists, SearchHit,
};
use tauri::State;
use tauri::ipc::Channel;

use super::CommandResult;
use crate::AppState;

#[tauri::command]
#[specta::specta]
pub async fn customer_create(
    state: State<'_, AppState>,
    draft: CustomerDraft,
) -> CommandResult<SearchHit> {
    Ok(customer::create(&state.store, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_search(
    state: State<'_, AppState>,
    query: String,
) -> CommandResult<Vec<SearchHit>> {
    Ok(customer::store::search(&state.store, &query).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_get(state: State<'_, AppState>, id: i64) -> CommandResult<CustomerFile> {
    Ok(customer::store::get(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_save(
    state: State<'_, AppState>,
    input: CustomerInput,
) -> CommandResult<CustomerFile> {
    Ok(customer::save(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_log_contact(
    state: State<'_, AppState>,
    customer_id: i64,
    entry: ContactLine,
) -> CommandResult<CustomerFile> {
    Ok(customer::log_contact(&state.store, customer_id, &entry).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_add_points(
    state: State<'_, AppState>,
    customer_id: i64,
    points: i64,
    reason: String,
) -> CommandResult<CustomerFile> {
    Ok(customer::add_points(&state.store, customer_id, points, &reason).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_lists(state: State<'_, AppState>) -> CommandResult<CustomerLists> {
    let today = servicebay::dealership::store::today(&state.store).await?;
    Ok(customer::store::lists(&state.store, today).await?)
}

/// How far a long import has come, for the progress bar.
#[derive(Clone, serde::Serialize, specta::Type)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

#[tauri::command]
#[specta::specta]
pub async fn customer_import_preview(path: String) -> CommandResult<ImportPreview> {
    let preview = tokio::task::spawn_blocking(move || import::preview(Path::new(&path)))
        .await
        .map_err(|e| Error::Io(std::io::Error::other(e)))??;
    Ok(preview)
}

/// Dry run or real import of a customer list; progress goes to `on_progress`.
#[tauri::command]
#[specta::specta]
pub async fn customer_import(
    state: State<'_, AppState>,
    path: String,
    options: ImportOptions,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportReport> {
    let mut progress = |done: usize, total: usize| {
        // A closed window drops the channel; the import goes on regardless.
        let _ = on_progress.send(ImportProgress {
            done: done as u32,
            total: total as u32,
        });
    };
    Ok(customer::import_file(&state.store, Path::new(&path), &options, &mut progress).await?)
}

/// Writes the customers a search finds (or all, for an empty query) to an .xlsx; returns how many.
#[tauri::command]
#[specta::specta]
pub async fn customer_export(
    state: State<'_, AppState>,
    path: String,
    query: String,
) -> CommandResult<u32> {
    let query = Some(query.trim()).filter(|q| !q.is_empty());
    Ok(customer::store::export(&state.store, query, Path::new(&path)).await? as u32)
}

/// Recomputes every customer's grade now (it also runs once a day on its own).
#[tauri::command]
#[specta::specta]
pub async fn customer_regrade(state: State<'_, AppState>) -> CommandResult<GradeCounts> {
    Ok(customer::regrade(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_grade_bands(state: State<'_, AppState>) -> CommandResult<GradeBands> {
    Ok(customer::store::grade_bands(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn customer_grade_bands_save(
    state: State<'_, AppState>,
    bands: GradeBands,
) -> CommandResult<GradeBands> {
    Ok(customer::store::save_grade_bands(&state.store, bands).await?)
}
