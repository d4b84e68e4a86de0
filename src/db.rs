//! The SQLite store: one writer connection, a pool of readers, WAL, foreign keys, and a
//! backup copy before any migration touches an existing file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::paths::{self, create_private_dir, create_private_file, secure_dir, secure_file};
use crate::{Error, Result};

static MIGRATOR: Migrator = sqlx::migrate!();

#[derive(Clone, Debug)]
pub struct Store {
    write: SqlitePool,
    read: SqlitePool,
    path: PathBuf,
}

fn options(path: &Path) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
}

impl Store {
    /// Opens (or creates) the database at `path`. When the file already exists and
    /// migrations are pending, it is first copied into `backups`.
    pub async fn open(path: &Path, backups: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
            // The OS app-data folder is ours; a folder given by hand may be the user's own.
            if dir.file_name().is_some_and(|n| n == paths::APP_ID) {
                secure_dir(dir)?;
            }
        }
        let existed = path.exists();
        if existed {
            // Files made readable to every user by earlier versions.
            for file in [
                path.to_path_buf(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
            ] {
                secure_file(&file)?;
            }
            if backups.is_dir() {
                secure_dir(backups)?;
            }
        } else {
            // An empty file is a new database to SQLite; made here so it is 0600 from the
            // start, and the -wal and -shm files SQLite makes beside it take its mode.
            match create_private_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => return Err(e.into()),
                _ => {}
            }
        }
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options(path).create_if_missing(true))
            .await?;
        let store_path = path.to_path_buf();
        if existed && pending_migrations(&write).await? > 0 {
            let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
            let copy = backups.join(format!("servicebay-{stamp}-before-migrate.db"));
            secure_dir(backups)?;
            backup_with(&write, &copy).await?;
            tracing::info!(backup = %copy.display(), "copied the database before migrating");
        }
        MIGRATOR.run(&write).await?;
        // Belt and braces for a VFS that does not copy the main file's mode.
        for file in [sidecar(path, "-wal"), sidecar(path, "-shm")] {
            secure_file(&file)?;
        }
        // Data a migration cannot compute in SQL.
        crate::customer::store::fill_missing_pinyin(&write).await?;
        // Readers keep more pages in memory and map the file: the manager's figures read years
        // of work orders.
        let read = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(
                options(path)
                    .read_only(true)
                    .pragma("cache_size", "-32768")
                    .pragma("mmap_size", "268435456"),
            )
            .await?;
        Ok(Store {
            write,
            read,
            path: store_path,
        })
    }

    /// The single writer; every change goes through it, multi-row changes in one transaction.
    pub fn writer(&self) -> &SqlitePool {
        &self.write
    }

    pub fn reader(&self) -> &SqlitePool {
        &self.read
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent copy of the live database (WAL included) at `dest`.
    pub async fn backup_to(&self, dest: &Path) -> Result<()> {
        backup_with(&self.write, dest).await
    }

    /// SQLite's integrity check plus a foreign-key check; returns the problems found.
    pub async fn check(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&self.read)
            .await?;
        problems.retain(|p| p != "ok");
        let fk: Vec<(String, i64)> =
            sqlx::query_as("SELECT \"table\", rowid FROM pragma_foreign_key_check")
                .fetch_all(&self.read)
                .await?;
        problems.extend(
            fk.into_iter()
                .map(|(table, rowid)| format!("foreign key broken in {table} row {rowid}")),
        );
        Ok(problems)
    }

    pub async fn close(self) {
        self.read.close().await;
        self.write.close().await;
    }
}

async fn pending_migrations(pool: &SqlitePool) -> Result<usize> {
    let has_table: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_optional(pool)
    .await?;
    let applied: Vec<i64> = if has_table.is_some() {
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(pool)
            .await?
    } else {
        Vec::new()
    };
    Ok(MIGRATOR
        .iter()
        .filter(|m| !m.migration_type.is_down_migration() && !applied.contains(&m.version))
        .count())
}

/// `db` with `suffix` appended to its file name (`servicebay.db-wal`).
fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn backup_with(pool: &SqlitePool, dest: &Path) -> Result<()> {
    let dest_text = dest.to_str().ok_or_else(|| {
        Error::validation(
            "to",
            "备份路径含有无法识别的字符",
            "The backup path is not valid UTF-8",
        )
    })?;
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    // VACUUM INTO fills an empty file: made here 0600 (and never over an existing file), so
    // the copy is private from its first byte.
    match create_private_file(dest) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::conflict(
                format!("备份文件已存在：{}", dest.display()),
                format!("The backup file already exists: {}", dest.display()),
            ));
        }
        other => drop(other?),
    }
    let copied = sqlx::query("VACUUM INTO ?")
        .bind(dest_text)
        .execute(pool)
        .await;
    if let Err(e) = copied {
        // Leave no empty file behind to block the next try.
        let _ = std::fs::remove_file(dest);
        return Err(e.into());
    }
    Ok(())
}
