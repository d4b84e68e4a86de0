//! Customer care (客户关怀): each day's to-do list per role — birthdays today and this week,
//! maintenance due, key customers not contacted for two months, holiday greetings, and the
//! calls after a new-car delivery at 24 hours, 3 days and 7 days. The app prepares the
//! message from the dealership's templates; each item done goes on the customer's file.

pub mod store;

use serde::{Deserialize, Serialize};

use crate::staff::Role;
use crate::text::text_enum;
use crate::{Error, Result};

text_enum!(
    CareKind {
        Birthday = "birthday",
        MaintenanceDue = "maintenance_due",
        KeyCustomer = "key_customer",
        Holiday = "holiday",
        Delivery24h = "delivery_24h",
        Delivery3d = "delivery_3d",
        Delivery7d = "delivery_7d",
    }
);

impl CareKind {
    pub const ALL: [CareKind; 7] = [
        CareKind::Birthday,
        CareKind::MaintenanceDue,
        CareKind::KeyCustomer,
        CareKind::Holiday,
        CareKind::Delivery24h,
        CareKind::Delivery3d,
        CareKind::Delivery7d,
    ];

    /// Who works this kind of item: the advisors book maintenance, customer service the rest.
    pub fn role(self) -> Role {
        match self {
            CareKind::MaintenanceDue => Role::Advisor,
            _ => Role::FollowUp,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            CareKind::Birthday => "生日祝福",
            CareKind::MaintenanceDue => "保养提醒",
            CareKind::KeyCustomer => "重点客户联络",
            CareKind::Holiday => "节日问候",
            CareKind::Delivery24h => "新车交付24小时回访",
            CareKind::Delivery3d => "新车交付3天回访",
            CareKind::Delivery7d => "新车交付7天回访",
        }
    }

    /// Days after delivery for the delivery calls.
    pub fn days_after_delivery(self) -> Option<i64> {
        match self {
            CareKind::Delivery24h => Some(1),
            CareKind::Delivery3d => Some(3),
            CareKind::Delivery7d => Some(7),
            _ => None,
        }
    }
}

/// A holiday the dealership greets its key customers on (dates of lunar holidays change each
/// year, so each is a date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Holiday {
    /// YYYY-MM-DD
    pub date: String,
    pub name: String,
}

/// The message prepared for one kind of item; {customer}, {title}, {dealership}, {plate},
/// {holiday}, {due} are filled in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub kind: CareKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct CareSettings {
    pub holidays: Vec<Holiday>,
    /// Greetings show this many days before the holiday.
    pub holiday_lead_days: i64,
    /// Key customers not contacted for this many days come on the list.
    pub key_contact_days: i64,
    pub templates: Vec<Template>,
}

impl Default for CareSettings {
    fn default() -> Self {
        let holiday = |date: &str, name: &str| Holiday {
            date: date.into(),
            name: name.into(),
        };
        let template = |kind, text: &str| Template {
            kind,
            text: text.into(),
        };
        CareSettings {
            holidays: vec![
                holiday("2026-09-25", "中秋节"),
                holiday("2026-10-01", "国庆节"),
                holiday("2027-01-01", "元旦"),
                holiday("2027-02-06", "春节"),
                holiday("2027-05-01", "劳动节"),
                holiday("2027-06-09", "端午节"),
            ],
            holiday_lead_days: 3,
            key_contact_days: 60,
            templates: vec![
                template(
                    CareKind::Birthday,
                    "{customer}{title}您好，{dealership}全体员工祝您生日快乐、万事如意！",
                ),
                template(
                    CareKind::MaintenanceDue,
                    "{customer}{title}您好，您的爱车{plate}保养即将到期（{due}），欢迎预约回店保养。{dealership}",
                ),
                template(
                    CareKind::KeyCustomer,
                    "{customer}{title}您好，好久没有联系您了，爱车{plate}用得还好吗？有需要随时找我们。{dealership}",
                ),
                template(
                    CareKind::Holiday,
                    "{customer}{title}您好，{holiday}将至，{dealership}祝您和家人节日快乐！",
                ),
                template(
                    CareKind::Delivery24h,
                    "{customer}{title}您好，感谢您选择{dealership}，新车{plate}开得还习惯吗？有任何问题请随时联系我们。",
                ),
                template(
                    CareKind::Delivery3d,
                    "{customer}{title}您好，新车{plate}使用三天了，功能操作上有什么疑问吗？{dealership}",
                ),
                template(
                    CareKind::Delivery7d,
                    "{customer}{title}您好，新车{plate}已使用一周，欢迎您对我们的服务提出宝贵意见。{dealership}",
                ),
            ],
        }
    }
}

impl CareSettings {
    pub fn validate(&self) -> Result<()> {
        for (index, holiday) in self.holidays.iter().enumerate() {
            if chrono::NaiveDate::parse_from_str(&holiday.date, "%Y-%m-%d").is_err()
                || holiday.name.trim().is_empty()
            {
                return Err(Error::validation(
                    "holidays",
                    format!("第 {} 个节日：请填写日期（年-月-日）和名称", index + 1),
                    format!(
                        "Holiday {}: enter a date (YYYY-MM-DD) and a name",
                        index + 1
                    ),
                ));
            }
        }
        if !(0..=14).contains(&self.holiday_lead_days) {
            return Err(Error::validation(
                "holidayLeadDays",
                "节日问候提前天数应在 0 到 14 天之间",
                "Greetings start 0 to 14 days before the holiday",
            ));
        }
        if !(7..=365).contains(&self.key_contact_days) {
            return Err(Error::validation(
                "keyContactDays",
                "重点客户联络间隔应在 7 到 365 天之间",
                "Key customers are contacted every 7 to 365 days",
            ));
        }
        for holiday in &self.holidays {
            crate::text::line("holidays", &holiday.name, 20, "节日名称", "holiday name")?;
        }
        for t in &self.templates {
            crate::text::note("templates", &t.text, 500, "话术", "message")?;
        }
        if let Some(t) = self.templates.iter().find(|t| t.text.trim().is_empty()) {
            return Err(Error::validation(
                "templates",
                format!("“{}”的话术不能为空", t.kind.label_zh()),
                format!("The message for {} is empty", t.kind.as_str()),
            ));
        }
        Ok(())
    }

    /// The template of `kind` (the default one when the dealership removed it).
    pub fn template(&self, kind: CareKind) -> String {
        self.templates
            .iter()
            .chain(CareSettings::default().templates.iter())
            .find(|t| t.kind == kind)
            .map(|t| t.text.clone())
            .unwrap_or_default()
    }
}

/// One thing to do today for one customer.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CareItem {
    pub kind: CareKind,
    /// What makes the item once only: marked done, it leaves the list.
    pub occasion: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub mobile: String,
    pub plate: String,
    /// The day it is about (the birthday, the holiday, the service due, the delivery).
    pub due: String,
    pub role: Role,
    /// The message prepared from the template.
    pub message: String,
}

/// Marking an item done: how the customer was reached and what came of it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CareDone {
    pub customer_id: i64,
    pub kind: CareKind,
    pub occasion: String,
    pub channel: crate::customer::ContactChannel,
    pub outcome: String,
    pub staff_id: i64,
}

impl CareDone {
    pub fn check(&self) -> Result<()> {
        crate::text::line("occasion", &self.occasion, 50, "关怀事由", "occasion")?;
        crate::text::note("outcome", &self.outcome, 500, "关怀结果", "outcome")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_refuse_a_bad_holiday_and_fall_back_to_default_templates() {
        let mut settings = CareSettings::default();
        assert!(settings.validate().is_ok());
        settings.holidays.push(Holiday {
            date: "2027-13-01".into(),
            name: "x".into(),
        });
        assert_eq!(settings.validate().unwrap_err().field(), Some("holidays"));
        settings.holidays.pop();
        settings.templates.clear();
        assert!(settings.template(CareKind::Birthday).contains("生日快乐"));
    }

    #[test]
    fn maintenance_goes_to_the_advisors_the_rest_to_customer_service() {
        assert_eq!(CareKind::MaintenanceDue.role(), Role::Advisor);
        assert_eq!(CareKind::Delivery3d.role(), Role::FollowUp);
        assert_eq!(CareKind::Delivery7d.days_after_delivery(), Some(7));
    }
}
