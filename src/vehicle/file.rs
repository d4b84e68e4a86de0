//! The vehicle file (车辆档案): identity, mileage readings, owners and when the next
//! service is due.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Plate, vin};
use crate::customer::optional_date;
use crate::text;
use crate::{Error, Result};

/// The service interval when neither the vehicle nor the dealership sets one.
pub const DEFAULT_INTERVAL_KM: i64 = 5_000;
pub const DEFAULT_INTERVAL_MONTHS: u32 = 6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VehicleInput {
    pub id: Option<i64>,
    pub version: Option<i64>,
    pub customer_id: i64,
    pub plate: String,
    /// Police, embassy and other special plates are taken as typed when a reason is given.
    pub plate_override_reason: String,
    /// Empty when not known yet.
    pub vin: String,
    /// Imported cars without a valid check digit: why the check is waived.
    pub vin_check_waived_reason: String,
    pub brand: String,
    pub model: String,
    pub model_year: Option<i32>,
    pub colour: String,
    pub purchase_date: String,
    pub delivery_date: String,
    pub service_interval_km: Option<i64>,
    pub service_interval_months: Option<i32>,
}

/// A vehicle input that passed the rules.
#[derive(Debug, Clone)]
pub struct CheckedVehicle {
    pub input: VehicleInput,
    pub plate: Plate,
    pub vin: Option<String>,
}

impl VehicleInput {
    pub fn new(customer_id: i64, plate: &str) -> VehicleInput {
        VehicleInput {
            id: None,
            version: None,
            customer_id,
            plate: plate.into(),
            plate_override_reason: String::new(),
            vin: String::new(),
            vin_check_waived_reason: String::new(),
            brand: String::new(),
            model: String::new(),
            model_year: None,
            colour: String::new(),
            purchase_date: String::new(),
            delivery_date: String::new(),
            service_interval_km: None,
            service_interval_months: None,
        }
    }

    pub fn validate(&self, today: NaiveDate) -> Result<CheckedVehicle> {
        let override_reason = &text::line(
            "plateOverrideReason",
            &self.plate_override_reason,
            100,
            "特殊号牌说明",
            "reason for the special plate",
        )?;
        let plate = if override_reason.is_empty() {
            Plate::parse(&self.plate)?
        } else {
            Plate::special(&self.plate)?
        };
        let waived = &text::line(
            "vinCheckWaivedReason",
            &self.vin_check_waived_reason,
            100,
            "免校验说明",
            "reason for waiving the VIN check",
        )?;
        let vin = if self.vin.trim().is_empty() {
            None
        } else {
            Some(vin::parse(&self.vin, !waived.is_empty())?)
        };
        let purchase = optional_date("purchaseDate", &self.purchase_date)?;
        let delivery = optional_date("deliveryDate", &self.delivery_date)?;
        for (field, date) in [("purchaseDate", purchase), ("deliveryDate", delivery)] {
            if date.is_some_and(|d| d > today) {
                return Err(Error::validation(
                    field,
                    "日期不能晚于今天",
                    "The date cannot be later than today",
                ));
            }
        }
        if let (Some(p), Some(d)) = (purchase, delivery)
            && d < p
        {
            return Err(Error::validation(
                "deliveryDate",
                "交车日期不能早于购车日期",
                "Delivery cannot come before purchase",
            ));
        }
        if let Some(year) = self.model_year
            && !(1950..=today.year() + 1).contains(&year)
        {
            return Err(Error::validation(
                "modelYear",
                format!("年款应在1950至{}之间", today.year() + 1),
                format!("The model year lies between 1950 and {}", today.year() + 1),
            ));
        }
        if self
            .service_interval_km
            .is_some_and(|km| !(1_000..=100_000).contains(&km))
        {
            return Err(Error::validation(
                "serviceIntervalKm",
                "保养间隔里程应在1,000至100,000公里之间",
                "The service interval lies between 1,000 and 100,000 km",
            ));
        }
        if self
            .service_interval_months
            .is_some_and(|m| !(1..=36).contains(&m))
        {
            return Err(Error::validation(
                "serviceIntervalMonths",
                "保养间隔月数应在1至36之间",
                "The service interval lies between 1 and 36 months",
            ));
        }
        Ok(CheckedVehicle {
            input: VehicleInput {
                plate: plate.as_str().to_string(),
                plate_override_reason: override_reason.to_string(),
                vin: vin.clone().unwrap_or_default(),
                vin_check_waived_reason: waived.to_string(),
                brand: text::printed_line("brand", &self.brand, 30, "品牌", "brand")?,
                model: text::printed_line("model", &self.model, 60, "车型", "model")?,
                colour: text::printed_line("colour", &self.colour, 20, "颜色", "colour")?,
                purchase_date: purchase.map(|d| d.to_string()).unwrap_or_default(),
                delivery_date: delivery.map(|d| d.to_string()).unwrap_or_default(),
                ..self.clone()
            },
            plate,
            vin,
        })
    }
}

/// Where a mileage reading came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ReadingSource {
    CheckIn,
    Customer,
    Import,
    Manual,
}

impl ReadingSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadingSource::CheckIn => "check_in",
            ReadingSource::Customer => "customer",
            ReadingSource::Import => "import",
            ReadingSource::Manual => "manual",
        }
    }
}

/// A new mileage reading: lower than the last one only with a reason (a replaced instrument
/// cluster, a typing error in the old system).
pub fn check_reading(km: i64, last_km: Option<i64>, reason: &str) -> Result<()> {
    if km < 0 {
        return Err(Error::validation(
            "km",
            "里程不能为负数",
            "Mileage cannot be negative",
        ));
    }
    if let Some(last) = last_km
        && km < last
        && reason.trim().is_empty()
    {
        return Err(Error::validation(
            "reason",
            format!("新里程 {km} 公里低于上次记录的 {last} 公里，请注明原因（如更换仪表）"),
            format!(
                "{km} km is lower than the last reading of {last} km; give the reason (e.g. a replaced instrument cluster)"
            ),
        ));
    }
    Ok(())
}

/// When and at what mileage the next service is due, from the last service (or the delivery)
/// and the interval.
pub fn next_service(
    last: Option<(NaiveDate, i64)>,
    interval_km: i64,
    interval_months: u32,
) -> (Option<NaiveDate>, Option<i64>) {
    match last {
        Some((date, km)) => (
            date.checked_add_months(Months::new(interval_months)),
            Some(km + interval_km),
        ),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vehicle_texts_have_length_limits_and_no_control_characters() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let field = |v: VehicleInput| v.validate(today).unwrap_err().field();
        let car = || VehicleInput::new(1, "京A12345");
        assert_eq!(
            field(VehicleInput {
                brand: "马".repeat(31),
                ..car()
            }),
            Some("brand")
        );
        assert_eq!(
            field(VehicleInput {
                model: "昂克赛拉\u{1B}[2J".into(),
                ..car()
            }),
            Some("model")
        );
        assert_eq!(
            field(VehicleInput {
                colour: "红".repeat(5 * 1024 * 1024),
                ..car()
            }),
            Some("colour")
        );
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_full_vehicle_is_tidied() {
        let input = VehicleInput {
            vin: "1hgcm82633a004352".into(),
            brand: " 马自达 ".into(),
            model_year: Some(2024),
            purchase_date: "2024-05-01".into(),
            delivery_date: "2024-05-08".into(),
            ..VehicleInput::new(1, "京a12345")
        };
        let ok = input.validate(today()).unwrap();
        assert_eq!(
            (
                ok.input.plate.as_str(),
                ok.input.vin.as_str(),
                ok.input.brand.as_str()
            ),
            ("京A·12345", "1HGCM82633A004352", "马自达")
        );
    }

    #[test]
    fn special_plates_and_waived_vins_need_a_reason() {
        let police = VehicleInput::new(1, "京A1234警");
        assert_eq!(police.validate(today()).unwrap_err().field(), Some("plate"));
        let ok = VehicleInput {
            plate_override_reason: "警用车辆".into(),
            ..police
        }
        .validate(today())
        .unwrap();
        assert_eq!(ok.input.plate, "京A1234警");
        let imported = VehicleInput {
            vin: "1HGCM82623A004352".into(),
            ..VehicleInput::new(1, "京A12345")
        };
        assert_eq!(imported.validate(today()).unwrap_err().field(), Some("vin"));
        assert!(
            VehicleInput {
                vin_check_waived_reason: "平行进口车无校验位".into(),
                ..imported
            }
            .validate(today())
            .is_ok()
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let base = || VehicleInput::new(1, "京A12345");
        let field = |v: VehicleInput| v.validate(today()).unwrap_err().field();
        assert_eq!(
            field(VehicleInput {
                purchase_date: "2027-01-01".into(),
                ..base()
            }),
            Some("purchaseDate")
        );
        assert_eq!(
            field(VehicleInput {
                purchase_date: "2024-05-08".into(),
                delivery_date: "2024-05-01".into(),
                ..base()
            }),
            Some("deliveryDate")
        );
        assert_eq!(
            field(VehicleInput {
                model_year: Some(1900),
                ..base()
            }),
            Some("modelYear")
        );
        assert_eq!(
            field(VehicleInput {
                service_interval_km: Some(50),
                ..base()
            }),
            Some("serviceIntervalKm")
        );
        assert_eq!(
            field(VehicleInput {
                service_interval_months: Some(0),
                ..base()
            }),
            Some("serviceIntervalMonths")
        );
    }

    #[test]
    fn a_lower_reading_needs_a_reason() {
        assert!(check_reading(12_000, Some(11_000), "").is_ok());
        assert_eq!(
            check_reading(9_000, Some(11_000), "").unwrap_err().field(),
            Some("reason")
        );
        assert!(check_reading(9_000, Some(11_000), "更换仪表").is_ok());
        assert!(check_reading(-1, None, "").is_err());
    }

    #[test]
    fn the_next_service_follows_the_last_one() {
        let last = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        assert_eq!(
            next_service(Some((last, 20_000)), 5_000, 6),
            (NaiveDate::from_ymd_opt(2026, 11, 30), Some(25_000))
        );
        assert_eq!(next_service(None, 5_000, 6), (None, None));
    }
}
