//! What the integration tests share: a fresh database file in a folder of its own.

use servicebay::settlement::{FollowupMethod, FollowupTime, HandOverInput};
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

/// The text of a PDF as `pdftotext -layout` reads it.
#[allow(dead_code)] // Not every test file prints.
pub fn pdf_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf, &["-"])
}

/// The number of pages of a PDF, from `pdfinfo`.
#[allow(dead_code)]
pub fn pdf_pages(pdf: &[u8]) -> usize {
    poppler("pdfinfo", &[], pdf, &[])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the pages")
}

fn poppler(tool: &str, before: &[&str], pdf: &[u8], after: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paper.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new(tool)
        .args(before)
        .arg(&path)
        .args(after)
        .output()
        .expect("poppler-utils is installed by `cargo xtask test`");
    String::from_utf8(out.stdout).unwrap()
}

/// The advisor's hand-over with every item checked and the follow-up call agreed.
#[allow(dead_code)] // Only the settlement and gate tests hand cars over.
pub fn hand_over_input(order_id: i64, advisor_id: i64) -> HandOverInput {
    HandOverInput {
        order_id,
        advisor_id,
        other_advisor_confirmed: false,
        work_explained: true,
        old_parts_shown: true,
        covers_removed: true,
        followup_consent: true,
        followup_method: Some(FollowupMethod::Mobile),
        followup_phone: "13800138000".into(),
        followup_time: Some(FollowupTime::Afternoon),
    }
}
