//! `servicebay`: the command line over the core, for operations and scripted checks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use servicebay::{AppPaths, Error, Result, Store, customer, dealership, demo, print};

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
    /// Printed papers as PDF.
    #[command(subcommand)]
    Print(PrintCommand),
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
    },
    /// Find customers by plate, mobile (or its last 4 digits) or name.
    Search { query: String },
}

#[derive(Subcommand)]
enum PrintCommand {
    /// The printer test page (打印测试页).
    TestPage {
        #[arg(short = 'o', long = "output", value_name = "FILE.pdf")]
        output: PathBuf,
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
                eprintln!("错误 Error: {err}");
            }
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: &Cli, db: &std::path::Path, paths: &AppPaths) -> Result<ExitCode> {
    let store = Store::open(db, &paths.backups()).await?;
    let out = Output { json: cli.json };
    match &cli.command {
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
        }) => {
            let draft = customer::CustomerDraft {
                name: name.clone(),
                mobile: mobile.clone(),
                plate: plate.clone(),
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
                        h.name,
                        h.mobile_masked,
                        h.plates.join(" ")
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.done(&hits, &text)
        }
        Command::Print(PrintCommand::TestPage { output }) => {
            let dealership = dealership::store::get(&store)
                .await?
                .ok_or(Error::NotFound {
                    what_zh: "门店设置（请先设置门店或载入演示数据）",
                    what_en: "Dealership set-up (set up the dealership or load the demo first)",
                })?;
            let pdf = print::test_page::render(&dealership)?;
            std::fs::write(output, &pdf)?;
            out.done(
                &serde_json::json!({ "path": output, "bytes": pdf.len() }),
                &format!("已生成 Written: {}", output.display()),
            )
        }
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

struct Output {
    json: bool,
}

impl Output {
    fn done<T: Serialize>(&self, value: &T, text: &str) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).unwrap_or_default()
            );
        } else if !text.is_empty() {
            println!("{text}");
        }
    }
}
