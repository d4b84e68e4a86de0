//! Logs go to a daily rolling file in the app's log folder. Personal data is masked before
//! it reaches a log line: use [`mask_phone`] and [`mask_name`] in every `tracing` call.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Starts file logging; keep the guard alive for the life of the process.
pub fn init(log_dir: &Path) -> std::io::Result<WorkerGuard> {
    std::fs::create_dir_all(log_dir)?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("servicebay")
        .filename_suffix("log")
        .max_log_files(30)
        .build(log_dir)
        .map_err(std::io::Error::other)?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter =
        EnvFilter::try_from_env("SERVICEBAY_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // A second init (tests, CLI inside the app) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    Ok(guard)
}

/// `13812348000` → `138****8000`; landlines keep the area code and the last 4 digits.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// `王建国` → `王**`: the surname stays so a log line can still be followed.
pub fn mask_name(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("{first}{}", "*".repeat(chars.count())),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_and_names_are_masked() {
        assert_eq!(mask_phone("13812348000"), "138****8000");
        assert_eq!(mask_phone("01088886666"), "010****6666");
        assert_eq!(mask_phone("12345"), "*****");
        assert_eq!(mask_name("王建国"), "王**");
        assert_eq!(mask_name(""), "");
    }
}
