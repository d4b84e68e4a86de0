//! Where the database, backups, logs and printed files live.

use std::path::{Path, PathBuf};

/// The app identifier; the desktop shell uses the same one so both find the same files.
pub const APP_ID: &str = "cn.servicebay.desk";

/// Overrides the data folder (portable installs, tests, a second training database).
pub const DATA_DIR_ENV: &str = "SERVICEBAY_DATA_DIR";

#[derive(Debug, Clone)]
pub struct AppPaths {
    pub data_dir: PathBuf,
}

impl AppPaths {
    /// The OS app-data folder (`~/.local/share/cn.servicebay.desk` on Linux,
    /// `%APPDATA%\cn.servicebay.desk` on Windows, `~/Library/Application Support/...` on macOS),
    /// unless `SERVICEBAY_DATA_DIR` says otherwise.
    pub fn from_env() -> Self {
        let data_dir = std::env::var_os(DATA_DIR_ENV)
            .map(PathBuf::from)
            .or_else(|| dirs::data_dir().map(|d| d.join(APP_ID)))
            .unwrap_or_else(|| PathBuf::from(APP_ID));
        AppPaths { data_dir }
    }

    pub fn at(data_dir: impl AsRef<Path>) -> Self {
        AppPaths {
            data_dir: data_dir.as_ref().to_path_buf(),
        }
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("servicebay.db")
    }

    pub fn backups(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    pub fn logs(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    /// Printed papers (PDF) waiting for the viewer or the printer.
    pub fn prints(&self) -> PathBuf {
        self.data_dir.join("prints")
    }
}
