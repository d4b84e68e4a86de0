//! The dealership this installation serves: printed on every paper and in the title bar.

pub mod store;

use serde::{Deserialize, Serialize};

use crate::customer::phone;
use crate::{Error, Result, Store};

/// Sets up or edits the dealership from the form; returns what was stored.
pub async fn save(store: &Store, input: &Dealership) -> Result<Dealership> {
    let dealership = input.validate()?;
    store::save(store, &dealership).await?;
    Ok(dealership)
}

pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Dealership {
    pub name: String,
    pub address: String,
    /// Service hotline (服务热线) as printed: mobile, landline with area code, or 400/800.
    pub hotline: String,
    /// IANA name; decides "today", appointment slots and printed dates.
    pub time_zone: String,
}

impl Dealership {
    /// Checks and tidies what was typed on the set-up form.
    pub fn validate(&self) -> Result<Dealership> {
        let name = crate::text::name("name", &self.name, 60, "门店名称", "dealership name")?;
        let address = crate::text::printed_line("address", &self.address, 120, "地址", "address")?;
        if address.is_empty() {
            return Err(Error::validation(
                "address",
                "请填写地址",
                "The address is required",
            ));
        }
        if self.hotline.trim().is_empty() {
            return Err(Error::validation(
                "hotline",
                "请填写服务热线",
                "Enter the service hotline",
            ));
        }
        phone::normalize_phone("hotline", &self.hotline)?;
        let time_zone = self.time_zone.trim();
        if time_zone.parse::<chrono_tz::Tz>().is_err() {
            return Err(Error::validation(
                "timeZone",
                format!("无法识别的时区“{time_zone}”，例如 Asia/Shanghai"),
                format!("Unknown time zone “{time_zone}”; e.g. Asia/Shanghai"),
            ));
        }
        Ok(Dealership {
            name,
            address,
            hotline: self.hotline.trim().to_string(),
            time_zone: time_zone.to_string(),
        })
    }

    pub fn tz(&self) -> chrono_tz::Tz {
        self.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dealership() -> Dealership {
        Dealership {
            name: " 北京华安马自达4S店 ".into(),
            address: "北京市朝阳区东四环北路88号".into(),
            hotline: "010-6543 2100".into(),
            time_zone: "Asia/Shanghai".into(),
        }
    }

    #[test]
    fn a_good_dealership_is_tidied() {
        let ok = dealership().validate().unwrap();
        assert_eq!(ok.name, "北京华安马自达4S店");
        assert_eq!(ok.tz(), chrono_tz::Asia::Shanghai);
    }

    #[test]
    fn each_bad_field_is_named() {
        let field = |d: Dealership| d.validate().unwrap_err().field();
        assert_eq!(
            field(Dealership {
                name: " ".into(),
                ..dealership()
            }),
            Some("name")
        );
        for name in ["\u{200B}", "华安\n马自达", "华安🚗马自达"] {
            assert_eq!(
                field(Dealership {
                    name: name.into(),
                    ..dealership()
                }),
                Some("name"),
                "{name:?}"
            );
        }
        assert_eq!(
            field(Dealership {
                address: "".into(),
                ..dealership()
            }),
            Some("address")
        );
        assert_eq!(
            field(Dealership {
                hotline: "6543".into(),
                ..dealership()
            }),
            Some("hotline")
        );
        assert_eq!(
            field(Dealership {
                time_zone: "Beijing".into(),
                ..dealership()
            }),
            Some("timeZone")
        );
    }
}
