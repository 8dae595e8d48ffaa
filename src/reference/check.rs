//! The check of a report against the reference model: the basis of each expectation, and the
//! rule that turns it into a finding (see the [parent module](super)).

use std::collections::BTreeSet;

use super::{
    Basis, BasisKind, Expectation, Expected, Finding, ReferenceCheck, Weight, expectations,
};
use crate::model::{Evidence, Gap, Relation, Report, Service};
use crate::taxonomy::{
    GapCategory, Level, RelationKind, ServiceKind, ServiceStatus, Severity, Status, Verdict,
    Vocabulary as _,
};

/// Every expectation of [`expectations`] checked against `report`, in the model's order (see
/// the [module docs](super) for the rule).
///
/// # Complexity
/// O(e · (r + s + g)) for e expectations and the report's r relations, s services, g gaps (and
/// O(r²) for the shared forums of a link).
pub fn check(report: &Report) -> Vec<ReferenceCheck> {
    expectations()
        .into_iter()
        .map(|e| {
            let mut basis = match &e.expected {
                Expected::Link(a, b, kinds) => link(report, &e, a, b, kinds),
                Expected::Service(kind) => service(report, &e, *kind),
                Expected::Practice(category) => practice(report, &e, *category),
            };
            basis.sort();
            basis.dedup();
            let (finding, reason) = decide(&basis);
            ReferenceCheck {
                expectation: e.id,
                finding,
                items: basis.iter().map(|b| b.id.clone()).collect(),
                basis,
                reason,
            }
        })
        .collect()
}

/// The finding and its ground, by the rule of the module docs.
fn decide(basis: &[Basis]) -> (Finding, String) {
    let ids = |pred: &dyn Fn(&Basis) -> bool| -> Vec<&str> {
        basis
            .iter()
            .filter(|b| pred(b))
            .map(|b| b.id.as_str())
            .collect()
    };
    let working = ids(&|b| b.weight == Weight::Working);
    let partly = ids(&|b| b.weight == Weight::Partly);
    let problems = ids(&|b| matches!(b.weight, Weight::Problem | Weight::Missing));
    let missing_only = basis
        .iter()
        .filter(|b| matches!(b.weight, Weight::Problem | Weight::Missing))
        .all(|b| b.weight == Weight::Missing);
    let exists = ids(&|b| b.weight == Weight::Exists);
    let absent = ids(&|b| b.weight == Weight::Absent);
    let unclear = ids(&|b| b.weight == Weight::Unclear);
    let list = |v: &[&str]| v.join(", ");
    if !partly.is_empty() || (!working.is_empty() && !problems.is_empty()) {
        let relation_levels = |w: Weight| -> BTreeSet<Level> {
            basis
                .iter()
                .filter(|b| b.what == BasisKind::Relation && b.weight == w)
                .filter_map(|b| b.level)
                .collect()
        };
        let (up, down) = (
            relation_levels(Weight::Working),
            relation_levels(Weight::Problem),
        );
        let split =
            up == BTreeSet::from([Level::System]) && down == BTreeSet::from([Level::Individual]);
        let reason = if !partly.is_empty() {
            let mut parts = vec![format!("concluded partly fulfilled ({})", list(&partly))];
            if !working.is_empty() {
                parts.push(format!("stated to work ({})", list(&working)));
            }
            if !problems.is_empty() {
                parts.push(format!("stated problems ({})", list(&problems)));
            }
            parts.join("; ")
        } else if split {
            format!(
                "working at system level ({}), strained in individual cases ({})",
                list(&working),
                list(&problems)
            )
        } else {
            format!(
                "stated to work ({}) and stated problems ({}); neither hides the other",
                list(&working),
                list(&problems)
            )
        };
        return (Finding::WorkingAndStrained, reason);
    }
    if !problems.is_empty() {
        if missing_only {
            return (
                Finding::Missing,
                format!("stated missing or refused ({})", list(&problems)),
            );
        }
        return (
            Finding::Strained,
            format!(
                "stated problems ({}); nothing stated to work",
                list(&problems)
            ),
        );
    }
    if !working.is_empty() {
        return (
            Finding::Working,
            format!("stated to work ({}); no problem stated", list(&working)),
        );
    }
    if !exists.is_empty() {
        return (
            Finding::Described,
            format!(
                "stated to exist ({}); the report does not judge how it works",
                list(&exists)
            ),
        );
    }
    if !absent.is_empty() {
        return (
            Finding::Missing,
            format!("discontinued ({}); never listed as working", list(&absent)),
        );
    }
    if !unclear.is_empty() {
        return (
            Finding::Unclear,
            format!("planned or unclear ({})", list(&unclear)),
        );
    }
    (
        Finding::NotDescribed,
        "nothing in the record concerns it".to_string(),
    )
}

fn relation_weight(status: Status) -> Weight {
    match status {
        Status::Functioning => Weight::Working,
        Status::Strained | Status::NotFollowed => Weight::Problem,
        Status::Missing | Status::Refused => Weight::Missing,
        Status::Described => Weight::Exists,
        Status::Discontinued => Weight::Absent,
        Status::Unclear | Status::Planned => Weight::Unclear,
    }
}

fn service_weight(status: ServiceStatus) -> Weight {
    match status {
        ServiceStatus::Existing => Weight::Exists,
        ServiceStatus::Missing => Weight::Missing,
        ServiceStatus::Discontinued => Weight::Absent,
        _ => Weight::Unclear,
    }
}

fn gap_weight(gap: &Gap) -> Weight {
    if gap.severity == Severity::Resolved {
        Weight::Working
    } else {
        Weight::Problem
    }
}

fn of_relation(r: &Relation) -> Basis {
    Basis {
        what: BasisKind::Relation,
        id: r.id.clone(),
        status: r.status.word().to_string(),
        weight: relation_weight(r.status),
        level: Some(r.level),
        summary: r.summary.clone(),
        evidence: r.evidence.clone(),
    }
}

fn of_gap(g: &Gap) -> Basis {
    Basis {
        what: BasisKind::Gap,
        id: g.id.clone(),
        status: g.severity.word().to_string(),
        weight: gap_weight(g),
        level: None,
        summary: g.summary.clone(),
        evidence: g.evidence.clone(),
    }
}

fn of_service(s: &Service) -> Basis {
    Basis {
        what: BasisKind::Service,
        id: s.id.to_string(),
        status: s.status.word().to_string(),
        weight: service_weight(s.status),
        level: None,
        summary: format!("{} ({})", s.name, s.resolved_kind().word()),
        evidence: s.evidence.clone(),
    }
}

/// True when `terms` is empty or one of them occurs (case-insensitively) in one of `texts`.
fn mentions<'a>(terms: &[&str], texts: impl IntoIterator<Item = &'a str>) -> bool {
    if terms.is_empty() {
        return true;
    }
    texts.into_iter().any(|t| {
        let t = t.to_lowercase();
        terms.iter().any(|w| t.contains(w))
    })
}

fn quotes(evidence: &[Evidence]) -> impl Iterator<Item = &str> {
    evidence.iter().map(|e| e.quote.as_str())
}

fn service_mentions(terms: &[&str], s: &Service) -> bool {
    mentions(
        terms,
        std::iter::once(s.name.as_str())
            .chain(s.aliases.iter().map(String::as_str))
            .chain(s.note.as_deref())
            .chain(quotes(&s.evidence)),
    )
}

fn relation_mentions(terms: &[&str], r: &Relation) -> bool {
    mentions(
        terms,
        std::iter::once(r.summary.as_str())
            .chain(r.note.as_deref())
            .chain(quotes(&r.evidence)),
    )
}

fn gap_mentions(terms: &[&str], g: &Gap) -> bool {
    mentions(
        terms,
        std::iter::once(g.summary.as_str())
            .chain(g.note.as_deref())
            .chain(quotes(&g.evidence)),
    )
}

/// A link: direct relations, shared forums, shared units, and gaps naming both sides (or the
/// expectation's categories, or a matching relation).
fn link(
    report: &Report,
    e: &Expectation,
    a: &[ServiceKind],
    b: &[ServiceKind],
    kinds: &[RelationKind],
) -> Vec<Basis> {
    let terms = &e.terms;
    let kind = |id: &str| report.service(id).map(|s| s.resolved_kind());
    let side = |id: &str, of: &[ServiceKind]| kind(id).is_some_and(|k| of.contains(&k));
    let across = |x: &str, y: &str| (side(x, a) && side(y, b)) || (side(x, b) && side(y, a));
    let mut out = Vec::new();
    let mut direct: BTreeSet<&str> = BTreeSet::new();
    for r in &report.relations {
        if (kinds.is_empty() || r.kinds.iter().any(|k| kinds.contains(k)))
            && across(r.from.as_str(), r.to.as_str())
            && (relation_mentions(terms, r)
                || [&r.from, &r.to]
                    .iter()
                    .filter_map(|id| report.service(id.as_str()))
                    .any(|s| !terms.is_empty() && service_mentions(terms, s)))
        {
            direct.insert(&r.id);
            out.push(of_relation(r));
        }
    }
    // Shared forums and units: only for a link of any relation kind (an agreement is not made
    // by sitting in one meeting) and with no narrowing words.
    if kinds.is_empty() && terms.is_empty() {
        let members: Vec<&Relation> = report
            .relations
            .iter()
            .filter(|r| r.kinds.contains(&RelationKind::TeamMembership) && r.status.exists())
            .collect();
        let mut forums: BTreeSet<&str> = BTreeSet::new();
        for x in &members {
            for y in &members {
                for (fx, mx) in [(&x.to, &x.from), (&x.from, &x.to)] {
                    for (fy, my) in [(&y.to, &y.from), (&y.from, &y.to)] {
                        if fx == fy
                            && side(mx.as_str(), a)
                            && side(my.as_str(), b)
                            && forums.insert(fx.as_str())
                        {
                            out.push(Basis {
                                what: BasisKind::SharedForum,
                                id: fx.to_string(),
                                status: format!("{} / {}", x.status.word(), y.status.word()),
                                // Sitting in one forum shows the link exists, not that it works.
                                weight: Weight::Exists,
                                level: None,
                                summary: format!(
                                    "{mx} and {my} are both members of {fx} ({}, {})",
                                    x.id, y.id
                                ),
                                evidence: x.evidence.iter().chain(&y.evidence).cloned().collect(),
                            });
                        }
                    }
                }
            }
        }
        let mut units: BTreeSet<&str> = BTreeSet::new();
        for x in report.services.iter().filter(|s| side(s.id.as_str(), a)) {
            for y in report.services.iter().filter(|s| side(s.id.as_str(), b)) {
                if let (Some(px), Some(py)) = (&x.parent, &y.parent)
                    && px == py
                    && units.insert(px.as_str())
                {
                    let unit = report.service(px.as_str());
                    out.push(Basis {
                        what: BasisKind::SharedUnit,
                        id: px.to_string(),
                        status: unit.map_or("existing", |u| u.status.word()).to_string(),
                        weight: Weight::Exists,
                        level: None,
                        summary: format!("{} and {} both belong to {px}", x.id, y.id),
                        evidence: unit
                            .map(|u| u.evidence.clone())
                            .unwrap_or_default()
                            .into_iter()
                            .chain(x.evidence.iter().take(1).cloned())
                            .chain(y.evidence.iter().take(1).cloned())
                            .collect(),
                    });
                }
            }
        }
    }
    for g in &report.gaps {
        // A gap naming both sides concerns a link of any kind; for a link of given relation kinds
        // (an agreement) only a gap on a matching relation, or one of the expectation's
        // categories naming both sides, concerns it.
        let names_a = g.services.iter().any(|s| side(s.as_str(), a));
        let names_b = g.services.iter().any(|s| side(s.as_str(), b));
        let names_both = kinds.is_empty() && names_a && names_b;
        let on_relation = g.relations.iter().any(|r| direct.contains(r.as_str()));
        // A gap of the expectation's category counts only when it names both sides: "no
        // agreements" with no service named may be about agreements inside the municipality.
        let by_category = e.categories.contains(&g.category) && names_a && names_b;
        if on_relation || ((names_both || by_category) && gap_mentions(terms, g)) {
            out.push(of_gap(g));
        }
    }
    out
}

/// A service: services of the kind, their relations, gaps naming them or of the expectation's
/// categories.
fn service(report: &Report, e: &Expectation, kind: ServiceKind) -> Vec<Basis> {
    let terms = &e.terms;
    let of_kind: BTreeSet<&str> = report
        .services
        .iter()
        .filter(|s| s.resolved_kind() == kind && service_mentions(terms, s))
        .map(|s| s.id.as_str())
        .collect();
    let mut out: Vec<Basis> = report
        .services
        .iter()
        .filter(|s| of_kind.contains(s.id.as_str()))
        .map(of_service)
        .collect();
    for r in &report.relations {
        if of_kind.contains(r.from.as_str()) || of_kind.contains(r.to.as_str()) {
            out.push(of_relation(r));
        }
    }
    for g in &report.gaps {
        if g.services.iter().any(|s| of_kind.contains(s.as_str()))
            || (e.categories.contains(&g.category) && gap_mentions(terms, g))
        {
            out.push(of_gap(g));
        }
    }
    out
}

/// A practice: gaps of its category, and the conclusions on audit questions that name it.
fn practice(report: &Report, e: &Expectation, category: GapCategory) -> Vec<Basis> {
    let mut out: Vec<Basis> = report
        .gaps
        .iter()
        .filter(|g| g.category == category || e.categories.contains(&g.category))
        .map(of_gap)
        .collect();
    if e.terms.is_empty() {
        return out;
    }
    for c in &report.conclusions {
        let names_it = report
            .questions
            .iter()
            .filter(|q| q.id == c.question)
            .any(|q| mentions(&e.terms, [q.text.as_str()]));
        if names_it {
            out.push(Basis {
                what: BasisKind::Conclusion,
                id: c.id.clone(),
                status: c.verdict.word().to_string(),
                weight: match c.verdict {
                    Verdict::Fulfilled | Verdict::LargelyFulfilled => Weight::Working,
                    Verdict::Partly => Weight::Partly,
                    Verdict::NotFulfilled => Weight::Problem,
                    _ => Weight::Exists,
                },
                level: None,
                summary: c.summary.clone(),
                evidence: c.evidence.clone(),
            });
        }
    }
    out
}
