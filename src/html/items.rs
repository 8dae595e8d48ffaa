//! The drill-down items: every gap, relation, service, recommendation, decision, follow-up item
//! and report the page links to, each added once, with its evidence and the source lines around
//! each quote, embedded in the page as one JSON block.
//!
//! The JSON is compact so that a page of 1,000 reports stays small: reports and source documents
//! are numbered once, vocabulary words are labelled once (`vocab`), and an item's evidence is
//! `[source number, line, quote]`. Source lines are kept once however many quotes cite them.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::evidence::Sources;
use crate::model::{Evidence, Report};
use crate::taxonomy::{FindingTerm, GapCategory, Severity, StatedIn, Vocabulary};

/// One drill-down item as embedded in the page.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Item<'c> {
    /// Kind: `gap`, `relation`, `service`, `recommendation`, `decision`, `follow-up`, `report`.
    pub(super) k: &'static str,
    /// The report, as an index into `reports`.
    pub(super) r: usize,
    /// The item's id in its report.
    pub(super) id: &'c str,
    /// Headline: summary, text or name.
    pub(super) h: &'c str,
    /// A gap's category, severity, the report's own word and where it is stated (vocabulary
    /// words, labelled in `vocab`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) c: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) s: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) t: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) w: Option<&'static str>,
    /// Other labelled fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) f: Vec<(&'static str, String)>,
    /// Evidence: `[source index, line, quote]`.
    pub(super) e: Vec<(usize, usize, &'c str)>,
    /// The record's note on the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) n: Option<&'c str>,
}

/// Labels of the vocabulary words items use: `word → [norsk, English]`.
#[derive(Debug, Serialize)]
struct Vocab {
    category: BTreeMap<&'static str, (&'static str, &'static str)>,
    severity: BTreeMap<&'static str, (&'static str, &'static str)>,
    term: BTreeMap<&'static str, (&'static str, &'static str)>,
    stated: BTreeMap<&'static str, (&'static str, &'static str)>,
}

fn labels<V: Vocabulary>() -> BTreeMap<&'static str, (&'static str, &'static str)> {
    V::ALL
        .iter()
        .map(|v| (v.word(), (v.norwegian(), v.english())))
        .collect()
}

/// The page's JSON.
#[derive(Debug, Serialize)]
struct Data<'a, 'c> {
    /// Lines shown before and after a quote's line.
    context: usize,
    reports: &'a [&'c str],
    sources: &'a [&'c str],
    vocab: Vocab,
    items: &'a [Item<'c>],
    /// `lines[source index][line]`: the text of a source line near a quote.
    lines: &'a BTreeMap<usize, BTreeMap<usize, &'c str>>,
    /// Source indices of documents cited but not given.
    missing: Vec<usize>,
}

/// The items, each added once, and the source lines they need.
pub(super) struct Items<'c> {
    list: Vec<Item<'c>>,
    index: HashMap<(&'c str, &'static str, &'c str), usize>,
    reports: Vec<&'c str>,
    report_index: HashMap<&'c str, usize>,
    source_names: Vec<&'c str>,
    /// Per source index: its lines, or `None` when the document was not given.
    source_lines: Vec<Option<Vec<&'c str>>>,
    source_index: HashMap<&'c str, usize>,
    lines: BTreeMap<usize, BTreeMap<usize, &'c str>>,
    context: usize,
    sources: &'c Sources,
}

impl<'c> Items<'c> {
    /// An empty list; quotes are shown with `context` lines around them, from `sources`.
    pub(super) fn new(sources: &'c Sources, context: usize) -> Items<'c> {
        Items {
            list: Vec::new(),
            index: HashMap::new(),
            reports: Vec::new(),
            report_index: HashMap::new(),
            source_names: Vec::new(),
            source_lines: Vec::new(),
            source_index: HashMap::new(),
            lines: BTreeMap::new(),
            context,
            sources,
        }
    }

    fn report(&mut self, report: &'c Report) -> usize {
        let id = report.id.as_str();
        if let Some(&i) = self.report_index.get(id) {
            return i;
        }
        self.reports.push(id);
        self.report_index.insert(id, self.reports.len() - 1);
        self.reports.len() - 1
    }

    fn source(&mut self, name: &'c str) -> usize {
        if let Some(&i) = self.source_index.get(name) {
            return i;
        }
        self.source_names.push(name);
        self.source_lines
            .push(self.sources.text(name).map(|t| t.lines().collect()));
        self.source_index.insert(name, self.source_names.len() - 1);
        self.source_names.len() - 1
    }

    /// The evidence of an item, its sources numbered and the lines around each quote kept.
    fn evidence(&mut self, list: &'c [Evidence]) -> Vec<(usize, usize, &'c str)> {
        list.iter()
            .map(|e| {
                let s = self.source(&e.source);
                self.keep_context(s, e.line, &e.quote);
                (s, e.line, e.quote.as_str())
            })
            .collect()
    }

    /// Keeps `context` lines before the stated line, and after it as many as the quote may span
    /// plus `context` (a quote may start up to [`crate::evidence::LINE_TOLERANCE`] lines from
    /// the stated line, so the default context of 3 covers that).
    fn keep_context(&mut self, source: usize, line: usize, quote: &str) {
        let Some(lines) = &self.source_lines[source] else {
            return;
        };
        let span = quote.chars().count() / 50 + 1;
        let first = line.saturating_sub(self.context).max(1);
        let last = (line + span + self.context).min(lines.len());
        let keep = self.lines.entry(source).or_default();
        for n in first..=last {
            keep.insert(n, lines[n - 1]);
        }
    }

    /// Adds an item once per report, kind and id, and returns its index.
    fn add(
        &mut self,
        report: &'c Report,
        k: &'static str,
        id: &'c str,
        build: impl FnOnce(&mut Self, usize) -> Item<'c>,
    ) -> usize {
        let key = (report.id.as_str(), k, id);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let r = self.report(report);
        let item = build(self, r);
        self.list.push(item);
        self.index.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// The JSON block, safe inside `<script type="application/json">`.
    pub(super) fn json(&self) -> String {
        let data = Data {
            context: self.context,
            reports: &self.reports,
            sources: &self.source_names,
            vocab: Vocab {
                category: labels::<GapCategory>(),
                severity: labels::<Severity>(),
                term: labels::<FindingTerm>(),
                stated: labels::<StatedIn>(),
            },
            items: &self.list,
            lines: &self.lines,
            missing: (0..self.source_names.len())
                .filter(|&i| self.source_lines[i].is_none())
                .collect(),
        };
        // Serialising plain data with string keys cannot fail.
        let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
        script_safe(&json)
    }

    /// The gap `gap_id` of `report`, when it has one.
    pub(super) fn gap(&mut self, report: &'c Report, gap_id: &str) -> Option<usize> {
        let gap = report.gap(gap_id)?;
        Some(self.add(report, "gap", &gap.id, |items, r| {
            let mut f = Vec::new();
            if !gap.services.is_empty() {
                let names: Vec<&str> = gap
                    .services
                    .iter()
                    .map(|s| report.service(s.as_str()).map_or(s.as_str(), |s| &s.name))
                    .collect();
                f.push(("services", names.join(", ")));
            }
            if !gap.legal.is_empty() {
                let legal: Vec<&str> = gap.legal.iter().map(|l| l.text()).collect();
                f.push(("legal", legal.join("; ")));
            }
            Item {
                k: "gap",
                r,
                id: &gap.id,
                h: &gap.summary,
                c: Some(gap.category.word()),
                s: Some(gap.severity.word()),
                t: gap.term.map(|t| t.word()),
                w: gap.stated_in.map(|s| s.word()),
                f,
                e: items.evidence(&gap.evidence),
                n: gap.note.as_deref(),
            }
        }))
    }

    /// The relation at `index` of `report`.
    pub(super) fn relation(&mut self, report: &'c Report, index: usize) -> usize {
        let rel = &report.relations[index];
        let name = |id: &str| {
            report
                .service(id)
                .map_or(id.to_string(), |s| s.name.clone())
        };
        self.add(report, "relation", &rel.id, |items, r| Item {
            k: "relation",
            r,
            id: &rel.id,
            h: &rel.summary,
            c: None,
            s: None,
            t: None,
            w: None,
            f: vec![
                (
                    "between",
                    format!("{} — {}", name(rel.from.as_str()), name(rel.to.as_str())),
                ),
                (
                    "status",
                    format!("{} ({})", rel.status.english(), rel.status.norwegian()),
                ),
                (
                    "kinds",
                    rel.kinds
                        .iter()
                        .map(|k| k.english())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("level", rel.level.english().to_string()),
            ],
            e: items.evidence(&rel.evidence),
            n: rel.note.as_deref(),
        })
    }

    /// The service at `index` of `report`.
    pub(super) fn service(&mut self, report: &'c Report, index: usize) -> usize {
        let svc = &report.services[index];
        self.add(report, "service", svc.id.as_str(), |items, r| Item {
            k: "service",
            r,
            id: svc.id.as_str(),
            h: &svc.name,
            c: None,
            s: None,
            t: None,
            w: None,
            f: vec![
                ("kind", svc.resolved_kind().english().to_string()),
                (
                    "owner",
                    svc.owner.map_or("not stated", |o| o.english()).to_string(),
                ),
                ("status", svc.status.english().to_string()),
            ],
            e: items.evidence(&svc.evidence),
            n: svc.note.as_deref(),
        })
    }

    /// The report itself: where its title, auditor and date (and its closing) are stated.
    pub(super) fn report_item(&mut self, report: &'c Report) -> usize {
        self.add(report, "report", report.id.as_str(), |items, r| {
            let mut f = vec![
                (
                    "auditor",
                    report
                        .auditor
                        .as_deref()
                        .unwrap_or("not stated")
                        .to_string(),
                ),
                (
                    "year",
                    report
                        .year
                        .map_or("not stated".to_string(), |y| y.to_string()),
                ),
                ("genre", report.genre.english().to_string()),
                ("scope", report.scope.english().to_string()),
            ];
            if let Some(d) = &report.derived_from {
                f.push(("derived from", d.to_string()));
            }
            if let Some(c) = &report.closed {
                f.push((
                    "case closed",
                    c.date
                        .clone()
                        .unwrap_or_else(|| "date not stated".to_string()),
                ));
            }
            if let Some(d) = &report.draft {
                f.push(("machine-made draft", d.clone()));
            }
            let mut e = items.evidence(&report.evidence);
            if let Some(c) = &report.closed {
                e.extend(items.evidence(&c.evidence));
            }
            Item {
                k: "report",
                r,
                id: report.id.as_str(),
                h: report.title_or_unstated(),
                c: None,
                s: None,
                t: None,
                w: None,
                f,
                e,
                n: report.note.as_deref(),
            }
        })
    }

    /// Any item of `report` with id `id`: gap, relation, service, recommendation, decision or
    /// follow-up item.
    pub(super) fn any(&mut self, report: &'c Report, id: &str) -> Option<usize> {
        if let Some(i) = self.gap(report, id) {
            return Some(i);
        }
        if let Some(i) = report.relations.iter().position(|r| r.id == id) {
            return Some(self.relation(report, i));
        }
        if let Some(i) = report.services.iter().position(|s| s.id.as_str() == id) {
            return Some(self.service(report, i));
        }
        let plain = |k, id, h, f, n| Item {
            k,
            r: 0,
            id,
            h,
            c: None,
            s: None,
            t: None,
            w: None,
            f,
            e: Vec::new(),
            n,
        };
        if let Some(rec) = report.recommendations.iter().find(|r| r.id == id) {
            return Some(
                self.add(report, "recommendation", &rec.id, |items, r| Item {
                    r,
                    e: items.evidence(&rec.evidence),
                    ..plain(
                        "recommendation",
                        &rec.id,
                        &rec.text,
                        vec![("number", rec.number.clone())],
                        rec.note.as_deref(),
                    )
                }),
            );
        }
        if let Some(d) = report.decisions.iter().find(|d| d.id == id) {
            return Some(self.add(report, "decision", &d.id, |items, r| Item {
                r,
                e: items.evidence(&d.evidence),
                ..plain(
                    "decision",
                    &d.id,
                    &d.text,
                    vec![
                        ("body", d.body.clone()),
                        ("case", d.case.clone()),
                        ("point", d.number.clone()),
                    ],
                    d.note.as_deref(),
                )
            }));
        }
        if let Some(fu) = report.follow_ups.iter().find(|f| f.id == id) {
            return Some(self.add(report, "follow-up", &fu.id, |items, r| Item {
                r,
                e: items.evidence(&fu.evidence),
                ..plain(
                    "follow-up",
                    &fu.id,
                    &fu.summary,
                    vec![
                        ("of", format!("{} / {}", fu.of.report, fu.of.item)),
                        (
                            "status as stated",
                            format!("{} ({})", fu.status.english(), fu.status.norwegian()),
                        ),
                    ],
                    fu.note.as_deref(),
                )
            }));
        }
        None
    }
}

/// JSON made safe inside `<script type="application/json">`: `<`, `>` and `&` can only occur in
/// JSON strings, where their `\u` escapes mean the same, so no `</script>` or `<!--` survives.
pub(super) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Item indices as the `data-items` attribute holds them: space-separated.
pub(super) fn join(items: impl IntoIterator<Item = usize>) -> String {
    let mut s = String::new();
    for i in items {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&i.to_string());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_leaves_no_closing_tag_and_parses_back() {
        let json = serde_json::to_string(&"</script><!-- & \u{2028}").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }
}
