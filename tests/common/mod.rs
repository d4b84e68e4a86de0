//! What the integration tests share: a fresh database file in a folder of its own.

use servicebay::{AppPaths, Store};

/// An empty, migrated database in a temporary folder (kept alive by the returned guard).
pub async fn fresh_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::at(dir.path());
    let store = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    (dir, store)
}
