//! The page template: the view model as HTML, built with maud (every text escaped).

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::svg;
use super::view::{Heatmap, Page, severity_class};
use crate::taxonomy::{Owner, Severity, Status, Vocabulary};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// The page.
pub(super) fn page(p: &Page) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (p.title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (svg::defs())
                header {
                    h1 { (p.title) }
                    p.scope { (p.scope) }
                    p.rule { strong { "Counting unit: municipalities. " } (p.counting_rule) }
                    p.howto { "Every coloured cell, name and finding below opens its evidence: click it (or press Enter) to see each quote with its source file, line and the surrounding lines of the source text." }
                    nav {
                        a href="#corpus" { "Reports" } " · "
                        a href="#heatmap" { "Heatmap" } " · "
                        a href="#recurrence" { "Recurrence and similarity" } " · "
                        a href="#followups" { "Follow-ups" } " · "
                        a href="#reports" { "Per report" } " · "
                        a href="#codebook" { "Codebook" }
                    }
                }
                main {
                    (corpus(p))
                    (heatmap_section(p))
                    (recurrence(p))
                    (followups(p))
                    (details(p))
                    (codebook(p))
                }
                aside #panel hidden aria-live="polite" {
                    div.panel-head {
                        h2 #panel-title { "Evidence" }
                        button #panel-close type="button" aria-label="Close the evidence panel" { "×" }
                    }
                    div #panel-body {}
                }
                script type="application/json" #data { (PreEscaped(&p.data_json)) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn corpus(p: &Page) -> Markup {
    html! {
        section #corpus {
            h2 { "The reports" }
            p { (p.scope) " One row per report (unit: reports); " em { "counted for" } " names the municipalities whose heatmap row it is." }
            table.reports.paged data-page="50" {
                thead { tr {
                    th { "report" } th { "municipalities" } th { "year" } th { "genre" }
                    th { "provenance" } th { "counted for" }
                    th.num { "services" } th.num { "relations" } th.num { "current gaps" }
                    th.num { "resolved gaps" } th.num { "recommendations" }
                } }
                tbody {
                    @for r in &p.reports {
                        tr data-report=(r.id) {
                            td title=(r.title) {
                                @if let Some(a) = &r.anchor { a href=(format!("#{a}")) { (r.id) } } @else { (r.id) }
                                " "
                                button.ev type="button" data-items=(r.items) title=(format!("Where {} states its title, auditor and date", r.id)) { "source" }
                            }
                            td { (r.municipalities) } td { (r.year) } td { (r.genre) }
                            td { (r.provenance) } td { (r.counted_for) }
                            td.num { (r.services) } td.num { (r.relations) } td.num { (r.gaps) }
                            td.num { (r.resolved) } td.num { (r.recommendations) }
                        }
                    }
                }
            }
        }
    }
}

fn heatmap_section(p: &Page) -> Markup {
    html! {
        section #heatmap {
            h2 { "Coordination gaps: heatmap" }
            p { "Rows are municipalities (each counted once) or, with the switch, every report; columns are gap categories. A cell's number is the count of current gaps of that category (resolved gaps are left out), its colour the highest severity among them. Hover a column head for the codebook label; click a cell for the gaps and their evidence." }
            (legend())
            div.switch role="radiogroup" aria-label="Rows" {
                input #unit-m type="radio" name="unit" value="municipalities" checked;
                label for="unit-m" { "Municipalities (" (p.by_municipality.rows.len()) ")" }
                input #unit-r type="radio" name="unit" value="reports";
                label for="unit-r" { "Reports (" (p.by_report.rows.len()) ")" }
                (heatmap(p, &p.by_municipality, "heat-m"))
                (heatmap(p, &p.by_report, "heat-r"))
            }
        }
    }
}

fn legend() -> Markup {
    html! {
        p.legend {
            "Highest severity: "
            @for s in [Severity::Improvement, Severity::Risk, Severity::Breach] {
                span class=(format!("swatch sev-{}", s.word())) { (s.english()) }
                " (" (s.norwegian()) ") "
            }
        }
    }
}

fn heatmap(p: &Page, h: &Heatmap, class: &str) -> Markup {
    html! {
        div class=(format!("heat-wrap {class}")) {
            table class="heat paged" data-unit=(h.unit) data-page="60" {
                caption { "Gap categories by " (h.unit) " (unit: " (h.unit) "; number = current gaps in the cell)" }
                thead { tr {
                    th.rowhead scope="col" { (if h.unit == "municipalities" { "municipality (report counted)" } else { "report (municipalities)" }) }
                    @for c in &p.columns {
                        th.col scope="col" title=(format!("{} — {} / {}", c.word, c.norwegian, c.english)) {
                            span { (c.english) }
                        }
                    }
                } }
                tbody {
                    @for row in &h.rows {
                        tr data-report=(row.report) {
                            th.rowhead scope="row" {
                                (row.label)
                                span.sub { " " (row.sub) }
                            }
                            @for cell in &row.cells {
                                @if let Some(cell) = cell {
                                    td class=(severity_class(cell.highest)) data-items=(cell.items) tabindex="0" {
                                        (cell.count)
                                    }
                                } @else {
                                    td {}
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn recurrence(p: &Page) -> Markup {
    html! {
        section #recurrence {
            h2 { "Recurring gaps" }
            p { "Gap categories found in at least two municipalities (unit: municipalities, of " (p.n_municipalities) "). Click a municipality for its gaps of the category." }
            @if p.recurring.is_empty() {
                p.none { "No gap category is found in two or more municipalities." }
            } @else {
                table.recurring {
                    thead { tr { th { "gap category" } th.num { "municipalities" } th { "which" } } }
                    tbody {
                        @for r in &p.recurring {
                            tr {
                                td title=(format!("{} / {}", r.column.norwegian, r.column.word)) { (r.column.english) }
                                td.num { "in " (r.municipalities.len()) " of " (p.n_municipalities) " municipalities" }
                                td {
                                    @for (i, (m, items)) in r.municipalities.iter().enumerate() {
                                        @if i > 0 { ", " }
                                        button.ev type="button" data-items=(items) { (m) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Nearest municipalities" }
            p { "For each municipality, the others whose counted reports have the most similar set of gap categories (Jaccard index: shared ÷ either; unit: municipalities). This is the crate's computation, not a finding of any report." }
            @if p.neighbours.is_empty() {
                p.none { "Fewer than two municipalities, or nearest turned off." }
            } @else {
                table.neighbours.paged data-page="40" {
                    thead { tr { th { "municipality" } th { "nearest" } th.num { "Jaccard" } th { "shared" } th { "only here" } th { "only there" } } }
                    tbody {
                        @for n in &p.neighbours {
                            @for (i, o) in n.nearest.iter().enumerate() {
                                tr {
                                    @if i == 0 { th rowspan=(n.nearest.len()) { (n.municipality) span.sub { " " (n.report) } } }
                                    td { (o.municipality) span.sub { " " (o.report) }
                                        @if let Some(c) = &o.caveat { br; span.caveat { "Note: " (c) } } }
                                    td.num { (format!("{:.2}", o.jaccard)) }
                                    td { (o.shared.join(", ")) }
                                    td { (o.only_here.join(", ")) }
                                    td { (o.only_there.join(", ")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn followups(p: &Page) -> Markup {
    html! {
        section #followups {
            h2 { "Follow-ups" }
            p { "For each report with a follow-up: every decision point, recommendation and gap of the earlier report, with the status the later report states. Where it states none, the page says so and labels what the crate infers from gaps of the same category and services as its inference. Click a row for the evidence." }
            @if p.followups.is_empty() {
                p.none { "No report in the corpus follows up another." }
            }
            @for f in &p.followups {
                details.followup open[p.followups.len() <= 5] {
                    summary { (f.earlier) " → " (f.later) " (" (f.rows.len()) " items; " (f.new_gaps) " new gaps)" }
                    table {
                        thead { tr { th { "item" } th { "what the earlier report says" } th { "status in " (f.later) } th { "basis" } } }
                        tbody {
                            @for r in &f.rows {
                                tr.ev-row data-items=(r.items) tabindex="0" {
                                    td { (r.what) }
                                    td { (r.text) }
                                    td class=(if r.stated { "stated" } else { "unstated" }) { (r.status) }
                                    td { (r.basis) }
                                }
                            }
                        }
                    }
                    @if f.new_gaps > 0 {
                        p { button.ev type="button" data-items=(f.new_gap_items) { (f.new_gaps) " gaps of " (f.later) " linked to no earlier item" } }
                    }
                }
            }
        }
    }
}

fn details(p: &Page) -> Markup {
    html! {
        section #reports {
            h2 { "Per report" }
            (network_legend())
            @if p.details_left_out > 0 {
                p.note { "Sections are shown for the first " (p.max_details) " reports by id; " (p.details_left_out) " more are in the table and the heatmap only. To see one, render a selection of the corpus (Corpus::select) or raise Options::max_details." }
            }
            @for d in &p.details {
                article.report id=(d.anchor) {
                    h3 { (d.id) ": " (d.title) }
                    p.meta { (d.meta) }
                    div.network-wrap { (svg::picture(&d.network)) }
                    h4 { "Structure of the network of working relations" }
                    @if d.structure.is_empty() {
                        p.none { "No broker, cut point or bridge: the working relations form no such shape." }
                    } @else {
                        table.structure {
                            thead { tr { th { "finding (the crate's computation)" } th { "service" } th { "basis" } } }
                            tbody {
                                @for s in &d.structure {
                                    tr.ev-row data-items=(s.items) tabindex="0" { td { (s.what) } td { (s.service) } td { (s.basis) } }
                                }
                            }
                        }
                    }
                    h4 { "Reference check: what the law expects, as the record describes it" }
                    table.reference {
                        thead { tr { th { "expectation" } th { "legal ground" } th { "finding" } th { "basis (items of the record)" } } }
                        tbody {
                            @for r in &d.reference {
                                tr.ev-row data-items=(r.items) tabindex="0" {
                                    td { strong { (r.expectation) } br; (r.description) }
                                    td { (r.legal) }
                                    td class=(r.finding_class) { (r.finding) }
                                    td { (r.basis) }
                                }
                            }
                        }
                    }
                    h4 { "Recommendations" }
                    @if d.recommendations.is_empty() {
                        p.none { "The record has no recommendations." }
                    } @else {
                        ol.recs {
                            @for r in &d.recommendations {
                                li {
                                    button.ev type="button" data-items=(r.items) { (r.number) } " " (r.text)
                                    @if !r.gaps.is_empty() {
                                        span.sub { " — addresses: "
                                            @for (i, (g, items)) in r.gaps.iter().enumerate() {
                                                @if i > 0 { ", " }
                                                button.ev type="button" data-items=(items) { (g) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn network_legend() -> Markup {
    html! {
        div.legend.network-legend {
            p { "Network pictures: a box per service, filled by owner; a line per relation, styled by status; dotted grey lines join a unit to the unit it belongs to (organisational, not collaboration). "
                span.markkey { "B" } " broker (highest betweenness), " span.markkey { "C" } " cut point; both computed over working (functioning or strained) relations, with their basis in the table below each picture. Click a box or line for its evidence." }
            p {
                "Owner: "
                @for o in Owner::ALL {
                    span class=(format!("swatch own-{}", o.word())) { (o.english()) } " "
                }
                span class="swatch own-none" { "not stated" }
            }
            p {
                "Relation status: "
                @for s in Status::ALL {
                    svg.key width="34" height="10" aria-hidden="true" { g class=(format!("edge st-{}", s.word())) { path d="M2 5H32" {} } }
                    " " (s.english()) "  "
                }
            }
        }
    }
}

fn codebook(p: &Page) -> Markup {
    html! {
        section #codebook {
            h2 { "Codebook: gap categories in this page" }
            table.codebook {
                thead { tr { th { "word" } th { "norsk" } th { "English" } } }
                tbody {
                    @for c in &p.columns {
                        tr { td { code { (c.word) } } td { (c.norwegian) } td { (c.english) } }
                    }
                }
            }
        }
    }
}
