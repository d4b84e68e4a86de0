//! 接车登记表: the walk-round of the car at check-in, signed by the customer: mileage, fuel
//! gauge, damage marked on the car outline (the same drawing the screen shows), items left,
//! the checks done, the customer's choices and the 5W2H statement.

use super::layout::{Align, Flow, Style, ascent, line_height};
use super::work_order::{
    Form, FormSize, choice_pairs, columns, continuation, customer_signs, first_page, heading,
    info_grid, interview, order_pairs, paragraph, signatures, table,
};
use crate::Result;
use crate::dealership::Dealership;
use crate::reception::{Outline, OutlineView, car_outline};
use crate::work_order::WorkOrder;

pub fn render(
    dealership: &Dealership,
    order: &WorkOrder,
    size: FormSize,
    tz: chrono_tz::Tz,
) -> Result<Vec<u8>> {
    let form = Form::of(size);
    let title = "接车登记表";
    let (first, top) = first_page(&form, dealership, title, order);
    let mut flow = Flow::new(first, top, form.bottom(), continuation(&form, title, order));
    info_grid(&mut flow, &form, &order_pairs(order, tz));
    let c = &order.check_in;

    // Fuel gauge: eight cells, the filled ones black.
    let cell = if size == FormSize::A4 { 6.0 } else { 5.0 };
    let top = flow.room(cell + 3.0) + 1.0;
    let page = flow.page();
    let label_y = top + cell * 0.8;
    page.text(form.margin, label_y, form.bold, Align::Left, "油量：空");
    let left = form.margin + 16.0;
    for eighth in 0..8 {
        let x = left + eighth as f32 * cell;
        page.rect(x, top, cell, cell, 0.6);
        if c.fuel_eighths.is_some_and(|f| eighth < f) {
            page.fill_rect(x + 0.6, top + 0.6, cell - 1.2, cell - 1.2);
        }
    }
    let fuel = c
        .fuel_eighths
        .map(|f| format!("满　（{f}/8）"))
        .unwrap_or_else(|| "满　（未填）".into());
    page.text(
        left + 8.0 * cell + 1.5,
        label_y,
        form.bold,
        Align::Left,
        &fuel,
    );
    flow.y = top + cell + 2.0;

    // The car outline, both views side by side, with the numbered marks.
    heading(
        &mut flow,
        &form,
        "外观检查（在图上标出划痕、凹陷、裂纹的位置）",
        0.0,
    );
    let views = car_outline();
    let gap = 6.0;
    let view_width =
        ((form.width() - gap) / 2.0).min(if size == FormSize::A4 { 88.0 } else { 80.0 });
    let scale = view_width / views[0].width;
    let view_height = views[0].height * scale;
    let top = flow.room(view_height + line_height(form.small) + 2.0);
    let label = |view: OutlineView| match view {
        OutlineView::Top => "俯视（车头朝左）",
        OutlineView::Side => "侧视（左侧）",
    };
    for (i, view) in views.iter().enumerate() {
        let left = form.margin + i as f32 * (view_width + gap);
        draw_view(
            flow.page(),
            view,
            left,
            top + line_height(form.small),
            scale,
        );
        flow.page().text(
            left,
            top + ascent(form.small),
            form.small,
            Align::Left,
            label(view.view),
        );
        for mark in c.damage.iter().filter(|m| m.view == view.view) {
            let (x, y) = (
                left + mark.x * scale,
                top + line_height(form.small) + mark.y * scale,
            );
            let page = flow.page();
            page.polyline(&octagon(x, y, 2.2), 0.8);
            page.text(
                x,
                y + 1.1,
                Style::bold(form.small.size),
                Align::Center,
                &mark.no.to_string(),
            );
        }
    }
    flow.y = top + view_height + line_height(form.small) + 2.0;
    if c.damage.is_empty() {
        paragraph(
            &mut flow,
            &form,
            form.body,
            0.0,
            "外观：未发现划痕、凹陷或裂纹。",
        );
    } else {
        let columns = columns(
            &form,
            &[
                ("编号", 8.0, Align::Center),
                ("位置", 16.0, Align::Center),
                ("类型", 12.0, Align::Center),
                ("说明", 64.0, Align::Left),
            ],
        );
        let rows: Vec<Vec<String>> = c
            .damage
            .iter()
            .map(|m| {
                vec![
                    m.no.to_string(),
                    label(m.view).chars().take(2).collect(),
                    m.kind.label_zh().to_string(),
                    m.note.clone(),
                ]
            })
            .collect();
        table(&mut flow, &form, &columns, &rows);
    }

    heading(
        &mut flow,
        &form,
        "车内物品与接车确认",
        line_height(form.body) * 2.0,
    );
    paragraph(
        &mut flow,
        &form,
        form.body,
        2.0,
        &format!(
            "车内物品：{}",
            if c.items_left.trim().is_empty() {
                "无"
            } else {
                c.items_left.trim()
            }
        ),
    );
    let top = flow.room(line_height(form.body) + 1.0);
    let baseline = top + ascent(form.body);
    let page = flow.page();
    let mut x = form.margin + 2.0;
    for (checked, text) in [
        (c.valuables_reminded, "已提醒客户带走贵重物品"),
        (
            c.covers_fitted,
            "已当面安装车辆护具（座椅套、方向盘套、脚垫）",
        ),
        (c.test_drive_consent, "客户同意路试"),
    ] {
        x = page.checkbox(x, baseline, form.body, checked, text) + 5.0;
    }
    flow.y = top + line_height(form.body) + 1.0;
    // The test-drive consent is ticked above; the other choices as the work order states them.
    let choices: Vec<_> = choice_pairs(order)
        .into_iter()
        .filter(|(label, _)| *label != "路试")
        .collect();
    info_grid(&mut flow, &form, &choices);
    interview(&mut flow, &form, &order.interview);
    paragraph(
        &mut flow,
        &form,
        form.small,
        0.0,
        "以上车辆状况经客户与服务顾问共同确认。车内贵重物品请客户自行带走，未取走的物品本店不承担保管责任。",
    );
    signatures(&mut flow, &form, &customer_signs(order));
    super::render(&format!("{title} {}", order.number), flow.finish())
}

fn draw_view(page: &mut super::layout::Page, view: &Outline, left: f32, top: f32, scale: f32) {
    for path in &view.paths {
        let points: Vec<(f32, f32)> = path
            .iter()
            .map(|[x, y]| (left + x * scale, top + y * scale))
            .collect();
        page.polyline(&points, 0.6);
    }
}

/// A small ring around a mark's number.
fn octagon(x: f32, y: f32, r: f32) -> Vec<(f32, f32)> {
    (0..=8)
        .map(|i| {
            let a = i as f32 * std::f32::consts::TAU / 8.0;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect()
}
