//! Data protection on real files: the database, its WAL, backups, logs and printed papers are
//! for the user only (unix modes), and the exit-pass key is not in the database — a copy of
//! the file cannot make passes, an old database keeps honouring its passes after the key
//! moves out of it, a restored backup works on the same installation and not elsewhere.

mod common;

use std::path::Path;

use servicebay::gate::{self, Refusal, secret, token};
use servicebay::work_order::OrderStatus;
use servicebay::{AppPaths, Store, demo, settlement, work_order};

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A demo dealership and the exit pass of one of its settled cars.
async fn demo_with_pass(store: &Store) -> gate::PassLine {
    demo::seed(store).await.unwrap();
    let settled = work_order::store::list(store, Some(OrderStatus::Settled), None)
        .await
        .unwrap();
    settlement::store::get(store, settled[0].id)
        .await
        .unwrap()
        .exit_pass
        .expect("the demo's settled car has its pass")
}

async fn legacy_rows(store: &Store) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM setting WHERE key = 'exit_pass.secret'")
        .fetch_one(store.reader())
        .await
        .unwrap()
}

async fn issued_at(store: &Store, pass_id: i64) -> String {
    sqlx::query_scalar("SELECT issued_at FROM exit_pass WHERE id = ?")
        .bind(pass_id)
        .fetch_one(store.reader())
        .await
        .unwrap()
}

fn key_of(db: &Path) -> Vec<u8> {
    hex::decode(
        std::fs::read_to_string(secret::key_path(db))
            .unwrap()
            .trim(),
    )
    .unwrap()
}

#[cfg(unix)]
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

#[cfg(unix)]
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

#[tokio::test]
async fn a_copy_of_the_database_alone_cannot_make_valid_passes() {
    let (dir, store) = common::fresh_store().await;
    let pass = demo_with_pass(&store).await;
    assert_eq!(
        legacy_rows(&store).await,
        0,
        "the key is not in the database"
    );
    let key_file = secret::key_path(store.path());
    assert_eq!(key_file, dir.path().join("servicebay.exit-pass.key"));
    #[cfg(unix)]
    assert_eq!(mode(&key_file), 0o600);

    // Whoever has the file can read every pass row, but must guess the key.
    let at = issued_at(&store, pass.id).await;
    let mut guessed = [0u8; 32];
    getrandom::fill(&mut guessed).unwrap();
    let forged = token::sign(&guessed, pass.id, &at);
    let answer = gate::verify(&store, &forged, None).await.unwrap();
    assert_eq!(answer.refusal, Some(Refusal::NotGenuine));
    // The key file is what signs: the printed token is exactly the one it makes.
    assert_eq!(token::sign(&key_of(store.path()), pass.id, &at), pass.token);
    assert!(
        gate::verify(&store, &pass.token, None)
            .await
            .unwrap()
            .allowed
    );
    store.close().await;
}

#[tokio::test]
async fn an_old_database_keeps_honouring_its_passes_and_the_key_leaves_it() {
    let (dir, store) = common::fresh_store().await;
    let pass = demo_with_pass(&store).await;
    // Make it look like an earlier version's database: the key in `setting`, no key file.
    let key = key_of(store.path());
    let key_file = secret::key_path(store.path());
    std::fs::remove_file(&key_file).unwrap();
    let stored = serde_json::to_string(&hex::encode(&key)).unwrap();
    sqlx::query("INSERT INTO setting (key, value) VALUES ('exit_pass.secret', ?)")
        .bind(stored)
        .execute(store.writer())
        .await
        .unwrap();
    let db = store.path().to_path_buf();
    store.close().await;

    let paths = AppPaths::at(dir.path());
    let store = Store::open(&db, &paths.backups()).await.unwrap();
    let answer = gate::verify(&store, &pass.token, None).await.unwrap();
    assert!(answer.allowed, "{answer:?}");
    assert_eq!(legacy_rows(&store).await, 0, "the key left the database");
    assert_eq!(key_of(&db), key, "into the key file");
    #[cfg(unix)]
    assert_eq!(mode(&key_file), 0o600);
    store.close().await;
}

#[tokio::test]
async fn an_old_database_from_another_installation_keeps_this_installations_key() {
    let (dir, store) = common::fresh_store().await;
    let pass = demo_with_pass(&store).await;
    let ours = key_of(store.path());
    let theirs = vec![9u8; 32];
    sqlx::query("INSERT INTO setting (key, value) VALUES ('exit_pass.secret', ?)")
        .bind(serde_json::to_string(&hex::encode(&theirs)).unwrap())
        .execute(store.writer())
        .await
        .unwrap();
    assert!(
        gate::verify(&store, &pass.token, None)
            .await
            .unwrap()
            .allowed
    );
    assert_eq!(legacy_rows(&store).await, 0);
    assert_eq!(key_of(store.path()), ours);
    // Their key is not lost: kept beside ours.
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("servicebay.exit-pass.key.from-database-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let kept = std::fs::read_to_string(dir.path().join(&kept[0])).unwrap();
    assert_eq!(kept.trim(), hex::encode(&theirs));
    store.close().await;
}

#[tokio::test]
async fn a_restored_backup_works_here_but_not_on_another_computer() {
    let (dir, store) = common::fresh_store().await;
    let pass = demo_with_pass(&store).await;
    let paths = AppPaths::at(dir.path());
    let copy = paths.backups().join("before-the-accident.db");
    store.backup_to(&copy).await.unwrap();

    // Another computer: the backup without the key.
    let other = tempfile::tempdir().unwrap();
    let other_db = other.path().join("servicebay.db");
    std::fs::copy(&copy, &other_db).unwrap();
    let elsewhere = Store::open(&other_db, &other.path().join("backups"))
        .await
        .unwrap();
    let answer = gate::verify(&elsewhere, &pass.token, None).await.unwrap();
    assert!(!answer.allowed);
    assert_eq!(answer.refusal, Some(Refusal::NotGenuine));
    elsewhere.close().await;

    // This computer: the backup restored over the live database.
    let db = store.path().to_path_buf();
    store.close().await;
    for sidecar in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{sidecar}", db.display()));
    }
    std::fs::copy(&copy, &db).unwrap();
    let restored = Store::open(&db, &paths.backups()).await.unwrap();
    assert!(
        gate::verify(&restored, &pass.token, None)
            .await
            .unwrap()
            .allowed
    );
    restored.close().await;
}
