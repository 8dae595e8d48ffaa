//! Validation: every problem of a report, or of a corpus of reports, collected rather than the
//! first one only.
//!
//! A report is checked on its own ([`Report::validate`]): ids unique and well-formed, every
//! reference to a service, gap, criterion, question or relation defined, every item carrying
//! evidence with a non-empty quote and a line ≥ 1. A corpus adds the checks across reports
//! ([`crate::Corpus::from_reports`]): unique report ids, `follows_up` naming a loaded report,
//! no follow-up cycles, follow-up items pointing to real items. Quotes are checked against the
//! source documents separately, by [`crate::evidence`], because that needs the sources.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::error::{Error, Location};
use crate::model::{Evidence, Report, ReportId};
use crate::taxonomy::{Scope, ServiceKind};

impl Report {
    /// Every problem of this report on its own, in document order; empty when it is valid.
    ///
    /// # Example
    /// ```
    /// use samhandling::{Error, Report};
    ///
    /// let mut report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
    /// report.gaps[0].services.push("nav-askr".into());
    /// let problems = report.validate();
    /// assert!(matches!(&problems[0], Error::UnknownReference { id, .. } if id == "nav-askr"));
    /// # Ok::<(), samhandling::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Error> {
        let mut v = Validator {
            report: &self.id,
            errors: Vec::new(),
            ids: HashMap::new(),
        };
        v.check_report(self);
        v.errors
    }
}

/// Where an item stands: a section and index (`gaps`, 3), or the report itself. The JSON path of
/// a field is built only when a problem is reported, so a valid report costs no path strings.
#[derive(Debug, Clone, Copy)]
struct Item {
    section: &'static str,
    index: Option<usize>,
}

impl Item {
    const REPORT: Item = Item {
        section: "",
        index: None,
    };

    fn at(section: &'static str, index: usize) -> Item {
        Item {
            section,
            index: Some(index),
        }
    }

    /// The path of `field` of this item, with `sub` as a list index: `gaps[3].services[1]`.
    fn path(self, field: &str, sub: Option<usize>) -> String {
        let mut path = match self.index {
            Some(i) => format!("{}[{i}].{field}", self.section),
            None => field.to_string(),
        };
        if let Some(j) = sub {
            path.push_str(&format!("[{j}]"));
        }
        path
    }
}

struct Validator<'a> {
    report: &'a ReportId,
    errors: Vec<Error>,
    /// Every item id seen so far, with the item that first used it.
    ids: HashMap<&'a str, Item>,
}

impl<'a> Validator<'a> {
    fn push(
        &mut self,
        item: Item,
        field: &str,
        sub: Option<usize>,
        make: impl FnOnce(Location) -> Error,
    ) {
        let at = Location::new(self.report, item.path(field, sub));
        self.errors.push(make(at));
    }

    fn id(&mut self, item: Item, id: &'a str) {
        if id.is_empty() {
            self.push(item, "id", None, |at| Error::Empty { at, what: "id" });
            return;
        }
        if !id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
            let message = format!("id `{id}` may hold only letters, digits, `-`, `_` and `.`");
            self.push(item, "id", None, |at| Error::OutOfRange { at, message });
        }
        if let Some(first) = self.ids.get(id) {
            let first = first.path("id", None);
            let value = id.to_string();
            self.push(item, "id", None, |at| Error::Duplicate {
                at,
                what: "id",
                value,
                first,
            });
        } else {
            self.ids.insert(id, item);
        }
    }

    fn text(&mut self, item: Item, field: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.push(item, field, None, |at| Error::Empty { at, what: field });
        }
    }

    fn evidence(&mut self, item: Item, list: &[Evidence]) {
        self.evidence_at(item, "", list);
    }

    /// The evidence list at `{prefix}evidence` of `item` (`closed.evidence` of the report).
    fn evidence_at(&mut self, item: Item, prefix: &str, list: &[Evidence]) {
        if list.is_empty() {
            self.push(item, &format!("{prefix}evidence"), None, |at| {
                Error::Empty {
                    at,
                    what: "evidence (every item needs at least one {source, line, quote})",
                }
            });
        }
        for (j, ev) in list.iter().enumerate() {
            let field = |name: &str| format!("{prefix}evidence[{j}].{name}");
            if ev.source.trim().is_empty() {
                self.push(item, &field("source"), None, |at| Error::Empty {
                    at,
                    what: "source",
                });
            }
            if ev.quote.trim().is_empty() {
                self.push(item, &field("quote"), None, |at| Error::Empty {
                    at,
                    what: "quote",
                });
            }
            if ev.line == 0 {
                self.push(item, &field("line"), None, |at| Error::OutOfRange {
                    at,
                    message: "line 0: lines are counted from 1 (use the number `grep -n` shows)"
                        .to_string(),
                });
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn refers(
        &mut self,
        item: Item,
        field: &'static str,
        sub: Option<usize>,
        what: &'static str,
        section: &'static str,
        known: &BTreeSet<&str>,
        id: &str,
    ) {
        if !known.contains(id) {
            let id = id.to_string();
            self.push(item, field, sub, |at| Error::UnknownReference {
                at,
                what,
                section,
                id,
            });
        }
    }

    fn date(&mut self, item: Item, date: Option<&str>) {
        self.date_at(item, "date", date);
    }

    fn date_at(&mut self, item: Item, field: &str, date: Option<&str>) {
        let Some(date) = date else { return };
        let parts: Vec<&str> = date.split('-').collect();
        let ok = (1..=3).contains(&parts.len())
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            let message = format!("date `{date}` is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`");
            self.push(item, field, None, |at| Error::OutOfRange { at, message });
        }
    }

    fn unique_number<'n>(
        &mut self,
        seen: &mut BTreeMap<&'n str, Item>,
        item: Item,
        what: &'static str,
        number: &'n str,
    ) {
        self.text(item, "number", number);
        if let Some(first) = seen.get(number) {
            let first = first.path("number", None);
            let value = number.to_string();
            self.push(item, "number", None, |at| Error::Duplicate {
                at,
                what,
                value,
                first,
            });
        } else {
            seen.insert(number, item);
        }
    }

    fn check_report(&mut self, r: &'a Report) {
        let top = Item::REPORT;
        self.id(top, r.id.as_str());
        if let Some(title) = &r.title {
            self.text(top, "title", title);
        }
        if let Some(auditor) = &r.auditor {
            self.text(top, "auditor", auditor);
        }
        if r.municipalities.is_empty() && r.scope != Scope::National {
            self.push(top, "municipalities", None, |at| Error::Empty {
                at,
                what: "municipalities (only a report of scope `national` may name none)",
            });
        }
        if r.scope == Scope::District && r.districts.is_empty() {
            self.push(top, "districts", None, |at| Error::Empty {
                at,
                what: "districts (a report of scope `district` names its bydeler)",
            });
        }
        if r.scope != Scope::District && !r.districts.is_empty() {
            self.push(top, "scope", None, |at| Error::OutOfRange {
                at,
                message: "the report names districts, so its scope is `district`".to_string(),
            });
        }
        for (j, d) in r.districts.iter().enumerate() {
            if d.trim().is_empty() {
                self.push(top, "districts", Some(j), |at| Error::Empty {
                    at,
                    what: "district",
                });
            }
        }
        if let Some(year) = r.year
            && !(1900..=2100).contains(&year)
        {
            let message = format!("year {year} is outside 1900..=2100");
            self.push(top, "year", None, |at| Error::OutOfRange { at, message });
        }
        if let Some(closed) = &r.closed {
            self.date_at(top, "closed.date", closed.date.as_deref());
            self.evidence_at(top, "closed.", &closed.evidence);
        }
        if r.derived_from.as_ref() == Some(&r.id) {
            self.push(top, "derived_from", None, |at| Error::OutOfRange {
                at,
                message: "a record cannot be derived from itself".to_string(),
            });
        }
        self.date(top, r.date.as_deref());
        self.evidence(top, &r.evidence);
        if !r.follow_ups.is_empty() && r.follows_up.is_none() {
            self.push(top, "follows_up", None, |at| Error::Empty {
                at,
                what: "follows_up (the report has follow_ups, so name the report it follows up)",
            });
        }

        let services: BTreeSet<&str> = r.services.iter().map(|s| s.id.as_str()).collect();
        let gaps: BTreeSet<&str> = r.gaps.iter().map(|g| g.id.as_str()).collect();
        let criteria: BTreeSet<&str> = r.criteria.iter().map(|c| c.id.as_str()).collect();
        let questions: BTreeSet<&str> = r.questions.iter().map(|q| q.id.as_str()).collect();
        let relations: BTreeSet<&str> = r.relations.iter().map(|x| x.id.as_str()).collect();

        let mut numbers = BTreeMap::new();
        for (i, q) in r.questions.iter().enumerate() {
            let it = Item::at("questions", i);
            self.id(it, &q.id);
            self.text(it, "text", &q.text);
            self.unique_number(&mut numbers, it, "question number", &q.number);
            if let Some(parent) = &q.parent {
                self.refers(
                    it,
                    "parent",
                    None,
                    "question",
                    "questions",
                    &questions,
                    parent,
                );
            }
            self.evidence(it, &q.evidence);
        }
        for (i, c) in r.criteria.iter().enumerate() {
            let it = Item::at("criteria", i);
            self.id(it, &c.id);
            self.text(it, "text", &c.text);
            for (j, q) in c.questions.iter().enumerate() {
                self.refers(
                    it,
                    "questions",
                    Some(j),
                    "question",
                    "questions",
                    &questions,
                    q,
                );
            }
            self.evidence(it, &c.evidence);
        }
        let mut names: HashMap<String, Item> = HashMap::new();
        for (i, s) in r.services.iter().enumerate() {
            let it = Item::at("services", i);
            self.id(it, s.id.as_str());
            self.text(it, "name", &s.name);
            let key = s.name.trim().to_lowercase();
            if let Some(first) = names.get(&key) {
                let first = first.path("name", None);
                let value = s.name.clone();
                self.push(it, "name", None, |at| Error::Duplicate {
                    at,
                    what: "service name",
                    value,
                    first,
                });
            } else {
                names.insert(key, it);
            }
            if s.kind.is_none() && ServiceKind::from_local_name(&s.name).is_none() {
                self.push(it, "kind", None, |at| Error::Empty {
                    at,
                    what: "kind (the name is not in the alias lexicon, so state the kind)",
                });
            }
            if let Some(parent) = &s.parent {
                if parent == &s.id {
                    self.push(it, "parent", None, |at| Error::OutOfRange {
                        at,
                        message: "a service cannot be its own parent".to_string(),
                    });
                }
                self.refers(
                    it,
                    "parent",
                    None,
                    "service",
                    "services",
                    &services,
                    parent.as_str(),
                );
            }
            self.evidence(it, &s.evidence);
        }
        for (i, x) in r.relations.iter().enumerate() {
            let it = Item::at("relations", i);
            self.id(it, &x.id);
            self.refers(
                it,
                "from",
                None,
                "service",
                "services",
                &services,
                x.from.as_str(),
            );
            self.refers(
                it,
                "to",
                None,
                "service",
                "services",
                &services,
                x.to.as_str(),
            );
            if x.from == x.to {
                let message = format!(
                    "relation from `{}` to itself: a relation joins two different services",
                    x.from
                );
                self.push(it, "to", None, |at| Error::OutOfRange { at, message });
            }
            if x.kinds.is_empty() {
                self.push(it, "kinds", None, |at| Error::Empty { at, what: "kinds" });
            }
            self.text(it, "summary", &x.summary);
            self.evidence(it, &x.evidence);
        }
        for (i, g) in r.gaps.iter().enumerate() {
            let it = Item::at("gaps", i);
            self.id(it, &g.id);
            self.text(it, "summary", &g.summary);
            if let Some(term) = g.term
                && term.severity() != g.severity
            {
                let message = format!(
                    "the report's word `{term}` maps to severity `{}`, not `{}` (see docs/FORMAT.md, \"Severity\")",
                    term.severity(),
                    g.severity
                );
                self.push(it, "severity", None, |at| Error::OutOfRange { at, message });
            }
            for (j, s) in g.services.iter().enumerate() {
                self.refers(
                    it,
                    "services",
                    Some(j),
                    "service",
                    "services",
                    &services,
                    s.as_str(),
                );
            }
            for (j, x) in g.relations.iter().enumerate() {
                self.refers(
                    it,
                    "relations",
                    Some(j),
                    "relation",
                    "relations",
                    &relations,
                    x,
                );
            }
            for (j, c) in g.criteria.iter().enumerate() {
                self.refers(
                    it,
                    "criteria",
                    Some(j),
                    "criterion",
                    "criteria",
                    &criteria,
                    c,
                );
            }
            self.evidence(it, &g.evidence);
        }
        let mut numbers = BTreeMap::new();
        for (i, x) in r.recommendations.iter().enumerate() {
            let it = Item::at("recommendations", i);
            self.id(it, &x.id);
            self.text(it, "text", &x.text);
            self.unique_number(&mut numbers, it, "recommendation number", &x.number);
            for (j, g) in x.gaps.iter().enumerate() {
                self.refers(it, "gaps", Some(j), "gap", "gaps", &gaps, g);
            }
            self.evidence(it, &x.evidence);
        }
        for (i, c) in r.conclusions.iter().enumerate() {
            let it = Item::at("conclusions", i);
            self.id(it, &c.id);
            self.text(it, "summary", &c.summary);
            self.refers(
                it,
                "question",
                None,
                "question",
                "questions",
                &questions,
                &c.question,
            );
            self.evidence(it, &c.evidence);
        }
        for (i, d) in r.decisions.iter().enumerate() {
            let it = Item::at("decisions", i);
            self.id(it, &d.id);
            self.text(it, "text", &d.text);
            self.date(it, d.date.as_deref());
            self.evidence(it, &d.evidence);
        }
        for (i, f) in r.follow_ups.iter().enumerate() {
            let it = Item::at("follow_ups", i);
            self.id(it, &f.id);
            self.text(it, "summary", &f.summary);
            for (j, g) in f.gaps.iter().enumerate() {
                self.refers(it, "gaps", Some(j), "gap", "gaps", &gaps, g);
            }
            self.evidence(it, &f.evidence);
        }
        for (i, f) in r.figures.iter().enumerate() {
            let it = Item::at("figures", i);
            self.id(it, &f.id);
            self.text(it, "counts", &f.counts);
            if let (Some(lo), Some(hi)) =
                (f.value.as_f64(), f.max.as_ref().and_then(|m| m.as_f64()))
                && hi < lo
            {
                let message = format!("range {lo} to {hi}: `max` is below `value`");
                self.push(it, "max", None, |at| Error::OutOfRange { at, message });
            }
            for (j, s) in f.services.iter().enumerate() {
                self.refers(
                    it,
                    "services",
                    Some(j),
                    "service",
                    "services",
                    &services,
                    s.as_str(),
                );
            }
            self.evidence(it, &f.evidence);
        }
    }
}

/// The checks across the reports of a corpus: `follows_up` and follow-up items pointing to loaded
/// reports and real items, and no follow-up cycles. `reports` must have unique ids.
pub(crate) fn check_links(reports: &BTreeMap<ReportId, Report>) -> Vec<Error> {
    let mut errors = Vec::new();
    for (id, r) in reports {
        if let Some(earlier) = &r.follows_up
            && !reports.contains_key(earlier)
        {
            errors.push(Error::UnknownFollowedReport {
                at: Location::new(id, "follows_up"),
                id: earlier.clone(),
            });
        }

        for (i, f) in r.follow_ups.iter().enumerate() {
            match reports.get(&f.of.report) {
                None => errors.push(Error::UnknownFollowedReport {
                    at: Location::new(id, format!("follow_ups[{i}].of.report")),
                    id: f.of.report.clone(),
                }),
                Some(earlier) if !earlier.has_item(&f.of.item) => {
                    errors.push(Error::UnknownReference {
                        at: Location::new(id, format!("follow_ups[{i}].of.item")),
                        what: "item of the earlier report",
                        section: "the earlier report's gaps, recommendations or decisions",
                        id: f.of.item.clone(),
                    })
                }
                Some(_) => {}
            }
        }
    }
    // Each report has at most one `follows_up`: walk each chain once, marking reports done, so
    // the whole check is linear in the number of reports however long the chains are.
    let mut done: BTreeSet<&ReportId> = BTreeSet::new();
    for start in reports.keys() {
        let mut chain: Vec<&ReportId> = Vec::new();
        let mut on_chain: HashMap<&ReportId, usize> = HashMap::new();
        let mut here = start;
        while !done.contains(here) {
            if let Some(&pos) = on_chain.get(here) {
                let mut ids: Vec<ReportId> = chain[pos..].iter().map(|id| (*id).clone()).collect();
                ids.push(here.clone());
                errors.push(Error::FollowUpCycle { cycle: ids });
                break;
            }
            on_chain.insert(here, chain.len());
            chain.push(here);
            match reports.get(here).and_then(|r| r.follows_up.as_ref()) {
                Some(next) if reports.contains_key(next) => here = next,
                _ => break,
            }
        }
        done.extend(chain);
    }
    errors
}
