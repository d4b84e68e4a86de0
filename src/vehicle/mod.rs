//! Vehicles (车辆档案): the plate rules of the mainland and the normal form we store.

mod file;
pub mod store;
pub mod vin;

pub use file::*;

use serde::{Deserialize, Serialize};

use crate::{Error, Result, Store};

/// Province abbreviations that open a civil plate.
pub const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// A plate in its one stored and printed form, e.g. `京A·12345`, `粤B·D12345`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plate {
    normal: String,
}

impl Plate {
    pub fn parse(input: &str) -> Result<Plate> {
        let key = search_key(input);
        let bad = |zh: String, en: String| Err(Error::validation("plate", zh, en));
        let mut chars = key.chars();
        let Some(province) = chars.next() else {
            return bad("请填写车牌号".into(), "Enter the plate number".into());
        };
        if !PROVINCES.contains(province) {
            return bad(
                format!("车牌应以省份简称开头（如 京、沪、粤），“{province}”不是省份简称"),
                format!(
                    "A plate starts with a province abbreviation such as 京; “{province}” is not one"
                ),
            );
        }
        let rest: Vec<char> = chars.collect();
        if rest.iter().any(|c| matches!(c, 'I' | 'O')) {
            return bad(
                "车牌中不能有字母 I 或 O（易与数字 1、0 混淆）".into(),
                "Plates never contain the letters I or O (they read as 1 and 0)".into(),
            );
        }
        let Some(&authority) = rest.first() else {
            return bad(
                "省份简称后应为发牌机关字母，如 京A12345".into(),
                "A letter follows the province, e.g. 京A12345".into(),
            );
        };
        if !authority.is_ascii_uppercase() {
            return bad(
                format!("省份简称后应为字母（A–Z），不是“{authority}”"),
                format!("The province is followed by a letter A–Z, not “{authority}”"),
            );
        }
        let serial = &rest[1..];
        if let Some(c) = serial
            .iter()
            .find(|c| !c.is_ascii_alphanumeric() && !matches!(c, '挂' | '学'))
        {
            return bad(
                format!("车牌中不能有“{c}”（警、使馆等特殊号牌请在车辆档案中特别登记）"),
                format!(
                    "“{c}” is not allowed in a civil plate (police and embassy plates are registered with an override)"
                ),
            );
        }
        let new_energy = serial.len() == 6
            && (matches!(serial[0], 'A'..='H' | 'J' | 'K') || matches!(serial[5], 'D' | 'F'));
        let regular = serial.len() == 5;
        if !(regular || new_energy) {
            return bad(
                format!(
                    "车牌号应为省份简称+字母+5位（新能源车6位），现在字母后有{}位",
                    serial.len()
                ),
                format!(
                    "A plate is province + letter + 5 characters (6 for new-energy vehicles); this one has {}",
                    serial.len()
                ),
            );
        }
        if serial[..serial.len() - 1]
            .iter()
            .any(|c| !c.is_ascii_alphanumeric())
        {
            return bad(
                "挂、学只能出现在车牌最后一位".into(),
                "挂 and 学 may only be the last character".into(),
            );
        }
        let serial: String = serial.iter().collect();
        Ok(Plate {
            normal: format!("{province}{authority}·{serial}"),
        })
    }

    /// A special plate (police, embassy, trial) taken as typed; the caller records why.
    pub fn special(input: &str) -> Result<Plate> {
        let key = search_key(input);
        let length = key.chars().count();
        if !(5..=12).contains(&length)
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
        {
            return Err(Error::validation(
                "plate",
                "特殊号牌应为5至12个字母、数字或汉字",
                "A special plate has 5 to 12 letters, digits or Chinese characters",
            ));
        }
        Ok(Plate { normal: key })
    }

    pub fn as_str(&self) -> &str {
        &self.normal
    }

    /// Without the separator: `京A12345`. Searches compare against this.
    pub fn key(&self) -> String {
        search_key(&self.normal)
    }

    /// Without the province: `A12345`, for advisors who type the plate without it.
    pub fn tail(&self) -> String {
        self.key().chars().skip(1).collect()
    }
}

impl CheckedVehicle {
    /// A vehicle known only by its plate, as the quick customer form opens it.
    pub fn plate_only(customer_id: i64, plate: &Plate) -> CheckedVehicle {
        CheckedVehicle {
            input: VehicleInput::new(customer_id, plate.as_str()),
            plate: plate.clone(),
            vin: None,
        }
    }
}

/// Saves the vehicle form (new or edited) and returns the file as stored.
pub async fn save(store: &Store, input: &VehicleInput) -> Result<VehicleFile> {
    let today = crate::dealership::store::today(store).await?;
    let id = store::save(store, &input.validate(today)?).await?;
    store::get(store, id).await
}

/// Hands the vehicle to another customer (过户) from today; the readings, visits and the
/// owners before stay with the vehicle.
pub async fn transfer(store: &Store, vehicle_id: i64, new_owner: i64) -> Result<VehicleFile> {
    let today = crate::dealership::store::today(store).await?;
    store::transfer(store, vehicle_id, new_owner, today).await?;
    store::get(store, vehicle_id).await
}

/// Records a mileage reading; one lower than the last needs a reason.
pub async fn add_reading(
    store: &Store,
    vehicle_id: i64,
    reading: &MileageReading,
) -> Result<VehicleFile> {
    crate::text::line("reason", &reading.reason, 100, "里程说明", "reason")?;
    check_reading(
        reading.km,
        store::last_km(store, vehicle_id).await?,
        &reading.reason,
    )?;
    crate::customer::optional_date("readOn", &reading.read_on)?.ok_or_else(|| {
        Error::validation("readOn", "请填写读数日期", "Enter the date of the reading")
    })?;
    store::add_reading(store, vehicle_id, reading).await?;
    store::get(store, vehicle_id).await
}

/// The whole vehicle file.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VehicleFile {
    pub vehicle: VehicleInput,
    pub owner_name: String,
    pub last_km: Option<i64>,
    pub readings: Vec<MileageReading>,
    pub owners: Vec<OwnerLine>,
    pub next_service_date: Option<String>,
    pub next_service_km: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MileageReading {
    /// `YYYY-MM-DD`
    pub read_on: String,
    pub km: i64,
    pub source: ReadingSource,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OwnerLine {
    pub customer_id: i64,
    pub name: String,
    pub from_date: String,
    pub to_date: Option<String>,
}

/// Upper-cases, turns full-width letters and digits into ASCII and drops separators and
/// spaces: what both stored keys and typed queries are compared as.
pub fn search_key(input: &str) -> String {
    input
        .chars()
        .map(crate::text::half_width)
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '・' | '.' | '-' | '．' | '－'))
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(input: &str) -> String {
        Plate::parse(input)
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn plates_have_one_normal_form() {
        assert_eq!(normal("京A12345"), "京A·12345");
        assert_eq!(normal("京a·12345"), "京A·12345");
        assert_eq!(normal(" 沪 B 1 2 3 4 5 "), "沪B·12345");
        assert_eq!(normal("粤Ｂ１２３４５"), "粤B·12345");
        assert_eq!(normal("粤BD12345"), "粤B·D12345");
        assert_eq!(normal("川A12345D"), "川A·12345D");
        assert_eq!(normal("冀A1234挂"), "冀A·1234挂");
    }

    #[test]
    fn bad_plates_are_refused_with_the_reason() {
        for (input, reason) in [
            ("", "请填写"),
            ("A12345", "省份"),
            ("京AI2345", "I 或 O"),
            ("京A1234", "5位"),
            ("京A1234567", "5位"),
            ("京112345", "字母"),
            ("京A12警45", "特殊号牌"),
            ("京A12345X", "5位"),
        ] {
            let err = Plate::parse(input).unwrap_err();
            assert_eq!(err.field(), Some("plate"));
            assert!(err.message_zh().contains(reason), "{input}: {err}");
        }
    }

    #[test]
    fn keys_drop_separator_and_province() {
        let plate = Plate::parse("京A·12345").unwrap();
        assert_eq!(plate.key(), "京A12345");
        assert_eq!(plate.tail(), "A12345");
    }
}
