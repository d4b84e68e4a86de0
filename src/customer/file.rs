//! The customer file (客户档案): every field the desk keeps on a person or company, and the
//! rules each must pass before it is stored.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::phone;
use crate::{Error, Result};

use crate::text::{self, text_enum};

text_enum!(CustomerKind { Person = "person", Company = "company" });
text_enum!(Gender { Male = "male", Female = "female" });
text_enum!(
    /// How the customer likes to be contacted.
    ContactMethod { Phone = "phone", Sms = "sms", Email = "email", Wechat = "wechat", Visit = "visit" }
);
text_enum!(ContactDays { Any = "any", Workday = "workday", Weekend = "weekend" });
text_enum!(
    /// How a follow-up call (回访) reaches the customer.
    FollowUpMethod { Mobile = "mobile", Landline = "landline", Sms = "sms", Wechat = "wechat" }
);
text_enum!(
    /// How a contact with the customer happened (联系记录).
    ContactChannel { Call = "call", Visit = "visit", Gift = "gift", Sms = "sms", Wechat = "wechat", Email = "email", Letter = "letter" }
);
text_enum!(Membership { Normal = "normal", Silver = "silver", Gold = "gold", Platinum = "platinum" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OtherPhone {
    pub number: String,
    /// e.g. 办公室, 家, 司机
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Notes {
    pub personality: String,
    pub relationships: String,
    pub work: String,
    pub education: String,
}

/// What the customer form sends: a new file (`id` empty) or an edit of the `version` read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerInput {
    pub id: Option<i64>,
    pub version: Option<i64>,
    pub kind: CustomerKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub mobile: String,
    pub other_phones: Vec<OtherPhone>,
    pub address: String,
    /// `YYYY-MM-DD` or empty.
    pub birthday: String,
    pub employer: String,
    pub position: String,
    pub email: String,
    pub wechat: String,
    pub notes: Notes,
    pub contact_method: ContactMethod,
    pub contact_days: ContactDays,
    /// `HH:MM` or empty; both or neither.
    pub contact_from: String,
    pub contact_to: String,
    pub follow_up_accepted: bool,
    pub follow_up_method: FollowUpMethod,
    pub referred_by: Option<i64>,
    pub membership: Membership,
    pub bad_credit: bool,
    pub major_accident: bool,
}

impl CustomerInput {
    /// A person with only the essentials filled in, the rest at the usual defaults.
    pub fn person(name: &str, mobile: &str) -> CustomerInput {
        CustomerInput {
            id: None,
            version: None,
            kind: CustomerKind::Person,
            name: name.into(),
            gender: None,
            mobile: mobile.into(),
            other_phones: Vec::new(),
            address: String::new(),
            birthday: String::new(),
            employer: String::new(),
            position: String::new(),
            email: String::new(),
            wechat: String::new(),
            notes: Notes::default(),
            contact_method: ContactMethod::Phone,
            contact_days: ContactDays::Any,
            contact_from: String::new(),
            contact_to: String::new(),
            follow_up_accepted: true,
            follow_up_method: FollowUpMethod::Mobile,
            referred_by: None,
            membership: Membership::Normal,
            bad_credit: false,
            major_accident: false,
        }
    }

    /// Checks every field; returns the tidied values the store writes.
    pub fn validate(&self, today: NaiveDate) -> Result<CustomerInput> {
        let name = checked_name(&self.name)?;
        let mobile = if self.mobile.trim().is_empty() {
            String::new()
        } else {
            phone::normalize_mobile("mobile", &self.mobile)?
        };
        let mut other_phones = Vec::new();
        for other in &self.other_phones {
            if other.number.trim().is_empty() {
                continue;
            }
            other_phones.push(OtherPhone {
                number: phone::normalize_phone("otherPhones", &other.number)?,
                label: text::line("otherPhones", &other.label, 20, "电话备注", "phone label")?,
            });
        }
        if mobile.is_empty() && other_phones.is_empty() {
            return Err(Error::validation(
                "mobile",
                "请至少填写一个联系电话（手机或座机）",
                "Enter at least one phone number (mobile or landline)",
            ));
        }
        let birthday = optional_date("birthday", &self.birthday)?;
        if let Some(day) = birthday
            && (day > today || day.year() < 1900)
        {
            return Err(Error::validation(
                "birthday",
                "生日不能晚于今天，也不能早于1900年",
                "A birthday lies between 1900 and today",
            ));
        }
        let email = self.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            return Err(Error::validation(
                "email",
                "电子邮箱格式不对，例如 name@example.com",
                "The e-mail address looks wrong, e.g. name@example.com",
            ));
        }
        let (from, to) = (self.contact_from.trim(), self.contact_to.trim());
        match (
            optional_time("contactFrom", from)?,
            optional_time("contactTo", to)?,
        ) {
            (Some(f), Some(t)) if f >= t => {
                return Err(Error::validation(
                    "contactTo",
                    "方便联系的结束时间应晚于开始时间",
                    "The end of the contact window comes after its start",
                ));
            }
            (Some(_), None) | (None, Some(_)) => {
                let field = if from.is_empty() {
                    "contactFrom"
                } else {
                    "contactTo"
                };
                return Err(Error::validation(
                    field,
                    "方便联系的时间段请填写开始和结束时间",
                    "Give both the start and the end of the contact window",
                ));
            }
            _ => {}
        }
        if self.referred_by.is_some() && self.referred_by == self.id {
            return Err(Error::validation(
                "referredBy",
                "客户不能是自己的介绍人",
                "A customer cannot refer themselves",
            ));
        }
        let note = |field, value: &str, zh, en| text::note(field, value, NOTE_MAX, zh, en);
        let notes = Notes {
            personality: note(
                "notes.personality",
                &self.notes.personality,
                "性格爱好",
                "note on personality",
            )?,
            relationships: note(
                "notes.relationships",
                &self.notes.relationships,
                "人际关系",
                "note on relationships",
            )?,
            work: note("notes.work", &self.notes.work, "工作备注", "note on work")?,
            education: note(
                "notes.education",
                &self.notes.education,
                "教育背景",
                "note on education",
            )?,
        };
        Ok(CustomerInput {
            name,
            mobile,
            other_phones,
            address: text::line("address", &self.address, 120, "地址", "address")?,
            birthday: birthday.map(|d| d.to_string()).unwrap_or_default(),
            employer: text::optional_name("employer", &self.employer, 60, "工作单位", "employer")?,
            position: text::line("position", &self.position, 30, "职务", "position")?,
            email: text::line("email", email, 100, "电子邮箱", "e-mail address")?,
            wechat: text::line("wechat", &self.wechat, 40, "微信", "WeChat id")?,
            notes,
            contact_from: from.to_string(),
            contact_to: to.to_string(),
            ..self.clone()
        })
    }
}

/// The longest note the file keeps in each of its note fields.
pub const NOTE_MAX: usize = 2000;

/// The customer's (or company's) name: required, at most 50 characters, nothing invisible and
/// nothing the print font lacks (it prints on every paper).
pub(super) fn checked_name(input: &str) -> Result<String> {
    text::name("name", input, 50, "客户姓名或单位名称", "customer name")
}

/// `YYYY-MM-DD`, or nothing.
pub fn optional_date(field: &'static str, value: &str) -> Result<Option<NaiveDate>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            Error::validation(
                field,
                format!("日期“{value}”无法识别，请写成 2026-11-23"),
                format!("Cannot read the date “{value}”; write it as 2026-11-23"),
            )
        })
}

fn optional_time(field: &'static str, value: &str) -> Result<Option<NaiveTime>> {
    if value.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(value, "%H:%M")
        .map(Some)
        .map_err(|_| {
            Error::validation(
                field,
                format!("时间“{value}”无法识别，请写成 18:30"),
                format!("Cannot read the time “{value}”; write it as 18:30"),
            )
        })
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn field(input: CustomerInput) -> Option<&'static str> {
        input.validate(today()).unwrap_err().field()
    }

    #[test]
    fn a_full_file_is_tidied() {
        let input = CustomerInput {
            birthday: " 1985-03-08 ".into(),
            other_phones: vec![
                OtherPhone {
                    number: "010-6543 2100".into(),
                    label: "办公室".into(),
                },
                OtherPhone {
                    number: " ".into(),
                    label: "".into(),
                },
            ],
            contact_from: "18:00".into(),
            contact_to: "20:30".into(),
            email: "wang@example.com".into(),
            ..CustomerInput::person(" 王建国 ", "138 1234 8000")
        };
        let ok = input.validate(today()).unwrap();
        assert_eq!(
            (ok.name.as_str(), ok.mobile.as_str(), ok.birthday.as_str()),
            ("王建国", "13812348000", "1985-03-08")
        );
        assert_eq!(
            ok.other_phones,
            vec![OtherPhone {
                number: "01065432100".into(),
                label: "办公室".into()
            }]
        );
    }

    #[test]
    fn a_company_may_have_a_landline_only() {
        let input = CustomerInput {
            kind: CustomerKind::Company,
            other_phones: vec![OtherPhone {
                number: "021-58889999".into(),
                label: "总机".into(),
            }],
            ..CustomerInput::person("上海东方物流有限公司", "")
        };
        assert!(input.validate(today()).is_ok());
        assert_eq!(
            field(CustomerInput::person("上海东方物流有限公司", "")),
            Some("mobile")
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let base = || CustomerInput::person("王建国", "13812348000");
        assert_eq!(
            field(CustomerInput {
                name: " ".into(),
                ..base()
            }),
            Some("name")
        );
        assert_eq!(
            field(CustomerInput {
                mobile: "1381234".into(),
                ..base()
            }),
            Some("mobile")
        );
        assert_eq!(
            field(CustomerInput {
                other_phones: vec![OtherPhone {
                    number: "6543".into(),
                    label: "".into()
                }],
                ..base()
            }),
            Some("otherPhones")
        );
        assert_eq!(
            field(CustomerInput {
                birthday: "1985/13/01".into(),
                ..base()
            }),
            Some("birthday")
        );
        assert_eq!(
            field(CustomerInput {
                birthday: "2030-01-01".into(),
                ..base()
            }),
            Some("birthday")
        );
        assert_eq!(
            field(CustomerInput {
                email: "wang@".into(),
                ..base()
            }),
            Some("email")
        );
        assert_eq!(
            field(CustomerInput {
                contact_from: "20:00".into(),
                contact_to: "18:00".into(),
                ..base()
            }),
            Some("contactTo")
        );
        assert_eq!(
            field(CustomerInput {
                contact_from: "20:00".into(),
                ..base()
            }),
            Some("contactTo")
        );
        assert_eq!(
            field(CustomerInput {
                contact_from: "8点".into(),
                contact_to: "18:00".into(),
                ..base()
            }),
            Some("contactFrom")
        );
        assert_eq!(
            field(CustomerInput {
                id: Some(7),
                referred_by: Some(7),
                ..base()
            }),
            Some("referredBy")
        );
        assert_eq!(
            field(CustomerInput {
                address: "路".repeat(121),
                ..base()
            }),
            Some("address")
        );
    }

    #[test]
    fn stored_values_read_back_and_unknown_ones_are_errors() {
        assert_eq!(Membership::parse("gold").unwrap(), Membership::Gold);
        assert_eq!(Membership::Gold.as_str(), "gold");
        assert_eq!(Membership::parse("diamond").unwrap_err().code(), "conflict");
    }
}
