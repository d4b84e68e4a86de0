//! The SQL of customer files and customer search.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{NewCustomer, Query, SearchHit};
use crate::logging::{mask_name, mask_phone};
use crate::{Error, Result, Store, vehicle};

const SEARCH_LIMIT: i64 = 50;

/// Opens a customer file with its first vehicle, both or neither.
pub async fn create(store: &Store, new: &NewCustomer) -> Result<SearchHit> {
    let mut tx = store.writer().begin().await?;
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
        last_visit: None,
    })
}

/// Inserts the customer and the first vehicle inside the caller's transaction.
pub async fn insert(
    conn: &mut SqliteConnection,
    new: &NewCustomer,
    now: DateTime<Utc>,
) -> Result<i64> {
    let last4 = &new.mobile[new.mobile.len() - 4..];
    let customer_id = sqlx::query_scalar!(
        "INSERT INTO customer (kind, name, mobile, mobile_last4, created_at, updated_at)
         VALUES ('person', ?1, ?2, ?3, ?4, ?4) RETURNING id AS \"id!\"",
        new.name,
        new.mobile,
        last4,
        now,
    )
    .fetch_one(&mut *conn)
    .await?;
    vehicle::store::insert(conn, customer_id, &new.plate, now).await?;
    Ok(customer_id)
}

/// Customers matching what the advisor typed, best matches first.
pub async fn search(store: &Store, input: &str) -> Result<Vec<SearchHit>> {
    let Some(query) = Query::parse(input) else {
        return Ok(Vec::new());
    };
    let db = store.reader();
    let ids: Vec<i64> = match &query {
        Query::MobileLast4(last4) => {
            sqlx::query_scalar!(
                "SELECT id FROM customer WHERE mobile_last4 = ?1 ORDER BY id LIMIT ?2",
                last4,
                SEARCH_LIMIT
            )
            .fetch_all(db)
            .await?
        }
        Query::Mobile(mobile) => {
            sqlx::query_scalar!(
                "SELECT id FROM customer WHERE mobile = ?1 ORDER BY id LIMIT ?2",
                mobile,
                SEARCH_LIMIT
            )
            .fetch_all(db)
            .await?
        }
        Query::PlateKey(key) => {
            let end = prefix_end(key);
            sqlx::query_scalar!(
                "SELECT customer_id FROM vehicle WHERE plate_key >= ?1 AND plate_key < ?2
                 ORDER BY plate_key LIMIT ?3",
                key,
                end,
                SEARCH_LIMIT
            )
            .fetch_all(db)
            .await?
        }
        Query::PlateTailOrName { plate_tail, name } => {
            let (tail_end, name_end) = (prefix_end(plate_tail), prefix_end(name));
            sqlx::query_scalar!(
                r#"SELECT customer_id AS "id!" FROM (
                     SELECT customer_id, 0 AS rank, plate_tail AS sort FROM vehicle
                      WHERE plate_tail >= ?1 AND plate_tail < ?2
                     UNION ALL
                     SELECT id, 1, name FROM customer WHERE name >= ?3 AND name < ?4)
                   ORDER BY rank, sort LIMIT ?5"#,
                plate_tail,
                tail_end,
                name,
                name_end,
                SEARCH_LIMIT
            )
            .fetch_all(db)
            .await?
        }
    };
    hits(store, &ids).await
}

/// The end of a prefix range: every string starting with `prefix` sorts below it. A range
/// uses the index where `LIKE 'p%'` would scan.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Loads the result lines for `ids`, keeping their order and dropping repeats.
async fn hits(store: &Store, ids: &[i64]) -> Result<Vec<SearchHit>> {
    let mut unique = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique.contains(id) {
            unique.push(*id);
        }
    }
    let ids_json = serde_json::to_string(&unique).map_err(|e| Error::Io(e.into()))?;
    let rows = sqlx::query!(
        r#"SELECT c.id AS "id!", c.name, c.mobile,
                  (SELECT group_concat(plate, ' ') FROM vehicle v WHERE v.customer_id = c.id) AS "plates: String"
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
            last_visit: None,
        })
        .collect();
    hits.sort_by_key(|hit| unique.iter().position(|id| *id == hit.customer_id));
    Ok(hits)
}
