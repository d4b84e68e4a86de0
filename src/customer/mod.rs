//! Customer files (客户档案) and finding a customer again.

pub mod phone;
pub mod store;

use serde::{Deserialize, Serialize};

use crate::vehicle::Plate;
use crate::{Error, Result, Store};

/// Opens a customer file from the desk's form: checked first, stored whole or not at all.
pub async fn create(store: &Store, draft: &CustomerDraft) -> Result<SearchHit> {
    store::create(store, &draft.validate()?).await
}

/// What the advisor types to open a file: the customer and their first vehicle.
#[derive(Debug, Clone, Deserialize, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CustomerDraft {
    pub name: String,
    pub mobile: String,
    pub plate: String,
}

/// A draft that passed every rule; only this reaches the store.
#[derive(Debug, Clone)]
pub struct NewCustomer {
    pub name: String,
    pub mobile: String,
    pub plate: Plate,
}

impl CustomerDraft {
    pub fn validate(&self) -> Result<NewCustomer> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::validation(
                "name",
                "请填写客户姓名",
                "Enter the customer's name",
            ));
        }
        if name.chars().count() > 50 {
            return Err(Error::validation(
                "name",
                "客户姓名最多50个字",
                "A customer name has at most 50 characters",
            ));
        }
        Ok(NewCustomer {
            name: name.to_string(),
            mobile: phone::normalize_mobile("mobile", &self.mobile)?,
            plate: Plate::parse(&self.plate)?,
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
    /// Date of the last visit (dealership time zone), once the customer has one.
    pub last_visit: Option<String>,
}

/// How a typed query is read: what the advisor most likely means by it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Four digits: the end of a mobile number.
    MobileLast4(String),
    /// A whole mobile number.
    Mobile(String),
    /// The start of a plate with its province (`京A12`).
    PlateKey(String),
    /// The start of a plate without the province (`A123`), or of a name.
    PlateTailOrName { plate_tail: String, name: String },
}

impl Query {
    pub fn parse(input: &str) -> Option<Query> {
        let key = crate::vehicle::search_key(input);
        if key.is_empty() {
            return None;
        }
        let digits = key.chars().all(|c| c.is_ascii_digit());
        Some(match key.chars().next() {
            _ if digits && key.len() == 4 => Query::MobileLast4(key),
            _ if digits && key.len() == 11 => Query::Mobile(key),
            Some(first) if crate::vehicle::PROVINCES.contains(first) => Query::PlateKey(key),
            _ => Query::PlateTailOrName {
                plate_tail: key,
                name: input.trim().to_string(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, mobile: &str, plate: &str) -> CustomerDraft {
        CustomerDraft {
            name: name.into(),
            mobile: mobile.into(),
            plate: plate.into(),
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
        assert_eq!(
            Query::parse("8000"),
            Some(Query::MobileLast4("8000".into()))
        );
        assert_eq!(
            Query::parse("138 1234 8000"),
            Some(Query::Mobile("13812348000".into()))
        );
        assert_eq!(
            Query::parse("京a·123"),
            Some(Query::PlateKey("京A123".into()))
        );
        assert_eq!(
            Query::parse("a123"),
            Some(Query::PlateTailOrName {
                plate_tail: "A123".into(),
                name: "a123".into()
            })
        );
        assert_eq!(
            Query::parse("王"),
            Some(Query::PlateTailOrName {
                plate_tail: "王".into(),
                name: "王".into()
            })
        );
        assert_eq!(Query::parse("  "), None);
    }
}
