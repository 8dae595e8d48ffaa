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
use crate::taxonomy::ServiceKind;

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

struct Validator<'a> {
    report: &'a ReportId,
    errors: Vec<Error>,
    /// Every item id seen so far, with the path of its first use.
    ids: HashMap<&'a str, String>,
}

impl<'a> Validator<'a> {
    fn at(&self, path: impl Into<String>) -> Location {
        Location::new(self.report, path)
    }

    fn id(&mut self, path: String, id: &'a str) {
        if id.is_empty() {
            self.errors.push(Error::Empty {
                at: self.at(path),
                what: "id",
            });
            return;
        }
        if !id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
            self.errors.push(Error::OutOfRange {
                at: self.at(path.clone()),
                message: format!("id `{id}` may hold only letters, digits, `-`, `_` and `.`"),
            });
        }
        if let Some(first) = self.ids.get(id) {
            self.errors.push(Error::Duplicate {
                at: self.at(path),
                what: "id",
                value: id.to_string(),
                first: first.clone(),
            });
        } else {
            self.ids.insert(id, path);
        }
    }

    fn text(&mut self, path: String, what: &'static str, text: &str) {
        if text.trim().is_empty() {
            self.errors.push(Error::Empty {
                at: self.at(path),
                what,
            });
        }
    }

    fn evidence(&mut self, path: String, list: &[Evidence]) {
        if list.is_empty() {
            self.errors.push(Error::Empty {
                at: self.at(path.clone()),
                what: "evidence (every item needs at least one {source, line, quote})",
            });
        }
        for (i, ev) in list.iter().enumerate() {
            let here = format!("{path}[{i}]");
            self.text(format!("{here}.source"), "source", &ev.source);
            self.text(format!("{here}.quote"), "quote", &ev.quote);
            if ev.line == 0 {
                self.errors.push(Error::OutOfRange {
                    at: self.at(format!("{here}.line")),
                    message: "line 0: lines are counted from 1 (use the number `grep -n` shows)"
                        .to_string(),
                });
            }
        }
    }

    fn refers(
        &mut self,
        path: String,
        what: &'static str,
        section: &'static str,
        known: &BTreeSet<&str>,
        id: &str,
    ) {
        if !known.contains(id) {
            self.errors.push(Error::UnknownReference {
                at: self.at(path),
                what,
                section,
                id: id.to_string(),
            });
        }
    }

    fn date(&mut self, path: String, date: Option<&str>) {
        let Some(date) = date else { return };
        let parts: Vec<&str> = date.split('-').collect();
        let ok = (1..=3).contains(&parts.len())
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if !ok {
            self.errors.push(Error::OutOfRange {
                at: self.at(path),
                message: format!("date `{date}` is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"),
            });
        }
    }

    fn check_report(&mut self, r: &'a Report) {
        self.id("id".into(), r.id.as_str());
        self.text("title".into(), "title", &r.title);
        self.text("auditor".into(), "auditor", &r.auditor);
        if r.municipalities.is_empty() {
            self.errors.push(Error::Empty {
                at: self.at("municipalities"),
                what: "municipalities",
            });
        }
        if !(1900..=2100).contains(&r.year) {
            self.errors.push(Error::OutOfRange {
                at: self.at("year"),
                message: format!("year {} is outside 1900..=2100", r.year),
            });
        }
        self.date("date".into(), r.date.as_deref());
        self.evidence("evidence".into(), &r.evidence);
        if !r.follow_ups.is_empty() && r.follows_up.is_none() {
            self.errors.push(Error::Empty {
                at: self.at("follows_up"),
                what: "follows_up (the report has follow_ups, so name the report it follows up)",
            });
        }

        let services: BTreeSet<&str> = r.services.iter().map(|s| s.id.as_str()).collect();
        let gaps: BTreeSet<&str> = r.gaps.iter().map(|g| g.id.as_str()).collect();
        let criteria: BTreeSet<&str> = r.criteria.iter().map(|c| c.id.as_str()).collect();
        let questions: BTreeSet<&str> = r.questions.iter().map(|q| q.id.as_str()).collect();
        let relations: BTreeSet<&str> = r.relations.iter().map(|x| x.id.as_str()).collect();

        let mut numbers: BTreeMap<&str, String> = BTreeMap::new();
        for (i, q) in r.questions.iter().enumerate() {
            let p = format!("questions[{i}]");
            self.id(format!("{p}.id"), &q.id);
            self.text(format!("{p}.text"), "text", &q.text);
            self.unique_number(
                &mut numbers,
                format!("{p}.number"),
                "question number",
                &q.number,
            );
            if let Some(parent) = &q.parent {
                self.refers(
                    format!("{p}.parent"),
                    "question",
                    "questions",
                    &questions,
                    parent,
                );
            }
            self.evidence(format!("{p}.evidence"), &q.evidence);
        }
        for (i, c) in r.criteria.iter().enumerate() {
            let p = format!("criteria[{i}]");
            self.id(format!("{p}.id"), &c.id);
            self.text(format!("{p}.text"), "text", &c.text);
            for (j, q) in c.questions.iter().enumerate() {
                self.refers(
                    format!("{p}.questions[{j}]"),
                    "question",
                    "questions",
                    &questions,
                    q,
                );
            }
            self.evidence(format!("{p}.evidence"), &c.evidence);
        }
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for (i, s) in r.services.iter().enumerate() {
            let p = format!("services[{i}]");
            self.id(format!("{p}.id"), s.id.as_str());
            self.text(format!("{p}.name"), "name", &s.name);
            let key = s.name.trim().to_lowercase();
            if let Some(first) = names.get(&key) {
                self.errors.push(Error::Duplicate {
                    at: self.at(format!("{p}.name")),
                    what: "service name",
                    value: s.name.clone(),
                    first: first.clone(),
                });
            } else {
                names.insert(key, format!("{p}.name"));
            }
            if s.kind.is_none() && ServiceKind::from_local_name(&s.name).is_none() {
                self.errors.push(Error::Empty {
                    at: self.at(format!("{p}.kind")),
                    what: "kind (the name is not in the alias lexicon, so state the kind)",
                });
            }
            if let Some(parent) = &s.parent {
                if parent == &s.id {
                    self.errors.push(Error::OutOfRange {
                        at: self.at(format!("{p}.parent")),
                        message: "a service cannot be its own parent".to_string(),
                    });
                }
                self.refers(
                    format!("{p}.parent"),
                    "service",
                    "services",
                    &services,
                    parent.as_str(),
                );
            }
            self.evidence(format!("{p}.evidence"), &s.evidence);
        }
        for (i, x) in r.relations.iter().enumerate() {
            let p = format!("relations[{i}]");
            self.id(format!("{p}.id"), &x.id);
            self.refers(
                format!("{p}.from"),
                "service",
                "services",
                &services,
                x.from.as_str(),
            );
            self.refers(
                format!("{p}.to"),
                "service",
                "services",
                &services,
                x.to.as_str(),
            );
            if x.from == x.to {
                self.errors.push(Error::OutOfRange {
                    at: self.at(format!("{p}.to")),
                    message: format!(
                        "relation from `{}` to itself: a relation joins two different services",
                        x.from
                    ),
                });
            }
            if x.kinds.is_empty() {
                self.errors.push(Error::Empty {
                    at: self.at(format!("{p}.kinds")),
                    what: "kinds",
                });
            }
            self.text(format!("{p}.summary"), "summary", &x.summary);
            self.evidence(format!("{p}.evidence"), &x.evidence);
        }
        for (i, g) in r.gaps.iter().enumerate() {
            let p = format!("gaps[{i}]");
            self.id(format!("{p}.id"), &g.id);
            self.text(format!("{p}.summary"), "summary", &g.summary);
            for (j, s) in g.services.iter().enumerate() {
                self.refers(
                    format!("{p}.services[{j}]"),
                    "service",
                    "services",
                    &services,
                    s.as_str(),
                );
            }
            for (j, x) in g.relations.iter().enumerate() {
                self.refers(
                    format!("{p}.relations[{j}]"),
                    "relation",
                    "relations",
                    &relations,
                    x,
                );
            }
            for (j, c) in g.criteria.iter().enumerate() {
                self.refers(
                    format!("{p}.criteria[{j}]"),
                    "criterion",
                    "criteria",
                    &criteria,
                    c,
                );
            }
            self.evidence(format!("{p}.evidence"), &g.evidence);
        }
        let mut numbers: BTreeMap<&str, String> = BTreeMap::new();
        for (i, x) in r.recommendations.iter().enumerate() {
            let p = format!("recommendations[{i}]");
            self.id(format!("{p}.id"), &x.id);
            self.text(format!("{p}.text"), "text", &x.text);
            self.unique_number(
                &mut numbers,
                format!("{p}.number"),
                "recommendation number",
                &x.number,
            );
            for (j, g) in x.gaps.iter().enumerate() {
                self.refers(format!("{p}.gaps[{j}]"), "gap", "gaps", &gaps, g);
            }
            self.evidence(format!("{p}.evidence"), &x.evidence);
        }
        for (i, c) in r.conclusions.iter().enumerate() {
            let p = format!("conclusions[{i}]");
            self.id(format!("{p}.id"), &c.id);
            self.text(format!("{p}.summary"), "summary", &c.summary);
            self.refers(
                format!("{p}.question"),
                "question",
                "questions",
                &questions,
                &c.question,
            );
            self.evidence(format!("{p}.evidence"), &c.evidence);
        }
        for (i, d) in r.decisions.iter().enumerate() {
            let p = format!("decisions[{i}]");
            self.id(format!("{p}.id"), &d.id);
            self.text(format!("{p}.text"), "text", &d.text);
            self.date(format!("{p}.date"), d.date.as_deref());
            self.evidence(format!("{p}.evidence"), &d.evidence);
        }
        for (i, f) in r.follow_ups.iter().enumerate() {
            let p = format!("follow_ups[{i}]");
            self.id(format!("{p}.id"), &f.id);
            self.text(format!("{p}.summary"), "summary", &f.summary);
            for (j, g) in f.gaps.iter().enumerate() {
                self.refers(format!("{p}.gaps[{j}]"), "gap", "gaps", &gaps, g);
            }
            self.evidence(format!("{p}.evidence"), &f.evidence);
        }
        for (i, f) in r.figures.iter().enumerate() {
            let p = format!("figures[{i}]");
            self.id(format!("{p}.id"), &f.id);
            self.text(format!("{p}.counts"), "counts", &f.counts);
            if let (Some(lo), Some(hi)) =
                (f.value.as_f64(), f.max.as_ref().and_then(|m| m.as_f64()))
                && hi < lo
            {
                self.errors.push(Error::OutOfRange {
                    at: self.at(format!("{p}.max")),
                    message: format!("range {lo} to {hi}: `max` is below `value`"),
                });
            }
            for (j, s) in f.services.iter().enumerate() {
                self.refers(
                    format!("{p}.services[{j}]"),
                    "service",
                    "services",
                    &services,
                    s.as_str(),
                );
            }
            self.evidence(format!("{p}.evidence"), &f.evidence);
        }
    }

    fn unique_number<'n>(
        &mut self,
        seen: &mut BTreeMap<&'n str, String>,
        path: String,
        what: &'static str,
        number: &'n str,
    ) {
        self.text(path.clone(), "number", number);
        if let Some(first) = seen.get(number) {
            self.errors.push(Error::Duplicate {
                at: self.at(path),
                what,
                value: number.to_string(),
                first: first.clone(),
            });
        } else {
            seen.insert(number, path);
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
    // Each report has at most one `follows_up`, so a cycle is found by walking the chain.
    let mut reported: BTreeSet<&ReportId> = BTreeSet::new();
    for start in reports.keys() {
        let mut chain = vec![start];
        let mut here = start;
        while let Some(next) = reports.get(here).and_then(|r| r.follows_up.as_ref()) {
            if let Some(pos) = chain.iter().position(|id| *id == next) {
                let cycle: Vec<&ReportId> = chain[pos..].to_vec();
                if cycle.iter().all(|id| reported.insert(*id)) {
                    let mut ids: Vec<ReportId> = cycle.into_iter().cloned().collect();
                    ids.push(next.clone());
                    errors.push(Error::FollowUpCycle { cycle: ids });
                }
                break;
            }
            chain.push(next);
            here = next;
        }
    }
    errors
}
