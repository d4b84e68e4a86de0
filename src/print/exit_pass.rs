//! 出门证: the small pass (A6 landscape, the size of half an A5 sheet) the guard checks at the
//! gate. Plate in large type, customer, work order, advisor, cashier, time issued, and a QR
//! code of the signed token, with the token printed under it for typing by hand.

use super::layout::{Align, Page, Paper, Style};
use crate::Result;
use crate::dealership::Dealership;
use crate::gate::{PassKind, PassLine};

/// A6 landscape: 148 × 105 mm.
pub const A6_LANDSCAPE: Paper = Paper {
    width: 148.0,
    height: 105.0,
};

pub fn render(dealership: &Dealership, pass: &PassLine) -> Result<Vec<u8>> {
    let paper = A6_LANDSCAPE;
    let mut page = Page::new(paper);
    let (margin, centre) = (7.0, paper.width / 2.0);
    let right = paper.width - margin;
    page.rect(4.0, 4.0, paper.width - 8.0, paper.height - 8.0, 1.0);
    page.text(
        centre,
        12.0,
        Style::bold(10.0),
        Align::Center,
        &dealership.name,
    );
    let title = match pass.kind {
        PassKind::Settled => "出 门 证".to_string(),
        kind => format!("出门证（{}）", kind.label_zh()),
    };
    page.text(centre, 21.0, Style::bold(15.0), Align::Center, &title);
    page.line((margin, 24.5), (right, 24.5), 0.6);
    // The plate, large, for the guard to match against the car.
    page.text(margin, 37.0, Style::bold(24.0), Align::Left, &pass.plate);
    let qr = 40.0;
    let qr_x = right - qr;
    page.qr(qr_x, 27.0, qr, &pass.token);
    page.text(
        qr_x + qr / 2.0,
        27.0 + qr + 3.5,
        Style::regular(6.5),
        Align::Center,
        &pass.token,
    );
    let body = Style::regular(9.0);
    let rows = [
        ("客户", pass.customer_name.as_str()),
        ("工单号", pass.work_order_number.as_str()),
        ("服务顾问", pass.advisor_name.as_str()),
        ("开具人", pass.issued_by.as_str()),
        ("开具时间", pass.issued_at.as_str()),
        ("事由", pass.note.as_str()),
    ];
    let mut y = 46.0;
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        page.text_fit(
            margin,
            y,
            qr_x - margin - 3.0,
            body,
            Align::Left,
            &format!("{label}：{value}"),
        );
        y += 6.0;
    }
    page.line((margin, 88.0), (right, 88.0), 0.4);
    page.text(
        margin,
        93.5,
        Style::regular(7.5),
        Align::Left,
        "一车一证，出门一次有效；门卫扫码核验后放行。",
    );
    page.text(
        right,
        93.5,
        Style::regular(8.5),
        Align::Right,
        "门卫签字：__________",
    );
    super::render(&format!("出门证 {}", pass.plate), vec![page])
}
