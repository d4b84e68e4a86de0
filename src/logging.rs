//! Logs go to a daily rolling file in the app's log folder. Personal data is masked before
//! it reaches a log line: use [`mask_phone`] and [`mask_name`] in every `tracing` call. Free
//! text that may quote a plate or a mobile (an error's message) is masked on its way into
//! the file by [`mask_text`], whoever wrote the line.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

use crate::paths::{secure_dir, secure_file};

/// Log files kept, one a day.
const KEEP_FILES: usize = 30;

/// Starts file logging; keep the guard alive for the life of the process.
pub fn init(log_dir: &Path) -> std::io::Result<WorkerGuard> {
    let (writer, guard) = tracing_appender::non_blocking(DailyLog::open(log_dir)?);
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

/// The day's log file `servicebay.YYYY-MM-DD.log` (UTC day, as before), the newest
/// [`KEEP_FILES`] kept. Written here rather than by `tracing-appender`'s rolling file, which
/// creates each day's file readable by every user: the folder is 0700 and every file 0600,
/// created so. Each line is masked with [`mask_text`].
pub struct DailyLog {
    dir: PathBuf,
    day: NaiveDate,
    file: File,
}

impl DailyLog {
    pub fn open(dir: &Path) -> std::io::Result<DailyLog> {
        secure_dir(dir)?;
        let day = chrono::Utc::now().date_naive();
        let file = Self::file_of(dir, day)?;
        Ok(DailyLog {
            dir: dir.to_path_buf(),
            day,
            file,
        })
    }

    /// Where the log of `day` goes.
    pub fn path_of(dir: &Path, day: NaiveDate) -> PathBuf {
        dir.join(format!("servicebay.{day}.log"))
    }

    fn file_of(dir: &Path, day: NaiveDate) -> std::io::Result<File> {
        let path = Self::path_of(dir, day);
        let mut options = std::fs::OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path)?;
        // Today's file may come from an earlier version.
        secure_file(&path)?;
        prune(dir)?;
        Ok(file)
    }
}

/// Deletes all but the newest [`KEEP_FILES`] log files (their names sort by day).
fn prune(dir: &Path) -> std::io::Result<()> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("servicebay.") && n.ends_with(".log"))
        })
        .collect();
    logs.sort();
    let old = logs.len().saturating_sub(KEEP_FILES);
    for path in &logs[..old] {
        std::fs::remove_file(path)?;
    }
    Ok(())
}

impl Write for DailyLog {
    /// `buf` is one formatted event: the fmt layer writes each line whole.
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let today = chrono::Utc::now().date_naive();
        if today != self.day {
            self.file = Self::file_of(&self.dir, today)?;
            self.day = today;
        }
        let line = mask_text(&String::from_utf8_lossy(buf));
        self.file.write_all(line.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Masks every plate and mobile number found in free text, e.g. an error's message:
/// `车牌 京A·12345 已在档` → `车牌 京A·****5 已在档`, `13812348000` → `138****8000`.
pub fn mask_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = plate_at(&chars, i) {
            out.push_str(&mask_plate_chars(&chars[i..end]));
            i = end;
        } else if let Some(end) = mobile_at(&chars, i) {
            out.push_str(&mask_phone(&chars[i..end].iter().collect::<String>()));
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// `京A·12345` → `京A·****5`: the province and the issuing letter stay, like a surname.
pub fn mask_plate(plate: &str) -> String {
    let chars: Vec<char> = plate.chars().collect();
    match plate_at(&chars, 0) {
        Some(_) => mask_text(plate),
        None => mask_plate_chars(&chars),
    }
}

fn is_separator(c: char) -> bool {
    c == ' ' || matches!(c, '·' | '•' | '・' | '.' | '-')
}

/// The end of a plate starting at `i`: a province abbreviation, a letter, then at least four
/// letters or digits with a digit among them (and 挂/学/警), a separator allowed after the
/// letter. (`最新 Database` is no plate.)
fn plate_at(chars: &[char], i: usize) -> Option<usize> {
    if !crate::vehicle::PROVINCES.contains(chars[i]) {
        return None;
    }
    let mut j = i + 1;
    if !chars.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    j += 1;
    while j < chars.len() && is_separator(chars[j]) {
        j += 1;
    }
    let serial = j;
    while j < chars.len() && chars[j].is_ascii_alphanumeric() {
        j += 1;
    }
    let digits = chars[serial..j].iter().any(char::is_ascii_digit);
    if j < chars.len() && matches!(chars[j], '挂' | '学' | '警') {
        j += 1;
    }
    (j - serial >= 4 && digits).then_some(j)
}

/// Keeps the first two characters (province and letter) with any separator, and the last
/// character; the rest become `*`.
fn mask_plate_chars(plate: &[char]) -> String {
    let last = plate.len().saturating_sub(1);
    plate
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            if k < 2 || k == last || is_separator(c) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// The end of a mainland mobile number (11 digits from a 1) starting at `i`, not part of a
/// longer run of digits.
fn mobile_at(chars: &[char], i: usize) -> Option<usize> {
    let end = i + 11;
    let is_digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    (chars[i] == '1' && !(i > 0 && is_digit(i - 1)) && (i..end).all(is_digit) && !is_digit(end))
        .then_some(end)
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

    #[test]
    fn plates_and_mobiles_in_free_text_are_masked() {
        assert_eq!(mask_plate("京A·12345"), "京A·****5");
        assert_eq!(mask_plate("粤B·D12345"), "粤B·*****5");
        assert_eq!(
            mask_text("车牌 京A·12345 已在档，请先搜索该车牌 / The plate 京A·12345 is on file"),
            "车牌 京A·****5 已在档，请先搜索该车牌 / The plate 京A·****5 is on file"
        );
        // As typed: no separator, lower case, a space, new energy, a trailer.
        assert_eq!(mask_text("京a12345"), "京a****5");
        assert_eq!(mask_text("沪B D12345。"), "沪B *****5。");
        assert_eq!(mask_text("粤B1234挂"), "粤B****挂");
        assert_eq!(
            mask_text("手机 13812348000 已登记"),
            "手机 138****8000 已登记"
        );
        // Not a plate or a mobile: left alone; masked text stays as it is.
        for kept in [
            "WO20261123-0001",
            "京A123",
            "数据库已是最新 Database up to date",
            "新ABCDEF",
            "2026-11-23T08:00:00.123456Z",
            "id 138123480001",
            "京A·****5 138****8000",
        ] {
            assert_eq!(mask_text(kept), kept);
        }
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_log_file_is_private_masked_and_keeps_thirty_days() {
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("logs");
        for day in 1..=35 {
            std::fs::create_dir_all(&logs).unwrap();
            std::fs::write(
                logs.join(format!("servicebay.2020-01-{day:02}.log")),
                "old\n",
            )
            .unwrap();
        }
        let mut log = DailyLog::open(&logs).unwrap();
        log.write_all("WARN command failed: 车牌 京A·12345 已在档 13812348000\n".as_bytes())
            .unwrap();
        log.flush().unwrap();
        let today = DailyLog::path_of(&logs, chrono::Utc::now().date_naive());
        let text = std::fs::read_to_string(&today).unwrap();
        assert_eq!(
            text,
            "WARN command failed: 车牌 京A·****5 已在档 138****8000\n"
        );
        assert_eq!(std::fs::read_dir(&logs).unwrap().count(), KEEP_FILES);
        assert!(!logs.join("servicebay.2020-01-06.log").exists());
        assert!(logs.join("servicebay.2020-01-07.log").exists());
        #[cfg(unix)]
        {
            assert_eq!(mode(&logs), 0o700);
            assert_eq!(mode(&today), 0o600);
        }
    }
}
