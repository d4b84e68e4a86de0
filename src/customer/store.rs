//! The SQL of customer files and customer search.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::grading::{self, GradeBands, GradeCounts, GradeFacts};
use super::import::{self, Column, Duplicates, ImportOptions, ImportReport, RejectedRow, Sheet};
use super::pinyin::romanize;
use super::{
    BirthdayLine, ContactChannel, ContactDays, ContactLine, ContactMethod, CustomerFile,
    CustomerInput, CustomerKind, CustomerLists, FollowUpMethod, Gender, Lookup, LostLine,
    Membership, NewCustomer, Notes, OtherPhone, PastVisit, PointsLine, RankedLine, SearchHit,
    VehicleLine, VisitLine,
};
use crate::logging::{mask_name, mask_phone};
use crate::{Error, LocalizedText, Result, Store, vehicle};

const SEARCH_LIMIT: i64 = 50;

/// Opens a customer file with its first vehicle, both or neither.
pub async fn create(store: &Store, new: &NewCustomer) -> Result<SearchHit> {
    let mut tx = store.write_tx().await?;
    let customer_id = insert(&mut tx, new, Utc::now()).await?;
    tx.commit().await?;
    tracing::info!(
        customer_id,
        name = %mask_name(&new.name),
        mobile = %mask_phone(&new.mobile),
        "customer file opened"
    );
    Ok(SearchHit {
        customer_id,
        name: new.name.clone(),
        mobile_masked: mask_phone(&new.mobile),
        plates: vec![new.plate.as_str().to_string()],
        grade: None,
        last_visit: None,
    })
}

/// Inserts the customer and the first vehicle inside the caller's transaction.
pub async fn insert(
    conn: &mut SqliteConnection,
    new: &NewCustomer,
    now: DateTime<Utc>,
) -> Result<i64> {
    if !new.allow_duplicate_mobile {
        let other = sqlx::query!(
            r#"SELECT id AS "id!", name FROM customer WHERE mobile = ?1 ORDER BY id LIMIT 1"#,
            new.mobile
        )
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(other) = other {
            return Err(Error::DuplicateMobile {
                zh: format!(
                    "手机号 {} 已在客户 #{} {} 的档案中；如确是同一号码（例如家人共用），请确认后再保存",
                    new.mobile, other.id, other.name
                ),
                en: format!(
                    "The mobile {} is already on the file of customer #{} {}; confirm to save it for this customer too (e.g. a shared family phone)",
                    new.mobile, other.id, other.name
                ),
            });
        }
    }
    let customer_id = save_in(conn, &CustomerInput::person(&new.name, &new.mobile), now).await?;
    vehicle::store::save_in(
        conn,
        &vehicle::CheckedVehicle::plate_only(customer_id, &new.plate),
        now,
    )
    .await?;
    Ok(customer_id)
}

/// Customers matching what the advisor typed, best matches first.
pub async fn search(store: &Store, input: &str) -> Result<Vec<SearchHit>> {
    hits(store, &matching_ids(store, input, SEARCH_LIMIT).await?).await
}

/// The ids of the customers matching the query, best first, each once; `limit` -1 means all.
async fn matching_ids(store: &Store, input: &str, limit: i64) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for lookup in super::plan(input) {
        if limit >= 0 && ids.len() >= limit as usize {
            break;
        }
        ids.extend(
            lookup_ids(store, &lookup, limit)
                .await?
                .into_iter()
                .filter(|id| seen.insert(*id)),
        );
    }
    Ok(ids)
}

/// The customer ids one reading of the query finds. Prefixes use index ranges (`LIKE 'p%'`
/// would scan); any part of a plate uses the trigram index.
async fn lookup_ids(store: &Store, lookup: &Lookup, limit: i64) -> Result<Vec<i64>> {
    let db = store.reader();
    Ok(match lookup {
        Lookup::MobileLast4(last4) => {
            sqlx::query_scalar!(
                "SELECT id FROM customer WHERE mobile_last4 = ?1 ORDER BY id LIMIT ?2",
                last4,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::Mobile(mobile) => {
            sqlx::query_scalar!(
                r#"SELECT id AS "id!" FROM customer WHERE mobile = ?1
                   UNION SELECT customer_id FROM customer_phone WHERE number = ?1 LIMIT ?2"#,
                mobile,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::PlateStart(key) => {
            let end = prefix_end(key);
            sqlx::query_scalar!(
                "SELECT customer_id FROM vehicle WHERE plate_key >= ?1 AND plate_key < ?2 ORDER BY plate_key LIMIT ?3",
                key,
                end,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::PlateTailStart(tail) => {
            let end = prefix_end(tail);
            sqlx::query_scalar!(
                "SELECT customer_id FROM vehicle WHERE plate_tail >= ?1 AND plate_tail < ?2 ORDER BY plate_tail LIMIT ?3",
                tail,
                end,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::PlatePart(part) => {
            let phrase = format!("\"{part}\"");
            sqlx::query_scalar!(
                "SELECT v.customer_id FROM vehicle_plate_fts f JOIN vehicle v ON v.id = f.rowid
                 WHERE vehicle_plate_fts MATCH ?1 LIMIT ?2",
                phrase,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::VinLast6(last6) => {
            sqlx::query_scalar!(
                "SELECT customer_id FROM vehicle WHERE vin_last6 = ?1 LIMIT ?2",
                last6,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::Vin(vin) => {
            sqlx::query_scalar!("SELECT customer_id FROM vehicle WHERE vin = ?1", vin)
                .fetch_all(db)
                .await?
        }
        Lookup::NameStart(name) => {
            let end = prefix_end(name);
            sqlx::query_scalar!(
                // Each side is limited on its own index, so a common company name costs no sort.
                r#"SELECT id AS "id!" FROM (
                     SELECT * FROM (SELECT id, 0 AS rank FROM customer
                                     WHERE name >= ?1 AND name < ?2 ORDER BY name LIMIT ?3)
                     UNION ALL
                     SELECT * FROM (SELECT id, 1 FROM customer
                                     WHERE employer >= ?1 AND employer < ?2 ORDER BY employer LIMIT ?3))
                   ORDER BY rank LIMIT ?3"#,
                name,
                end,
                limit
            )
            .fetch_all(db)
            .await?
        }
        Lookup::PinyinStart(latin) => {
            let end = prefix_end(latin);
            sqlx::query_scalar!(
                r#"SELECT id AS "id!" FROM (
                     SELECT * FROM (SELECT id, 0 AS rank FROM customer
                                     WHERE name_initials >= ?1 AND name_initials < ?2 ORDER BY name_initials LIMIT ?3)
                     UNION ALL
                     SELECT * FROM (SELECT id, 1 FROM customer
                                     WHERE name_pinyin >= ?1 AND name_pinyin < ?2 ORDER BY name_pinyin LIMIT ?3))
                   ORDER BY rank LIMIT ?3"#,
                latin,
                end,
                limit
            )
            .fetch_all(db)
            .await?
        }
    })
}

/// The end of a prefix range: every string starting with `prefix` sorts below it. A range
/// uses the index where `LIKE 'p%'` would scan.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Loads the result lines for `ids`, keeping their order.
async fn hits(store: &Store, ids: &[i64]) -> Result<Vec<SearchHit>> {
    let ids_json = serde_json::to_string(ids).map_err(|e| Error::Io(e.into()))?;
    let rows = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name, c.mobile, c.grade,
                  (SELECT group_concat(plate, ' ') FROM vehicle v WHERE v.customer_id = c.id) AS "plates: String",
                  (SELECT MAX(visit_date) FROM service_visit s WHERE s.customer_id = c.id) AS "last_visit: String"
           FROM customer c WHERE c.id IN (SELECT value FROM json_each(?1))"#,
        ids_json
    )
    .fetch_all(store.reader())
    .await?;
    let mut hits: Vec<SearchHit> = rows
        .into_iter()
        .map(|row| SearchHit {
            customer_id: row.id,
            name: row.name,
            mobile_masked: row.mobile.as_deref().map(mask_phone).unwrap_or_default(),
            plates: row
                .plates
                .map(|p| p.split(' ').map(str::to_string).collect())
                .unwrap_or_default(),
            grade: row.grade,
            last_visit: row.last_visit,
        })
        .collect();
    hits.sort_by_key(|hit| ids.iter().position(|id| *id == hit.customer_id));
    Ok(hits)
}

/// Stores a checked customer file: a new one, or an edit of the version the desk read.
/// Returns the customer's id.
pub async fn save(store: &Store, input: &CustomerInput) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let id = save_in(&mut tx, input, Utc::now()).await?;
    tx.commit().await?;
    tracing::info!(customer_id = id, name = %mask_name(&input.name), "customer file saved");
    Ok(id)
}

/// [`save`] inside the caller's transaction (imports and the demo store many at once).
pub async fn save_in(
    tx: &mut SqliteConnection,
    input: &CustomerInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let (pinyin, initials) = romanize(&input.name);
    let last4 = (input.mobile.len() == 11).then(|| input.mobile[7..].to_string());
    let mobile = (!input.mobile.is_empty()).then_some(input.mobile.as_str());
    let birthday = (!input.birthday.is_empty()).then_some(input.birthday.as_str());
    let contact_from = (!input.contact_from.is_empty()).then_some(input.contact_from.as_str());
    let contact_to = (!input.contact_to.is_empty()).then_some(input.contact_to.as_str());
    let (kind, gender) = (input.kind.as_str(), input.gender.map(|g| g.as_str()));
    let (method, days) = (input.contact_method.as_str(), input.contact_days.as_str());
    let (follow_up, membership) = (input.follow_up_method.as_str(), input.membership.as_str());
    let notes = &input.notes;
    if let Some(referrer) = input.referred_by {
        let found = sqlx::query_scalar!("SELECT id FROM customer WHERE id = ?1", referrer)
            .fetch_optional(&mut *tx)
            .await?;
        if found.is_none() {
            return Err(Error::validation(
                "referredBy",
                "介绍人不在客户档案中",
                "The referring customer is not on file",
            ));
        }
    }
    let id = match (input.id, input.version) {
        (None, _) => sqlx::query_scalar!(
            r#"INSERT INTO customer (kind, name, mobile, mobile_last4, created_at, updated_at, gender,
                   name_pinyin, name_initials, address, birthday, employer, position, email, wechat,
                   notes_personality, notes_relationships, notes_work, notes_education, contact_method,
                   contact_days, contact_from, contact_to, follow_up_accepted, follow_up_method,
                   referred_by, membership, bad_credit, major_accident)
               VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                   ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)
               RETURNING id AS "id!""#,
            kind, input.name, mobile, last4, now, gender, pinyin, initials, input.address, birthday,
            input.employer, input.position, input.email, input.wechat, notes.personality,
            notes.relationships, notes.work, notes.education, method, days, contact_from, contact_to,
            input.follow_up_accepted, follow_up, input.referred_by, membership, input.bad_credit,
            input.major_accident,
        )
        .fetch_one(&mut *tx)
        .await?,
        (Some(id), version) => {
            let version = version.unwrap_or_default();
            let changed = sqlx::query!(
                "UPDATE customer SET kind = ?1, name = ?2, mobile = ?3, mobile_last4 = ?4, updated_at = ?5,
                     gender = ?6, name_pinyin = ?7, name_initials = ?8, address = ?9, birthday = ?10,
                     employer = ?11, position = ?12, email = ?13, wechat = ?14, notes_personality = ?15,
                     notes_relationships = ?16, notes_work = ?17, notes_education = ?18,
                     contact_method = ?19, contact_days = ?20, contact_from = ?21, contact_to = ?22,
                     follow_up_accepted = ?23, follow_up_method = ?24, referred_by = ?25,
                     membership = ?26, bad_credit = ?27, major_accident = ?28, version = version + 1
                 WHERE id = ?29 AND version = ?30",
                kind, input.name, mobile, last4, now, gender, pinyin, initials, input.address, birthday,
                input.employer, input.position, input.email, input.wechat, notes.personality,
                notes.relationships, notes.work, notes.education, method, days, contact_from, contact_to,
                input.follow_up_accepted, follow_up, input.referred_by, membership, input.bad_credit,
                input.major_accident, id, version,
            )
            .execute(&mut *tx)
            .await?;
            if changed.rows_affected() == 0 {
                return Err(Error::conflict(
                    "该客户档案已被其他工位修改，请重新打开后再改",
                    "Another desk changed this customer file; reopen it and make the change again",
                ));
            }
            sqlx::query!("DELETE FROM customer_phone WHERE customer_id = ?1", id).execute(&mut *tx).await?;
            id
        }
    };
    for other in &input.other_phones {
        sqlx::query!(
            "INSERT INTO customer_phone (customer_id, number, label) VALUES (?1, ?2, ?3)",
            id,
            other.number,
            other.label
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(id)
}

/// The whole file as the desk shows it.
pub async fn get(store: &Store, id: i64) -> Result<CustomerFile> {
    let db = store.reader();
    let row = sqlx::query!(
        r#"SELECT c.id AS "id!", c.version, c.kind, c.name, c.gender, c.mobile, c.address, c.birthday,
               c.employer, c.position, c.email, c.wechat, c.notes_personality, c.notes_relationships,
               c.notes_work, c.notes_education, c.contact_method, c.contact_days, c.contact_from,
               c.contact_to, c.follow_up_accepted, c.follow_up_method, c.referred_by, c.membership,
               c.bad_credit, c.major_accident, c.grade, c.grade_reason, c.grade_reason_en, r.name AS "referrer_name?",
               (SELECT COALESCE(SUM(points), 0) FROM points_entry p WHERE p.customer_id = c.id) AS "points!: i64"
           FROM customer c LEFT JOIN customer r ON r.id = c.referred_by WHERE c.id = ?1"#,
        id
    )
    .fetch_optional(db)
    .await?
    .ok_or(Error::NotFound { what_zh: "客户档案", what_en: "Customer file" })?;
    let other_phones = sqlx::query_as!(
        OtherPhone,
        "SELECT number, label FROM customer_phone WHERE customer_id = ?1 ORDER BY id",
        id
    )
    .fetch_all(db)
    .await?;
    let customer = CustomerInput {
        id: Some(row.id),
        version: Some(row.version),
        kind: CustomerKind::parse(&row.kind)?,
        name: row.name,
        gender: row.gender.as_deref().map(Gender::parse).transpose()?,
        mobile: row.mobile.unwrap_or_default(),
        other_phones,
        address: row.address,
        birthday: row.birthday.unwrap_or_default(),
        employer: row.employer,
        position: row.position,
        email: row.email,
        wechat: row.wechat,
        notes: Notes {
            personality: row.notes_personality,
            relationships: row.notes_relationships,
            work: row.notes_work,
            education: row.notes_education,
        },
        contact_method: ContactMethod::parse(&row.contact_method)?,
        contact_days: ContactDays::parse(&row.contact_days)?,
        contact_from: row.contact_from.unwrap_or_default(),
        contact_to: row.contact_to.unwrap_or_default(),
        follow_up_accepted: row.follow_up_accepted,
        follow_up_method: FollowUpMethod::parse(&row.follow_up_method)?,
        referred_by: row.referred_by,
        membership: Membership::parse(&row.membership)?,
        bad_credit: row.bad_credit,
        major_accident: row.major_accident,
    };
    let vehicles = sqlx::query_as!(
        VehicleLine,
        r#"SELECT id AS "id!", plate, brand, model, vin, plate_override_reason, vin_check_waived_reason
           FROM vehicle WHERE customer_id = ?1 ORDER BY id"#,
        id
    )
    .fetch_all(db)
    .await?;
    let visits = sqlx::query_as!(
        VisitLine,
        r#"SELECT s.visit_date, v.plate, s.mileage, s.summary, s.revenue_fen
           FROM service_visit s JOIN vehicle v ON v.id = s.vehicle_id
           WHERE s.customer_id = ?1 ORDER BY s.visit_date DESC"#,
        id
    )
    .fetch_all(db)
    .await?;
    let contacts = sqlx::query!(
        r#"SELECT at AS "at: DateTime<Utc>", channel, staff_name, subject, outcome
           FROM contact_entry WHERE customer_id = ?1 ORDER BY at DESC, id DESC"#,
        id
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|c| {
        Ok(ContactLine {
            at: c.at,
            channel: ContactChannel::parse(&c.channel)?,
            staff_name: c.staff_name,
            subject: c.subject,
            outcome: c.outcome,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let points_ledger = sqlx::query_as!(
        PointsLine,
        r#"SELECT at AS "at: DateTime<Utc>", points, reason FROM points_entry WHERE customer_id = ?1 ORDER BY at DESC, id DESC"#,
        id
    )
    .fetch_all(db)
    .await?;
    Ok(CustomerFile {
        customer,
        referrer_name: row.referrer_name,
        points: row.points,
        grade: row.grade,
        grade_reason: LocalizedText {
            zh_cn: row.grade_reason,
            en: row.grade_reason_en,
        },
        vehicles,
        visits,
        contacts,
        points_ledger,
    })
}

/// Adds a line to the contact log.
pub async fn log_contact(store: &Store, customer_id: i64, entry: &ContactLine) -> Result<()> {
    let channel = entry.channel.as_str();
    sqlx::query!(
        "INSERT INTO contact_entry (customer_id, at, channel, staff_name, subject, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        customer_id,
        entry.at,
        channel,
        entry.staff_name,
        entry.subject,
        entry.outcome
    )
    .execute(store.writer())
    .await?;
    Ok(())
}

/// Adds points (or takes them, when negative) with the reason, refusing to go below zero.
pub async fn add_points(
    store: &Store,
    customer_id: i64,
    points: i64,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<i64> {
    let mut tx = store.write_tx().await?;
    let balance = add_points_in(&mut tx, customer_id, points, reason, at).await?;
    tx.commit().await?;
    Ok(balance)
}

/// [`add_points`] inside the caller's transaction.
pub async fn add_points_in(
    tx: &mut SqliteConnection,
    customer_id: i64,
    points: i64,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<i64> {
    let balance: i64 = sqlx::query_scalar!(
        r#"SELECT COALESCE(SUM(points), 0) AS "b!: i64" FROM points_entry WHERE customer_id = ?1"#,
        customer_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if balance + points < 0 {
        return Err(Error::validation(
            "points",
            format!("积分不足：现有{balance}分，不能扣除{}分", -points),
            format!(
                "Not enough points: the balance is {balance}, cannot take {}",
                -points
            ),
        ));
    }
    sqlx::query!(
        "INSERT INTO points_entry (customer_id, at, points, reason) VALUES (?1, ?2, ?3, ?4)",
        customer_id,
        at,
        points,
        reason
    )
    .execute(&mut *tx)
    .await?;
    Ok(balance + points)
}

/// A past service visit with its revenue (history from the previous system, the demo).
pub async fn insert_visit(tx: &mut SqliteConnection, visit: &PastVisit) -> Result<()> {
    sqlx::query!(
        "INSERT INTO service_visit (customer_id, vehicle_id, visit_date, mileage, summary, revenue_fen, cost_fen, is_maintenance)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        visit.customer_id,
        visit.vehicle_id,
        visit.visit_date,
        visit.mileage,
        visit.summary,
        visit.revenue_fen,
        visit.cost_fen,
        visit.is_maintenance
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Gives customers stored before names were romanised their pinyin (run after migrating).
pub async fn fill_missing_pinyin(pool: &sqlx::SqlitePool) -> Result<()> {
    let rows = sqlx::query!(r#"SELECT id AS "id!", name FROM customer WHERE name_pinyin = ''"#)
        .fetch_all(pool)
        .await?;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    for row in rows {
        let (pinyin, initials) = romanize(&row.name);
        sqlx::query!(
            "UPDATE customer SET name_pinyin = ?1, name_initials = ?2 WHERE id = ?3",
            pinyin,
            initials,
            row.id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Recomputes every customer's grade from the 12 months before `today`; returns how many
/// customers each grade holds.
pub async fn regrade(store: &Store, today: NaiveDate, bands: GradeBands) -> Result<GradeCounts> {
    let since = (today - chrono::Months::new(12)).to_string();
    let facts = sqlx::query!(
        r#"SELECT c.id AS "id!", c.bad_credit, c.major_accident,
               (SELECT COALESCE(SUM(revenue_fen), 0) FROM service_visit s
                 WHERE s.customer_id = c.id AND s.visit_date > ?1) AS "revenue!: i64"
           FROM customer c"#,
        since
    )
    .fetch_all(store.reader())
    .await?
    .into_iter()
    .map(|r| GradeFacts {
        customer_id: r.id,
        revenue_fen: r.revenue,
        bad_credit: r.bad_credit,
        major_accident: r.major_accident,
    })
    .collect();
    let graded = grading::grade_all(facts, bands);
    let now = Utc::now();
    let mut counts = GradeCounts::default();
    let mut tx = store.write_tx().await?;
    for g in &graded {
        let grade = g.grade.to_string();
        counts.add(g.grade);
        sqlx::query!(
            "UPDATE customer SET grade = ?1, grade_reason = ?2, grade_reason_en = ?3, graded_at = ?4 WHERE id = ?5",
            grade,
            g.reason_zh,
            g.reason_en,
            now,
            g.customer_id
        )
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(counts)
}

const GRADE_BANDS_KEY: &str = "customer.grade_bands";

/// The grade bands the dealership set, or the spec's 1 / 5 / 20 %.
pub async fn grade_bands(store: &Store) -> Result<GradeBands> {
    let stored = sqlx::query_scalar!("SELECT value FROM setting WHERE key = ?1", GRADE_BANDS_KEY)
        .fetch_optional(store.reader())
        .await?;
    Ok(stored
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// Checks and keeps the grade bands; the next regrade uses them.
pub async fn save_grade_bands(store: &Store, bands: GradeBands) -> Result<GradeBands> {
    let bands = bands.validate()?;
    let json = serde_json::to_string(&bands).map_err(|e| Error::Io(e.into()))?;
    sqlx::query!(
        "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        GRADE_BANDS_KEY,
        json
    )
    .execute(store.writer())
    .await?;
    Ok(bands)
}

/// Whether grades were computed on `today` (dealership date) or later.
pub async fn graded_on_or_after(store: &Store, today: NaiveDate) -> Result<bool> {
    let latest =
        sqlx::query_scalar!(r#"SELECT MAX(graded_at) AS "at?: DateTime<Utc>" FROM customer"#)
            .fetch_one(store.reader())
            .await?;
    let customers = sqlx::query_scalar!(r#"SELECT COUNT(*) AS "n!: i64" FROM customer"#)
        .fetch_one(store.reader())
        .await?;
    // `today` is the dealership's date; the instant is UTC (Beijing is a day ahead from
    // 16:00 UTC), so compare the dealership's date of the last grading.
    let tz = crate::dealership::store::time_zone(store).await?;
    Ok(customers == 0 || latest.is_some_and(|at| at.with_timezone(&tz).date_naive() >= today))
}

/// The lists the manager and the desk work from: key customers, birthdays, lost customers.
pub async fn lists(store: &Store, today: NaiveDate) -> Result<CustomerLists> {
    let db = store.reader();
    let year_ago = (today - chrono::Months::new(12)).to_string();
    let two_years_ago = (today - chrono::Months::new(24)).to_string();
    let six_months_ago = (today - chrono::Months::new(6)).to_string();
    let month = format!("{:02}", today.month());
    let ranked = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name,
               COALESCE(SUM(CASE WHEN s.visit_date > ?1 THEN s.revenue_fen END), 0) AS "revenue!: i64",
               COALESCE(SUM(CASE WHEN s.visit_date > ?1 THEN s.revenue_fen - s.cost_fen END), 0) AS "margin!: i64",
               COALESCE(SUM(CASE WHEN s.visit_date > ?2 AND s.visit_date <= ?1 THEN s.revenue_fen END), 0) AS "previous!: i64"
           FROM customer c JOIN service_visit s ON s.customer_id = c.id
           WHERE s.visit_date > ?2 GROUP BY c.id"#,
        year_ago,
        two_years_ago
    )
    .fetch_all(db)
    .await?;
    let top = |key: &dyn Fn(&RankedLine) -> i64| {
        let mut lines: Vec<RankedLine> = ranked
            .iter()
            .map(|r| RankedLine {
                customer_id: r.id,
                name: r.name.clone(),
                revenue_fen: r.revenue,
                margin_fen: r.margin,
                growth_fen: r.revenue - r.previous,
            })
            .collect();
        lines.sort_by_key(|l| std::cmp::Reverse(key(l)));
        lines.truncate(10);
        lines
    };
    let birthdays = sqlx::query_as!(
        BirthdayLine,
        r#"SELECT id AS "customer_id!", name, birthday AS "birthday!" FROM customer
           WHERE substr(birthday, 6, 2) = ?1 ORDER BY substr(birthday, 9, 2), name"#,
        month
    )
    .fetch_all(db)
    .await?;
    let lost = sqlx::query_as!(
        LostLine,
        r#"SELECT c.id AS "customer_id!", c.name AS "name!", MAX(s.visit_date) AS "last_visit!: String"
           FROM customer c JOIN service_visit s ON s.customer_id = c.id
           GROUP BY c.id HAVING MAX(s.visit_date) <= ?1 ORDER BY MAX(s.visit_date)"#,
        six_months_ago
    )
    .fetch_all(db)
    .await?;
    let (lost_12, lost_6): (Vec<LostLine>, Vec<LostLine>) =
        lost.into_iter().partition(|l| l.last_visit <= year_ago);
    Ok(CustomerLists {
        top_by_revenue: top(&|l| l.revenue_fen),
        top_by_growth: top(&|l| l.growth_fen),
        top_by_margin: top(&|l| l.margin_fen),
        birthdays_this_month: birthdays,
        lost_6_months: lost_6,
        lost_12_months: lost_12,
    })
}

/// Imports a read sheet in one transaction: all or nothing, unless `skip_invalid`; a dry run
/// does the whole import and rolls it back. `progress` hears (rows done, rows in all).
/// `before_commit` sees the report before anything is stored (it writes the rejected-rows
/// report): when it fails, nothing is stored.
pub async fn import(
    store: &Store,
    sheet: &Sheet,
    options: &ImportOptions,
    today: NaiveDate,
    progress: &mut (dyn FnMut(usize, usize) + Send),
    before_commit: &mut (dyn FnMut(&mut ImportReport) -> Result<()> + Send),
) -> Result<ImportReport> {
    let mapping = options
        .mapping
        .clone()
        .unwrap_or_else(|| import::guess_mapping(&sheet.headers));
    if !mapping.contains(&Some(Column::Name)) {
        return Err(Error::validation(
            "mapping",
            "找不到“姓名”列：请指定哪一列是客户姓名",
            "No name column: say which column holds the customer's name",
        ));
    }
    let now = Utc::now();
    let (mut accepted, mut duplicates, mut rejected) = (0u32, 0u32, Vec::new());
    let mut tx = store.write_tx().await?;
    for (done, (row, cells)) in sheet.rows.iter().enumerate() {
        match import_row(
            &mut tx,
            *row,
            cells,
            &mapping,
            options.duplicates,
            today,
            now,
        )
        .await
        {
            Ok(RowOutcome::Imported) => accepted += 1,
            Ok(RowOutcome::Duplicate) => duplicates += 1,
            Err(err @ Error::Validation { .. }) => rejected.push(RejectedRow::new(*row, &err)),
            Err(other) => return Err(other),
        }
        if done % 500 == 0 || done + 1 == sheet.rows.len() {
            progress(done + 1, sheet.rows.len());
        }
    }
    let imported = !options.dry_run && (rejected.is_empty() || options.skip_invalid);
    let mut report = ImportReport {
        accepted,
        rejected,
        duplicates,
        imported,
        rejected_report: None,
    };
    if let Err(err) = before_commit(&mut report) {
        tx.rollback().await?;
        return Err(err);
    }
    if imported {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(report)
}

enum RowOutcome {
    Imported,
    Duplicate,
}

async fn import_row(
    tx: &mut SqliteConnection,
    row: usize,
    cells: &[import::Cell],
    mapping: &[Option<Column>],
    on_duplicate: Duplicates,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<RowOutcome> {
    let draft = import::draft_row(row, cells, mapping)?;
    let customer = draft.customer.validate(today)?;
    let vehicle = draft.vehicle.map(|v| v.validate(today)).transpose()?;
    let plate_key = vehicle.as_ref().map(|v| v.plate.key());
    let vin = vehicle.as_ref().and_then(|v| v.vin.clone());
    let mobile = (!customer.mobile.is_empty()).then_some(customer.mobile.as_str());
    let on_file = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM customer WHERE mobile = ?1
           UNION ALL SELECT customer_id FROM vehicle WHERE plate_key = ?2 OR vin = ?3 LIMIT 1"#,
        mobile,
        plate_key,
        vin
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(existing) = on_file else {
        let id = save_in(tx, &customer, now).await?;
        if let Some(mut vehicle) = vehicle {
            vehicle.input.customer_id = id;
            vehicle::store::save_in(tx, &vehicle, now).await?;
        }
        return Ok(RowOutcome::Imported);
    };
    if on_duplicate == Duplicates::Merge {
        let birthday = (!customer.birthday.is_empty()).then_some(customer.birthday.as_str());
        let gender = customer.gender.map(|g| g.as_str());
        sqlx::query!(
            "UPDATE customer SET address = CASE WHEN address = '' THEN ?1 ELSE address END,
                 birthday = COALESCE(birthday, ?2), employer = CASE WHEN employer = '' THEN ?3 ELSE employer END,
                 gender = COALESCE(gender, ?4), version = version + 1, updated_at = ?5
             WHERE id = ?6",
            customer.address,
            birthday,
            customer.employer,
            gender,
            now,
            existing
        )
        .execute(&mut *tx)
        .await?;
        if let Some(mut vehicle) = vehicle {
            let known =
                sqlx::query_scalar!("SELECT id FROM vehicle WHERE plate_key = ?1", plate_key)
                    .fetch_optional(&mut *tx)
                    .await?;
            if known.is_none() {
                vehicle.input.customer_id = existing;
                vehicle::store::save_in(tx, &vehicle, now).await?;
            }
        }
    }
    Ok(RowOutcome::Duplicate)
}

/// Writes the customers (all, or every one a search finds, not only the first screenful) to an
/// .xlsx file; returns how many.
pub async fn export(store: &Store, query: Option<&str>, path: &std::path::Path) -> Result<usize> {
    let ids: Vec<i64> = match query {
        Some(q) => matching_ids(store, q, -1).await?,
        None => {
            sqlx::query_scalar!(r#"SELECT id AS "id!" FROM customer ORDER BY id"#)
                .fetch_all(store.reader())
                .await?
        }
    };
    let ids_json = serde_json::to_string(&ids).map_err(|e| Error::Io(e.into()))?;
    let rows = sqlx::query!(
        r#"SELECT c.name, c.mobile, c.grade, c.membership, c.birthday, c.employer, c.address,
               (SELECT group_concat(plate, ' ') FROM vehicle v WHERE v.customer_id = c.id) AS "plates: String",
               (SELECT group_concat(model, ' ') FROM vehicle v WHERE v.customer_id = c.id) AS "models: String",
               (SELECT MAX(visit_date) FROM service_visit s WHERE s.customer_id = c.id) AS "last_visit: String"
           FROM customer c WHERE c.id IN (SELECT value FROM json_each(?1)) ORDER BY c.id"#,
        ids_json
    )
    .fetch_all(store.reader())
    .await?;
    let xlsx = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e));
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    let headers = [
        "姓名",
        "手机",
        "车牌",
        "车型",
        "等级",
        "会员",
        "生日",
        "工作单位",
        "地址",
        "最近到店",
    ];
    for (col, header) in headers.iter().enumerate() {
        page.write_string(0, col as u16, *header).map_err(xlsx)?;
    }
    for (index, r) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        let cells = [
            Some(r.name.as_str()),
            r.mobile.as_deref(),
            r.plates.as_deref(),
            r.models.as_deref(),
            r.grade.as_deref(),
            Some(r.membership.as_str()),
            r.birthday.as_deref(),
            Some(r.employer.as_str()),
            Some(r.address.as_str()),
            r.last_visit.as_deref(),
        ];
        for (col, value) in cells.iter().enumerate() {
            page.write_string(line, col as u16, value.unwrap_or(""))
                .map_err(xlsx)?;
        }
    }
    page.autofit();
    book.save(path).map_err(xlsx)?;
    Ok(rows.len())
}
