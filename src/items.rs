//! One walk over a report's items: [`Report::items`] yields every item that carries evidence (the
//! report itself, its `closed` statement, and each question, criterion, service, relation, gap,
//! recommendation, conclusion, decision, follow-up item and figure) with its section, index, id,
//! evidence, the ids it refers to, the texts that must say something and its dates.
//!
//! Validation ([`Report::validate`]), the evidence list ([`Report::evidence`], which the evidence
//! check reads), item lookup ([`Report::has_item`]) and [`crate::Corpus::with_gaps`] (through
//! [`Report::drop_links`]) all read this one walk, so a new section or reference field is one
//! change here; the tests check that every `evidence` array of a fully populated record is
//! visited.
//!
//! # Example
//! ```
//! use samhandling::Report;
//! use samhandling::items::Section;
//!
//! let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
//! let gaps = report.items().into_iter().filter(|i| i.section == Section::Gaps).count();
//! assert_eq!(gaps, report.gaps.len());
//! # Ok::<(), samhandling::Error>(())
//! ```

use crate::model::{Evidence, Report};

/// A part of a report that holds items: the report itself, its `closed` statement, or one of the
/// item lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Section {
    /// The report's own fields (title, auditor, date, evidence).
    Report,
    /// The issuer's closing of the case (`closed`).
    Closed,
    /// `questions`.
    Questions,
    /// `criteria`.
    Criteria,
    /// `services`.
    Services,
    /// `relations`.
    Relations,
    /// `gaps`.
    Gaps,
    /// `recommendations`.
    Recommendations,
    /// `conclusions`.
    Conclusions,
    /// `decisions`.
    Decisions,
    /// `follow_ups`.
    FollowUps,
    /// `figures`.
    Figures,
}

impl Section {
    /// The section's JSON key (`gaps`); empty for [`Section::Report`].
    pub fn key(self) -> &'static str {
        match self {
            Section::Report => "",
            Section::Closed => "closed",
            Section::Questions => "questions",
            Section::Criteria => "criteria",
            Section::Services => "services",
            Section::Relations => "relations",
            Section::Gaps => "gaps",
            Section::Recommendations => "recommendations",
            Section::Conclusions => "conclusions",
            Section::Decisions => "decisions",
            Section::FollowUps => "follow_ups",
            Section::Figures => "figures",
        }
    }

    /// One item of the section in messages: `gap`, `criterion` ...
    pub fn item_word(self) -> &'static str {
        match self {
            Section::Report => "report",
            Section::Closed => "closing",
            Section::Questions => "question",
            Section::Criteria => "criterion",
            Section::Services => "service",
            Section::Relations => "relation",
            Section::Gaps => "gap",
            Section::Recommendations => "recommendation",
            Section::Conclusions => "conclusion",
            Section::Decisions => "decision",
            Section::FollowUps => "follow-up item",
            Section::Figures => "figure",
        }
    }
}

/// A reference from an item to another item of the same report, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link<'a> {
    /// The field holding the reference: `services`, `parent`, `question` ...
    pub field: &'static str,
    /// The position in the field, when the field is a list.
    pub index: Option<usize>,
    /// The section the id must name an item of.
    pub target: Section,
    /// The id referred to.
    pub id: &'a str,
}

/// One item of a report, as [`Report::items`] yields it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item<'a> {
    /// The section it stands in.
    pub section: Section,
    /// Its position in the section's list; `None` for the report and `closed`.
    pub index: Option<usize>,
    /// Its id; `None` for the report and `closed` (the report's id is not an item id).
    pub id: Option<&'a str>,
    /// Its evidence.
    pub evidence: &'a [Evidence],
    /// The items of the same report it refers to.
    pub links: Vec<Link<'a>>,
    /// Its fields that must say something, by name: `summary`, `text`, `number` ...
    pub texts: Vec<(&'static str, &'a str)>,
    /// Its dates, by field name.
    pub dates: Vec<(&'static str, &'a str)>,
}

impl Item<'_> {
    /// The JSON path of `field` of this item: `gaps[3].services`, `closed.evidence`, `title`.
    pub fn path(&self, field: &str) -> String {
        match (self.section, self.index) {
            (Section::Report, _) => field.to_string(),
            (section, Some(i)) => format!("{}[{i}].{field}", section.key()),
            (section, None) => format!("{}.{field}", section.key()),
        }
    }

    /// The JSON path of `link`: `gaps[3].services[1]`.
    pub fn link_path(&self, link: &Link<'_>) -> String {
        let path = self.path(link.field);
        match link.index {
            Some(j) => format!("{path}[{j}]"),
            None => path,
        }
    }

    /// True when a later report's follow-up item may point to this item: every item with an
    /// id except services (a follow-up reports on findings, recommendations and decisions, not
    /// on units).
    pub fn is_followable(&self) -> bool {
        self.id.is_some() && self.section != Section::Services
    }
}

/// An item of a section's list.
fn at<'a>(section: Section, i: usize, id: &'a str, evidence: &'a [Evidence]) -> Item<'a> {
    item(section, Some(i), Some(id), evidence)
}

/// An item under construction.
fn item<'a>(
    section: Section,
    index: Option<usize>,
    id: Option<&'a str>,
    evidence: &'a [Evidence],
) -> Item<'a> {
    Item {
        section,
        index,
        id,
        evidence,
        links: Vec::new(),
        texts: Vec::new(),
        dates: Vec::new(),
    }
}

impl<'a> Item<'a> {
    fn link(mut self, field: &'static str, target: Section, id: &'a str) -> Self {
        self.links.push(Link {
            field,
            index: None,
            target,
            id,
        });
        self
    }

    fn links<S: AsRef<str> + 'a>(
        mut self,
        field: &'static str,
        target: Section,
        ids: &'a [S],
    ) -> Self {
        self.links
            .extend(ids.iter().enumerate().map(|(j, id)| Link {
                field,
                index: Some(j),
                target,
                id: id.as_ref(),
            }));
        self
    }

    fn text(mut self, field: &'static str, text: &'a str) -> Self {
        self.texts.push((field, text));
        self
    }

    fn date(mut self, field: &'static str, date: Option<&'a str>) -> Self {
        self.dates.extend(date.map(|d| (field, d)));
        self
    }
}

impl Report {
    /// Every item of the report that carries evidence, in document order: the report itself,
    /// `closed` when present, then each section's items in order.
    pub fn items(&self) -> Vec<Item<'_>> {
        use Section as S;
        let mut out = Vec::new();
        let mut top =
            item(S::Report, None, None, &self.evidence).date("date", self.date.as_deref());
        top.texts
            .extend(self.title.as_deref().map(|t| ("title", t)));
        top.texts
            .extend(self.auditor.as_deref().map(|t| ("auditor", t)));
        out.push(top);
        if let Some(closed) = &self.closed {
            out.push(
                item(S::Closed, None, None, &closed.evidence).date("date", closed.date.as_deref()),
            );
        }
        for (i, q) in self.questions.iter().enumerate() {
            let mut it = at(S::Questions, i, &q.id, &q.evidence)
                .text("text", &q.text)
                .text("number", &q.number);
            if let Some(parent) = &q.parent {
                it = it.link("parent", S::Questions, parent);
            }
            out.push(it);
        }
        for (i, c) in self.criteria.iter().enumerate() {
            out.push(
                at(S::Criteria, i, &c.id, &c.evidence)
                    .text("text", &c.text)
                    .links("questions", S::Questions, &c.questions),
            );
        }
        for (i, s) in self.services.iter().enumerate() {
            let mut it = at(S::Services, i, s.id.as_str(), &s.evidence).text("name", &s.name);
            if let Some(parent) = &s.parent {
                it = it.link("parent", S::Services, parent.as_str());
            }
            out.push(it);
        }
        for (i, x) in self.relations.iter().enumerate() {
            out.push(
                at(S::Relations, i, &x.id, &x.evidence)
                    .link("from", S::Services, x.from.as_str())
                    .link("to", S::Services, x.to.as_str())
                    .text("summary", &x.summary),
            );
        }
        for (i, g) in self.gaps.iter().enumerate() {
            out.push(
                at(S::Gaps, i, &g.id, &g.evidence)
                    .text("summary", &g.summary)
                    .links("services", S::Services, &g.services)
                    .links("relations", S::Relations, &g.relations)
                    .links("criteria", S::Criteria, &g.criteria),
            );
        }
        for (i, x) in self.recommendations.iter().enumerate() {
            out.push(
                at(S::Recommendations, i, &x.id, &x.evidence)
                    .text("text", &x.text)
                    .text("number", &x.number)
                    .links("gaps", S::Gaps, &x.gaps),
            );
        }
        for (i, c) in self.conclusions.iter().enumerate() {
            out.push(
                at(S::Conclusions, i, &c.id, &c.evidence)
                    .text("summary", &c.summary)
                    .link("question", S::Questions, &c.question),
            );
        }
        for (i, d) in self.decisions.iter().enumerate() {
            out.push(
                at(S::Decisions, i, &d.id, &d.evidence)
                    .text("text", &d.text)
                    .date("date", d.date.as_deref()),
            );
        }
        for (i, f) in self.follow_ups.iter().enumerate() {
            out.push(
                at(S::FollowUps, i, &f.id, &f.evidence)
                    .text("summary", &f.summary)
                    .links("gaps", S::Gaps, &f.gaps),
            );
        }
        for (i, f) in self.figures.iter().enumerate() {
            out.push(
                at(S::Figures, i, &f.id, &f.evidence)
                    .text("counts", &f.counts)
                    .links("services", S::Services, &f.services),
            );
        }
        out
    }

    /// Every piece of evidence in the report, with its JSON path (`gaps[3].evidence[0]`), in
    /// the order of [`Report::items`].
    pub fn evidence(&self) -> Vec<(String, &Evidence)> {
        self.items()
            .iter()
            .flat_map(|it| {
                let path = it.path("evidence");
                it.evidence
                    .iter()
                    .enumerate()
                    .map(move |(j, ev)| (format!("{path}[{j}]"), ev))
            })
            .collect()
    }

    /// True when an item of the report has id `id`: what a follow-up item of a later report may
    /// point to.
    pub fn has_item(&self, id: &str) -> bool {
        self.items()
            .iter()
            .any(|it| it.is_followable() && it.id == Some(id))
    }

    /// Removes every reference to an item of `target` whose id `gone` accepts, from every field
    /// that holds a list of references (a gap's `services`, a recommendation's `gaps` ...), so
    /// that items can be left out of a view without leaving dangling references. A reference
    /// that is a single id (a relation's `from`, a conclusion's `question`, a `parent`) cannot be
    /// dropped and stays.
    pub fn drop_links(&mut self, target: Section, gone: impl Fn(&str) -> bool) {
        fn keep<S: AsRef<str>>(list: &mut Vec<S>, gone: &dyn Fn(&str) -> bool) {
            list.retain(|id| !gone(id.as_ref()));
        }
        let gone: &dyn Fn(&str) -> bool = &gone;
        match target {
            Section::Questions => self
                .criteria
                .iter_mut()
                .for_each(|c| keep(&mut c.questions, gone)),
            Section::Services => {
                self.gaps
                    .iter_mut()
                    .for_each(|g| keep(&mut g.services, gone));
                self.figures
                    .iter_mut()
                    .for_each(|f| keep(&mut f.services, gone));
            }
            Section::Relations => self
                .gaps
                .iter_mut()
                .for_each(|g| keep(&mut g.relations, gone)),
            Section::Criteria => self
                .gaps
                .iter_mut()
                .for_each(|g| keep(&mut g.criteria, gone)),
            Section::Gaps => {
                self.recommendations
                    .iter_mut()
                    .for_each(|r| keep(&mut r.gaps, gone));
                self.follow_ups
                    .iter_mut()
                    .for_each(|f| keep(&mut f.gaps, gone));
            }
            Section::Report
            | Section::Closed
            | Section::Recommendations
            | Section::Conclusions
            | Section::Decisions
            | Section::FollowUps
            | Section::Figures => {}
        }
    }
}
