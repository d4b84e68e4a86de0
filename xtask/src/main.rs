//! `cargo xtask run` and `cargo xtask test`: everything a newcomer needs, installed and run
//! in the right order. Also `bindings` and `sqlx-prepare` for after changing commands or SQL.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Debian packages that build the Tauri shell (WebKitGTK and friends).
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
];

/// Debian packages the tests need: a virtual display, the WebKit WebDriver, PDF tools, a QR
/// reader for the printed exit pass, a CJK font so the window renders Chinese on a bare
/// Linux, and the sqlite3 shell with which an end-to-end test moves a booking into the past.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "poppler-utils",
    "zbar-tools",
    "fonts-noto-cjk",
    "sqlite3",
];

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run_app(),
        Some("test") => test_all(),
        Some("bindings") => bindings(),
        Some("sqlx-prepare") => sqlx_prepare(),
        _ => {
            eprintln!(
                "usage: cargo xtask <run|test|bindings|sqlx-prepare>\n\
                 \x20 run           install what is missing, build the UI, open ServiceBay\n\
                 \x20 test          install what the tests need and run every check\n\
                 \x20 bindings      regenerate ui/src/api/bindings.ts from the Rust commands\n\
                 \x20 sqlx-prepare  refresh .sqlx/ after changing a query or a migration"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

fn root() -> PathBuf {
    // `cargo xtask` sets the manifest folder at run time: the xtask binary may have been
    // built by another clone sharing CARGO_TARGET_DIR, so the compile-time path can be stale.
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Heavy builds go to one target folder outside the clone, shared by every clone and run.
fn target_dir() -> PathBuf {
    if let Some(dir) = env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(dir);
    }
    let home = env::var_os("HOME")
        .or_else(|| env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_else(root);
    home.join(".cache").join("servicebay").join("target")
}

fn cargo() -> Command {
    let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root())
        .env("CARGO_TARGET_DIR", target_dir());
    cmd
}

fn npm(dir: &Path) -> Command {
    let mut cmd = Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" });
    cmd.current_dir(dir);
    cmd
}

fn step(name: &str, cmd: &mut Command) -> Result {
    println!("\n==> {name}");
    let started = Instant::now();
    let status = cmd
        .status()
        .map_err(|e| format!("{name}: cannot start {:?}: {e}", cmd.get_program()))?;
    println!("    ({name}: {:.0?})", started.elapsed());
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}

fn run_app() -> Result {
    install_system_packages(BUILD_PACKAGES)?;
    build_ui()?;
    step(
        "start ServiceBay",
        cargo().args(["run", "--package", "servicebay-app"]),
    )
}

fn test_all() -> Result {
    let started = Instant::now();
    let packages: Vec<&str> = BUILD_PACKAGES
        .iter()
        .chain(TEST_PACKAGES)
        .copied()
        .collect();
    install_system_packages(&packages)?;
    install_tauri_driver()?;
    // The shell embeds ui/dist at compile time, so the UI is built before any Rust check.
    build_ui()?;
    step(
        "cargo fmt --check",
        cargo().args(["fmt", "--all", "--check"]),
    )?;
    step(
        "cargo clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    step("cargo test", cargo().args(["test", "--workspace"]))?;
    let ui = root().join("ui");
    step("UI type check", npm(&ui).args(["run", "typecheck"]))?;
    step("UI unit tests", npm(&ui).args(["test"]))?;
    step(
        "build the app for end-to-end tests",
        cargo().args(["build", "--package", "servicebay-app"]),
    )?;
    end_to_end()?;
    println!("\nAll checks passed in {:.0?}.", started.elapsed());
    Ok(())
}

fn bindings() -> Result {
    build_ui()?;
    step(
        "regenerate ui/src/api/bindings.ts",
        cargo()
            .args([
                "test",
                "--package",
                "servicebay-app",
                "committed_bindings_are_current",
            ])
            .env("UPDATE_BINDINGS", "1"),
    )
}

/// Rebuilds the compile-time query metadata in `.sqlx/` from a database made by the migrations.
fn sqlx_prepare() -> Result {
    install_system_packages(&["sqlite3"])?;
    let root = root();
    let db = env::temp_dir().join(format!("servicebay-sqlx-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&db);
    let mut migrations: Vec<PathBuf> = std::fs::read_dir(root.join("migrations"))
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
        .collect();
    migrations.sort();
    for migration in &migrations {
        step(
            &format!("apply {}", migration.display()),
            Command::new("sqlite3")
                .arg(&db)
                .stdin(std::fs::File::open(migration).map_err(|e| e.to_string())?),
        )?;
    }
    let offline_dir = root.join(".sqlx");
    let _ = std::fs::remove_dir_all(&offline_dir);
    std::fs::create_dir_all(&offline_dir).map_err(|e| e.to_string())?;
    // The query macros only describe queries again when the crate recompiles.
    step(
        "clean the core crate",
        cargo().args(["clean", "--package", "servicebay"]),
    )?;
    step(
        "describe every query",
        cargo()
            .args(["check", "--package", "servicebay", "--all-targets"])
            .env("SQLX_OFFLINE", "false")
            .env("DATABASE_URL", format!("sqlite://{}", db.display()))
            .env("SQLX_OFFLINE_DIR", &offline_dir),
    )?;
    let _ = std::fs::remove_file(&db);
    Ok(())
}

fn build_ui() -> Result {
    let ui = root().join("ui");
    install_npm_packages(&ui)?;
    step("build the UI", npm(&ui).args(["run", "build"]))
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn install_npm_packages(dir: &Path) -> Result {
    if Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" })
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        return Err(
            "Node.js and npm are needed: install Node.js 20 or newer (https://nodejs.org).".into(),
        );
    }
    let marker = dir.join("node_modules").join(".package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&marker), std::fs::metadata(&lock)) {
        (Ok(m), Ok(l)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    step(
        &format!("npm ci in {}", dir.display()),
        npm(dir).args(["ci", "--no-audit", "--no-fund"]),
    )
}

/// On Debian/Ubuntu, installs the missing packages when running as root; otherwise prints
/// the command to run. Other systems bring their own WebView (see the README).
fn install_system_packages(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux")
        || Command::new("dpkg-query")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_err()
    {
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|pkg| {
            let out = Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", pkg])
                .output();
            !out.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let command = format!("apt-get update && apt-get install -y {}", missing.join(" "));
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !is_root {
        return Err(format!(
            "these system packages are missing; install them and try again:\n\n    sudo sh -c '{command}'\n"
        ));
    }
    step(
        &format!("install {}", missing.join(" ")),
        Command::new("sh")
            .args(["-c", &command])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    home.join("bin").join(name)
}

fn install_tauri_driver() -> Result {
    if cargo_bin("tauri-driver").exists() {
        return Ok(());
    }
    step(
        "install tauri-driver",
        Command::new("cargo").args(["install", "tauri-driver", "--locked"]),
    )
}

/// Drives the real app window: Xvfb, then the tests in tests/e2e, each of which starts
/// tauri-driver (which starts WebKitWebDriver and the app) on a fresh database.
fn end_to_end() -> Result {
    if !cfg!(target_os = "linux") {
        println!(
            "\n==> end-to-end tests NOT RUN: they need WebKitWebDriver and Xvfb, which exist on Linux only"
        );
        return Ok(());
    }
    let e2e = root().join("tests").join("e2e");
    install_npm_packages(&e2e)?;
    let (display, _xvfb) = start_xvfb()?;
    let app = target_dir().join("debug").join(if cfg!(windows) {
        "servicebay-app.exe"
    } else {
        "servicebay-app"
    });
    step(
        "end-to-end tests in the real window",
        npm(&e2e)
            .args(["test"])
            .env("DISPLAY", &display)
            .env("SERVICEBAY_APP", app)
            // The command line (built by `cargo test`), for steps a test cannot wait for in
            // real time, such as the no-show rule 15 minutes after a slot.
            .env(
                "SERVICEBAY_CLI",
                target_dir().join("debug").join(if cfg!(windows) {
                    "servicebay.exe"
                } else {
                    "servicebay"
                }),
            )
            .env("TAURI_DRIVER", cargo_bin("tauri-driver")),
    )
}

/// A virtual display on the first free display number.
fn start_xvfb() -> Result<(String, KillOnDrop)> {
    for number in 99..130 {
        if Path::new(&format!("/tmp/.X11-unix/X{number}")).exists() {
            continue;
        }
        let display = format!(":{number}");
        let mut xvfb = KillOnDrop(
            Command::new("Xvfb")
                .args([
                    display.as_str(),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot start Xvfb: {e}"))?,
        );
        std::thread::sleep(Duration::from_secs(1));
        if matches!(xvfb.0.try_wait(), Ok(None)) {
            return Ok((display, xvfb));
        }
    }
    Err("Xvfb would not start on any display from :99 to :129".into())
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
