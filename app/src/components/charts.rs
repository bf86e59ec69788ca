//! Charts of a staged count (IRV, STV), drawn as SVG on the server so they show without
//! JavaScript: bars of every option's total at each stage, and a Sankey diagram of how votes
//! moved between stages. Each is a picture of the stage table printed beside it (its
//! accessible alternative); the numbers that decide anything are the table's, exact, never
//! these drawing coordinates.

use crate::api::rounds::StageTable;
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const BAR: f64 = 18.0;
const LABEL: f64 = 150.0;

/// A cell of the stage table as a number for drawing (empty: out of the count).
fn value(cell: &str) -> f64 {
    cell.parse::<f64>().unwrap_or(0.0)
}

fn largest(table: &StageTable) -> f64 {
    table
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|c| value(c)))
        .fold(0.0, f64::max)
        .max(1.0)
}

/// Colours that keep 3:1 contrast against the page in light and dark schemes.
const COLOURS: [&str; 8] = [
    "#1f6feb", "#b35900", "#1a7f37", "#a40e26", "#6e40c9", "#0a7f86", "#7d4e00", "#bf3989",
];

fn colour(i: usize) -> &'static str {
    COLOURS.get(i % COLOURS.len()).copied().unwrap_or("#1f6feb")
}

/// One bar chart per stage, titled `titles[stage]`: each option's total, the longest bar the
/// largest total.
#[component]
pub fn StageBars(table: StageTable, titles: Vec<String>) -> impl IntoView {
    let most = largest(&table);
    let options = table.rows.len();
    let height = (options as f64) * (BAR + 6.0) + 24.0;
    let scale = (WIDTH - LABEL - 70.0) / most;
    view! {
        <div class="charts">
            {table.stages.iter().enumerate().map(|(s, _)| {
                let title = titles.get(s).cloned().unwrap_or_default();
                let bars = table.rows.iter().enumerate().map(|(o, (name, cells))| {
                    let cell = cells.get(s).cloned().unwrap_or_default();
                    let y = 20.0 + (o as f64) * (BAR + 6.0);
                    let w = value(&cell) * scale;
                    view! {
                        <text x=(LABEL - 6.0).to_string() y=(y + BAR * 0.75).to_string() text-anchor="end">{name.clone()}</text>
                        <rect x=LABEL.to_string() y=y.to_string() width=w.max(0.0).to_string() height=BAR.to_string() fill=colour(o)></rect>
                        <text x=(LABEL + w + 4.0).to_string() y=(y + BAR * 0.75).to_string()>{cell}</text>
                    }
                }).collect_view();
                view! {
                    <figure class="chart">
                        <svg role="img" aria-label=title.clone() viewBox=format!("0 0 {WIDTH} {height}") width="100%">
                            <text x="0" y="14" class="chart-title">{title.clone()}</text>
                            {bars}
                        </svg>
                    </figure>
                }
            }).collect_view()}
        </div>
    }
}

/// How votes moved from each stage to the next: each option's band carries what it kept,
/// and what the options that lost votes gave is split among those that gained, in proportion
/// (exact for one elimination or one surplus per stage, as IRV and the Scottish rules do).
#[component]
pub fn Transfers(table: StageTable, label: String) -> impl IntoView {
    let stages = table.stages.len();
    let most_column = (0..stages)
        .map(|s| {
            table
                .rows
                .iter()
                .map(|(_, cells)| cells.get(s).map_or(0.0, |c| value(c)))
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
        .max(1.0);
    let gap = 6.0;
    let options = table.rows.len() as f64;
    let height = 320.0;
    let scale = (height - 40.0 - gap * options) / most_column;
    let step = if stages > 1 {
        (WIDTH - LABEL - 30.0) / ((stages - 1) as f64)
    } else {
        0.0
    };
    let node = 10.0;
    // The top of each option's node at each stage.
    let tops: Vec<Vec<f64>> = (0..stages)
        .map(|s| {
            let mut y = 30.0;
            table
                .rows
                .iter()
                .map(|(_, cells)| {
                    let top = y;
                    y += cells.get(s).map_or(0.0, |c| value(c)) * scale + gap;
                    top
                })
                .collect()
        })
        .collect();
    let at = |s: usize, o: usize| tops.get(s).and_then(|t| t.get(o)).copied().unwrap_or(0.0);
    let total = |s: usize, o: usize| {
        table
            .rows
            .get(o)
            .and_then(|(_, c)| c.get(s))
            .map_or(0.0, |c| value(c))
    };
    let mut bands = Vec::new();
    for s in 0..stages.saturating_sub(1) {
        let x0 = LABEL + (s as f64) * step + node;
        let x1 = LABEL + ((s + 1) as f64) * step;
        let n = table.rows.len();
        let kept: Vec<f64> = (0..n).map(|o| total(s, o).min(total(s + 1, o))).collect();
        let lost: Vec<f64> = (0..n)
            .map(|o| (total(s, o) - total(s + 1, o)).max(0.0))
            .collect();
        let gained: Vec<f64> = (0..n)
            .map(|o| (total(s + 1, o) - total(s, o)).max(0.0))
            .collect();
        let all_lost: f64 = lost.iter().sum();
        // Where the next band leaves from and arrives at, per option.
        let mut out_y: Vec<f64> = (0..n).map(|o| at(s, o)).collect();
        let mut in_y: Vec<f64> = (0..n).map(|o| at(s + 1, o)).collect();
        let mut band = |from: usize,
                        to: usize,
                        amount: f64,
                        out_y: &mut Vec<f64>,
                        in_y: &mut Vec<f64>| {
            let h = amount * scale;
            if h <= 0.0 {
                return;
            }
            let (Some(y0), Some(y1)) = (out_y.get(from).copied(), in_y.get(to).copied()) else {
                return;
            };
            let mid = (x0 + x1) / 2.0;
            let d = format!(
                "M{x0},{y0} C{mid},{y0} {mid},{y1} {x1},{y1} L{x1},{} C{mid},{} {mid},{} {x0},{} Z",
                y1 + h,
                y1 + h,
                y0 + h,
                y0 + h
            );
            if let Some(y) = out_y.get_mut(from) {
                *y += h;
            }
            if let Some(y) = in_y.get_mut(to) {
                *y += h;
            }
            bands.push(view! { <path d=d fill=colour(from) fill-opacity="0.45"></path> });
        };
        for o in 0..n {
            band(
                o,
                o,
                kept.get(o).copied().unwrap_or(0.0),
                &mut out_y,
                &mut in_y,
            );
        }
        if all_lost > 0.0 {
            for (from, l) in lost.iter().enumerate() {
                for (to, g) in gained.iter().enumerate() {
                    band(from, to, l * g / all_lost, &mut out_y, &mut in_y);
                }
            }
        }
    }
    let nodes = (0..stages)
        .flat_map(|s| {
            table
                .rows
                .iter()
                .enumerate()
                .map(|(o, _)| {
                    let h = total(s, o) * scale;
                    let x = LABEL + (s as f64) * step;
                    view! { <rect x=x.to_string() y=at(s, o).to_string() width=node.to_string() height=h.max(0.0).to_string() fill=colour(o)></rect> }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    let names = table
        .rows
        .iter()
        .enumerate()
        .map(|(o, (name, _))| {
            let y = at(0, o) + (total(0, o) * scale) / 2.0 + 4.0;
            view! { <text x=(LABEL - 6.0).to_string() y=y.to_string() text-anchor="end">{name.clone()}</text> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg role="img" aria-label=label.clone() viewBox=format!("0 0 {WIDTH} {height}") width="100%">
                <text x="0" y="14" class="chart-title">{label.clone()}</text>
                {bands}
                {nodes}
                {names}
            </svg>
        </figure>
    }
}
