//! `servicebay`: the command line over the core, for operations and scripted checks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use servicebay::text::for_terminal;
use servicebay::work_order::{self, FormSize, OrderStatus};
use servicebay::{
    AppPaths, Error, Result, Store, appointment, customer, dealership, demo, gate, parts, print,
    settlement, staff, vehicle,
};

#[derive(Parser)]
#[command(
    name = "servicebay",
    version,
    about = "ServiceBay 售后服务台 — command line"
)]
struct Cli {
    /// The database file (default: the app's database in the OS app-data folder).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Print results (and errors) as JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The database file itself.
    #[command(subcommand)]
    Db(DbCommand),
    /// The demo dealership.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Customer files.
    #[command(subcommand)]
    Customer(CustomerCommand),
    /// Vehicle files.
    #[command(subcommand)]
    Vehicle(VehicleCommand),
    /// Appointments (预约).
    #[command(subcommand)]
    Appointment(AppointmentCommand),
    /// Work orders (派工单).
    #[command(subcommand)]
    WorkOrder(WorkOrderCommand),
    /// The parts catalogue (备件).
    #[command(subcommand)]
    Parts(PartsCommand),
    /// Printed papers as PDF.
    #[command(subcommand)]
    Print(PrintCommand),
    /// The gate (门卫): exit passes checked on the way out.
    #[command(subcommand)]
    Gate(GateCommand),
    /// Follow-up calls (跟踪回访).
    #[command(subcommand)]
    Followup(FollowupCommand),
    /// Complaints (投诉).
    #[command(subcommand)]
    Complaint(ComplaintCommand),
    /// The manager's figures (报表).
    #[command(subcommand)]
    Report(ReportCommand),
    /// Speed measurements on generated data of a large dealership.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
enum VehicleCommand {
    /// Check a VIN: prints the normalised VIN (exit 0) or the reason (exit 1).
    CheckVin { vin: String },
    /// Check a plate: prints the normalised plate (exit 0) or the reason (exit 1).
    CheckPlate { plate: String },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// p50/p95 of each kind of customer search on generated customers and vehicles.
    Search {
        #[arg(long, default_value_t = 200_000)]
        customers: usize,
        #[arg(long, default_value_t = 300_000)]
        vehicles: usize,
        /// Queries of each kind.
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// Time importing an .xlsx of generated customers into an empty database.
    Import {
        #[arg(long, default_value_t = 50_000)]
        rows: usize,
    },
    /// The manager's dashboard: every figure over a period, on generated years of work
    /// orders (default 1,000,000).
    Kpis {
        #[arg(long, default_value_t = 1_000_000)]
        orders: usize,
        #[arg(long, default_value_t = 30)]
        days: i64,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Time rendering a work order of `lines` lines to PDF, and its size.
    WorkOrderPdf {
        #[arg(long, default_value_t = 30)]
        lines: usize,
        #[arg(long, default_value_t = 100)]
        runs: usize,
        /// Also write the rendered papers into this folder, to look at them.
        #[arg(long, value_name = "DIR")]
        save_to: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum WorkOrderCommand {
    /// Work orders, newest first; by status and/or the day opened.
    List {
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// One work order with its lines, history and signed versions.
    Show { number: String },
}

#[derive(Subcommand)]
enum GateCommand {
    /// Check a scanned pass token (or a typed plate): exit 0 when the car may leave (the exit
    /// is recorded), exit 1 with the reason when it may not.
    Verify { token: String },
    /// Write this installation's exit-pass key to a new file, to move it to another computer
    /// (backups do not contain it). Keep the file as safe as the key.
    ExportKey {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// Install an exit-pass key exported from another installation, so its passes are
    /// honoured here. A different key already in use is replaced only with `--replace`.
    ImportKey {
        file: PathBuf,
        /// Replace a different key already in use (passes signed with it stop being valid).
        #[arg(long)]
        replace: bool,
    },
}

#[derive(Subcommand)]
enum FollowupCommand {
    /// The calls due on a day: orders settled in the days before it whose customer accepts a
    /// call, mandatory ones first.
    Due {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
}

#[derive(Subcommand)]
enum ComplaintCommand {
    /// Complaints, newest first; `--overdue`: the service manager's escalation list.
    List {
        #[arg(long)]
        overdue: bool,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Every figure of the dashboard for the days from..=to, with numerator and denominator.
    Kpis {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
    },
}

#[derive(Subcommand)]
enum PartsCommand {
    /// Import a parts list (.xlsx/.csv: 零件号, 零件名称, 单价, 库存, 单位): all or nothing.
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        skip_invalid: bool,
    },
}

#[derive(Subcommand)]
enum DbCommand {
    /// Create the database or bring it up to date (a backup is taken first).
    Migrate,
    /// Write a consistent copy of the database.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// SQLite integrity and foreign-key check; exits 1 on any problem.
    Check,
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Load the deterministic demo dealership into an empty database.
    Seed,
}

#[derive(Subcommand)]
enum CustomerCommand {
    /// Open a customer file with one vehicle.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        mobile: String,
        #[arg(long)]
        plate: String,
        /// Open the file even though another customer already has this mobile (refused,
        /// naming that customer, without it).
        #[arg(long)]
        allow_duplicate_mobile: bool,
    },
    /// Find customers by plate (any part), mobile (or its last 4 digits), name, pinyin, VIN.
    Search { query: String },
    /// The whole customer file.
    Show { id: i64 },
    /// Import customers (and their vehicles) from .xlsx or .csv: all or nothing.
    Import {
        file: PathBuf,
        /// Check every row and report, store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the valid rows; the rejected ones go to an .xlsx report.
        #[arg(long)]
        skip_invalid: bool,
        /// A row whose mobile, plate or VIN is on file adds to that file instead of being skipped.
        #[arg(long)]
        merge: bool,
    },
    /// Export customers to .xlsx (all, or those a search finds).
    Export {
        file: PathBuf,
        #[arg(long)]
        query: Option<String>,
    },
    /// Recompute every customer's grade from the last 12 months' revenue.
    Grade,
    /// Key customers, birthdays this month, lost customers.
    Lists,
}

#[derive(Subcommand)]
enum AppointmentCommand {
    /// The bookings of a day, by time.
    List {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
    /// Apply the no-show rule now, or as of a moment not later than now (dealership time), and
    /// print the bookings changed.
    Sweep {
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        now: Option<String>,
    },
}

#[derive(Subcommand)]
enum PrintCommand {
    /// The printer test page (打印测试页).
    TestPage {
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// 预约欢迎板 of a day (A4 landscape).
    WelcomeBoard {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// 预约客户一览表 of a day.
    AppointmentList {
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        /// 制表人 printed on the sheet (blank line to sign when omitted).
        #[arg(long, default_value = "")]
        preparer: String,
    },
    /// 派工单 for the customer's signature (the current content, or a signed version).
    WorkOrder {
        number: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        /// A signed version to print instead of the current content.
        #[arg(long)]
        version: Option<i64>,
        /// a4, or half for the 241 × 140 mm continuous form.
        #[arg(long, default_value = "a4")]
        paper: String,
    },
    /// 接车登记表 of a work order.
    CheckIn {
        number: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        #[arg(long, default_value = "a4")]
        paper: String,
    },
    /// 结算清单 of a work order at hand-over or after; a reprint is marked 副本.
    Settlement {
        number: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        #[arg(long, default_value = "a4")]
        paper: String,
    },
    /// 客户抱怨处理表 of a complaint.
    Complaint {
        number: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
    },
    /// 回访汇总报告 for the general manager over the days from..=to (.pdf, or .xlsx by the
    /// file's extension).
    FollowupSummary {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf|FILE.xlsx")]
        output: PathBuf,
    },
    /// 出门证 of a work order: issued when it is paid or nothing is charged (exit 1 with the
    /// reason otherwise); a reprint shows the same pass.
    ExitPass {
        number: String,
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
        /// The cashier who issues it (default: the first cashier on the staff list).
        #[arg(long, value_name = "NAME")]
        cashier: Option<String>,
    },
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let paths = match &cli.db {
        Some(db) => AppPaths::at(db.parent().map(PathBuf::from).unwrap_or_default()),
        None => AppPaths::from_env(),
    };
    let _log = servicebay::logging::init(&paths.logs()).ok();
    let db = cli.db.clone().unwrap_or_else(|| paths.database());
    match run(&cli, &db, &paths).await {
        Ok(code) => code,
        Err(err) => {
            tracing::warn!(code = err.code(), "command failed: {err}");
            if cli.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&err.payload()).unwrap_or_default()
                );
            } else {
                let said = err.to_string();
                let shown: Vec<String> = said.split('\n').map(for_terminal).collect();
                eprintln!("错误 Error: {}", shown.join("\n"));
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: &Cli, db: &std::path::Path, paths: &AppPaths) -> Result<ExitCode> {
    let out = Output { json: cli.json };
    // Checks that need no database.
    match &cli.command {
        Command::Vehicle(VehicleCommand::CheckVin { vin }) => {
            let vin = vehicle::vin::parse(vin, false)?;
            out.done(&serde_json::json!({ "vin": vin }), &vin);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Vehicle(VehicleCommand::CheckPlate { plate }) => {
            let plate = vehicle::Plate::parse(plate)?;
            out.done(
                &serde_json::json!({ "plate": plate.as_str() }),
                plate.as_str(),
            );
            return Ok(ExitCode::SUCCESS);
        }
        Command::Bench(BenchCommand::Search {
            customers,
            vehicles,
            queries,
        }) => {
            let report = servicebay::bench::search(*customers, *vehicles, *queries).await?;
            out.done(&report, &report.to_string());
            return Ok(ExitCode::SUCCESS);
        }
        Command::Bench(BenchCommand::Import { rows }) => {
            let timing = servicebay::bench::import(*rows).await?;
            out.done(&timing, &timing.to_string());
            return Ok(ExitCode::SUCCESS);
        }
        Command::Bench(BenchCommand::Kpis { orders, days, runs }) => {
            let timing = servicebay::bench::kpis(*orders, *days, *runs).await?;
            out.done(&timing, &timing.to_string());
            return Ok(ExitCode::SUCCESS);
        }
        Command::Bench(BenchCommand::WorkOrderPdf {
            lines,
            runs,
            save_to,
        }) => {
            let timing = servicebay::bench::work_order_pdf(*lines, *runs, save_to.as_deref())?;
            out.done(&timing, &timing.to_string());
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let store = Store::open(db, &paths.backups()).await?;
    match &cli.command {
        Command::Vehicle(_) | Command::Bench(_) => unreachable!("handled above"),
        Command::Db(DbCommand::Migrate) => out.done(
            &serde_json::json!({ "database": db }),
            &format!("数据库已是最新 Database up to date: {}", db.display()),
        ),
        Command::Db(DbCommand::Backup { to }) => {
            store.backup_to(to).await?;
            out.done(
                &serde_json::json!({ "backup": to }),
                &format!("已备份到 Backed up to {}", to.display()),
            )
        }
        Command::Db(DbCommand::Check) => {
            let problems = store.check().await?;
            let ok = problems.is_empty();
            let text = if ok {
                "完整性检查通过 Integrity check passed".to_string()
            } else {
                problems.join("\n")
            };
            out.done(
                &serde_json::json!({ "ok": ok, "problems": problems }),
                &text,
            );
            return Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Command::Demo(DemoCommand::Seed) => {
            let summary = demo::seed(&store).await?;
            let text = format!(
                "已载入演示门店 Demo dealership loaded: {} — {} staff, {} customers, {} vehicles",
                summary.dealership.name, summary.staff, summary.customers, summary.vehicles
            );
            out.done(&summary, &text)
        }
        Command::Customer(CustomerCommand::Add {
            name,
            mobile,
            plate,
            allow_duplicate_mobile,
        }) => {
            let draft = customer::CustomerDraft {
                name: name.clone(),
                mobile: mobile.clone(),
                plate: plate.clone(),
                allow_duplicate_mobile: *allow_duplicate_mobile,
            };
            let hit = customer::create(&store, &draft).await?;
            out.done(
                &hit,
                &format!(
                    "已建档 Customer file opened: #{} {}",
                    hit.customer_id, hit.name
                ),
            )
        }
        Command::Customer(CustomerCommand::Search { query }) => {
            let hits = customer::store::search(&store, query).await?;
            let text = hits
                .iter()
                .map(|h| {
                    format!(
                        "#{}\t{}\t{}\t{}",
                        h.customer_id,
                        for_terminal(&h.name),
                        h.mobile_masked,
                        h.plates.join(" ")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&hits, &text)
        }
        Command::Customer(CustomerCommand::Show { id }) => {
            let file = customer::store::get(&store, *id).await?;
            let text = format!(
                "#{} {}  {}  等级 Grade {}  积分 Points {}\n{}",
                id,
                for_terminal(&file.customer.name),
                servicebay::logging::mask_phone(&file.customer.mobile),
                file.grade.as_deref().unwrap_or("—"),
                file.points,
                file.vehicles
                    .iter()
                    .map(|v| format!(
                        "  {} {} {}",
                        v.plate,
                        v.model,
                        v.vin.as_deref().unwrap_or("")
                    ))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            out.done(&file, &text)
        }
        Command::Customer(CustomerCommand::Import {
            file,
            dry_run,
            skip_invalid,
            merge,
        }) => {
            let options = customer::import::ImportOptions {
                dry_run: *dry_run,
                skip_invalid: *skip_invalid,
                duplicates: if *merge {
                    customer::import::Duplicates::Merge
                } else {
                    customer::import::Duplicates::Skip
                },
                mapping: None,
            };
            let json = cli.json;
            let report = customer::import_file(&store, file, &options, &mut |done, all| {
                if !json {
                    eprint!("\r已处理 {done} / {all} 行");
                }
            })
            .await?;
            return Ok(out.import_report(&report, *dry_run));
        }
        Command::Customer(CustomerCommand::Export { file, query }) => {
            let count = customer::store::export(&store, query.as_deref(), file).await?;
            out.done(
                &serde_json::json!({ "path": file, "customers": count }),
                &format!("已导出 Exported {count} → {}", file.display()),
            )
        }
        Command::Customer(CustomerCommand::Grade) => {
            let counts = customer::regrade(&store).await?;
            out.done(
                &counts,
                &format!(
                    "A {} / B {} / C {} / D {}",
                    counts.a, counts.b, counts.c, counts.d
                ),
            )
        }
        Command::Customer(CustomerCommand::Lists) => {
            let today = dealership::store::today(&store).await?;
            let lists = customer::store::lists(&store, today).await?;
            let text = format!(
                "重点客户 Key customers: {}\n本月生日 Birthdays this month: {}\n流失6个月 Lost 6 months: {}\n流失12个月 Lost 12 months: {}",
                lists
                    .top_by_revenue
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                lists.birthdays_this_month.len(),
                lists.lost_6_months.len(),
                lists.lost_12_months.len()
            );
            out.done(&lists, &text)
        }
        Command::Print(PrintCommand::TestPage { output }) => {
            let pdf = print::test_page::render(&dealership::store::required(&store).await?)?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::WelcomeBoard { date, output }) => {
            let day = appointment::parse_day("date", date)?;
            let pdf = appointment::welcome_board_pdf(&store, day).await?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::AppointmentList {
            date,
            output,
            preparer,
        }) => {
            let day = appointment::parse_day("date", date)?;
            let pdf = appointment::appointment_list_pdf(&store, day, preparer).await?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::WorkOrder {
            number,
            output,
            version,
            paper,
        }) => {
            let id = work_order::store::id_by_number(&store, number).await?;
            let pdf = work_order::work_order_pdf(&store, id, *version, form_size(paper)?).await?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::CheckIn {
            number,
            output,
            paper,
        }) => {
            let id = work_order::store::id_by_number(&store, number).await?;
            let pdf = work_order::check_in_pdf(&store, id, form_size(paper)?).await?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::Settlement {
            number,
            output,
            paper,
        }) => {
            let id = work_order::store::id_by_number(&store, number).await?;
            let size = form_size(paper)?;
            let bytes =
                settlement::print_statement(&store, id, size, |pdf| write_file(output, pdf))
                    .await?;
            out.reported(output, bytes)
        }
        Command::Print(PrintCommand::ExitPass {
            number,
            output,
            cashier,
        }) => {
            let id = work_order::store::id_by_number(&store, number).await?;
            let cashier = cashier_id(&store, cashier.as_deref()).await?;
            let bytes =
                gate::print_for_order(&store, id, cashier, |pdf| write_file(output, pdf)).await?;
            out.reported(output, bytes)
        }
        Command::Print(PrintCommand::Complaint { number, output }) => {
            let id = servicebay::complaint::store::id_by_number(&store, number).await?;
            let pdf = servicebay::complaint::sheet_pdf(&store, id).await?;
            out.written(output, &pdf)?
        }
        Command::Print(PrintCommand::FollowupSummary { from, to, output }) => {
            let (from, to) = (
                appointment::parse_day("from", from)?,
                appointment::parse_day("to", to)?,
            );
            if output.extension().is_some_and(|e| e == "xlsx") {
                servicebay::followup::summary::xlsx(&store, from, to, output).await?;
                out.done(
                    &serde_json::json!({ "path": output }),
                    &format!("已生成 Written: {}", output.display()),
                );
            } else {
                let pdf = servicebay::followup::summary::pdf(&store, from, to).await?;
                out.written(output, &pdf)?
            }
        }
        Command::Gate(GateCommand::Verify { token }) => {
            let answer = gate::verify(&store, token, None).await?;
            let text = format!(
                "{}  {}\n{}  {}",
                answer.message_zh, answer.message_en, answer.plate, answer.work_order_number
            );
            out.done(&answer, text.trim());
            return Ok(if answer.allowed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Command::Gate(GateCommand::ExportKey { to }) => {
            gate::secret::export(&store, to).await?;
            out.done(
                &serde_json::json!({ "path": to }),
                &format!(
                    "已导出出门证签名密钥 Exit-pass key exported: {}",
                    to.display()
                ),
            )
        }
        Command::Gate(GateCommand::ImportKey { file, replace }) => {
            let imported = gate::secret::import(&store, file, *replace).await?;
            let text = match imported {
                gate::secret::Imported::Installed => "已导入出门证签名密钥 Exit-pass key imported",
                gate::secret::Imported::Unchanged => {
                    "本机已在使用这个密钥 This key is already in use"
                }
                gate::secret::Imported::Replaced => {
                    "已替换出门证签名密钥（旧密钥另存于旁）Exit-pass key replaced (the old one is kept beside it)"
                }
            };
            out.done(&serde_json::json!({ "imported": imported }), text)
        }
        Command::Followup(FollowupCommand::Due { date }) => {
            let day = appointment::parse_day("date", date)?;
            let due = servicebay::followup::store::due(&store, day).await?;
            let text = due
                .iter()
                .map(|d| {
                    format!(
                        "{}{}\t{}\t{}\t{}\t已拨 {} 次",
                        if d.required { "★" } else { " " },
                        d.number,
                        d.plate,
                        d.customer_name,
                        d.phone,
                        d.attempts
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&due, &text)
        }
        Command::Complaint(ComplaintCommand::List { overdue }) => {
            let lines =
                servicebay::complaint::store::list(&store, *overdue, chrono::Utc::now()).await?;
            let text = lines
                .iter()
                .map(|c| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}{}",
                        c.number,
                        c.status.label_zh(),
                        c.category.label_zh(),
                        c.customer_name,
                        c.owner_name,
                        if c.overdue.is_some() { "\t超时" } else { "" }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&lines, &text)
        }
        Command::Report(ReportCommand::Kpis { from, to }) => {
            let (from, to) = (
                appointment::parse_day("from", from)?,
                appointment::parse_day("to", to)?,
            );
            let kpis = servicebay::report::store::kpis(&store, from, to).await?;
            let percent = |r: &servicebay::appointment::figures::Ratio| {
                r.percent.map(|p| format!("{p}%")).unwrap_or("—".into())
            };
            let text = format!(
                "{} … {}\n预约进厂占比 {}  守约率 {}  日均工单 {}  单车工时 {}\n按时交车 {}  返工率 {}  洗车率 {}  回访接通率 {}  总体满意度 {}\n工时费 {}  配件费 {}  未结投诉 {}（超时 {}）",
                kpis.from,
                kpis.to,
                percent(&kpis.appointments.booked_share),
                percent(&kpis.appointments.show_rate),
                kpis.orders_per_day.value.unwrap_or_default(),
                kpis.hours_per_order.value.unwrap_or_default(),
                percent(&kpis.promise_kept),
                percent(&kpis.rework_rate),
                percent(&kpis.wash_rate),
                percent(&kpis.followup_reach),
                kpis.satisfaction.overall.value.unwrap_or_default(),
                servicebay::money::format_yuan(kpis.revenue.labour_fen),
                servicebay::money::format_yuan(kpis.revenue.parts_fen),
                kpis.complaints_open,
                kpis.complaints_overdue
            );
            out.done(&kpis, &text)
        }
        Command::WorkOrder(WorkOrderCommand::List { status, date }) => {
            let status = status
                .as_deref()
                .map(|s| {
                    OrderStatus::parse(s).map_err(|_| {
                        Error::validation(
                            "status",
                            format!("没有“{s}”这个工单状态"),
                            format!("“{s}” is not a work order status"),
                        )
                    })
                })
                .transpose()?;
            let day = date
                .as_deref()
                .map(|d| appointment::parse_day("date", d))
                .transpose()?;
            let lines = work_order::store::list(&store, status, day).await?;
            let text = lines
                .iter()
                .map(|w| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        w.number,
                        w.status.label_zh(),
                        w.plate,
                        w.customer_name,
                        w.advisor_name,
                        servicebay::money::format_yuan(w.customer_pays_fen)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&lines, &text)
        }
        Command::WorkOrder(WorkOrderCommand::Show { number }) => {
            let id = work_order::store::id_by_number(&store, number).await?;
            let file = work_order::store::file(&store, id).await?;
            let o = &file.order;
            let text = format!(
                "{} 第{}版 {}  {} {}  {}\n{}\n客户应付 Customer pays {}（{}）",
                o.number,
                o.version,
                o.status.label_zh(),
                o.plate,
                o.customer_name,
                o.advisor_name,
                o.lines
                    .iter()
                    .map(|l| format!(
                        "  {}\t{}\t{}\t{}",
                        l.code,
                        l.name,
                        work_order::hours_text(l.quantity_hundredths),
                        servicebay::money::format_yuan(l.amount_fen)
                    ))
                    .collect::<Vec<_>>()
                    .join("\n"),
                servicebay::money::format_yuan(o.totals.customer_pays_fen),
                o.totals.customer_pays_capitals
            );
            out.done(&file, &text)
        }
        Command::Parts(PartsCommand::Import {
            file,
            dry_run,
            skip_invalid,
        }) => {
            let report = parts::import_file(&store, file, *dry_run, *skip_invalid).await?;
            return Ok(out.import_report(&report, *dry_run));
        }
        Command::Appointment(AppointmentCommand::List { date }) => {
            let day = appointment::parse_day("date", date)?;
            let lines = appointment::store::day_lines(&store, day).await?;
            out.done(&lines, &booking_lines(&lines))
        }
        Command::Appointment(AppointmentCommand::Sweep { now }) => {
            let tz = dealership::store::time_zone(&store).await?;
            let now = match now {
                None => chrono::Utc::now(),
                Some(typed) => {
                    chrono::NaiveDateTime::parse_from_str(typed.trim(), "%Y-%m-%d %H:%M")
                        .ok()
                        .and_then(|t| t.and_local_timezone(tz).earliest())
                        .ok_or_else(|| {
                            Error::validation(
                                "now",
                                "时间格式应为 \"YYYY-MM-DD HH:MM\"",
                                "The time is \"YYYY-MM-DD HH:MM\"",
                            )
                        })?
                        .with_timezone(&chrono::Utc)
                }
            };
            let changed = appointment::sweep(&store, now).await?;
            let text = format!(
                "记为失约 Marked no-show: {}\n{}",
                changed.len(),
                booking_lines(&changed)
            );
            out.done(&changed, &text)
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

fn form_size(paper: &str) -> Result<FormSize> {
    FormSize::parse(&paper.to_ascii_lowercase()).map_err(|_| {
        Error::validation(
            "paper",
            "纸张为 a4 或 half（241 × 140 mm 连续纸）",
            "The paper is a4 or half (241 × 140 mm continuous form)",
        )
    })
}

/// One line per booking: number, time, status, greeting, plate, advisor.
fn booking_lines(lines: &[appointment::BookingLine]) -> String {
    lines
        .iter()
        .map(|b| {
            format!(
                "{}\t{} {}\t{}\t{}\t{}\t{}",
                b.number,
                b.day,
                b.slot.as_deref().unwrap_or("不定时"),
                b.status.label_zh(),
                b.greeting,
                b.plate,
                b.advisor_name
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The cashier named, or the first cashier on the staff list.
async fn cashier_id(store: &Store, name: Option<&str>) -> Result<i64> {
    staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| match name {
            Some(name) => s.name == name.trim(),
            None => s.role == staff::Role::Cashier,
        })
        .map(|s| s.id)
        .ok_or_else(|| {
            Error::validation(
                "cashier",
                "员工名单中没有这位收银员",
                "No such cashier on the staff list",
            )
        })
}

struct Output {
    json: bool,
}

/// Writes a paper; returns its size.
fn write_file(path: &std::path::Path, pdf: &[u8]) -> servicebay::Result<usize> {
    std::fs::write(path, pdf)?;
    Ok(pdf.len())
}

impl Output {
    /// Prints an import's counts and rejected rows; exit 1 when a bad row stopped the file.
    fn import_report(&self, report: &customer::import::ImportReport, dry_run: bool) -> ExitCode {
        let text = format!(
            "\n导入 Accepted {}，拒绝 Rejected {}，重复 Duplicates {}{}\n{}",
            report.accepted,
            report.rejected.len(),
            report.duplicates,
            if report.imported {
                ""
            } else {
                "（未写入 nothing stored）"
            },
            report
                .rejected
                .iter()
                .map(|r| format!(
                    "  第{}行 row {}: {} / {}",
                    r.row, r.row, r.message, r.message_en
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        self.done(report, &text);
        if !report.rejected.is_empty() && !report.imported && !dry_run {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Writes a rendered paper and reports where.
    fn written(&self, path: &std::path::Path, pdf: &[u8]) -> Result<()> {
        let bytes = write_file(path, pdf)?;
        self.reported(path, bytes);
        Ok(())
    }

    /// Reports where a paper of `bytes` was written.
    fn reported(&self, path: &std::path::Path, bytes: usize) {
        self.done(
            &serde_json::json!({ "path": path, "bytes": bytes }),
            &format!("已生成 Written: {}", path.display()),
        );
    }

    fn done<T: Serialize>(&self, value: &T, text: &str) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).unwrap_or_default()
            );
        } else if !text.is_empty() {
            // Stored text is shown, never obeyed: an escape in a name cannot steer the terminal.
            let shown: Vec<String> = text.split('\n').map(for_terminal).collect();
            println!("{}", shown.join("\n"));
        }
    }
}
