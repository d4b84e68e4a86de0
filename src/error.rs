//! The one error type of the core. Every kind has a stable snake_case code; the UI and the
//! CLI receive `{code, message, field?}` with the message in both languages.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
#[error("{} / {}", self.message_zh(), self.message_en())]
pub enum Error {
    /// Bad input in one field of a form or import row.
    Validation {
        field: &'static str,
        zh: String,
        en: String,
    },
    NotFound {
        what_zh: &'static str,
        what_en: &'static str,
    },
    /// The action clashes with what is stored (already set up, changed by another desk, ...).
    Conflict {
        zh: String,
        en: String,
    },
    /// The status does not allow this step (arriving a cancelled booking, confirming twice).
    InvalidTransition {
        zh: String,
        en: String,
    },
    /// The booking is over capacity (advisor, bay, holiday); the desk may book anyway after
    /// saying so.
    Overbooked {
        zh: String,
        en: String,
    },
    /// The mobile is on another customer's file already; the desk may file it anyway after
    /// saying so (a family's shared phone), as the import reports such a row as a duplicate.
    DuplicateMobile {
        zh: String,
        en: String,
    },
    /// A printed paper would show a blank box: the font has no glyph for these characters.
    MissingGlyphs {
        chars: String,
    },
    Database(#[from] sqlx::Error),
    Migration(#[from] sqlx::migrate::MigrateError),
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn validation(field: &'static str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Validation {
            field,
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn conflict(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Conflict {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// Stable code the UI and scripts branch on. Never rename one.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::InvalidTransition { .. } => "invalid_transition",
            Error::Overbooked { .. } => "overbooked",
            Error::DuplicateMobile { .. } => "duplicate_mobile",
            Error::MissingGlyphs { .. } => "missing_glyphs",
            Error::Database(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
        }
    }

    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            Error::DuplicateMobile { .. } => Some("mobile"),
            _ => None,
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            Error::Validation { zh, .. }
            | Error::Conflict { zh, .. }
            | Error::InvalidTransition { zh, .. }
            | Error::Overbooked { zh, .. }
            | Error::DuplicateMobile { zh, .. } => zh.clone(),
            Error::NotFound { what_zh, .. } => format!("未找到{what_zh}"),
            Error::MissingGlyphs { chars } => format!("字体缺少这些字符，打印会出现空白：{chars}"),
            Error::Database(e) => format!("数据库错误：{e}"),
            Error::Migration(e) => format!("数据库升级失败：{e}"),
            Error::Io(e) => format!("文件读写失败：{e}"),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Error::Validation { en, .. }
            | Error::Conflict { en, .. }
            | Error::InvalidTransition { en, .. }
            | Error::Overbooked { en, .. }
            | Error::DuplicateMobile { en, .. } => en.clone(),
            Error::NotFound { what_en, .. } => format!("{what_en} not found"),
            Error::MissingGlyphs { chars } => {
                format!("The font lacks these characters, they would print blank: {chars}")
            }
            Error::Database(e) => format!("Database error: {e}"),
            Error::Migration(e) => format!("Database migration failed: {e}"),
            Error::Io(e) => format!("File error: {e}"),
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: LocalizedText {
                zh_cn: self.message_zh(),
                en: self.message_en(),
            },
            field: self.field().map(str::to_string),
        }
    }
}

/// What crosses the IPC boundary and what `--json` prints on failure.
#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
pub struct ErrorPayload {
    pub code: String,
    pub message: LocalizedText,
    pub field: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
pub struct LocalizedText {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    pub en: String,
}

impl From<Error> for ErrorPayload {
    fn from(err: Error) -> Self {
        if !matches!(err, Error::Validation { .. }) {
            tracing::warn!(code = err.code(), "{err}");
        }
        err.payload()
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn validation_error_crosses_the_boundary_as_code_message_field() {
        let err = Error::validation(
            "mobile",
            "手机号码应为11位数字",
            "A mobile number has 11 digits",
        );
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            json!({
                "code": "validation",
                "message": {"zh-CN": "手机号码应为11位数字", "en": "A mobile number has 11 digits"},
                "field": "mobile"
            })
        );
    }

    #[test]
    fn other_errors_have_no_field_and_keep_both_languages() {
        let err = Error::NotFound {
            what_zh: "客户",
            what_en: "Customer",
        };
        assert_eq!(
            serde_json::to_value(&err).unwrap(),
            json!({
                "code": "not_found",
                "message": {"zh-CN": "未找到客户", "en": "Customer not found"},
                "field": null
            })
        );
    }
}
