//! 预约欢迎板: today's booked customers greeted at reception, A4 landscape in large type.
//! Only the time, surname with 先生/女士, plate and advisor: never a full name or a phone.

use super::layout::{Align, Column, Paper, Style};
use crate::Result;
use crate::appointment::WelcomeLine;
use crate::dealership::Dealership;

/// Rows of 22 pt type that fit under the title of an A4 landscape page.
const ROWS_PER_PAGE: usize = 8;

pub fn render(dealership: &Dealership, day: &str, lines: &[WelcomeLine]) -> Result<Vec<u8>> {
    let columns = [
        Column::new("序号", 24.0, Align::Center),
        Column::new("预约时间", 50.0, Align::Center),
        Column::new("客户", 70.0, Align::Center),
        Column::new("车牌", 70.0, Align::Center),
        Column::new("服务顾问", 53.0, Align::Center),
    ];
    let rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            vec![
                (i + 1).to_string(),
                if l.time.is_empty() {
                    "全天".into()
                } else {
                    l.time.clone()
                },
                l.greeting.clone(),
                l.plate.clone(),
                l.advisor.clone(),
            ]
        })
        .collect();
    let pages = super::paged(Paper::A4_LANDSCAPE, &rows, ROWS_PER_PAGE, |page, chunk| {
        let centre = page.paper().width / 2.0;
        page.text(
            centre,
            22.0,
            Style::bold(26.0),
            Align::Center,
            &format!("欢迎光临 {}", dealership.name),
        );
        page.text(
            centre,
            34.0,
            Style::bold(18.0),
            Align::Center,
            &format!("预约欢迎板　{day}"),
        );
        page.table(15.0, 42.0, &columns, chunk, Style::bold(22.0));
        if rows.is_empty() {
            page.text(
                centre,
                80.0,
                Style::regular(18.0),
                Align::Center,
                "今日暂无预约",
            );
        }
    });
    super::render("预约欢迎板", pages)
}
