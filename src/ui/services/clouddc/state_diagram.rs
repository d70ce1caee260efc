//! The CloudDC lifecycle drawn as SVG from the model in `skyglass_core::services::clouddc::lifecycle`: all six states,
//! every documented transition with its label; the current state highlighted and the
//! transitions possible from it emphasised.

use leptos::prelude::*;
use skyglass_core::services::clouddc::lifecycle::{State, DIAGRAM_STATES, TRANSITIONS};

const NODE_W: f64 = 128.0;
const NODE_H: f64 = 38.0;
const START: (f64, f64) = (36.0, 60.0);
/// How far each arrow bows to its left, so that A→B and B→A do not overlap.
const BEND: f64 = 22.0;

/// Where each state sits (centre points in an 880×450 view box), laid out so that no two
/// transition labels overlap.
fn position(state: &State) -> (f64, f64) {
    match state {
        State::Pending => (170.0, 60.0),
        State::Running => (600.0, 60.0),
        State::Error => (380.0, 240.0),
        State::Stopped => (760.0, 240.0),
        State::ShuttingDown => (170.0, 400.0),
        State::Terminated => (620.0, 400.0),
        State::Other(_) => START,
    }
}

/// Which side an arrow bows to: left of its direction of travel, except the bottom
/// arrow, which bows below so its label clears the long DeleteInstance arrow.
fn bend(from: Option<&State>, to: &State) -> f64 {
    match (from, to) {
        (Some(State::ShuttingDown), State::Terminated) => -BEND,
        _ => BEND,
    }
}

/// Where the segment from the centre of a box towards `toward` leaves the box.
fn exit_point(center: (f64, f64), toward: (f64, f64), half_w: f64, half_h: f64) -> (f64, f64) {
    let (dx, dy) = (toward.0 - center.0, toward.1 - center.1);
    if dx == 0.0 && dy == 0.0 {
        return center;
    }
    let scale = 1.0 / f64::max(dx.abs() / half_w, dy.abs() / half_h);
    (center.0 + dx * scale, center.1 + dy * scale)
}

/// The path and label position of one arrow.
fn arrow(from: Option<&State>, to: &State) -> (String, (f64, f64)) {
    let (hw, hh) = (NODE_W / 2.0 + 4.0, NODE_H / 2.0 + 4.0);
    let b = position(to);
    if from == Some(to) {
        // A self-loop below the box.
        let (x, y) = (b.0, b.1 + NODE_H / 2.0);
        let d = format!(
            "M {} {y} C {} {} {} {} {} {y}",
            x - 12.0,
            x - 40.0,
            y + 60.0,
            x + 40.0,
            y + 60.0,
            x + 12.0
        );
        return (d, (x, y + 62.0));
    }
    let a = from.map_or(START, position);
    let (sa_w, sa_h) = if from.is_some() { (hw, hh) } else { (8.0, 8.0) };
    let p0 = exit_point(a, b, sa_w, sa_h);
    let p1 = exit_point(b, a, hw, hh);
    let (mx, my) = ((p0.0 + p1.0) / 2.0, (p0.1 + p1.1) / 2.0);
    let len = ((p1.0 - p0.0).powi(2) + (p1.1 - p0.1).powi(2)).sqrt().max(1.0);
    // Left normal of the direction of travel.
    let (nx, ny) = ((p1.1 - p0.1) / len, -(p1.0 - p0.0) / len);
    let k = bend(from, to);
    let c = (mx + nx * k * 2.0, my + ny * k * 2.0);
    let d = format!(
        "M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}",
        p0.0, p0.1, c.0, c.1, p1.0, p1.1
    );
    // Labels sit just outside the curve; below-bowing ones a little further for the text height.
    let shift = if k < 0.0 { k * 1.4 - 8.0 } else { k * 1.4 };
    (d, (mx + nx * shift, my + ny * shift))
}

/// The diagram. `current` is the state as it arrived; `None` while unknown.
#[component]
pub fn StateDiagram(#[prop(into)] current: Signal<Option<String>>) -> impl IntoView {
    let current_state = Memo::new(move |_| current.get().map(|s| State::parse(&s)));
    let label = move || match current.get() {
        Some(s) => format!("CloudDC lifecycle state diagram; current state: {s}"),
        None => "CloudDC lifecycle state diagram".into(),
    };
    let arrows = TRANSITIONS
        .iter()
        .map(|t| {
            let (d, (lx, ly)) = arrow(t.from.as_ref(), &t.to);
            let from = t.from.clone();
            let possible = move || current_state.get().is_some() && current_state.get() == from;
            let from_name = t.from.as_ref().map_or("start", |s| s.as_str()).to_string();
            view! {
                <g class="diagram-edge" class:possible=possible data-from=from_name data-to=t.to.as_str().to_string()>
                    <path d=d marker-end="url(#arrowhead)"></path>
                    <text x=format!("{lx:.1}") y=format!("{ly:.1}") text-anchor="middle">{t.label}</text>
                </g>
            }
        })
        .collect_view();
    let nodes = DIAGRAM_STATES
        .iter()
        .map(|s| {
            let (x, y) = position(s);
            let name = s.as_str().to_string();
            let me = s.clone();
            let data_state = name.clone();
            let is_current = move || current_state.get().as_ref() == Some(&me);
            view! {
                <g class="diagram-node" class:current=is_current.clone() data-state=data_state
                    aria-current=move || is_current().then_some("true")>
                    <rect x=x - NODE_W / 2.0 y=y - NODE_H / 2.0 width=NODE_W height=NODE_H rx="8"></rect>
                    <text x=x y=y + 5.0 text-anchor="middle">{name}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="state-diagram">
            <div class="diagram-scroll">
            <svg viewBox="0 0 880 460" role="img" aria-label=label>
                <defs>
                    <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z"></path>
                    </marker>
                </defs>
                <circle class="diagram-start" cx=START.0 cy=START.1 r="8"></circle>
                {arrows}
                {nodes}
            </svg>
            </div>
            <figcaption>
                "The lifecycle the vendor documents. The current state is highlighted; the bold arrows are the transitions possible from it."
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_points_sit_on_the_box() {
        assert_eq!(exit_point((0.0, 0.0), (100.0, 0.0), 10.0, 5.0), (10.0, 0.0));
        assert_eq!(exit_point((0.0, 0.0), (0.0, -100.0), 10.0, 5.0), (0.0, -5.0));
    }
}
