//! The key that signs exit passes, kept OUT of the database: a file beside it,
//! `<database stem>.exit-pass.key` (`servicebay.exit-pass.key`), 0600, hex text, made on first
//! use. Whoever holds a copy of the database (a backup on a USB stick) cannot make passes.
//!
//! - A restored backup on the same installation keeps working: the key file stays beside the
//!   live database.
//! - A database moved to another computer refuses its old passes as not genuine until the key
//!   is moved on purpose: `servicebay gate export-key --to FILE` here, `servicebay gate
//!   import-key FILE` there.
//! - Earlier versions kept the key in the `setting` table. On first use it is moved into the
//!   key file and deleted from the database, so outstanding passes stay valid. (A migration
//!   cannot write files, so this is done in code.)
//!
//! A file rather than the OS keychain: headless machines (CI, a server) have no Secret
//! Service, and a file moves with the data folder the way the dealership expects.
//!
//! House rule: SQL lives in `store.rs`. The two queries on the old `setting` row and the pragma
//! asking SQLite for the database's file live here instead, so that everything about the key
//! sits in one small file.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sqlx::SqliteConnection;

use crate::paths::{create_private_file, write_private};
use crate::{Error, Result, Store};

/// Where earlier versions kept the key.
const LEGACY_SETTING: &str = "exit_pass.secret";
/// Bytes of a key this version makes.
const KEY_BYTES: usize = 32;
/// Shorter keys (a damaged or hand-made file) are refused.
const MIN_KEY_BYTES: usize = 16;

/// This installation's signing key, made on first use (or moved out of the database).
pub async fn load(conn: &mut SqliteConnection) -> Result<Vec<u8>> {
    let key_file = key_path(&database_file(conn).await?);
    if let Some(key) = existing(conn, &key_file).await? {
        return Ok(key);
    }
    let mut fresh = vec![0u8; KEY_BYTES];
    getrandom::fill(&mut fresh).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    if write_new_key(&key_file, &fresh)? {
        return Ok(fresh);
    }
    // Another process made it a moment ago.
    read_key(&key_file)?.ok_or_else(damaged)
}

/// The key file of the database at `db`: `<stem>.exit-pass.key` in the same folder.
pub fn key_path(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "servicebay".into());
    db.with_file_name(format!("{stem}.exit-pass.key"))
}

/// Writes this installation's key to `to` (a new file, 0600), to carry it to a new computer.
pub async fn export(store: &Store, to: &Path) -> Result<()> {
    let mut conn = store.writer().acquire().await?;
    let key = load(&mut conn).await?;
    let mut file = create_private_file(to).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::conflict(
                format!("文件已存在：{}", to.display()),
                format!("The file already exists: {}", to.display()),
            )
        } else {
            e.into()
        }
    })?;
    std::io::Write::write_all(&mut file, key_text(&key).as_bytes())?;
    file.sync_all()?;
    Ok(())
}

/// What importing a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Imported {
    /// There was no key yet.
    Installed,
    /// The same key was already in use.
    Unchanged,
    /// A different key was replaced (asked for); the old one is kept beside it.
    Replaced,
}

/// Installs the key exported from another installation. A different key already in use is
/// replaced only when `replace` is set: passes signed with it stop being honoured.
pub async fn import(store: &Store, from: &Path, replace: bool) -> Result<Imported> {
    let key = parse_key(&std::fs::read_to_string(from)?).ok_or_else(|| {
        Error::validation(
            "file",
            "这不是出门证签名密钥文件（应为 servicebay gate export-key 导出的文件）",
            "This is not an exit-pass key file (made by servicebay gate export-key)",
        )
    })?;
    let mut conn = store.writer().acquire().await?;
    let key_file = key_path(&database_file(&mut conn).await?);
    let current = match existing(&mut conn, &key_file).await? {
        None if write_new_key(&key_file, &key)? => return Ok(Imported::Installed),
        None => read_key(&key_file)?.ok_or_else(damaged)?,
        Some(current) => current,
    };
    if current == key {
        return Ok(Imported::Unchanged);
    }
    if !replace {
        return Err(Error::conflict(
            "本机已有另一个出门证签名密钥；替换后，用它签发的出门证将不再有效。确需替换请加 --replace",
            "This installation already has a different exit-pass key; passes signed with it stop being valid once it is replaced. Add --replace to replace it",
        ));
    }
    set_aside(&key_file, &current, "replaced")?;
    write_private(&key_file, key_text(&key).as_bytes())?;
    tracing::warn!(key_file = %key_file.display(), "exit-pass key replaced by an imported one");
    Ok(Imported::Replaced)
}

/// The key in the key file, after moving an old one out of the database.
async fn existing(conn: &mut SqliteConnection, key_file: &Path) -> Result<Option<Vec<u8>>> {
    let mut in_file = read_key(key_file)?;
    let legacy = sqlx::query_scalar!("SELECT value FROM setting WHERE key = ?1", LEGACY_SETTING)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(legacy) = legacy else {
        return Ok(in_file);
    };
    let legacy = serde_json::from_str::<String>(&legacy)
        .ok()
        .and_then(|h| hex::decode(h).ok())
        .filter(|k| !k.is_empty())
        .ok_or_else(damaged)?;
    if in_file.is_none() && !write_new_key(key_file, &legacy)? {
        in_file = read_key(key_file)?;
    }
    let key = match in_file {
        None => legacy,
        Some(key) if key == legacy => key,
        Some(key) => {
            // A database from an older installation with a key of its own: this
            // installation's key stays; the database's is kept beside it, not lost.
            let kept = set_aside(key_file, &legacy, "from-database")?;
            tracing::warn!(kept = %kept.display(), "the database carried another installation's exit-pass key");
            key
        }
    };
    // Written to the file first, deleted here second: a crash in between repeats the move.
    sqlx::query!("DELETE FROM setting WHERE key = ?1", LEGACY_SETTING)
        .execute(&mut *conn)
        .await?;
    Ok(Some(key))
}

/// The main file of the connection's database.
async fn database_file(conn: &mut SqliteConnection) -> Result<PathBuf> {
    // The query macros cannot describe pragmas (as with the check in db.rs): unchecked.
    let databases: Vec<(i64, String, String)> = sqlx::query_as("PRAGMA database_list")
        .fetch_all(&mut *conn)
        .await?;
    let file = databases
        .into_iter()
        .find(|(_, name, _)| name == "main")
        .map(|(_, _, file)| file)
        .unwrap_or_default();
    if file.is_empty() {
        return Err(Error::conflict(
            "出门证需要存放在文件中的数据库（不是内存数据库）",
            "Exit passes need a database file, not an in-memory database",
        ));
    }
    Ok(PathBuf::from(file))
}

fn damaged() -> Error {
    Error::conflict(
        "出门证签名密钥已损坏",
        "The exit pass signing key is damaged",
    )
}

fn key_text(key: &[u8]) -> String {
    format!("{}\n", hex::encode(key))
}

fn parse_key(text: &str) -> Option<Vec<u8>> {
    hex::decode(text.trim())
        .ok()
        .filter(|k| k.len() >= MIN_KEY_BYTES)
}

fn read_key(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_key(&text).map(Some).ok_or_else(damaged),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes the key file unless there is one; `false` when another process was first. The key
/// is written whole to a temporary file and linked into place, so no reader ever sees a
/// half-written key.
fn write_new_key(path: &Path, key: &[u8]) -> Result<bool> {
    let mut nonce = [0u8; 8];
    getrandom::fill(&mut nonce).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    let tmp = path.with_extension(format!("key.tmp-{}", hex::encode(nonce)));
    write_private(&tmp, key_text(key).as_bytes())?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        // No hard links on this file system (FAT): create it in place, never over another.
        Err(_) => match create_private_file(path) {
            Ok(mut file) => {
                std::io::Write::write_all(&mut file, key_text(key).as_bytes())?;
                file.sync_all()?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e.into()),
        },
    }
}

/// Keeps a key no longer in use as `<key file>.<why>-<UTC time>`, 0600.
fn set_aside(key_file: &Path, key: &[u8], why: &str) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let mut name = key_file.as_os_str().to_owned();
    name.push(format!(".{why}-{stamp}"));
    let path = PathBuf::from(name);
    write_private(&path, key_text(key).as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_sits_beside_its_database() {
        assert_eq!(
            key_path(Path::new("/data/servicebay.db")),
            Path::new("/data/servicebay.exit-pass.key")
        );
        assert_eq!(
            key_path(Path::new("training.db")),
            Path::new("training.exit-pass.key")
        );
    }

    #[test]
    fn only_a_whole_hex_key_is_read() {
        let key = vec![7u8; KEY_BYTES];
        assert_eq!(parse_key(&key_text(&key)), Some(key));
        assert_eq!(parse_key("not hex"), None);
        assert_eq!(parse_key("abcd"), None, "too short");
    }
}
