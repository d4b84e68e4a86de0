//! 打印测试页: proves the printer, the paper size and the font before a real paper is needed.

use chrono::Utc;

use super::layout::{Align, Column, Page, Paper, Style};
use crate::Result;
use crate::dealership::Dealership;
use crate::money::{format_yuan, to_capitals};

/// The sample amount printed in figures and in capitals.
pub const SAMPLE_FEN: i64 = 178_600;

pub fn render(dealership: &Dealership) -> Result<Vec<u8>> {
    let mut page = Page::new(Paper::A4_PORTRAIT);
    let mut y = super::dealership_header(&mut page, dealership, "打印测试页 Printer test page");
    let printed_at = Utc::now()
        .with_timezone(&dealership.tz())
        .format("%Y-%m-%d %H:%M");
    page.text(
        15.0,
        y,
        Style::regular(10.0),
        Align::Left,
        &format!("打印时间：{printed_at}"),
    );
    y += 6.0;
    let columns = [
        Column::new("序号", 14.0, Align::Center),
        Column::new("项目", 66.0, Align::Left),
        Column::new("数量", 20.0, Align::Right),
        Column::new("单价", 40.0, Align::Right),
        Column::new("金额", 40.0, Align::Right),
    ];
    let lines = [
        ("更换机油及机油滤清器", 1, 38_000),
        ("四轮定位", 1, 28_000),
        ("刹车片（前）", 2, 56_300),
    ];
    let rows: Vec<Vec<String>> = lines
        .iter()
        .enumerate()
        .map(|(i, (item, qty, price))| {
            vec![
                (i + 1).to_string(),
                item.to_string(),
                qty.to_string(),
                format_yuan(*price),
                format_yuan(price * qty),
            ]
        })
        .collect();
    y = page.table(15.0, y, &columns, &rows, Style::regular(10.0));
    let total: i64 = lines.iter().map(|(_, qty, price)| price * qty).sum();
    y += 8.0;
    page.text(
        15.0,
        y,
        Style::bold(11.0),
        Align::Left,
        &format!("合计（大写）：{}", to_capitals(total)),
    );
    page.text(
        195.0,
        y,
        Style::bold(11.0),
        Align::Right,
        &format!("合计：{}", format_yuan(total)),
    );
    y += 12.0;
    for line in [
        "本页用于检查打印机、纸张与字体：表格线应对齐，金额应右对齐，中文、数字与字母应清晰无缺字。",
        "This page checks the printer, the paper and the font: ruled lines align, amounts align right,",
        "Chinese, digits and letters print clearly with no blank boxes.",
    ] {
        page.text(15.0, y, Style::regular(9.0), Align::Left, line);
        y += 5.5;
    }
    page.rect(15.0, 250.0, 180.0, 25.0, 0.4);
    page.text(20.0, 258.0, Style::regular(10.0), Align::Left, "客户签字：");
    page.text(120.0, 258.0, Style::regular(10.0), Align::Left, "日期：");
    super::render("打印测试页", vec![page])
}
