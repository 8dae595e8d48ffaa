//! Follow-up of a report by a later one: each earlier gap, decision point and recommendation with
//! the verdict the later report states, kept as stated; where it states none, what the later
//! report says about the same matter, labelled as the crate's inference.
//!
//! The rule is documented on [`follow_up`], where the rendered documentation shows it.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{GapKey, KeyMode, current_gaps};
use crate::model::{Evidence, FollowUp, Gap, Relation, Report, ReportId};
use crate::taxonomy::{
    FollowUpStatus, GapCategory as C, Level, RelationKind as RK, ServiceKind, Vocabulary as _,
};

/// What became of an earlier item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The later report states it implemented (fixed).
    Resolved,
    /// The later report states it partly implemented.
    Partly,
    /// The later report states it in progress.
    InProgress,
    /// The later report states it not implemented.
    Persisting,
    /// The later report addresses it and states that it cannot say.
    Unclear,
    /// The later report states no verdict on it, but says things about the same matter: see
    /// [`GapOutcome::related`] (the crate's inference, not the auditor's verdict).
    NoVerdictStated,
    /// Nothing in the later report concerns it (by the rule of the module docs): not evidence
    /// that it was fixed.
    NotAddressed,
}

impl Outcome {
    /// The outcome a stated follow-up status is printed as.
    pub fn of_status(status: FollowUpStatus) -> Outcome {
        match status {
            FollowUpStatus::Implemented => Outcome::Resolved,
            FollowUpStatus::Partly => Outcome::Partly,
            FollowUpStatus::InProgress => Outcome::InProgress,
            FollowUpStatus::NotImplemented => Outcome::Persisting,
            FollowUpStatus::Unclear => Outcome::Unclear,
            FollowUpStatus::NotStated => Outcome::NoVerdictStated,
        }
    }

    /// The outcome in words, for tables: `partly implemented (stated)`, `no verdict stated`.
    pub fn words(self) -> &'static str {
        match self {
            Outcome::Resolved => "implemented (stated)",
            Outcome::Partly => "partly implemented (stated)",
            Outcome::InProgress => "in progress (stated)",
            Outcome::Persisting => "not implemented (stated)",
            Outcome::Unclear => "unclear (stated)",
            Outcome::NoVerdictStated => "no verdict stated; related later items listed",
            Outcome::NotAddressed => "not addressed",
        }
    }
}

/// How an [`Outcome`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeBasis {
    /// A follow-up item of the later report names the earlier item: the auditor's verdict.
    Stated,
    /// No follow-up item names it; later items that concern the same matter are listed: the
    /// crate's inference, never the auditor's verdict.
    Inferred,
    /// Neither.
    None,
}

/// Which section of the later report a [`Related`] item is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelatedKind {
    /// A gap.
    Gap,
    /// A relation.
    Relation,
    /// A follow-up item.
    FollowUp,
}

/// An item of the later report that concerns an earlier item no follow-up item gives a verdict
/// on: the crate's inference of relatedness, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Related {
    /// The section it is from.
    pub what: RelatedKind,
    /// Its id in the later report.
    pub id: String,
    /// Why the crate relates it: `same gap key`, `related category culture_silo`, ...
    pub why: String,
    /// Its status as the later report codes it: a gap's severity, a relation's status, a
    /// follow-up item's status.
    pub status: String,
    /// Its summary.
    pub summary: String,
    /// Where the later report states it.
    pub evidence: Vec<Evidence>,
}

/// One earlier gap as the follow-up finds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapOutcome {
    /// The earlier gap's id.
    pub gap: String,
    /// Its key.
    pub key: GapKey,
    /// Its summary.
    pub summary: String,
    /// What became of it.
    pub outcome: Outcome,
    /// How that was found.
    pub basis: OutcomeBasis,
    /// The follow-up item's status as stated, when one names the gap.
    pub status: Option<FollowUpStatus>,
    /// The later report's gaps the follow-up item links, or (with no item) of the same key.
    pub later_gaps: Vec<String>,
    /// The follow-up item's evidence (empty when no item names the gap).
    pub evidence: Vec<Evidence>,
    /// When no item names the gap, or its item states no verdict: what the later report says about the same matter (the
    /// crate's inference), sorted by section, then id.
    pub related: Vec<Related>,
}

/// A recommendation or decision point of the earlier report, with its status in the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStatus {
    /// The earlier item's id.
    pub item: String,
    /// `recommendation` or `decision`.
    pub what: &'static str,
    /// Its number as printed.
    pub number: String,
    /// Its text.
    pub text: String,
    /// Its status as stated; `None` when no follow-up item addresses it.
    pub status: Option<FollowUpStatus>,
    /// What became of it: the stated status, else no verdict stated, else not addressed.
    pub outcome: Outcome,
    /// What the follow-up says of it.
    pub summary: Option<String>,
    /// The follow-up item's evidence.
    pub evidence: Vec<Evidence>,
    /// With no follow-up item: what the later report says about the gaps it addresses (the
    /// crate's inference).
    pub related: Vec<Related>,
}

/// An earlier report as a later one follows it up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpReport {
    /// The earlier report.
    pub earlier: ReportId,
    /// The later report.
    pub later: ReportId,
    /// Every gap of the earlier report, with its outcome.
    pub gaps: Vec<GapOutcome>,
    /// Every decision point, then every recommendation, of the earlier report, with its status.
    pub items: Vec<ItemStatus>,
    /// Current gaps of the later report that no follow-up item links and that concern no earlier
    /// gap by the rule of the module docs.
    pub new_gaps: Vec<String>,
}

/// Gap categories the crate treats as the same matter in a follow-up (rule 2 of the module
/// docs), beside the category itself. The table is the crate's, not an auditor's.
pub fn related_categories(category: C) -> &'static [C] {
    match category {
        C::CultureSilo => &[C::ResponsibilityUnclear, C::SystemCollaboration],
        C::SystemCollaboration => &[
            C::CultureSilo,
            C::NoRoutines,
            C::NoFormalAgreement,
            C::ResponsibilityUnclear,
        ],
        C::ResponsibilityUnclear => &[C::CultureSilo, C::SystemCollaboration],
        C::NoRoutines => &[C::SystemCollaboration, C::NoFormalAgreement],
        C::NoFormalAgreement => &[C::SystemCollaboration, C::NoRoutines],
        C::IndividualPlan => &[
            C::Coordinator,
            C::CoordinatingUnit,
            C::IndividualCoordination,
        ],
        C::Coordinator => &[
            C::IndividualPlan,
            C::CoordinatingUnit,
            C::IndividualCoordination,
        ],
        C::CoordinatingUnit => &[C::IndividualPlan, C::Coordinator],
        C::IndividualCoordination => &[C::IndividualPlan, C::Coordinator],
        C::PlanningGovernance => &[C::InternalControl],
        C::InternalControl => &[C::PlanningGovernance],
        _ => &[],
    }
}

/// Relation kinds a gap category concerns (rule 4 of the module docs, for a gap that names no
/// service), and whether only system-level relations count. The table is the crate's. Broad
/// categories (`system_collaboration`, `culture_silo`) have none: every collaboration of a
/// municipality would concern them, and a list of everything says nothing.
pub fn relation_kinds_for(category: C) -> (&'static [RK], bool) {
    match category {
        C::InformationSharing => (&[RK::InformationSharing], false),
        C::ReportingFollowup => (&[RK::Reporting], false),
        C::NoFormalAgreement => (&[RK::Agreement], false),
        C::NoRoutines => (&[RK::Routine], false),
        C::IndividualCoordination => (&[RK::CaseCollaboration, RK::TeamMembership], false),
        _ => (&[], false),
    }
}

/// The earlier report's gaps, decision points and recommendations, as `later` finds them (see
/// the [`follow_up`] for the rule).
///
/// # The rule
/// - **Stated.** A follow-up item of the later report that names the earlier item is the
///   auditor's verdict, and is printed as stated: `partly` stays [`Outcome::Partly`], `in
///   progress` stays [`Outcome::InProgress`]; only `implemented` is [`Outcome::Resolved`] and only
///   `not implemented` is [`Outcome::Persisting`].
///   A follow-up item with status `not_stated` (the report discusses the matter and gives no
///   verdict) is [`Outcome::NoVerdictStated`] with the item's evidence, and the related items
///   below listed as well.
/// - **No verdict stated.** Otherwise the later report's items that concern the same matter are
///   listed ([`Related`], each with why it is related, its status and evidence) and the outcome
///   is [`Outcome::NoVerdictStated`]: the reader weighs them; the crate does not turn them into a
///   verdict. What concerns an earlier gap:
///   1. a later gap of the same key (under the chosen [`KeyMode`]), current or resolved;
///   2. a later gap of a related category, by the table in [`related_categories`];
///   3. a later relation between services of the kinds the gap names (both ends among them when it
///      names two kinds or more, one end when it names one kind that is not a generic one:
///      `ledelse`, `kommune`, `team`, `other`);
///   4. for a gap that names no service, a later relation of a kind the gap's category concerns,
///      by the table in [`relation_kinds_for`];
///   5. a later follow-up item of an earlier recommendation that addresses the gap.
///
///   An earlier recommendation or decision point with no follow-up item is related to what its
///   gaps are related to (a decision names no gap, so nothing but a follow-up item concerns it).
/// - **Not addressed** ([`Outcome::NotAddressed`]) only when nothing in the later report
///   concerns the matter by the rules above.
///
/// # Example
/// ```
/// use samhandling::compare::{follow_up, KeyMode, Outcome, OutcomeBasis};
/// use samhandling::Report;
///
/// let earlier = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let mut later = earlier.clone();
/// later.gaps[0].severity = samhandling::taxonomy::Severity::Resolved;
/// let report = follow_up(&earlier, &later, KeyMode::CategoryAndKinds);
/// // A resolved gap of the same key is related, but it is not the auditor's verdict.
/// assert_eq!(report.gaps[0].outcome, Outcome::NoVerdictStated);
/// assert_eq!(report.gaps[0].basis, OutcomeBasis::Inferred);
/// assert_eq!(report.gaps[0].related[0].why, "same gap key");
/// assert_eq!(report.items[0].status, None, "no follow-up item names decision sak103-3");
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn follow_up(earlier: &Report, later: &Report, mode: KeyMode) -> FollowUpReport {
    let stated = |item: &str| -> Option<&FollowUp> {
        later
            .follow_ups
            .iter()
            .find(|f| f.of.report == earlier.id && f.of.item == item)
    };
    let mut linked: BTreeSet<&str> = BTreeSet::new();
    for f in &later.follow_ups {
        linked.extend(f.gaps.iter().map(String::as_str));
    }
    let mut gaps = Vec::new();
    for g in &earlier.gaps {
        let key = GapKey::of(earlier, g, mode);
        let related = related_to_gap(earlier, g, later, mode);
        linked.extend(
            related
                .iter()
                .filter(|r| r.what == RelatedKind::Gap)
                .filter_map(|r| later.gap(&r.id).map(|l| l.id.as_str())),
        );
        let same_key = || {
            related
                .iter()
                .filter(|r| r.what == RelatedKind::Gap && r.why == SAME_KEY)
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        };
        let outcome = match stated(&g.id) {
            // The report discusses the matter and states no verdict: the item's evidence, and
            // what else concerns the matter, as the crate's inference.
            Some(f) if f.status == FollowUpStatus::NotStated => GapOutcome {
                gap: g.id.clone(),
                key,
                summary: g.summary.clone(),
                outcome: Outcome::NoVerdictStated,
                basis: OutcomeBasis::Stated,
                status: Some(f.status),
                later_gaps: f.gaps.clone(),
                evidence: f.evidence.clone(),
                related,
            },
            Some(f) => GapOutcome {
                gap: g.id.clone(),
                key,
                summary: g.summary.clone(),
                outcome: Outcome::of_status(f.status),
                basis: OutcomeBasis::Stated,
                status: Some(f.status),
                later_gaps: f.gaps.clone(),
                evidence: f.evidence.clone(),
                related: Vec::new(),
            },
            None => GapOutcome {
                gap: g.id.clone(),
                key,
                summary: g.summary.clone(),
                outcome: if related.is_empty() {
                    Outcome::NotAddressed
                } else {
                    Outcome::NoVerdictStated
                },
                basis: if related.is_empty() {
                    OutcomeBasis::None
                } else {
                    OutcomeBasis::Inferred
                },
                status: None,
                later_gaps: same_key(),
                evidence: Vec::new(),
                related,
            },
        };
        gaps.push(outcome);
    }
    let item = |what, id: &str, number: &str, text: &str, addressed: &[String]| {
        let f = stated(id);
        let related: Vec<Related> = if f.is_some_and(|f| f.status != FollowUpStatus::NotStated) {
            Vec::new()
        } else {
            let mut all: Vec<Related> = addressed
                .iter()
                .filter_map(|gid| earlier.gap(gid))
                .flat_map(|g| related_to_gap(earlier, g, later, mode))
                .collect();
            all.sort();
            all.dedup();
            all
        };
        ItemStatus {
            item: id.to_string(),
            what,
            number: number.to_string(),
            text: text.to_string(),
            status: f.map(|f| f.status),
            outcome: match f {
                Some(f) => Outcome::of_status(f.status),
                None if related.is_empty() => Outcome::NotAddressed,
                None => Outcome::NoVerdictStated,
            },
            summary: f.map(|f| f.summary.clone()),
            evidence: f.map(|f| f.evidence.clone()).unwrap_or_default(),
            related,
        }
    };
    let items = earlier
        .decisions
        .iter()
        .map(|d| item("decision", &d.id, &d.number, &d.text, &[]))
        .chain(
            earlier
                .recommendations
                .iter()
                .map(|r| item("recommendation", &r.id, &r.number, &r.text, &r.gaps)),
        )
        .collect();
    let new_gaps = current_gaps(later)
        .filter(|g| !linked.contains(g.id.as_str()))
        .map(|g| g.id.clone())
        .collect();
    FollowUpReport {
        earlier: earlier.id.clone(),
        later: later.id.clone(),
        gaps,
        items,
        new_gaps,
    }
}

const SAME_KEY: &str = "same gap key";

/// Kinds too general for one end of a relation to make it concern a gap (rule 3): every
/// leadership relation would concern every leadership gap.
const GENERIC: [ServiceKind; 4] = [
    ServiceKind::Ledelse,
    ServiceKind::Kommune,
    ServiceKind::Team,
    ServiceKind::Other,
];

/// Everything in `later` that concerns `gap` of `earlier`, by rules 1–5 of the module docs.
fn related_to_gap(earlier: &Report, gap: &Gap, later: &Report, mode: KeyMode) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    let key = GapKey::of(earlier, gap, mode);
    let kinds: BTreeSet<ServiceKind> = gap
        .services
        .iter()
        .filter_map(|id| earlier.service(id.as_str()))
        .map(|s| s.resolved_kind())
        .collect();
    let related_cats = related_categories(gap.category);
    for l in &later.gaps {
        let why = if GapKey::of(later, l, mode) == key {
            SAME_KEY.to_string()
        } else if l.category == gap.category {
            "same category".to_string()
        } else if related_cats.contains(&l.category) {
            format!(
                "related category {} (the crate's table, not the report's)",
                l.category.word()
            )
        } else {
            continue;
        };
        out.push(Related {
            what: RelatedKind::Gap,
            id: l.id.clone(),
            why,
            status: l.severity.word().to_string(),
            summary: l.summary.clone(),
            evidence: l.evidence.clone(),
        });
    }
    let kind_of = |id: &str| later.service(id).map(|s| s.resolved_kind());
    let (rel_kinds, system_only) = relation_kinds_for(gap.category);
    for r in &later.relations {
        let ends = (kind_of(r.from.as_str()), kind_of(r.to.as_str()));
        let why = match ends {
            (Some(a), Some(b)) if kinds.len() >= 2 && kinds.contains(&a) && kinds.contains(&b) => {
                Some("a relation between the kinds of services the gap names".to_string())
            }
            (Some(a), Some(b))
                if kinds.len() == 1
                    && !kinds.iter().any(|k| GENERIC.contains(k))
                    && (kinds.contains(&a) || kinds.contains(&b)) =>
            {
                Some("a relation of the kind of service the gap names".to_string())
            }
            _ if kinds.is_empty() && concerns(r, rel_kinds, system_only) => Some(format!(
                "a relation of a kind {} concerns (the crate's table)",
                gap.category.word()
            )),
            _ => None,
        };
        if let Some(why) = why {
            out.push(Related {
                what: RelatedKind::Relation,
                id: r.id.clone(),
                why,
                status: r.status.word().to_string(),
                summary: r.summary.clone(),
                evidence: r.evidence.clone(),
            });
        }
    }
    for rec in earlier
        .recommendations
        .iter()
        .filter(|r| r.gaps.contains(&gap.id))
    {
        for f in later
            .follow_ups
            .iter()
            .filter(|f| f.of.report == earlier.id && f.of.item == rec.id)
        {
            out.push(Related {
                what: RelatedKind::FollowUp,
                id: f.id.clone(),
                why: format!(
                    "the follow-up of recommendation {}, which addresses the gap",
                    rec.number
                ),
                status: f.status.word().to_string(),
                summary: f.summary.clone(),
                evidence: f.evidence.clone(),
            });
        }
    }
    out.sort();
    out.dedup();
    out
}

fn concerns(r: &Relation, kinds: &[RK], system_only: bool) -> bool {
    r.kinds.iter().any(|k| kinds.contains(k)) && (!system_only || r.level != Level::Individual)
}
