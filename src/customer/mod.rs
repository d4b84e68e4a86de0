//! Customer files (客户档案) and finding a customer again.

mod file;
pub mod grading;
pub mod import;
pub mod phone;
pub mod pinyin;
pub mod store;

pub use file::*;

use serde::{Deserialize, Serialize};

use crate::vehicle::Plate;
use crate::{Error, Result, Store};

/// Opens a customer file from the desk's quick form: checked first, stored whole or not at all.
pub async fn create(store: &Store, draft: &CustomerDraft) -> Result<SearchHit> {
    store::create(store, &draft.validate()?).await
}

/// Saves the full customer form (new or edited) and returns the file as stored.
pub async fn save(store: &Store, input: &CustomerInput) -> Result<CustomerFile> {
    let today = crate::dealership::store::today(store).await?;
    let id = store::save(store, &input.validate(today)?).await?;
    store::get(store, id).await
}

/// Imports a customer list file; rejected rows go to an .xlsx report beside it, so the user can
/// fix them there and import that file again. The report is written before anything is
/// stored: when it cannot be written, nothing is.
pub async fn import_file(
    store: &Store,
    path: &std::path::Path,
    options: &import::ImportOptions,
    progress: &mut (dyn FnMut(usize, usize) + Send),
) -> Result<import::ImportReport> {
    let sheet = import::read_sheet(path)?;
    let today = crate::dealership::store::today(store).await?;
    store::import(store, &sheet, options, today, progress, &mut |report| {
        import::report_rejected(path, &sheet, report)
    })
    .await
}

/// Adds a line to the contact log and returns the file.
pub async fn log_contact(
    store: &Store,
    customer_id: i64,
    entry: &ContactLine,
) -> Result<CustomerFile> {
    let entry = &ContactLine {
        staff_name: crate::text::optional_name(
            "staffName",
            &entry.staff_name,
            crate::staff::NAME_MAX,
            "联系人（员工）",
            "staff name",
        )?,
        subject: crate::text::line("subject", &entry.subject, 100, "联系事由", "subject")?,
        outcome: crate::text::note("outcome", &entry.outcome, 1000, "联系结果", "outcome")?,
        ..entry.clone()
    };
    if entry.subject.is_empty() {
        return Err(Error::validation(
            "subject",
            "请填写联系事由",
            "Enter what the contact was about",
        ));
    }
    store::log_contact(store, customer_id, entry).await?;
    store::get(store, customer_id).await
}

/// Adds (or redeems, when negative) points with the reason and returns the file.
pub async fn add_points(
    store: &Store,
    customer_id: i64,
    points: i64,
    reason: &str,
) -> Result<CustomerFile> {
    if points == 0 {
        return Err(Error::validation(
            "points",
            "积分变动不能为0",
            "The change of points cannot be 0",
        ));
    }
    let reason = crate::text::line("reason", reason, 100, "积分变动原因", "reason")?;
    if reason.is_empty() {
        return Err(Error::validation(
            "reason",
            "请填写积分变动原因",
            "Enter the reason for the points",
        ));
    }
    store::add_points(store, customer_id, points, &reason, chrono::Utc::now()).await?;
    store::get(store, customer_id).await
}

/// Regrades every customer when the grades are older than today (the daily recompute).
pub async fn regrade_if_stale(store: &Store) -> Result<Option<grading::GradeCounts>> {
    let today = crate::dealership::store::today(store).await?;
    if store::graded_on_or_after(store, today).await? {
        return Ok(None);
    }
    regrade(store).await.map(Some)
}

/// Regrades every customer now with the dealership's bands.
pub async fn regrade(store: &Store) -> Result<grading::GradeCounts> {
    let today = crate::dealership::store::today(store).await?;
    store::regrade(store, today, store::grade_bands(store).await?).await
}

/// The whole customer file, as the desk shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerFile {
    pub customer: CustomerInput,
    pub referrer_name: Option<String>,
    /// Balance of the points ledger.
    pub points: i64,
    pub grade: Option<String>,
    /// Why the grade is what it is (share of revenue, credit, accidents).
    pub grade_reason: crate::LocalizedText,
    pub vehicles: Vec<VehicleLine>,
    pub visits: Vec<VisitLine>,
    pub contacts: Vec<ContactLine>,
    pub points_ledger: Vec<PointsLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VehicleLine {
    pub id: i64,
    pub plate: String,
    pub brand: String,
    pub model: String,
    pub vin: Option<String>,
    /// Why a special plate was accepted as typed; empty for a normal plate.
    pub plate_override_reason: String,
    /// Why the VIN's check digit was not checked; empty when it was.
    pub vin_check_waived_reason: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VisitLine {
    pub visit_date: String,
    pub plate: String,
    pub mileage: Option<i64>,
    pub summary: String,
    pub revenue_fen: i64,
}

/// A past service visit as history records it.
#[derive(Debug, Clone)]
pub struct PastVisit {
    pub customer_id: i64,
    pub vehicle_id: i64,
    pub visit_date: String,
    pub mileage: Option<i64>,
    pub summary: String,
    pub revenue_fen: i64,
    pub cost_fen: i64,
    pub is_maintenance: bool,
}

/// The lists the desk and the manager work from.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerLists {
    pub top_by_revenue: Vec<RankedLine>,
    /// Revenue of the last 12 months minus the 12 before.
    pub top_by_growth: Vec<RankedLine>,
    pub top_by_margin: Vec<RankedLine>,
    pub birthdays_this_month: Vec<BirthdayLine>,
    /// Last visit 6 to 12 months ago.
    pub lost_6_months: Vec<LostLine>,
    /// Last visit more than 12 months ago.
    pub lost_12_months: Vec<LostLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RankedLine {
    pub customer_id: i64,
    pub name: String,
    pub revenue_fen: i64,
    pub growth_fen: i64,
    pub margin_fen: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BirthdayLine {
    pub customer_id: i64,
    pub name: String,
    pub birthday: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LostLine {
    pub customer_id: i64,
    pub name: String,
    pub last_visit: String,
}

/// One line of the contact log: a call, visit, gift or message.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContactLine {
    pub at: chrono::DateTime<chrono::Utc>,
    pub channel: ContactChannel,
    pub staff_name: String,
    pub subject: String,
    pub outcome: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PointsLine {
    pub at: chrono::DateTime<chrono::Utc>,
    pub points: i64,
    pub reason: String,
}

/// What the advisor types to open a file: the customer and their first vehicle.
#[derive(Debug, Clone, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerDraft {
    pub name: String,
    pub mobile: String,
    pub plate: String,
    /// The desk confirmed that the mobile, already on another customer's file, is right for
    /// this one too (a family's shared phone). Without it such a draft is refused with
    /// `duplicate_mobile`, naming the other customer, as the import reports the row as a duplicate.
    #[serde(default)]
    pub allow_duplicate_mobile: bool,
}

/// A draft that passed every rule; only this reaches the store.
#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub name: String,
    pub mobile: String,
    pub plate: Plate,
    /// See [`CustomerDraft::allow_duplicate_mobile`].
    pub allow_duplicate_mobile: bool,
}

impl CustomerDraft {
    pub fn validate(&self) -> Result<NewCustomer> {
        Ok(NewCustomer {
            name: file::checked_name(&self.name)?,
            mobile: phone::normalize_mobile("mobile", &self.mobile)?,
            plate: Plate::parse(&self.plate)?,
            allow_duplicate_mobile: self.allow_duplicate_mobile,
        })
    }
}

/// One line of a search result: enough to recognise the customer at the desk.
#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub customer_id: i64,
    pub name: String,
    pub mobile_masked: String,
    pub plates: Vec<String>,
    pub grade: Option<String>,
    /// Date of the last visit, once the customer has one.
    pub last_visit: Option<String>,
}

/// One way of reading what the advisor typed; a query tries several, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Four digits: the end of a mobile number.
    MobileLast4(String),
    Mobile(String),
    /// The start of a plate with its province (`京A12`).
    PlateStart(String),
    /// The start of a plate without the province (`A123`).
    PlateTailStart(String),
    /// Any part of a plate, three characters or more (`234`).
    PlatePart(String),
    /// The last six characters of a VIN.
    VinLast6(String),
    Vin(String),
    /// The start of a name (`王建`), or of a company or employer name.
    NameStart(String),
    /// The start of the name's pinyin initials (`wjg`) or full pinyin (`wangjian`).
    PinyinStart(String),
}

/// How a typed query is read: what the advisor most likely means by it, best first.
pub fn plan(input: &str) -> Vec<Lookup> {
    use Lookup::*;
    let key = crate::vehicle::search_key(input);
    let length = key.chars().count();
    let Some(first) = key.chars().next() else {
        return Vec::new();
    };
    let digits = key.chars().all(|c| c.is_ascii_digit());
    let mut lookups = Vec::new();
    if digits {
        match length {
            4 => lookups.push(MobileLast4(key.clone())),
            11 => lookups.push(Mobile(key.clone())),
            6 => lookups.push(VinLast6(key.clone())),
            _ => {}
        }
        if (3..11).contains(&length) {
            lookups.push(PlatePart(key));
        }
    } else if crate::vehicle::PROVINCES.contains(first) {
        // 京A1… is a plate; 苏 alone may be a plate or a surname; 京东方 is a name.
        match key.chars().nth(1) {
            None => lookups.extend([PlateStart(key), NameStart(input.trim().to_string())]),
            Some(second) if second.is_ascii_alphanumeric() => lookups.push(PlateStart(key)),
            Some(_) => lookups.push(NameStart(input.trim().to_string())),
        }
    } else if !key.is_ascii() {
        lookups.push(NameStart(input.trim().to_string()));
    } else if key.chars().all(|c| c.is_ascii_alphabetic()) {
        lookups.push(PinyinStart(key.to_ascii_lowercase()));
        lookups.push(PlateTailStart(key));
    } else if length == 17 {
        lookups.push(Vin(key));
    } else {
        lookups.push(PlateTailStart(key.clone()));
        if length == 6 {
            lookups.push(VinLast6(key.clone()));
        }
        if length >= 3 {
            lookups.push(PlatePart(key));
        }
    }
    lookups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, mobile: &str, plate: &str) -> CustomerDraft {
        CustomerDraft {
            name: name.into(),
            mobile: mobile.into(),
            plate: plate.into(),
            allow_duplicate_mobile: false,
        }
    }

    #[test]
    fn a_good_draft_is_normalised() {
        let ok = draft(" 王建国 ", "138 1234 8000", "京a12345")
            .validate()
            .unwrap();
        assert_eq!(ok.name, "王建国");
        assert_eq!(ok.mobile, "13812348000");
        assert_eq!(ok.plate.as_str(), "京A·12345");
    }

    #[test]
    fn each_bad_field_is_named() {
        let field = |d: CustomerDraft| d.validate().unwrap_err().field();
        assert_eq!(field(draft("", "13812348000", "京A12345")), Some("name"));
        assert_eq!(
            field(draft("王建国", "1381234", "京A12345")),
            Some("mobile")
        );
        assert_eq!(
            field(draft("王建国", "13812348000", "京A1234")),
            Some("plate")
        );
    }

    #[test]
    fn queries_are_read_as_the_advisor_means_them() {
        use Lookup::*;
        assert_eq!(
            plan("8000"),
            vec![MobileLast4("8000".into()), PlatePart("8000".into())]
        );
        assert_eq!(plan("138 1234 8000"), vec![Mobile("13812348000".into())]);
        assert_eq!(plan("京a·123"), vec![PlateStart("京A123".into())]);
        assert_eq!(
            plan("苏"),
            vec![PlateStart("苏".into()), NameStart("苏".into())]
        );
        assert_eq!(plan("京东方"), vec![NameStart("京东方".into())]);
        assert_eq!(
            plan("wjg"),
            vec![PinyinStart("wjg".into()), PlateTailStart("WJG".into())]
        );
        assert_eq!(
            plan("a123"),
            vec![PlateTailStart("A123".into()), PlatePart("A123".into())]
        );
        assert_eq!(
            plan("123456"),
            vec![VinLast6("123456".into()), PlatePart("123456".into())]
        );
        assert_eq!(plan("王建"), vec![NameStart("王建".into())]);
        assert_eq!(
            plan("1hgcm82633a004352"),
            vec![Vin("1HGCM82633A004352".into())]
        );
        assert_eq!(plan("12"), vec![]);
        assert_eq!(plan("  "), vec![]);
    }
}
