//! The SQL of the catalogues: labour operations, labour rates and parts.

use chrono::Utc;
use sqlx::SqliteConnection;

use super::{JobKind, LabourOperation, LabourRate, Part};
use crate::work_order::PayType;
use crate::{Error, Result, Store};

fn duplicate(err: sqlx::Error, field: &'static str, zh: &str, en: &str) -> Error {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => Error::validation(
            field,
            format!("{zh}已存在"),
            format!("That {en} is already in the catalogue"),
        ),
        _ => Error::Database(err),
    }
}

/// Operations whose code or name contains `query` (all of them for an empty query).
pub async fn operations(store: &Store, query: &str) -> Result<Vec<LabourOperation>> {
    let query = query.trim();
    let rows = sqlx::query!(
        r#"SELECT id, code, name, standard_hundredths, job_kind FROM labour_operation
           WHERE ?1 = '' OR instr(code, upper(?1)) > 0 OR instr(name, ?1) > 0
           ORDER BY code LIMIT 200"#,
        query
    )
    .fetch_all(store.reader())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(LabourOperation {
                id: Some(r.id),
                code: r.code,
                name: r.name,
                standard_hundredths: r.standard_hundredths,
                job_kind: JobKind::parse(&r.job_kind)?,
            })
        })
        .collect()
}

pub async fn save_operation(store: &Store, op: &LabourOperation) -> Result<i64> {
    let now = Utc::now();
    let kind = op.job_kind.as_str();
    let id = sqlx::query_scalar!(
        r#"INSERT INTO labour_operation (id, code, name, standard_hundredths, job_kind, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)
           ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
               standard_hundredths = excluded.standard_hundredths, job_kind = excluded.job_kind,
               updated_at = excluded.updated_at
           RETURNING id AS "id!""#,
        op.id,
        op.code,
        op.name,
        op.standard_hundredths,
        kind,
        now
    )
    .fetch_one(store.writer())
    .await
    .map_err(|e| duplicate(e, "code", "工时代码", "operation code"))?;
    Ok(id)
}

pub async fn rates(store: &Store) -> Result<Vec<LabourRate>> {
    let rows = sqlx::query!(r#"SELECT pay_type AS "pay_type!", fen_per_hour FROM labour_rate"#)
        .fetch_all(store.reader())
        .await?;
    let mut rates = rows
        .into_iter()
        .map(|r| {
            Ok(LabourRate {
                pay_type: PayType::parse(&r.pay_type)?,
                fen_per_hour: r.fen_per_hour,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    rates.sort_by_key(|r| PayType::ALL.iter().position(|p| *p == r.pay_type));
    Ok(rates)
}

pub async fn save_rates(store: &Store, rates: &[LabourRate]) -> Result<()> {
    let mut tx = store.write_tx().await?;
    for rate in rates {
        let pay_type = rate.pay_type.as_str();
        sqlx::query!(
            "INSERT INTO labour_rate (pay_type, fen_per_hour) VALUES (?1, ?2)
             ON CONFLICT (pay_type) DO UPDATE SET fen_per_hour = excluded.fen_per_hour",
            pay_type,
            rate.fen_per_hour
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Parts whose number or name contains `query` (the first 200 for an empty query).
pub async fn parts(store: &Store, query: &str) -> Result<Vec<Part>> {
    let query = query.trim();
    Ok(sqlx::query_as!(
        Part,
        r#"SELECT id AS "id?", part_no, name, unit, unit_price_fen, on_hand_hundredths FROM part
           WHERE ?1 = '' OR instr(part_no, upper(?1)) > 0 OR instr(name, ?1) > 0
           ORDER BY part_no LIMIT 200"#,
        query
    )
    .fetch_all(store.reader())
    .await?)
}

pub async fn part_count(store: &Store) -> Result<i64> {
    Ok(sqlx::query_scalar!("SELECT COUNT(*) FROM part")
        .fetch_one(store.reader())
        .await?)
}

/// Stock on hand of a part, inside the caller's transaction.
pub(crate) async fn on_hand(conn: &mut SqliteConnection, part_id: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar!("SELECT on_hand_hundredths FROM part WHERE id = ?1", part_id)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn save_part(store: &Store, part: &Part) -> Result<i64> {
    let mut conn = store.writer().acquire().await?;
    save_part_in(&mut conn, part).await.map_err(|e| match e {
        Error::Database(db) => duplicate(db, "partNo", "零件号", "part number"),
        other => other,
    })
}

async fn save_part_in(conn: &mut SqliteConnection, part: &Part) -> Result<i64> {
    let now = Utc::now();
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO part (id, part_no, name, unit, unit_price_fen, on_hand_hundredths, updated_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
           ON CONFLICT (id) DO UPDATE SET part_no = excluded.part_no, name = excluded.name,
               unit = excluded.unit, unit_price_fen = excluded.unit_price_fen,
               on_hand_hundredths = excluded.on_hand_hundredths, updated_at = excluded.updated_at
           RETURNING id AS "id!""#,
        part.id,
        part.part_no,
        part.name,
        part.unit,
        part.unit_price_fen,
        part.on_hand_hundredths,
        now
    )
    .fetch_one(conn)
    .await?)
}

/// Adds new part numbers and updates known ones, all in one transaction.
pub async fn upsert_parts(store: &Store, parts: &[Part]) -> Result<()> {
    let mut tx = store.write_tx().await?;
    for part in parts {
        let known: Option<i64> =
            sqlx::query_scalar!("SELECT id FROM part WHERE part_no = ?1", part.part_no)
                .fetch_optional(&mut *tx)
                .await?;
        save_part_in(
            &mut tx,
            &Part {
                id: known,
                ..part.clone()
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
