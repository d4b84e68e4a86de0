//! Data protection on real files: the database, its WAL, backups and printed papers are for
//! the user only (unix modes).
#![cfg(unix)]

use std::path::Path;

use servicebay::{AppPaths, Store, demo};

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[tokio::test]
async fn the_database_its_wal_backups_and_prints_are_for_the_user_only() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::at(dir.path().join("data"));
    let store = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    demo::seed(&store).await.unwrap();
    assert_eq!(mode(&paths.data_dir), 0o700);
    assert_eq!(mode(&paths.database()), 0o600);
    for sidecar in ["servicebay.db-wal", "servicebay.db-shm"] {
        assert_eq!(mode(&paths.data_dir.join(sidecar)), 0o600, "{sidecar}");
    }

    let copy = paths.backups().join("by-hand.db");
    store.backup_to(&copy).await.unwrap();
    assert_eq!(mode(&paths.backups()), 0o700);
    assert_eq!(mode(&copy), 0o600);
    // A backup by hand into a new folder elsewhere.
    let elsewhere = dir.path().join("usb/stick/servicebay.db");
    store.backup_to(&elsewhere).await.unwrap();
    assert_eq!(mode(&elsewhere), 0o600);
    assert_eq!(mode(elsewhere.parent().unwrap()), 0o700);

    let pdf = servicebay::print::save_pdf(&paths.prints(), "exit-pass-1", b"%PDF-1.7").unwrap();
    assert_eq!(mode(&paths.prints()), 0o700);
    assert_eq!(mode(&pdf), 0o600);
    store.close().await;
}

#[tokio::test]
async fn files_an_earlier_version_left_readable_are_narrowed() {
    use sqlx::Connection;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::at(dir.path());
    // A database from before the migrations, readable by everyone as versions before made it.
    let url = format!("sqlite://{}?mode=rwc", paths.database().display());
    let mut old = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE note (text TEXT)")
        .execute(&mut old)
        .await
        .unwrap();
    old.close().await.unwrap();
    let everyone = std::fs::Permissions::from_mode(0o644);
    std::fs::set_permissions(paths.database(), everyone.clone()).unwrap();
    std::fs::create_dir_all(paths.backups()).unwrap();
    std::fs::set_permissions(paths.backups(), std::fs::Permissions::from_mode(0o755)).unwrap();

    let store = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    assert_eq!(mode(&paths.database()), 0o600);
    assert_eq!(mode(&paths.data_dir.join("servicebay.db-wal")), 0o600);
    assert_eq!(mode(&paths.backups()), 0o700);
    let before_migrate: Vec<_> = std::fs::read_dir(paths.backups())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(before_migrate.len(), 1);
    assert_eq!(mode(&before_migrate[0]), 0o600);
    store.close().await;

    // Up to date, nothing to migrate: the folder is narrowed all the same.
    std::fs::set_permissions(paths.backups(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(paths.database(), everyone).unwrap();
    let again = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    assert_eq!(mode(&paths.backups()), 0o700);
    assert_eq!(mode(&paths.database()), 0o600);
    again.close().await;
}
