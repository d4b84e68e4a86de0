//! 客户: open a customer file, find a customer.

use servicebay::customer::{self, CustomerDraft, SearchHit};
use tauri::State;

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
