//! Importing customer lists from real .xlsx and .csv files into a real SQLite file.

mod common;

use std::path::{Path, PathBuf};

use servicebay::Store;
use servicebay::customer::import::{Duplicates, ImportOptions, ImportReport};
use servicebay::customer::{self};

use common::fresh_store;

/// Imports without watching the progress.
async fn import(store: &Store, file: &Path, options: ImportOptions) -> ImportReport {
    customer::import_file(store, file, &options, &mut |_, _| {})
        .await
        .unwrap()
}

fn options(dry_run: bool, skip_invalid: bool, duplicates: Duplicates) -> ImportOptions {
    ImportOptions {
        dry_run,
        skip_invalid,
        duplicates,
        mapping: None,
    }
}

/// A spreadsheet as dealers send them: phones as numbers, an Excel date, a text date.
fn workbook(dir: &Path, rows: &[[&str; 5]]) -> PathBuf {
    let path = dir.join("客户名单.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["客户姓名", "手机号", "车牌号码", "出生日期", "车架号"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (index, row) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        sheet.write_string(line, 0, row[0]).unwrap();
        match row[1].parse::<f64>() {
            Ok(number) => sheet.write_number(line, 1, number).unwrap(),
            Err(_) => sheet.write_string(line, 1, row[1]).unwrap(),
        };
        sheet.write_string(line, 2, row[2]).unwrap();
        match row[3].parse::<f64>() {
            Ok(serial) => sheet.write_number(line, 3, serial).unwrap(),
            Err(_) => sheet.write_string(line, 3, row[3]).unwrap(),
        };
        sheet.write_string(line, 4, row[4]).unwrap();
    }
    book.save(&path).unwrap();
    path
}

async fn count(store: &Store, query: &str) -> usize {
    customer::store::search(store, query).await.unwrap().len()
}

const GOOD: [&str; 5] = [
    "王建国",
    "13812348000",
    "京A12345",
    "31114",
    "1HGCM82633A004352",
];
const GOOD_TOO: [&str; 5] = ["李娜", "13987650000", "沪B·12399", "1990年5月1日", ""];
const BAD_MOBILE: [&str; 5] = ["赵敏", "1360000111", "京C12345", "", ""];
const BAD_VIN: [&str; 5] = ["孙浩", "13600001111", "京D12345", "", "1HGCM82623A004352"];

#[tokio::test]
async fn one_bad_row_means_nothing_is_imported_and_every_bad_row_is_reported() {
    let (dir, store) = fresh_store().await;
    let file = workbook(dir.path(), &[GOOD, BAD_MOBILE, GOOD_TOO, BAD_VIN]);
    let report = import(&store, &file, options(false, false, Duplicates::Skip)).await;
    assert!(!report.imported);
    let rejected: Vec<(u32, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.row, r.field.as_str()))
        .collect();
    assert_eq!(
        rejected,
        vec![(3, "mobile"), (5, "vin")],
        "row numbers as the user sees them"
    );
    assert_eq!(report.accepted, 2);
    assert!(
        report.rejected[0].message.contains("手机")
            && report.rejected[0].message_en.contains("obile")
    );
    assert_eq!(
        count(&store, "王建国").await + count(&store, "李娜").await,
        0,
        "nothing stored"
    );
    // The refused file still leaves a list of its bad rows to fix.
    let listed =
        customer::import::read_sheet(Path::new(&report.rejected_report.expect("a report")))
            .unwrap();
    assert_eq!(listed.rows.len(), 2);
}

#[tokio::test]
async fn a_dry_run_stores_nothing_and_skip_invalid_imports_the_rest_with_a_report() {
    let (dir, store) = fresh_store().await;
    let file = workbook(dir.path(), &[GOOD, BAD_MOBILE, GOOD_TOO]);
    let dry = import(&store, &file, options(true, false, Duplicates::Skip)).await;
    assert_eq!(
        (dry.accepted, dry.rejected.len(), dry.imported),
        (2, 1, false)
    );
    assert_eq!(count(&store, "王建国").await, 0);

    let mut seen = Vec::new();
    let report = customer::import_file(
        &store,
        &file,
        &options(false, true, Duplicates::Skip),
        &mut |done, all| seen.push((done, all)),
    )
    .await
    .unwrap();
    assert!(report.imported);
    assert_eq!(seen.last(), Some(&(3, 3)), "progress reaches every row");
    let wang = customer::store::search(&store, "004352").await.unwrap();
    assert_eq!(wang[0].name, "王建国", "found by the VIN imported with it");
    let file = customer::store::get(&store, wang[0].customer_id)
        .await
        .unwrap();
    assert_eq!(
        file.customer.birthday, "1985-03-08",
        "Excel date serial read"
    );
    assert_eq!(count(&store, "李娜").await, 1);
    let report_path = report
        .rejected_report
        .expect("a report of the rejected rows");
    assert!(Path::new(&report_path).exists());
}

#[tokio::test]
async fn duplicates_are_skipped_or_merged() {
    let (dir, store) = fresh_store().await;
    let first = workbook(dir.path(), &[GOOD]);
    import(&store, &first, options(false, false, Duplicates::Skip)).await;
    // Same mobile, a second car and an address: skipped, then merged.
    let again = workbook(dir.path(), &[["王建国", "13812348000", "京E54321", "", ""]]);
    let skipped = import(&store, &again, options(false, false, Duplicates::Skip)).await;
    assert_eq!((skipped.accepted, skipped.duplicates), (0, 1));
    assert_eq!(count(&store, "京E54321").await, 0);
    let merged = import(&store, &again, options(false, false, Duplicates::Merge)).await;
    assert_eq!(merged.duplicates, 1);
    let hits = customer::store::search(&store, "京E54321").await.unwrap();
    assert_eq!(
        hits[0].plates.len(),
        2,
        "the second car joined the file on record"
    );
}

#[tokio::test]
async fn a_csv_with_bom_full_width_digits_and_stray_spaces_imports() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("list.csv");
    std::fs::write(&file, "\u{feff}name,mobile,plate,birthday\n 王建国 ,１３８１２３４８０００, 京A12345 ,2026/11/22\n").unwrap();
    let report = import(&store, &file, options(false, false, Duplicates::Skip)).await;
    assert!(report.imported, "{:?}", report.rejected);
    let hit = &customer::store::search(&store, "8000").await.unwrap()[0];
    assert_eq!(
        (hit.name.as_str(), hit.plates[0].as_str()),
        ("王建国", "京A·12345")
    );
}

#[tokio::test]
async fn the_customer_list_exports_to_xlsx() {
    let (dir, store) = fresh_store().await;
    servicebay::demo::seed(&store).await.unwrap();
    let out = dir.path().join("客户.xlsx");
    assert_eq!(
        customer::store::export(&store, None, &out).await.unwrap(),
        200
    );
    // Read it back: the header and the first customer are there.
    let sheet = customer::import::read_sheet(&out).unwrap();
    assert_eq!(sheet.headers[0], "姓名");
    assert_eq!(sheet.rows.len(), 200);
}

#[tokio::test]
async fn exporting_a_search_writes_every_match_not_only_the_first_screenful() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("many.csv");
    let rows: String = (0..80).map(|i| format!("张伟,1380000{i:04}\n")).collect();
    std::fs::write(&file, format!("姓名,手机\n{rows}李娜,13987650000\n")).unwrap();
    import(&store, &file, options(false, false, Duplicates::Skip)).await;
    assert_eq!(
        count(&store, "张伟").await,
        50,
        "the search box shows a screenful"
    );
    let out = dir.path().join("张.xlsx");
    assert_eq!(
        customer::store::export(&store, Some("张伟"), &out)
            .await
            .unwrap(),
        80
    );
}

#[tokio::test]
async fn blank_unsafe_unprintable_and_over_long_cells_are_rejected_with_their_field() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("names.csv");
    let long_note = "备".repeat(customer::NOTE_MAX + 1);
    let rows = [
        "\u{200B}\u{FEFF},13800000001,".to_string(),
        "王\u{1B}[31m建国,13800000002,".to_string(),
        // A quoted cell with a line break: one row of the sheet.
        "\"王\n建国\",13800000003,".to_string(),
        "李🚗,13800000004,".to_string(),
        format!("赵敏,13800000005,{long_note}"),
        "孙浩,13800000006,喜欢钓鱼".to_string(),
    ];
    std::fs::write(&file, format!("姓名,手机,备注\n{}\n", rows.join("\n"))).unwrap();
    let report = import(&store, &file, options(false, true, Duplicates::Skip)).await;
    let rejected: Vec<(u32, &str, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.row, r.field.as_str(), r.code.as_str()))
        .collect();
    assert_eq!(
        rejected,
        vec![
            (2, "name", "validation"),
            (3, "name", "validation"),
            (4, "name", "validation"),
            (5, "name", "validation"),
            (6, "notes.work", "validation"),
        ]
    );
    assert_eq!((report.accepted, report.imported), (1, true));
    assert_eq!(count(&store, "孙浩").await, 1);
}

#[tokio::test]
async fn the_forms_refuse_the_same_names_and_store_nothing() {
    let (_dir, store) = fresh_store().await;
    servicebay::dealership::save(
        &store,
        &servicebay::dealership::Dealership {
            name: "华安马自达".into(),
            address: "北京市朝阳区东四环北路88号".into(),
            hotline: "010-65432100".into(),
            time_zone: "Asia/Shanghai".into(),
        },
    )
    .await
    .unwrap();
    for name in ["\u{200B}", "王\u{1B}建国", "王\r\n建国", "王🚗"] {
        let draft = customer::CustomerDraft {
            name: name.into(),
            mobile: "13812348000".into(),
            plate: "京A12345".into(),
            allow_duplicate_mobile: false,
        };
        let err = customer::create(&store, &draft).await.unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            ("validation", Some("name")),
            "{name:?}"
        );
    }
    let mut input = customer::CustomerInput::person("王建国", "13812348000");
    input.notes.personality = "备".repeat(5 * 1024 * 1024);
    let err = customer::save(&store, &input).await.unwrap_err();
    assert_eq!(err.field(), Some("notes.personality"));
    input.notes.personality = String::new();
    input.employer = "京东方\u{200D}".into();
    assert_eq!(
        customer::save(&store, &input).await.unwrap_err().field(),
        Some("employer")
    );
    assert_eq!(count(&store, "13812348000").await, 0, "nothing stored");
}

#[tokio::test]
async fn a_gbk_csv_from_chinese_excel_imports_and_unreadable_bytes_are_refused_as_the_file() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("gbk.csv");
    let (bytes, _, _) = encoding_rs::GBK.encode("姓名,手机,车牌\n王建国,13812348000,京A12345\n");
    std::fs::write(&file, &bytes).unwrap();
    let report = import(&store, &file, options(false, false, Duplicates::Skip)).await;
    assert_eq!((report.accepted, report.imported), (1, true));
    let hit = &customer::store::search(&store, "8000").await.unwrap()[0];
    assert_eq!(hit.name, "王建国");

    // 0x80 and 0xFF start no character in UTF-8 or GBK.
    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, b"name,mobile\n\xff\x80\xff,13800000000\n").unwrap();
    let err = customer::import_file(
        &store,
        &junk,
        &options(true, false, Duplicates::Skip),
        &mut |_, _| {},
    )
    .await
    .unwrap_err();
    assert_eq!((err.code(), err.field()), ("validation", Some("file")));
}

#[tokio::test]
async fn an_unterminated_quote_is_reported_as_such_not_as_a_missing_phone() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("quote.csv");
    std::fs::write(
        &file,
        "姓名,手机,备注\n王建国,13812348000,\"喜欢\"\"钓鱼\"\"\"\n李娜,13987650000,\"VIP\n赵敏,13600001111,\n",
    )
    .unwrap();
    let err = customer::import_file(
        &store,
        &file,
        &options(false, true, Duplicates::Skip),
        &mut |_, _| {},
    )
    .await
    .unwrap_err();
    assert_eq!((err.code(), err.field()), ("validation", Some("file")));
    assert!(err.message_en().contains("line 3"), "{}", err.message_en());
    assert_eq!(count(&store, "王建国").await, 0, "nothing stored");
}

#[tokio::test]
async fn skip_invalid_always_writes_its_report_even_for_huge_cells_and_wide_rows() {
    let (dir, store) = fresh_store().await;
    let file = dir.path().join("huge.csv");
    let huge = "备".repeat(5 * 1024 * 1024);
    let wide = ",x".repeat(20_000);
    std::fs::write(
        &file,
        format!("姓名,手机,备注\n王建国,13812348000,{huge}\n李娜,13987650000,短{wide}\n赵敏,13600001111,好\n"),
    )
    .unwrap();
    let report = import(&store, &file, options(false, true, Duplicates::Skip)).await;
    let rejected: Vec<(u32, &str)> = report
        .rejected
        .iter()
        .map(|r| (r.row, r.field.as_str()))
        .collect();
    // The wide row is fine: its extra cells have no header.
    assert_eq!(rejected, vec![(2, "notes.work")]);
    assert_eq!((report.accepted, report.imported), (2, true));
    let listed =
        customer::import::read_sheet(Path::new(&report.rejected_report.expect("a report")))
            .unwrap();
    assert_eq!(listed.rows.len(), 1);
    let note = customer::import::cell_text(&listed.rows[0].1[4]);
    assert_eq!(note.chars().count(), customer::import::MAX_CELL_CHARS);

    // A rejected row wider than a sheet: its columns are cut at the sheet's last.
    let wide_bad = dir.path().join("wide.csv");
    std::fs::write(
        &wide_bad,
        format!("姓名,手机{}\n孙浩,1360000{}\n", ",列".repeat(20_000), wide),
    )
    .unwrap();
    let report = import(&store, &wide_bad, options(false, true, Duplicates::Skip)).await;
    assert_eq!(report.rejected.len(), 1);
    let listed =
        customer::import::read_sheet(Path::new(&report.rejected_report.expect("a report")))
            .unwrap();
    assert_eq!(listed.headers.len(), customer::import::MAX_COLUMNS);
}

#[tokio::test]
async fn when_the_report_cannot_be_written_nothing_is_stored() {
    let (dir, store) = fresh_store().await;
    let file = workbook(dir.path(), &[GOOD, BAD_MOBILE]);
    // A folder where the report should go: the report cannot be saved.
    std::fs::create_dir(dir.path().join("客户名单-未导入.xlsx")).unwrap();
    let err = customer::import_file(
        &store,
        &file,
        &options(false, true, Duplicates::Skip),
        &mut |_, _| {},
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "io");
    assert_eq!(count(&store, "王建国").await, 0, "nothing stored");
}
