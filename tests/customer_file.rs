//! The full customer file on a real SQLite file: save, edit with check-and-set, contacts,
//! points, grades, lists and search by every kind of key.

mod common;

use servicebay::Store;
use servicebay::customer::grading::GradeBands;
use servicebay::customer::{self, ContactChannel, ContactLine, CustomerInput, OtherPhone};
use servicebay::vehicle::{self, VehicleInput};

use common::fresh_store;

async fn names(store: &Store, query: &str) -> Vec<String> {
    customer::store::search(store, query)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.name)
        .collect()
}

#[tokio::test]
async fn a_file_is_saved_edited_and_guarded_against_a_stale_edit() {
    let (_dir, store) = fresh_store().await;
    let input = CustomerInput {
        birthday: "1985-03-08".into(),
        employer: "京东方科技".into(),
        other_phones: vec![OtherPhone {
            number: "010-6543 2100".into(),
            label: "办公室".into(),
        }],
        ..CustomerInput::person("王建国", "13812348000")
    };
    let saved = customer::save(&store, &input).await.unwrap();
    assert_eq!(saved.customer.version, Some(1));
    assert_eq!(saved.customer.other_phones[0].number, "01065432100");

    let edit = CustomerInput {
        address: "北京市朝阳区建国路1号".into(),
        ..saved.customer.clone()
    };
    let edited = customer::save(&store, &edit).await.unwrap();
    assert_eq!(
        (edited.customer.version, edited.customer.address.as_str()),
        (Some(2), "北京市朝阳区建国路1号")
    );

    // A second desk still holding version 1 is refused, and nothing of its edit is stored.
    let stale = CustomerInput {
        address: "上海".into(),
        ..saved.customer
    };
    assert_eq!(
        customer::save(&store, &stale).await.unwrap_err().code(),
        "conflict"
    );
    assert_eq!(
        customer::store::get(&store, edited.customer.id.unwrap())
            .await
            .unwrap()
            .customer
            .address,
        "北京市朝阳区建国路1号"
    );
}

#[tokio::test]
async fn a_refused_file_stores_nothing() {
    let (_dir, store) = fresh_store().await;
    let bad = CustomerInput {
        birthday: "1985/13/40".into(),
        ..CustomerInput::person("赵敏", "13600001111")
    };
    let err = customer::save(&store, &bad).await.unwrap_err();
    assert_eq!((err.code(), err.field()), ("validation", Some("birthday")));
    assert!(names(&store, "赵敏").await.is_empty());
}

#[tokio::test]
async fn contacts_and_points_are_logged_on_the_file() {
    let (_dir, store) = fresh_store().await;
    let id = customer::save(&store, &CustomerInput::person("李娜", "13987650000"))
        .await
        .unwrap()
        .customer
        .id
        .unwrap();
    let call = ContactLine {
        at: chrono::Utc::now(),
        channel: ContactChannel::Call,
        staff_name: "韩晓雪".into(),
        subject: "保养提醒".into(),
        outcome: "已预约周六".into(),
    };
    let file = customer::log_contact(&store, id, &call).await.unwrap();
    assert_eq!(file.contacts[0].subject, "保养提醒");
    let file = customer::add_points(&store, id, 120, "保养消费积分")
        .await
        .unwrap();
    assert_eq!(file.points, 120);
    let err = customer::add_points(&store, id, -500, "兑换礼品")
        .await
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("points"),
        "cannot redeem more than the balance"
    );
    assert_eq!(
        customer::add_points(&store, id, -100, "兑换洗车券")
            .await
            .unwrap()
            .points,
        20
    );
}

#[tokio::test]
async fn every_kind_of_key_finds_the_customer() {
    let (_dir, store) = fresh_store().await;
    let wang = customer::save(
        &store,
        &CustomerInput {
            employer: "京东方科技".into(),
            ..CustomerInput::person("王建国", "13812348000")
        },
    )
    .await
    .unwrap();
    customer::save(&store, &CustomerInput::person("李娜", "13987650000"))
        .await
        .unwrap();
    let vehicle = VehicleInput {
        vin: "1HGCM82633A004352".into(),
        ..VehicleInput::new(wang.customer.id.unwrap(), "京A·D12345")
    };
    vehicle::save(&store, &vehicle).await.unwrap();
    for query in [
        "京AD1",
        "AD123",
        "D1234",
        "1234",
        "8000",
        "13812348000",
        "王建国",
        "王建",
        "wjg",
        "wangjian",
        "004352",
        "1HGCM82633A004352",
        "京东方",
    ] {
        assert_eq!(names(&store, query).await, vec!["王建国"], "{query}");
    }
    assert_eq!(
        names(&store, "李娜").await,
        vec!["李娜"],
        "two-character names are found"
    );
    assert_eq!(names(&store, "ln").await, vec!["李娜"]);
}

#[tokio::test]
async fn the_demo_has_grades_birthdays_lost_customers_and_key_customers() {
    let (_dir, store) = fresh_store().await;
    servicebay::demo::seed(&store).await.unwrap();
    let today = servicebay::dealership::store::today(&store).await.unwrap();
    let lists = customer::store::lists(&store, today).await.unwrap();
    assert_eq!(lists.top_by_revenue.len(), 10);
    assert!(
        lists
            .top_by_revenue
            .windows(2)
            .all(|w| w[0].revenue_fen >= w[1].revenue_fen)
    );
    assert!(!lists.birthdays_this_month.is_empty());
    assert!(!lists.lost_6_months.is_empty() && !lists.lost_12_months.is_empty());
    let first = customer::store::get(&store, lists.top_by_revenue[0].customer_id)
        .await
        .unwrap();
    let lowered = first.grade_reason.zh_cn.contains("降一级");
    assert!(
        first.grade.as_deref() == Some("A") || lowered,
        "the top spender is an A customer: {}",
        first.grade_reason.zh_cn
    );
    assert!(first.grade_reason.zh_cn.contains('¥') && first.grade_reason.en.contains('¥'));
    assert!(!first.visits.is_empty() && !first.points_ledger.is_empty());
    let future: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM service_visit WHERE visit_date > ?1")
            .bind(today.to_string())
            .fetch_one(store.reader())
            .await
            .unwrap();
    assert_eq!(future, 0, "no demo visit lies in the future");
    // Grades were computed today, so the daily recompute has nothing to do.
    assert!(customer::regrade_if_stale(&store).await.unwrap().is_none());
}

#[tokio::test]
async fn grade_bands_are_a_setting_the_next_regrade_uses() {
    let (_dir, store) = fresh_store().await;
    servicebay::demo::seed(&store).await.unwrap();
    let before = customer::regrade(&store).await.unwrap();
    let refused = GradeBands {
        a_percent: 30.0,
        b_percent: 10.0,
        c_percent: 50.0,
    };
    assert_eq!(
        customer::store::save_grade_bands(&store, refused)
            .await
            .unwrap_err()
            .field(),
        Some("bPercent")
    );
    assert_eq!(
        customer::store::grade_bands(&store).await.unwrap(),
        GradeBands::default(),
        "nothing stored on refusal"
    );
    let wider = GradeBands {
        a_percent: 10.0,
        b_percent: 30.0,
        c_percent: 60.0,
    };
    customer::store::save_grade_bands(&store, wider)
        .await
        .unwrap();
    let after = customer::regrade(&store).await.unwrap();
    assert!(
        after.a > before.a && after.d < before.d,
        "{before:?} -> {after:?}"
    );
}
