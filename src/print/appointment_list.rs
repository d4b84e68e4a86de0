//! 预约客户一览表: the day's bookings for the desk, with phone numbers to call (A4 portrait).

use super::PrintedBy;
use super::layout::{Align, Column, Paper, Style};
use crate::Result;
use crate::appointment::BookingLine;
use crate::dealership::Dealership;

/// Rows that fit under the header of an A4 portrait page at 10 pt.
const ROWS_PER_PAGE: usize = 30;

pub fn render(
    dealership: &Dealership,
    day: &str,
    bookings: &[BookingLine],
    by: &PrintedBy,
) -> Result<Vec<u8>> {
    let columns = [
        Column::new("序号", 12.0, Align::Center),
        Column::new("客户", 28.0, Align::Left),
        Column::new("车牌", 26.0, Align::Left),
        Column::new("预约编号", 30.0, Align::Left),
        Column::new("电话", 28.0, Align::Left),
        Column::new("预约时间", 20.0, Align::Center),
        Column::new("服务顾问", 20.0, Align::Left),
        Column::new("状态", 16.0, Align::Center),
    ];
    let rows: Vec<Vec<String>> = bookings
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vec![
                (i + 1).to_string(),
                b.customer_name.clone(),
                b.plate.clone(),
                b.number.clone(),
                b.mobile.clone(),
                b.slot.clone().unwrap_or_else(|| "不定时".into()),
                b.advisor_name.clone(),
                b.status.label_zh().to_string(),
            ]
        })
        .collect();
    let pages = super::paged(Paper::A4_PORTRAIT, &rows, ROWS_PER_PAGE, |page, chunk| {
        let mut y = super::dealership_header(page, dealership, "预约客户一览表");
        page.text(
            15.0,
            y,
            Style::regular(10.0),
            Align::Left,
            &format!("预约日期：{day}　　共 {} 位", rows.len()),
        );
        page.text(195.0, y, Style::regular(10.0), Align::Right, &by.line());
        y += 4.0;
        let bottom = page.table(15.0, y, &columns, chunk, Style::regular(10.0));
        if rows.is_empty() {
            page.text(
                105.0,
                bottom + 10.0,
                Style::regular(11.0),
                Align::Center,
                "当日没有预约",
            );
        }
    });
    super::render("预约客户一览表", pages)
}
