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

// Who may read them: the database, its backups, the logs, the exit-pass key and the printed
// papers hold customers' names, phones and plates, so on Linux and macOS every folder
// ServiceBay makes is 0700 and every file 0600. Each file is created with its mode (never
// made readable first and narrowed afterwards), rather than by setting the process umask:
// the umask is process-wide, racy with other threads, and would also change files the user
// exports to folders of their own choosing. SQLite's unix VFS gives the -wal and -shm files
// the mode of the main database file, so creating that file 0600 covers them. On Windows
// the user's app-data folder is already private to the user; these are plain creates there.

/// Creates `dir` and any missing parents as folders only the user can open (0700 on unix).
/// Folders that already exist are left as they are: they may be the user's own.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Like [`create_private_dir`], and narrows `dir` itself to 0700 when it already exists:
/// for the app's own folders (backups, logs, prints), made readable by earlier versions.
pub fn secure_dir(dir: &Path) -> std::io::Result<()> {
    create_private_dir(dir)?;
    set_mode(dir, 0o700)
}

/// Narrows an existing file to 0600; a missing file is no error.
pub fn secure_file(path: &Path) -> std::io::Result<()> {
    match set_mode(path, 0o600) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Opens a new file for writing that only the user can read (0600 on unix); fails with
/// `AlreadyExists` when the file is there.
pub fn create_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Writes `bytes` to `path` (replacing what was there) as a file only the user can read.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    // The mode applies only when the file is created; an older file is narrowed too.
    secure_file(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(path: &Path, _mode: u32) -> std::io::Result<()> {
    std::fs::metadata(path).map(|_| ())
}
