//! The `servicebay` command line as operators and scripts use it: exit codes, printed values
//! and the JSON shapes, on a real database file.

use std::path::Path;
use std::process::{Command, Output};

fn servicebay(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servicebay"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the servicebay binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// Asserts exit 1 with the JSON error `validation` on `field`.
fn refused_on(output: &Output, field: &str, context: &str) {
    assert_eq!(output.status.code(), Some(1), "{context}");
    let error = json(output);
    assert_eq!(
        (error["code"].as_str(), error["field"].as_str()),
        (Some("validation"), Some(field)),
        "{context}"
    );
}

/// The work orders in `status`, as `work-order list --json` gives them.
fn orders_in(db: &Path, status: &str) -> Vec<serde_json::Value> {
    json(&servicebay(
        db,
        &["--json", "work-order", "list", "--status", status],
    ))
    .as_array()
    .unwrap()
    .clone()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(output)))
}

#[test]
fn check_vin_prints_the_normal_form_or_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let ok = servicebay(&db, &["vehicle", "check-vin", " 1hgcm82633a004352 "]);
    assert!(ok.status.success());
    assert_eq!(stdout(&ok), "1HGCM82633A004352");
    for (bad, why) in [
        ("1HGCM82623A004352", "校验位"),
        ("1HGCM82633A00435", "17"),
        ("1HGCM82633A0O4352", "I、O、Q"),
    ] {
        let refused = servicebay(&db, &["vehicle", "check-vin", bad]);
        assert_eq!(refused.status.code(), Some(1), "{bad}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains(why), "{bad}: {said}");
    }
}

#[test]
fn check_plate_prints_the_normal_form_or_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    for (typed, normal) in [
        ("京a12345", "京A·12345"),
        ("沪B·D12345", "沪B·D12345"),
        ("粤B 123AB", "粤B·123AB"),
    ] {
        let ok = servicebay(&db, &["vehicle", "check-plate", typed]);
        assert!(ok.status.success(), "{typed}");
        assert_eq!(stdout(&ok), normal);
    }
    for bad in ["京AI2345", "京A1234", "X A12345", "京A1234567"] {
        let refused = servicebay(&db, &["--json", "vehicle", "check-plate", bad]);
        refused_on(&refused, "plate", bad);
    }
}

#[test]
fn import_is_all_or_nothing_unless_asked_and_prints_the_rejected_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let file = dir.path().join("名单.csv");
    std::fs::write(&file, "姓名,手机,车牌\n王建国,13812348000,京A12345\n赵敏,1360000111,京C12345\n李娜,13987650000,沪B12399\n").unwrap();
    let file = file.to_str().unwrap();

    let refused = servicebay(&db, &["--json", "customer", "import", file]);
    assert_eq!(refused.status.code(), Some(1));
    let report = json(&refused);
    assert_eq!(report["accepted"], 2);
    assert_eq!(report["duplicates"], 0);
    let rejected = &report["rejected"][0];
    assert_eq!(
        (
            rejected["row"].as_u64(),
            rejected["field"].as_str(),
            rejected["code"].as_str()
        ),
        (Some(3), Some("mobile"), Some("validation"))
    );
    assert!(rejected["message"].as_str().unwrap().contains("手机"));
    let search = |query: &str| json(&servicebay(&db, &["--json", "customer", "search", query]));
    assert_eq!(
        search("王建国").as_array().unwrap().len(),
        0,
        "nothing imported"
    );

    let dry = servicebay(&db, &["--json", "customer", "import", file, "--dry-run"]);
    assert!(dry.status.success());
    assert_eq!(
        search("王建国").as_array().unwrap().len(),
        0,
        "a dry run stores nothing"
    );

    let partial = servicebay(
        &db,
        &["--json", "customer", "import", file, "--skip-invalid"],
    );
    assert!(partial.status.success());
    assert_eq!(json(&partial)["accepted"], 2);
    let hits = search("8000");
    assert_eq!(hits[0]["name"], "王建国");
    assert_eq!(hits[0]["plates"][0], "京A·12345");

    let out = dir.path().join("客户.xlsx");
    let export = servicebay(&db, &["customer", "export", out.to_str().unwrap()]);
    assert!(export.status.success());
    assert!(out.exists());
}

#[test]
fn appointments_list_sweep_and_print_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let tomorrow = (chrono::Utc::now().with_timezone(&chrono_tz::Asia::Shanghai)
        + chrono::Duration::days(1))
    .date_naive()
    .to_string();
    let listed = json(&servicebay(
        &db,
        &["--json", "appointment", "list", "--date", &tomorrow],
    ));
    let bookings = listed.as_array().unwrap();
    assert!(
        bookings.len() >= 9,
        "a demo day has several bookings per advisor"
    );
    assert!(bookings.iter().all(|b| {
        b["number"]
            .as_str()
            .unwrap()
            .starts_with(&tomorrow.replace('-', ""))
    }));
    let open = bookings
        .iter()
        .filter(|b| matches!(b["status"].as_str(), Some("booked" | "confirmed")))
        .count();
    assert!(open > 0);

    // Swept now: the bookings past their time are no-shows, once.
    let now = chrono::Utc::now()
        .with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let swept = servicebay(&db, &["--json", "appointment", "sweep", "--now", &now]);
    assert!(swept.status.success());
    let changed = json(&swept);
    assert!(
        changed
            .as_array()
            .unwrap()
            .iter()
            .all(|b| b["status"] == "no_show")
    );
    let again = json(&servicebay(
        &db,
        &["--json", "appointment", "sweep", "--now", &now],
    ));
    assert_eq!(again.as_array().unwrap().len(), 0);
    // A sweep as of the future would mark every open booking: refused, nothing changed.
    for future in [format!("{tomorrow} 23:59"), "9999-12-31 23:59".to_string()] {
        let refused = servicebay(&db, &["--json", "appointment", "sweep", "--now", &future]);
        refused_on(&refused, "now", &future);
    }
    let still_open = json(&servicebay(
        &db,
        &["--json", "appointment", "list", "--date", &tomorrow],
    ))
    .as_array()
    .unwrap()
    .iter()
    .filter(|b| matches!(b["status"].as_str(), Some("booked" | "confirmed")))
    .count();
    assert_eq!(still_open, open, "tomorrow's bookings are untouched");
    let bad = servicebay(
        &db,
        &["--json", "appointment", "sweep", "--now", "tomorrow"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(json(&bad)["field"], "now");

    for paper in ["welcome-board", "appointment-list"] {
        let out = dir.path().join(format!("{paper}.pdf"));
        let printed = servicebay(
            &db,
            &[
                "print",
                paper,
                "--date",
                &tomorrow,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(printed.status.success(), "{paper}");
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"), "{paper}");
    }
    let bad_day = servicebay(
        &db,
        &[
            "print",
            "welcome-board",
            "--date",
            "24.11.2026",
            "-o",
            "x.pdf",
        ],
    );
    assert_eq!(bad_day.status.code(), Some(1));
}

#[test]
fn work_orders_list_show_and_print_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let all = json(&servicebay(&db, &["--json", "work-order", "list"]));
    let statuses: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["status"].as_str().unwrap())
        .collect();
    for status in [
        "draft",
        "awaiting_signature",
        "open",
        "dispatched",
        "in_progress",
        "awaiting_qc",
        "rework",
        "washing",
        "ready",
        "settled",
        "exited",
        "cancelled",
    ] {
        assert!(statuses.contains(&status), "the demo has a {status} order");
    }
    let dispatched = json(&servicebay(
        &db,
        &["--json", "work-order", "list", "--status", "dispatched"],
    ));
    let number = dispatched[0]["number"].as_str().unwrap().to_string();
    assert!(
        dispatched
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["status"] == "dispatched")
    );
    let shown = json(&servicebay(&db, &["--json", "work-order", "show", &number]));
    assert_eq!(shown["order"]["number"], number.as_str());
    assert!(
        shown["order"]["lines"][0]["technicianName"]
            .as_str()
            .unwrap()
            != ""
    );
    let refused = servicebay(&db, &["work-order", "list", "--status", "parked"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("parked"));
    let missing = servicebay(&db, &["--json", "work-order", "show", "WO19990101-0001"]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(json(&missing)["code"], "not_found");

    for (paper, kind) in [("work-order", "a4"), ("check-in", "half")] {
        let out = dir.path().join(format!("{paper}.pdf"));
        let printed = servicebay(
            &db,
            &[
                "print",
                paper,
                &number,
                "--paper",
                kind,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert!(
            printed.status.success(),
            "{}",
            String::from_utf8_lossy(&printed.stderr)
        );
        assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    }
    let bad_paper = servicebay(
        &db,
        &[
            "print",
            "work-order",
            &number,
            "--paper",
            "a5",
            "-o",
            "x.pdf",
        ],
    );
    assert_eq!(bad_paper.status.code(), Some(1));
}

#[test]
fn settlement_exit_pass_and_gate_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let orders = |status: &str| orders_in(&db, status);
    let settled = orders("settled")[0]["number"].as_str().unwrap().to_string();
    let unpaid = orders("ready")
        .into_iter()
        .find(|o| o["customerPaysFen"].as_i64().unwrap() > 0)
        .unwrap()["number"]
        .as_str()
        .unwrap()
        .to_string();
    let file = |name: &str| dir.path().join(name).to_str().unwrap().to_string();

    let statement = servicebay(
        &db,
        &["print", "settlement", &settled, "-o", &file("s.pdf")],
    );
    assert!(statement.status.success());
    assert!(std::fs::read(file("s.pdf")).unwrap().starts_with(b"%PDF"));

    // No pass for the unpaid car: exit 1 with the reason, and no file.
    let refused = servicebay(&db, &["print", "exit-pass", &unpaid, "-o", &file("u.pdf")]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("未付款"));
    assert!(!dir.path().join("u.pdf").exists());

    let pass = servicebay(&db, &["print", "exit-pass", &settled, "-o", &file("p.pdf")]);
    assert!(pass.status.success());
    let shown = json(&servicebay(
        &db,
        &["--json", "work-order", "show", &settled],
    ));
    let token_in_pdf = std::process::Command::new("pdftotext")
        .args([&file("p.pdf"), "-"])
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&token_in_pdf.stdout);
    let token = text
        .split_whitespace()
        .find(|w| w.starts_with("SB1."))
        .expect("the token is printed under the QR code")
        .to_string();
    assert!(text.contains(shown["order"]["plate"].as_str().unwrap()));

    let allowed = servicebay(&db, &["--json", "gate", "verify", &token]);
    assert_eq!(allowed.status.code(), Some(0));
    assert_eq!(json(&allowed)["allowed"], true);
    let second = servicebay(&db, &["--json", "gate", "verify", &token]);
    assert_eq!(second.status.code(), Some(1));
    assert_eq!(json(&second)["refusal"], "used");
    let forged = servicebay(
        &db,
        &["--json", "gate", "verify", "SB1.1.00000000000000000000"],
    );
    assert_eq!(forged.status.code(), Some(1));
    assert_eq!(json(&forged)["refusal"], "not_genuine");
    let exited = orders("exited");
    assert!(exited.iter().any(|o| o["number"] == settled.as_str()));
}

#[test]
fn followups_complaints_and_figures_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let today = orders_in(&db, "settled")[0]["createdOn"]
        .as_str()
        .unwrap()
        .to_string();
    let tomorrow = (chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap()
        + chrono::Duration::days(1))
    .to_string();
    let due = json(&servicebay(
        &db,
        &["--json", "followup", "due", "--date", &tomorrow],
    ));
    assert!(
        !due.as_array().unwrap().is_empty(),
        "settled cars are called the next day"
    );
    assert!(due[0]["phone"].as_str().is_some());
    let bad = servicebay(&db, &["followup", "due", "--date", "明天"]);
    assert_eq!(bad.status.code(), Some(1));

    let complaints = servicebay(&db, &["--json", "complaint", "list", "--overdue"]);
    assert!(complaints.status.success());
    assert!(json(&complaints).is_array());

    let kpis = json(&servicebay(
        &db,
        &["--json", "report", "kpis", "--from", &today, "--to", &today],
    ));
    assert!(kpis["revenue"]["labourFen"].as_i64().unwrap() > 0);
    let reach = &kpis["followupReach"];
    assert!(reach["numerator"].is_i64() && reach["denominator"].is_i64());
    assert!(reach["formula"]["zh-CN"].as_str().unwrap().contains("回访"));
    let backwards = servicebay(
        &db,
        &["report", "kpis", "--from", &tomorrow, "--to", &today],
    );
    assert_eq!(backwards.status.code(), Some(1));
}

#[test]
fn import_row_reasons_are_printed_in_both_languages_in_text_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let file = dir.path().join("名单.csv");
    std::fs::write(&file, "姓名,手机\n赵敏,1360000111\n").unwrap();
    let file = file.to_str().unwrap();
    let as_json = servicebay(&db, &["--json", "customer", "import", file, "--dry-run"]);
    let reason = &json(&as_json)["rejected"][0];
    let (zh, en) = (
        reason["message"].as_str().unwrap(),
        reason["messageEn"].as_str().unwrap(),
    );
    let as_text = servicebay(&db, &["customer", "import", file, "--dry-run"]);
    assert_eq!(as_text.status.code(), Some(0));
    let printed = stdout(&as_text);
    assert!(printed.contains(zh) && printed.contains(en), "{printed}");
}

#[test]
fn a_reversed_period_is_refused_by_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let (from, to) = ("2026-11-30", "2026-11-01");
    for args in [
        vec!["report", "kpis", "--from", from, "--to", to],
        vec![
            "print",
            "followup-summary",
            "--from",
            from,
            "--to",
            to,
            "-o",
            "summary.pdf",
        ],
        vec![
            "print",
            "followup-summary",
            "--from",
            from,
            "--to",
            to,
            "-o",
            "summary.xlsx",
        ],
    ] {
        let mut with_json = vec!["--json"];
        with_json.extend(&args);
        refused_on(&servicebay(&db, &with_json), "to", &format!("{args:?}"));
    }
}

#[test]
fn bench_refuses_empty_runs_instead_of_panicking_and_describes_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    for (args, field) in [
        (vec!["bench", "search", "--queries", "0"], "queries"),
        (vec!["bench", "search", "--customers", "0"], "customers"),
        (
            vec!["bench", "search", "--customers", "10", "--vehicles", "5"],
            "vehicles",
        ),
        (vec!["bench", "kpis", "--days", "0"], "days"),
        (vec!["bench", "kpis", "--orders", "0"], "orders"),
        (vec!["bench", "import", "--rows", "0"], "rows"),
        (vec!["bench", "work-order-pdf", "--runs", "0"], "runs"),
    ] {
        let mut with_json = vec!["--json"];
        with_json.extend(&args);
        refused_on(&servicebay(&db, &with_json), field, &format!("{args:?}"));
    }
    let help = stdout(&servicebay(&db, &["bench", "--help"]));
    let about = |command: &str| {
        help.lines()
            .find_map(|l| l.trim().strip_prefix(command))
            .map(|rest| rest.trim().to_string())
            .unwrap_or_default()
    };
    let (kpis, pdf) = (about("kpis"), about("work-order-pdf"));
    assert!(!pdf.is_empty(), "{help}");
    assert!(kpis.contains("dashboard"), "{help}");
    assert!(pdf.contains("PDF") && !kpis.contains("PDF"), "{help}");
}

#[test]
fn customer_add_warns_of_a_mobile_on_file_and_adds_when_told_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let add = |name: &str, plate: &str, extra: &[&str]| {
        let mut args = vec![
            "--json",
            "customer",
            "add",
            "--name",
            name,
            "--mobile",
            "13812348000",
            "--plate",
            plate,
        ];
        args.extend(extra);
        servicebay(&db, &args)
    };
    let first = add("王建国", "京A12345", &[]);
    assert!(first.status.success());
    let refused = add("王芳", "京B54321", &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(json(&refused)["code"], "duplicate_mobile");
    let confirmed = add("王芳", "京B54321", &["--allow-duplicate-mobile"]);
    assert!(confirmed.status.success());
    assert_eq!(json(&confirmed)["name"], "王芳");
}

/// Customers for an import: `count` rows with plates and mobiles of their own.
fn customer_csv(path: &Path, province: char, count: u32) {
    let rows: String = (0..count)
        .map(|i| {
            format!(
                "顾客{i},1{}{:08},{province}A{:05}\n",
                30 + province as u32 % 9,
                i,
                10000 + i
            )
        })
        .collect();
    std::fs::write(path, format!("姓名,手机,车牌号码\n{rows}")).unwrap();
}

#[test]
fn two_processes_writing_one_file_take_turns_and_neither_is_refused_as_locked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["db", "migrate"]).status.success());
    let (first, second) = (dir.path().join("甲.csv"), dir.path().join("乙.csv"));
    customer_csv(&first, '津', 400);
    customer_csv(&second, '沪', 400);
    let start = |file: &Path| {
        Command::new(env!("CARGO_BIN_EXE_servicebay"))
            .arg("--db")
            .arg(&db)
            .args(["customer", "import"])
            .arg(file)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let imports = [start(&first), start(&second)];
    // A third writer adds customers one by one while both imports run.
    let mut added = 0;
    for i in 0..8 {
        let plate = format!("渝B{:05}", 20000 + i);
        let mobile = format!("1370000{:04}", i);
        let out = servicebay(
            &db,
            &[
                "customer",
                "add",
                "--name",
                "王建国",
                "--mobile",
                &mobile,
                "--plate",
                &plate,
            ],
        );
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "customer add {i}: {said}");
        added += 1;
    }
    for import in imports {
        let out = import.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "import: {said}");
        assert!(!said.contains("locked"), "{said}");
    }
    assert_eq!(customers_in(&db), 800 + added);
}

/// How many customers the file holds.
fn customers_in(db: &Path) -> i64 {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let dir = db.parent().unwrap();
        let store = servicebay::Store::open(db, &dir.join("backups"))
            .await
            .unwrap();
        sqlx::query_scalar("SELECT COUNT(*) FROM customer")
            .fetch_one(store.reader())
            .await
            .unwrap()
    })
}

#[test]
fn two_processes_opening_a_new_file_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_servicebay"))
            .arg("--db")
            .arg(&db)
            .args(["db", "migrate"])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let both = [start(), start()];
    for process in both {
        let out = process.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(servicebay(&db, &["db", "check"]).status.success());
}

#[test]
fn a_demo_seed_stopped_halfway_leaves_nothing_and_the_next_one_loads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["db", "migrate"]).status.success());
    // Stopped at several points of the seed, as a power cut would stop it.
    for after_ms in [300, 900, 1_800] {
        let mut seeding = Command::new(env!("CARGO_BIN_EXE_servicebay"))
            .arg("--db")
            .arg(&db)
            .args(["demo", "seed"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(after_ms));
        let _ = seeding.kill();
        let status = seeding.wait().unwrap();
        if status.success() {
            break;
        }
        assert_eq!(customers_in(&db), 0, "killed after {after_ms} ms");
    }
    // Two seeds at once on the same file: one loads, the other is refused as set up.
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_servicebay"))
            .arg("--db")
            .arg(&db)
            .args(["--json", "demo", "seed"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let both = [start(), start()];
    let outcomes: Vec<Output> = both
        .into_iter()
        .map(|p| p.wait_with_output().unwrap())
        .collect();
    let loaded = outcomes.iter().filter(|o| o.status.success()).count();
    assert!(loaded <= 1, "both seeds loaded");
    for refused in outcomes.iter().filter(|o| !o.status.success()) {
        assert_eq!(json(refused)["code"], "conflict");
    }
    assert_eq!(customers_in(&db), servicebay::demo::DEMO_CUSTOMERS as i64);
    assert!(servicebay(&db, &["db", "check"]).status.success());
}

/// The token of a settled demo car's exit pass, printed with the CLI and read off the PDF.
fn exit_pass_token(db: &Path) -> String {
    let settled = orders_in(db, "settled")[0]["number"]
        .as_str()
        .unwrap()
        .to_string();
    let pdf = db.with_file_name("pass.pdf");
    let pdf = pdf.to_str().unwrap();
    assert!(
        servicebay(db, &["print", "exit-pass", &settled, "-o", pdf])
            .status
            .success()
    );
    let text = Command::new("pdftotext")
        .args([pdf, "-"])
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .find(|w| w.starts_with("SB1."))
        .expect("the token is printed under the QR code")
        .to_string()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_exit_pass_key_moves_to_a_new_computer_only_on_purpose() {
    let here = tempfile::tempdir().unwrap();
    let there = tempfile::tempdir().unwrap();
    let db = here.path().join("servicebay.db");
    let new_db = there.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let token = exit_pass_token(&db);

    // The backup alone: its passes are not genuine on the new computer.
    let backup = servicebay(&db, &["db", "backup", "--to", new_db.to_str().unwrap()]);
    assert!(backup.status.success());
    let refused = servicebay(&new_db, &["--json", "gate", "verify", &token]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(json(&refused)["refusal"], "not_genuine");

    let key = here.path().join("exit-pass-key.txt");
    let key = key.to_str().unwrap();
    let exported = servicebay(&db, &["gate", "export-key", "--to", key]);
    assert!(exported.status.success(), "{exported:?}");
    #[cfg(unix)]
    assert_eq!(mode(Path::new(key)), 0o600);
    let again = servicebay(&db, &["--json", "gate", "export-key", "--to", key]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is never overwritten"
    );
    assert_eq!(json(&again)["code"], "conflict");

    // The new computer made its own key when the pass was checked: replaced only on purpose.
    let kept = servicebay(&new_db, &["--json", "gate", "import-key", key]);
    assert_eq!(kept.status.code(), Some(1));
    assert_eq!(json(&kept)["code"], "conflict");
    let replaced = servicebay(&new_db, &["--json", "gate", "import-key", key, "--replace"]);
    assert!(replaced.status.success(), "{replaced:?}");
    assert_eq!(json(&replaced)["imported"], "replaced");
    let same = servicebay(&new_db, &["--json", "gate", "import-key", key]);
    assert_eq!(json(&same)["imported"], "unchanged");
    let allowed = servicebay(&new_db, &["--json", "gate", "verify", &token]);
    assert_eq!(allowed.status.code(), Some(0));
    assert_eq!(json(&allowed)["allowed"], true);

    // A computer with no key yet takes it as it is.
    let third = tempfile::tempdir().unwrap();
    let installed = servicebay(
        &third.path().join("servicebay.db"),
        &["--json", "gate", "import-key", key],
    );
    assert_eq!(json(&installed)["imported"], "installed");
    let key_file = |dir: &Path| std::fs::read(dir.join("servicebay.exit-pass.key")).unwrap();
    assert_eq!(key_file(third.path()), key_file(here.path()));
    assert_eq!(key_file(there.path()), key_file(here.path()));

    // Not a key file: refused, nothing changed.
    let not_a_key = here.path().join("notes.txt");
    std::fs::write(&not_a_key, "hello").unwrap();
    let refused = servicebay(
        &new_db,
        &[
            "--json",
            "gate",
            "import-key",
            not_a_key.to_str().unwrap(),
            "--replace",
        ],
    );
    assert_eq!(json(&refused)["code"], "validation");
    assert_eq!(key_file(there.path()), key_file(here.path()));
}

#[test]
fn a_failed_command_is_logged_with_the_plate_masked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    let add = |mobile: &str| {
        servicebay(
            &db,
            &[
                "customer",
                "add",
                "--name",
                "王建国",
                "--mobile",
                mobile,
                "--plate",
                "京A12345",
            ],
        )
    };
    assert!(add("13812348000").status.success());
    let refused = add("13900001111");
    assert_eq!(refused.status.code(), Some(1));
    // The desk sees the plate; the log does not.
    assert!(String::from_utf8_lossy(&refused.stderr).contains("京A·12345"));
    let logs = dir.path().join("logs");
    let mut log = String::new();
    for file in std::fs::read_dir(&logs).unwrap() {
        let file = file.unwrap().path();
        #[cfg(unix)]
        assert_eq!(mode(&file), 0o600);
        log.push_str(&std::fs::read_to_string(&file).unwrap());
    }
    #[cfg(unix)]
    assert_eq!(mode(&logs), 0o700);
    let failed = log
        .lines()
        .find(|l| l.contains("command failed"))
        .unwrap_or_else(|| panic!("the failure is logged:\n{log}"));
    assert!(failed.contains("京A·****5"), "{failed}");
    assert!(!log.contains("A·12345") && !log.contains("A12345"), "{log}");
    assert!(!log.contains("13812348000") && !log.contains("13900001111"));
}

#[test]
fn a_paper_that_cannot_be_written_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("servicebay.db");
    assert!(servicebay(&db, &["demo", "seed"]).status.success());
    let orders = |status: &str| orders_in(&db, status);
    let status = |number: &str| -> String {
        json(&servicebay(&db, &["--json", "work-order", "show", number]))["order"]["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let text = |path: &Path| -> String {
        let out = Command::new("pdftotext")
            .arg(path)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        String::from_utf8_lossy(&out.stdout).to_string()
    };

    // The statement: a full disk is not a print, so the first real one is no copy.
    let settled = orders("settled")[0]["number"].as_str().unwrap().to_string();
    let full = servicebay(&db, &["print", "settlement", &settled, "-o", "/dev/full"]);
    assert_eq!(full.status.code(), Some(1));
    let first = dir.path().join("s.pdf");
    let printed = servicebay(
        &db,
        &[
            "print",
            "settlement",
            &settled,
            "-o",
            first.to_str().unwrap(),
        ],
    );
    assert!(printed.status.success());
    assert!(!text(&first).contains("副本"));

    // The pass of a warranty car: no folder to write to, so not settled and no pass.
    let warranty = orders("ready")
        .into_iter()
        .filter(|o| o["customerPaysFen"].as_i64() == Some(0))
        .map(|o| o["number"].as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    let missing = dir.path().join("no-such-folder").join("p.pdf");
    let mut issued = false;
    for number in &warranty {
        let out = servicebay(
            &db,
            &[
                "print",
                "exit-pass",
                number,
                "-o",
                missing.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(status(number), "ready");
        let pass = dir.path().join(format!("{number}.pdf"));
        if servicebay(
            &db,
            &["print", "exit-pass", number, "-o", pass.to_str().unwrap()],
        )
        .status
        .success()
        {
            assert_eq!(status(number), "settled");
            assert!(text(&pass).contains(number.as_str()));
            issued = true;
        }
    }
    assert!(issued, "a handed-over warranty car among {warranty:?}");
}
