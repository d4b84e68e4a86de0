//! The database file: migrations, the backup before migrating, backups and the check.

use servicebay::{AppPaths, Store};

#[tokio::test]
async fn an_existing_database_is_copied_to_backups_before_it_is_migrated() {
    use sqlx::Connection;
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::at(dir.path());
    // A database file from before the migrations, holding something worth keeping.
    let url = format!("sqlite://{}?mode=rwc", paths.database().display());
    let mut old = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE note (text TEXT)")
        .execute(&mut old)
        .await
        .unwrap();
    sqlx::query("INSERT INTO note VALUES ('keep me')")
        .execute(&mut old)
        .await
        .unwrap();
    old.close().await.unwrap();

    let store = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    let backups: Vec<_> = std::fs::read_dir(paths.backups())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "one copy taken before migrating");
    let mut copy = sqlx::SqliteConnection::connect(&format!("sqlite://{}", backups[0].display()))
        .await
        .unwrap();
    let kept: String = sqlx::query_scalar("SELECT text FROM note")
        .fetch_one(&mut copy)
        .await
        .unwrap();
    assert_eq!(kept, "keep me");
    assert!(store.check().await.unwrap().is_empty());
    store.close().await;

    // Opening an up-to-date database takes no further copy.
    let again = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    assert_eq!(std::fs::read_dir(paths.backups()).unwrap().count(), 1);
    again.close().await;
}

#[tokio::test]
async fn a_backup_is_a_complete_database_that_passes_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let paths = AppPaths::at(dir.path());
    let store = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    servicebay::demo::seed(&store).await.unwrap();
    let copy = dir.path().join("copy.db");
    store.backup_to(&copy).await.unwrap();
    let err = store.backup_to(&copy).await.unwrap_err();
    assert_eq!(
        err.code(),
        "conflict",
        "an existing backup is never overwritten"
    );
    store.close().await;

    let restored = Store::open(&copy, &paths.backups()).await.unwrap();
    assert!(restored.check().await.unwrap().is_empty());
    let hits = servicebay::customer::store::search(&restored, "京")
        .await
        .unwrap();
    assert!(!hits.is_empty(), "the copy holds the customers");
}
