//! The SQLite store: one writer connection, a pool of readers, WAL, foreign keys, and a
//! backup copy before any migration touches an existing file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    Sqlite, SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
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
        // Another process (a second desk window, the CLI) may be opening the same file: one
        // migrates, the other waits and then finds nothing pending.
        let lock_path = path.to_path_buf();
        let _migrating = tokio::task::spawn_blocking(move || MigrationLock::take(&lock_path))
            .await
            .map_err(|e| Error::Io(std::io::Error::other(e)))??;
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

    /// A write transaction that takes the write lock at `BEGIN`. A deferred transaction that
    /// reads first and then writes gets SQLITE_BUSY at once when another process wrote in
    /// between, without waiting for the busy timeout; an immediate one waits its turn.
    pub async fn write_tx(&self) -> Result<sqlx::Transaction<'static, Sqlite>> {
        Ok(self.write.begin_with("BEGIN IMMEDIATE").await?)
    }

    pub fn reader(&self) -> &SqlitePool {
        &self.read
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether nothing has been set up or filed yet: no dealership, staff or customer.
    pub async fn is_empty(&self) -> Result<bool> {
        let mut conn = self.read.acquire().await?;
        is_empty(&mut conn).await
    }

    /// Copies every row of `source`, a database made by the same migrations, into this one in
    /// one transaction, provided this one is still empty; returns whether it was.
    pub async fn fill_from(&self, source: &Path) -> Result<bool> {
        let source = source.to_str().ok_or_else(|| {
            Error::validation(
                "source",
                "路径含有无法识别的字符",
                "The path is not valid UTF-8",
            )
        })?;
        let mut conn = self.write.acquire().await?;
        // ATTACH is refused inside a transaction.
        sqlx::query("ATTACH DATABASE ?1 AS source")
            .bind(source)
            .execute(&mut *conn)
            .await?;
        let copied = copy_attached(&mut conn).await;
        let detached = sqlx::query("DETACH DATABASE source")
            .execute(&mut *conn)
            .await;
        let copied = copied?;
        detached?;
        Ok(copied)
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

/// An exclusive lock on `<database>.lock` while the database is opened and migrated, held
/// by the OS for this process only and released when dropped (or the process dies).
struct MigrationLock(std::fs::File);

impl MigrationLock {
    fn take(database: &Path) -> Result<MigrationLock> {
        let mut name = database.as_os_str().to_owned();
        name.push(".lock");
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(PathBuf::from(name))?;
        file.lock()?;
        Ok(MigrationLock(file))
    }
}

impl Drop for MigrationLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

async fn is_empty(conn: &mut sqlx::SqliteConnection) -> Result<bool> {
    let filed: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM dealership) + (SELECT COUNT(*) FROM staff)
              + (SELECT COUNT(*) FROM customer)",
    )
    .fetch_one(conn)
    .await?;
    Ok(filed == 0)
}

/// Copies the attached `source` table by table, in the order the migrations made them;
/// foreign keys are checked at commit. Full-text indexes are kept by their triggers, so the
/// virtual tables and their shadow tables are not copied. Rows already here (settings made
/// on first use) give way to the source's.
async fn copy_attached(conn: &mut sqlx::SqliteConnection) -> Result<bool> {
    let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE").await?;
    if !is_empty(&mut tx).await? {
        return Ok(false);
    }
    sqlx::query("PRAGMA defer_foreign_keys = ON")
        .execute(&mut *tx)
        .await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT t.name FROM main.sqlite_master t
         WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name <> '_sqlx_migrations'
           AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
           AND NOT EXISTS (SELECT 1 FROM main.sqlite_master v
                           WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'
                             AND substr(t.name, 1, length(v.name) + 1) = v.name || '_')
         ORDER BY t.rowid",
    )
    .fetch_all(&mut *tx)
    .await?;
    for table in tables {
        // Table names come from this database's own schema, never from input.
        let sql =
            format!(r#"INSERT OR REPLACE INTO main."{table}" SELECT * FROM source."{table}""#);
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(true)
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
