//! The operating system's file dialogs, asked from Rust so the window needs no file permissions.

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks for a spreadsheet to import; `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn file_choose_spreadsheet(app: AppHandle) -> Option<String> {
    app.dialog()
        .file()
        .add_filter("Excel / CSV", &["xlsx", "xls", "csv"])
        .blocking_pick_file()
        .map(|path| path.to_string())
}

/// Asks where to save an .xlsx, suggesting `file_name`; `None` when the user cancels. The
/// name always ends in `.xlsx`, so Excel opens the file.
#[tauri::command]
#[specta::specta]
pub async fn file_choose_save(app: AppHandle, file_name: String) -> Option<String> {
    let path = app
        .dialog()
        .file()
        .add_filter("Excel", &["xlsx"])
        .set_file_name(file_name)
        .blocking_save_file()?
        .to_string();
    Some(if path.to_lowercase().ends_with(".xlsx") {
        path
    } else {
        format!("{path}.xlsx")
    })
}
