//! Network pictures: a report's services and relations placed by ForceAtlas2 (the `fa2` crate,
//! graphology's implementation of Gephi's default layout, which researchers know from Gephi and
//! PARTNER-like tools), drawn as inline SVG by [`maud`], so that every label is escaped like the
//! rest of the page.
//!
//! The layout is deterministic: it starts from `fa2`'s circular layout and runs single-threaded
//! for a fixed number of iterations. Only the drawing is ours: boxes centred on the positions,
//! straight edges cut at the boxes' borders.

use maud::{Markup, html};

use super::detail::Network;

/// Font size of a box label, in SVG user units.
const FONT: f64 = 11.0;
/// The longest label drawn in a box; longer names are shortened with "…" (the full name is in
/// the box's tooltip and in the drill-down).
pub(super) const LABEL_CHARS: usize = 24;

/// A box placed by the layout: its top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Placed {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

/// The result of a layout: a box per node, an SVG path per edge, and the picture's size.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    pub(super) nodes: Vec<Placed>,
    pub(super) edges: Vec<EdgePath>,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// An edge as routed: the SVG path data and whether an arrow head is drawn at either end.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct EdgePath {
    pub(super) d: String,
    pub(super) start_head: bool,
    pub(super) end_head: bool,
}

/// Lays out the boxes by ForceAtlas2 (the `fa2` crate: the graphology implementation of Gephi's
/// default layout), started from a circle so that the result is deterministic, then scaled so
/// that linked boxes sit about [`EDGE_LENGTH`] apart; edges are straight lines cut at the boxes'
/// borders.
pub(super) fn layout(labels: &[String], edges: &[(usize, usize, bool)]) -> Layout {
    use fa2::{FA2Data, FA2Settings};
    let n = labels.len();
    if n == 0 {
        return Layout::default();
    }
    let mut data = FA2Data::<f64>::with_capacity(n, edges.len());
    for _ in 0..n {
        data.add_node();
    }
    data.apply_circular_layout();
    for &(a, b, _) in edges {
        data.add_edge(a, b);
    }
    // Strong gravity keeps separate components and lone services near the middle rather than
    // at the far edges of a mostly empty picture.
    let mut fa = FA2Settings::from_graph_order(n)
        .gravity(GRAVITY)
        .build(data);
    fa.run(ITERATIONS);
    let points: Vec<(f64, f64)> = fa.data().positions().collect();
    // Scale: the median length of an edge becomes EDGE_LENGTH.
    let mut lengths: Vec<f64> = edges
        .iter()
        .map(|&(a, b, _)| {
            let (p, q) = (points[a], points[b]);
            ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
        })
        .filter(|l| *l > 0.0)
        .collect();
    lengths.sort_by(f64::total_cmp);
    let scale = lengths
        .get(lengths.len() / 2)
        .map_or(1.0, |m| EDGE_LENGTH / m);
    let sizes: Vec<(f64, f64)> = labels
        .iter()
        .map(|l| (label_width(l), FONT * 2.0))
        .collect();
    let min_x = (0..n)
        .map(|i| points[i].0 * scale - sizes[i].0 / 2.0)
        .fold(f64::INFINITY, f64::min);
    let min_y = (0..n)
        .map(|i| points[i].1 * scale - sizes[i].1 / 2.0)
        .fold(f64::INFINITY, f64::min);
    let nodes: Vec<Placed> = (0..n)
        .map(|i| Placed {
            x: points[i].0 * scale - sizes[i].0 / 2.0 - min_x + MARGIN,
            y: points[i].1 * scale - sizes[i].1 / 2.0 - min_y + MARGIN,
            w: sizes[i].0,
            h: sizes[i].1,
        })
        .collect();
    let width = nodes.iter().map(|p| p.x + p.w).fold(0.0, f64::max) + MARGIN;
    let height = nodes.iter().map(|p| p.y + p.h).fold(0.0, f64::max) + MARGIN;
    // Several relations between the same two services (an agreement and a meeting) are drawn as
    // a fan of gentle curves, so that each can be seen and clicked.
    let mut pairs: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
    let rank: Vec<usize> = edges
        .iter()
        .map(|&(a, b, _)| {
            let n = pairs.entry((a.min(b), a.max(b))).or_default();
            *n += 1;
            *n - 1
        })
        .collect();
    let edges = edges
        .iter()
        .zip(rank)
        .map(|(&(a, b, directed), k)| {
            let m = pairs[&(a.min(b), a.max(b))];
            let (from, to) = (nodes[a], nodes[b]);
            let (ca, cb) = (centre(from), centre(to));
            let start = border(from, cb);
            let end = border(to, ca);
            let d = if m == 1 {
                format!("M{:.1} {:.1}L{:.1} {:.1}", start.0, start.1, end.0, end.1)
            } else {
                // The offset is perpendicular to the pair's line in one fixed direction (from the
                // lower to the higher index), so that a→b and b→a edges fan apart too.
                let (p, q) = if a < b { (ca, cb) } else { (cb, ca) };
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let offset = (k as f64 - (m as f64 - 1.0) / 2.0) * FAN;
                let mid = ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0);
                let c = (
                    mid.0 - dy / len * offset * 2.0,
                    mid.1 + dx / len * offset * 2.0,
                );
                format!(
                    "M{:.1} {:.1}Q{:.1} {:.1},{:.1} {:.1}",
                    start.0, start.1, c.0, c.1, end.0, end.1
                )
            };
            EdgePath {
                d,
                start_head: false,
                end_head: directed,
            }
        })
        .collect();
    Layout {
        nodes,
        edges,
        width,
        height,
    }
}

/// ForceAtlas2 iterations: enough for the networks of a report (up to some hundred services) to
/// settle.
const ITERATIONS: usize = 600;
/// Gravity (graphology suggests 0.05 for its strong-gravity mode; more keeps the picture compact).
const GRAVITY: f64 = 1.0;
/// The median edge length after scaling, in SVG user units.
const EDGE_LENGTH: f64 = 230.0;
/// The distance between the curves of parallel relations at their middle, in SVG user units.
const FAN: f64 = 9.0;
/// Space around the picture.
const MARGIN: f64 = 12.0;

fn centre(p: Placed) -> (f64, f64) {
    (p.x + p.w / 2.0, p.y + p.h / 2.0)
}

/// Where the line from the centre of box `p` towards `towards` leaves the box.
fn border(p: Placed, towards: (f64, f64)) -> (f64, f64) {
    let c = centre(p);
    let (dx, dy) = (towards.0 - c.0, towards.1 - c.1);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let tx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (p.w / 2.0) / dx.abs()
    };
    let ty = if dy == 0.0 {
        f64::INFINITY
    } else {
        (p.h / 2.0) / dy.abs()
    };
    let t = tx.min(ty).min(1.0);
    (c.0 + dx * t, c.1 + dy * t)
}

/// The width of a box for `label` as drawn (shortened to [`LABEL_CHARS`]).
fn label_width(label: &str) -> f64 {
    let chars = label.chars().count().min(LABEL_CHARS + 1) as f64;
    chars * FONT * 0.58 + 16.0
}

/// The label as drawn in its box.
pub(super) fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The shared SVG definitions (arrow heads), drawn once per page and referenced by every network
/// picture by fragment (`url(#arrow-end)`), never by an external address.
pub(super) fn defs() -> Markup {
    html! {
        svg class="defs" width="0" height="0" aria-hidden="true" {
            defs {
                marker id="arrow-end" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="7" refX="10" refY="3.5" orient="auto" {
                    polygon points="0 0, 10 3.5, 0 7" fill="context-stroke" {}
                }
                marker id="arrow-start" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="7" refX="0" refY="3.5" orient="auto" {
                    polygon points="10 0, 10 7, 0 3.5" fill="context-stroke" {}
                }
            }
        }
    }
}

/// One report's network picture. Every box and edge carries the drill-down items (its evidence)
/// in `data-items`; labels are text, escaped by maud.
pub(super) fn picture(net: &Network) -> Markup {
    let (w, h) = (net.width.max(40.0), net.height.max(40.0));
    html! {
        svg class="network" role="img" viewBox=(format!("0 0 {w:.0} {h:.0}"))
            width=(format!("{w:.0}")) height=(format!("{h:.0}")) {
            title { "Services and relations of " (net.report) }
            @for e in &net.edges {
                g class=(format!("edge {}", e.class)) data-items=(e.items) tabindex="0" {
                    title { (e.title) }
                    path d=(e.d) fill="none"
                        marker-end=[e.end_head.then_some("url(#arrow-end)")]
                        marker-start=[e.start_head.then_some("url(#arrow-start)")] {}
                }
            }
            @for n in &net.nodes {
                g class=(format!("node {}", n.class)) data-items=(n.items) tabindex="0" {
                    title { (n.title) }
                    rect x=(format!("{:.1}", n.x)) y=(format!("{:.1}", n.y))
                        width=(format!("{:.1}", n.w)) height=(format!("{:.1}", n.h)) rx="4" {}
                    text x=(format!("{:.1}", n.x + n.w / 2.0)) y=(format!("{:.1}", n.y + n.h / 2.0 + 4.0))
                        text-anchor="middle" { (n.label) }
                    @if let Some(mark) = &n.mark {
                        circle class="mark" cx=(format!("{:.1}", n.x + n.w + 6.0)) cy=(format!("{:.1}", n.y - 4.0)) r="8" {}
                        text class="mark" x=(format!("{:.1}", n.x + n.w + 6.0)) y=(format!("{:.1}", n.y - 1.0))
                            text-anchor="middle" { (mark) }
                    }
                }
            }
        }
    }
}
