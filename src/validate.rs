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

use crate::error::{Error, Location, shown};
use crate::items::{Item, Section};
use crate::model::{Report, ReportId};
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

/// True when `text` says nothing: empty, or only white space and invisible characters
/// (zero-width spaces and joiners, bidi marks, the byte-order mark, soft hyphens, fillers).
pub(crate) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c,
                '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
                | '\u{17B5}' | '\u{180B}'..='\u{180E}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}')
    })
}

/// True for a real calendar date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub(crate) fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(1..=3).contains(&parts.len())
        || parts[0].len() != 4
        || parts[1..].iter().any(|p| p.len() != 2)
        || !parts.iter().all(|p| digits(p))
    {
        return false;
    }
    let number = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    let year = number(0).unwrap_or(0);
    match (number(1), number(2)) {
        (None, _) => true,
        (Some(month), None) => (1..=12).contains(&month),
        (Some(month), Some(day)) => {
            (1..=12).contains(&month) && (1..=days_in(year, month)).contains(&day)
        }
    }
}

/// The days of `month` (1-12) of `year` in the Gregorian calendar.
fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

struct Validator<'a> {
    report: &'a ReportId,
    errors: Vec<Error>,
    /// Every item id seen so far, with the JSON path of the item that first used it.
    /// Every item id seen so far, with where it was first used: the section and index of the
    /// item (`None` for the report's own id). Paths are built only for a problem.
    ids: HashMap<&'a str, Option<(Section, usize)>>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: String, make: impl FnOnce(Location) -> Error) {
        let at = Location::new(self.report, path);
        self.errors.push(make(at));
    }

    fn id(&mut self, place: Option<(Section, usize)>, id: &'a str) {
        let path = || match place {
            Some((section, i)) => format!("{}[{i}].id", section.key()),
            None => "id".to_string(),
        };
        if is_blank(id) {
            self.push(path(), |at| Error::Empty { at, what: "id" });
            return;
        }
        if !id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c)) {
            let message = format!(
                "id {} may hold only letters, digits, `-`, `_` and `.`",
                shown(id)
            );
            self.push(path(), |at| Error::OutOfRange { at, message });
        }
        if let Some(first) = self.ids.get(id) {
            let first = match first {
                Some((section, i)) => format!("{}[{i}].id", section.key()),
                None => "id".to_string(),
            };
            let value = id.to_string();
            self.push(path(), |at| Error::Duplicate {
                at,
                what: "id",
                value,
                first,
            });
        } else {
            self.ids.insert(id, place);
        }
    }

    fn text(&mut self, path: impl FnOnce() -> String, what: &'static str, text: &str) {
        if is_blank(text) {
            self.push(path(), |at| Error::Empty { at, what });
        }
    }

    fn date(&mut self, path: impl FnOnce() -> String, date: &str) {
        if !is_date(date) {
            let path = path();
            let message = format!(
                "date {} is not a calendar date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`",
                shown(date)
            );
            self.push(path, |at| Error::OutOfRange { at, message });
        }
    }

    fn evidence(&mut self, item: &Item<'_>) {
        if item.evidence.is_empty() {
            self.push(item.path("evidence"), |at| Error::Empty {
                at,
                what: "evidence (every item needs at least one {source, line, quote})",
            });
        }
        for (j, ev) in item.evidence.iter().enumerate() {
            let field = |name: &str| item.path(&format!("evidence[{j}].{name}"));
            if is_blank(&ev.source) {
                self.push(field("source"), |at| Error::Empty { at, what: "source" });
            }
            if is_blank(&ev.quote) {
                self.push(field("quote"), |at| Error::Empty { at, what: "quote" });
            }
            if ev.line == 0 {
                self.push(field("line"), |at| Error::OutOfRange {
                    at,
                    message: "line 0: lines are counted from 1 (use the number `grep -n` shows)"
                        .to_string(),
                });
            }
        }
    }

    /// Reports each number of `section` used twice; `numbers` are the items' numbers in order.
    fn unique_numbers<'n>(
        &mut self,
        what: &'static str,
        section: Section,
        numbers: impl Iterator<Item = &'n str>,
    ) {
        let path = |i: usize| format!("{}[{i}].number", section.key());
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, number) in numbers.enumerate() {
            if is_blank(number) {
                continue;
            }
            if let Some(&first) = seen.get(number) {
                let first = path(first);
                let value = number.to_string();
                self.push(path(i), |at| Error::Duplicate {
                    at,
                    what,
                    value,
                    first,
                });
            } else {
                seen.insert(number, i);
            }
        }
    }

    /// Reports each cycle of `parent` links among `items` (id, parent) once, at the cycle's
    /// first item, whatever its length: a unit inside itself, or a question its own
    /// sub-question.
    fn parent_cycles(&mut self, section: Section, items: &[(&str, Option<&str>)]) {
        let index: HashMap<&str, usize> = items
            .iter()
            .enumerate()
            .rev()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        // 0: not seen, 1: on the walk now, 2: done.
        let mut state = vec![0u8; items.len()];
        for start in 0..items.len() {
            let mut walk = Vec::new();
            let mut here = Some(start);
            while let Some(i) = here {
                match state[i] {
                    2 => break,
                    1 => {
                        let pos = walk.iter().position(|&w| w == i).unwrap_or(0);
                        let cycle = &walk[pos..];
                        let first = cycle.iter().copied().min().unwrap_or(i);
                        let ids: Vec<String> = cycle
                            .iter()
                            .chain(std::iter::once(&cycle[0]))
                            .map(|&c| shown(items[c].0))
                            .collect();
                        let message = if cycle.len() == 1 {
                            format!("a {} cannot be its own parent", section.item_word())
                        } else {
                            format!(
                                "parent cycle: {} (a {} cannot be inside itself, directly or through others)",
                                ids.join(" -> "),
                                section.item_word()
                            )
                        };
                        self.push(format!("{}[{first}].parent", section.key()), |at| {
                            Error::OutOfRange { at, message }
                        });
                        break;
                    }
                    _ => {
                        state[i] = 1;
                        walk.push(i);
                        here = items[i].1.and_then(|p| index.get(p).copied());
                    }
                }
            }
            for i in walk {
                state[i] = 2;
            }
        }
    }

    fn check_report(&mut self, r: &'a Report) {
        self.id(None, r.id.as_str());
        self.check_metadata(r);
        let items = r.items();
        let mut known: BTreeMap<Section, BTreeSet<&str>> = BTreeMap::new();
        for it in &items {
            if let Some(id) = it.id {
                known.entry(it.section).or_default().insert(id);
            }
        }
        for it in &items {
            if let Some(id) = it.id {
                self.id(it.index.map(|i| (it.section, i)), id);
            }
            for (field, text) in &it.texts {
                self.text(|| it.path(field), field, text);
            }
            for (field, date) in &it.dates {
                self.date(|| it.path(field), date);
            }
            self.evidence(it);
            for link in &it.links {
                if !known.get(&link.target).is_some_and(|k| k.contains(link.id)) {
                    let id = link.id.to_string();
                    self.push(it.link_path(link), |at| Error::UnknownReference {
                        at,
                        what: link.target.item_word(),
                        section: link.target.key(),
                        id,
                    });
                }
            }
        }
        self.check_sections(r);
    }

    /// The report's own fields beyond its items: scope, municipalities, districts, year.
    fn check_metadata(&mut self, r: &Report) {
        if r.municipalities.is_empty() && r.scope != Scope::National {
            self.push("municipalities".into(), |at| Error::Empty {
                at,
                what: "municipalities (only a report of scope `national` may name none)",
            });
        }
        for (j, m) in r.municipalities.iter().enumerate() {
            self.text(|| format!("municipalities[{j}]"), "municipality", m);
        }
        if r.scope == Scope::District && r.districts.is_empty() {
            self.push("districts".into(), |at| Error::Empty {
                at,
                what: "districts (a report of scope `district` names its bydeler)",
            });
        }
        if r.scope != Scope::District && !r.districts.is_empty() {
            self.push("scope".into(), |at| Error::OutOfRange {
                at,
                message: "the report names districts, so its scope is `district`".to_string(),
            });
        }
        for (j, d) in r.districts.iter().enumerate() {
            self.text(|| format!("districts[{j}]"), "district", d);
        }
        if let Some(year) = r.year
            && !(1900..=2100).contains(&year)
        {
            let message = format!("year {year} is outside 1900..=2100");
            self.push("year".into(), |at| Error::OutOfRange { at, message });
        }
        if r.derived_from.as_ref() == Some(&r.id) {
            self.push("derived_from".into(), |at| Error::OutOfRange {
                at,
                message: "a record cannot be derived from itself".to_string(),
            });
        }
        if !r.follow_ups.is_empty() && r.follows_up.is_none() {
            self.push("follows_up".into(), |at| Error::Empty {
                at,
                what: "follows_up (the report has follow_ups, so name the report it follows up)",
            });
        }
    }

    /// What only one section has: unique numbers and names, service kinds, parent cycles,
    /// relations joining two services, severities matching the report's word, ranges, and
    /// follow-up items about the followed-up report.
    fn check_sections(&mut self, r: &Report) {
        self.unique_numbers(
            "question number",
            Section::Questions,
            r.questions.iter().map(|q| q.number.as_str()),
        );
        self.unique_numbers(
            "recommendation number",
            Section::Recommendations,
            r.recommendations.iter().map(|x| x.number.as_str()),
        );
        let questions: Vec<(&str, Option<&str>)> = r
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.parent.as_deref()))
            .collect();
        self.parent_cycles(Section::Questions, &questions);
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, s) in r.services.iter().enumerate() {
            let path = |field: &str| format!("services[{i}].{field}");
            let key = s.name.trim().to_lowercase();
            if let Some(&first) = names.get(&key) {
                let first = format!("services[{first}].name");
                let value = s.name.clone();
                self.push(path("name"), |at| Error::Duplicate {
                    at,
                    what: "service name",
                    value,
                    first,
                });
            } else {
                names.insert(key, i);
            }
            if s.kind.is_none() && s.resolved_kind() == ServiceKind::Other {
                self.push(path("kind"), |at| Error::Empty {
                    at,
                    what: ServiceKind::unknown_name_hint(),
                });
            }
        }
        let services: Vec<(&str, Option<&str>)> = r
            .services
            .iter()
            .map(|s| (s.id.as_str(), s.parent.as_ref().map(|p| p.as_str())))
            .collect();
        self.parent_cycles(Section::Services, &services);
        for (i, x) in r.relations.iter().enumerate() {
            if x.from == x.to {
                let message = format!(
                    "relation from {} to itself: a relation joins two different services",
                    shown(x.from.as_str())
                );
                self.push(format!("relations[{i}].to"), |at| Error::OutOfRange {
                    at,
                    message,
                });
            }
            if x.kinds.is_empty() {
                self.push(format!("relations[{i}].kinds"), |at| Error::Empty {
                    at,
                    what: "kinds",
                });
            }
        }
        for (i, g) in r.gaps.iter().enumerate() {
            if let Some(term) = g.term
                && term.severity() != g.severity
            {
                let message = format!(
                    "the report's word `{term}` maps to severity `{}`, not `{}` (see docs/FORMAT.md, \"Severity\")",
                    term.severity(),
                    g.severity
                );
                self.push(format!("gaps[{i}].severity"), |at| Error::OutOfRange {
                    at,
                    message,
                });
            }
        }
        for (i, f) in r.figures.iter().enumerate() {
            if let (Some(lo), Some(hi)) =
                (f.value.as_f64(), f.max.as_ref().and_then(|m| m.as_f64()))
                && hi < lo
            {
                let message = format!("range {lo} to {hi}: `max` is below `value`");
                self.push(format!("figures[{i}].max"), |at| Error::OutOfRange {
                    at,
                    message,
                });
            }
        }
        if let Some(earlier) = &r.follows_up {
            for (i, f) in r.follow_ups.iter().enumerate() {
                if &f.of.report != earlier {
                    let message = format!(
                        "names report {}, but this report follows up {} (a follow-up item reports on an item of the report named in `follows_up`)",
                        shown(f.of.report.as_str()),
                        shown(earlier.as_str())
                    );
                    self.push(format!("follow_ups[{i}].of.report"), |at| {
                        Error::OutOfRange { at, message }
                    });
                }
            }
        }
    }
}

/// The checks across the reports of a corpus: `follows_up` and follow-up items pointing to loaded
/// reports and real items, and no follow-up cycles. `reports` must have unique ids. A link to a
/// report that `broken` says failed to load is not an error here: the failure is reported, and
/// the reports depending on it are named under it. `file` gives a report's file for the
/// location of a cycle. A machine draft's links are placeholders and are not checked (a
/// follow-up cycle through one still is).
pub(crate) fn check_links(
    reports: &BTreeMap<ReportId, Report>,
    broken: impl Fn(&ReportId) -> bool,
    file: impl Fn(&ReportId) -> Option<std::path::PathBuf>,
) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut followable: HashMap<&ReportId, BTreeSet<&str>> = HashMap::new();
    for (id, r) in reports {
        // A machine draft names the earlier report and its items by placeholders for the
        // researcher to replace (docs/FORMAT.md, "Drafts"); every program warns that it is a
        // draft, so its links are not held against the corpus.
        if r.draft.is_some() {
            continue;
        }
        if let Some(earlier) = &r.follows_up
            && !reports.contains_key(earlier)
            && !broken(earlier)
        {
            errors.push(Error::UnknownFollowedReport {
                at: Location::new(id, "follows_up"),
                id: earlier.clone(),
            });
        }

        for (i, f) in r.follow_ups.iter().enumerate() {
            match reports.get_key_value(&f.of.report) {
                None if broken(&f.of.report) => {}
                // Named once, at `follows_up`, when the item is about that report.
                None if r.follows_up.as_ref() == Some(&f.of.report) => {}
                None => errors.push(Error::UnknownFollowedReport {
                    at: Location::new(id, format!("follow_ups[{i}].of.report")),
                    id: f.of.report.clone(),
                }),
                Some((key, earlier)) => {
                    let items = followable.entry(key).or_insert_with(|| {
                        earlier
                            .items()
                            .into_iter()
                            .filter(|it| it.is_followable())
                            .filter_map(|it| it.id)
                            .collect()
                    });
                    if !items.contains(f.of.item.as_str()) {
                        errors.push(Error::UnknownReference {
                            at: Location::new(id, format!("follow_ups[{i}].of.item")),
                            what: "item of the earlier report",
                            section: "the earlier report's gaps, recommendations or decisions",
                            id: f.of.item.clone(),
                        })
                    }
                }
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
                let at = Location {
                    file: file(here),
                    report: Some(here.clone()),
                    path: "follows_up".to_string(),
                };
                errors.push(Error::FollowUpCycle { at, cycle: ids });
                break;
            }
            on_chain.insert(here, chain.len());
            chain.push(here);
            match reports
                .get_key_value(here)
                .and_then(|(_, r)| r.follows_up.as_ref())
            {
                Some(next) => match reports.get_key_value(next) {
                    Some((next, _)) => here = next,
                    None => break,
                },
                None => break,
            }
        }
        done.extend(chain);
    }
    errors
}
