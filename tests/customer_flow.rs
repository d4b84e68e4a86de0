//! Customer files on a real SQLite file: open, refuse, find again.

mod common;

use servicebay::customer::{self, CustomerDraft};

use common::fresh_store;

fn draft(name: &str, mobile: &str, plate: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        mobile: mobile.into(),
        plate: plate.into(),
        allow_duplicate_mobile: false,
    }
}

#[tokio::test]
async fn a_customer_is_found_by_plate_with_or_without_province_and_by_mobile() {
    let (_dir, store) = fresh_store().await;
    let opened = customer::create(&store, &draft("王建国", "138 1234 8000", "京a·12345"))
        .await
        .unwrap();
    assert_eq!(opened.plates, vec!["京A·12345"]);
    customer::create(&store, &draft("李娜", "13987650000", "沪B12399"))
        .await
        .unwrap();

    for query in [
        "京A12345",
        "京A·123",
        "京a1",
        "A123",
        "a12345",
        "8000",
        "13812348000",
        "138-1234-8000",
        "王建",
        "王建国",
    ] {
        let hits = customer::store::search(&store, query).await.unwrap();
        assert_eq!(
            hits.len(),
            1,
            "{query} finds exactly one customer: {hits:?}"
        );
        assert_eq!(hits[0].name, "王建国", "{query}");
        assert_eq!(hits[0].mobile_masked, "138****8000");
    }
    assert!(
        customer::store::search(&store, "京B")
            .await
            .unwrap()
            .is_empty()
    );
    // Four digits are the end of a mobile or any part of a plate: 1234 is inside 京A·12345.
    let by_plate_part = customer::store::search(&store, "1234").await.unwrap();
    assert_eq!(by_plate_part.len(), 1);
    assert_eq!(by_plate_part[0].name, "王建国");
    assert!(
        customer::store::search(&store, "9999")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        customer::store::search(&store, "")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn refused_input_stores_nothing() {
    let (_dir, store) = fresh_store().await;
    for (bad, field) in [
        (draft("", "13812348000", "京A12345"), "name"),
        (draft("王建国", "1381234800", "京A12345"), "mobile"),
        (draft("王建国", "13812348000", "京AO2345"), "plate"),
    ] {
        let err = customer::create(&store, &bad).await.unwrap_err();
        assert_eq!((err.code(), err.field()), ("validation", Some(field)));
    }
    for query in ["王建国", "京A12345", "8000"] {
        assert!(
            customer::store::search(&store, query)
                .await
                .unwrap()
                .is_empty(),
            "{query}"
        );
    }
}

#[tokio::test]
async fn a_plate_already_on_file_is_refused_and_the_second_customer_is_not_stored() {
    let (_dir, store) = fresh_store().await;
    customer::create(&store, &draft("王建国", "13812348000", "京A12345"))
        .await
        .unwrap();
    let err = customer::create(&store, &draft("赵敏", "13600001111", "京A·12345"))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("plate"));
    assert!(err.message_zh().contains("已在档"), "{err}");
    assert!(
        customer::store::search(&store, "赵敏")
            .await
            .unwrap()
            .is_empty(),
        "no half-stored customer"
    );
}

#[tokio::test]
async fn the_demo_dealership_loads_once_into_an_empty_database() {
    let (_dir, store) = fresh_store().await;
    let summary = servicebay::demo::seed(&store).await.unwrap();
    assert_eq!((summary.customers, summary.vehicles), (200, 200));
    assert!(summary.staff >= 10);
    let dealership = servicebay::dealership::store::get(&store)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(dealership, summary.dealership);
    let err = servicebay::demo::seed(&store).await.unwrap_err();
    assert_eq!(err.code(), "conflict");
    let first = servicebay::demo::demo_customers(1).remove(0);
    let hits = customer::store::search(&store, &first.plate.key())
        .await
        .unwrap();
    assert_eq!(hits[0].name, first.name);
}

#[tokio::test]
async fn a_mobile_already_on_file_is_refused_naming_the_customer_unless_confirmed() {
    let (_dir, store) = fresh_store().await;
    let first = customer::create(&store, &draft("王建国", "13812348000", "京A12345"))
        .await
        .unwrap();
    let err = customer::create(&store, &draft("王芳", "138 1234 8000", "京B54321"))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        ("duplicate_mobile", Some("mobile"))
    );
    assert!(
        err.message_zh()
            .contains(&format!("#{}", first.customer_id))
            && err.message_zh().contains("王建国"),
        "names the other customer: {}",
        err.message_zh()
    );
    assert!(
        customer::store::search(&store, "京B54321")
            .await
            .unwrap()
            .is_empty(),
        "nothing stored"
    );
    let confirmed = CustomerDraft {
        allow_duplicate_mobile: true,
        ..draft("王芳", "138 1234 8000", "京B54321")
    };
    customer::create(&store, &confirmed).await.unwrap();
    assert_eq!(
        customer::store::search(&store, "13812348000")
            .await
            .unwrap()
            .len(),
        2
    );
}
