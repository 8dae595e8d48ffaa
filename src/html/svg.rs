//! Network pictures: a report's services and relations laid out by `layout-rs` (a pure-Rust
//! Graphviz-style layered layout), drawn as inline SVG by [`maud`], so that every label is
//! escaped like the rest of the page.
//!
//! layout-rs places the boxes and routes the edges; it reports them through its
//! [`RenderBackend`] trait. [`Recorder`] implements that trait to keep only the geometry (which
//! box and which edge, by the index passed as its `properties`), and ignores layout-rs's own text
//! and colours: the page draws labels, colours and markers itself from the view model.

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use maud::{Markup, html};

use super::detail::Network;

/// layout-rs's edge-crossing optimisation is used for graphs of at most this many services; on
/// larger ones it takes seconds (0.1–1 s a graph), so they are laid out without it.
pub(super) const OPTIMISE_UP_TO: usize = 30;

/// Font size of a box label, in SVG user units.
const FONT: f64 = 12.0;
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

/// The result of a layout: a box per node, an SVG path per edge (`None` for an edge layout-rs
/// did not draw), and the picture's size.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    pub(super) nodes: Vec<Placed>,
    pub(super) edges: Vec<Option<EdgePath>>,
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

/// Lays out `labels.len()` boxes and the `edges` between them (indices into `labels`; `true`
/// for a directed edge). Self-loops are left out by the caller.
pub(super) fn layout(labels: &[String], edges: &[(usize, usize, bool)]) -> Layout {
    if labels.is_empty() {
        return Layout::default();
    }
    let mut vg = VisualGraph::new(Orientation::TopToBottom);
    let handles: Vec<_> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let size = Point::new(label_width(label), FONT * 2.0);
            let elem = Element::create_with_properties(
                ShapeKind::new_box(""),
                StyleAttr::simple(),
                Orientation::TopToBottom,
                size,
                format!("n{i}"),
            );
            vg.add_node(elem)
        })
        .collect();
    for (i, &(a, b, directed)) in edges.iter().enumerate() {
        let arrow = Arrow::with_properties(
            LineEndKind::None,
            if directed {
                LineEndKind::Arrow
            } else {
                LineEndKind::None
            },
            LineStyleKind::Normal,
            "",
            &StyleAttr::simple(),
            format!("e{i}"),
            &None,
            &None,
        );
        vg.add_edge(arrow, handles[a], handles[b]);
    }
    let mut rec = Recorder {
        layout: Layout {
            nodes: vec![Placed::default(); labels.len()],
            edges: vec![None; edges.len()],
            width: 0.0,
            height: 0.0,
        },
    };
    let optimise = labels.len() <= OPTIMISE_UP_TO;
    vg.do_it(false, !optimise, false, &mut rec);
    rec.layout
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

/// Keeps the geometry layout-rs reports; see the module documentation.
struct Recorder {
    layout: Layout,
}

impl Recorder {
    fn grow(&mut self, p: Point) {
        self.layout.width = self.layout.width.max(p.x + 8.0);
        self.layout.height = self.layout.height.max(p.y + 8.0);
    }
}

fn index(properties: &Option<String>, prefix: char) -> Option<usize> {
    properties.as_deref()?.strip_prefix(prefix)?.parse().ok()
}

impl RenderBackend for Recorder {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        if let Some(i) = index(&properties, 'n')
            && let Some(slot) = self.layout.nodes.get_mut(i)
        {
            *slot = Placed {
                x: xy.x,
                y: xy.y,
                w: size.x,
                h: size.y,
            };
            self.grow(Point::new(xy.x + size.x, xy.y + size.y));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(i) = index(&properties, 'e') else {
            return;
        };
        if path.len() < 2 || i >= self.layout.edges.len() {
            return;
        }
        for p in path {
            self.grow(p.0);
            self.grow(p.1);
        }
        // The path format of layout-rs's own SVG backend: an exit vector, then entry vectors.
        let mut d = format!(
            "M{:.1} {:.1}C{:.1} {:.1},{:.1} {:.1},{:.1} {:.1}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for p in &path[2..] {
            d.push_str(&format!(
                "S{:.1} {:.1},{:.1} {:.1}",
                p.0.x, p.0.y, p.1.x, p.1.y
            ));
        }
        self.layout.edges[i] = Some(EdgePath {
            d,
            start_head: head.0,
            end_head: head.1,
        });
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The shared SVG definitions (arrow heads), drawn once per page and referenced by every network
/// picture by fragment (`url(#arrow-end)`), never by an external address.
pub(super) fn defs() -> Markup {
    html! {
        svg class="defs" width="0" height="0" aria-hidden="true" {
            defs {
                marker id="arrow-end" markerWidth="10" markerHeight="7" refX="10" refY="3.5" orient="auto" {
                    polygon points="0 0, 10 3.5, 0 7" fill="context-stroke" {}
                }
                marker id="arrow-start" markerWidth="10" markerHeight="7" refX="0" refY="3.5" orient="auto" {
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
                        circle class="mark" cx=(format!("{:.1}", n.x + n.w)) cy=(format!("{:.1}", n.y)) r="8" {}
                        text class="mark" x=(format!("{:.1}", n.x + n.w)) y=(format!("{:.1}", n.y + 4.0))
                            text-anchor="middle" { (mark) }
                    }
                }
            }
        }
    }
}
