//! Comparison on hand-made corpora with known answers, and the laws the analyses obey.

use proptest::prelude::*;
use samhandling::compare::{
    GapKey, Jaccard, KeyMode, Outcome, OutcomeBasis, all_pairs, diff, follow_up, gap_matrix,
    nearest, nearest_per_report, recurrence, trends,
};
use samhandling::model::{FollowUp, ItemRef, Recommendation};
use samhandling::taxonomy::{
    Direction, FollowUpStatus, GapCategory as C, Genre, Level, RelationKind, ServiceKind as K,
    Severity as S, StatedIn, Status,
};
use samhandling::{Corpus, Evidence, Gap, Relation, Report, Service};

fn ev() -> Vec<Evidence> {
    vec![Evidence {
        source: "000_b1b178c2101948b1.txt".into(),
        line: 5,
        quote: "Romerike revisjon".into(),
    }]
}

/// Recommendation `rec-1`, addressing `gaps`.
fn recommendation(gaps: &[&str]) -> Recommendation {
    Recommendation {
        id: "rec-1".into(),
        number: "1".into(),
        text: "Kommunen bør ...".into(),
        gaps: gaps.iter().map(|g| g.to_string()).collect(),
        evidence: ev(),
        note: None,
    }
}

/// Follow-up item `id` about `item` of report `x-2018`, linked to the follow-up's own `gaps`.
fn follow_up_item(id: &str, item: &str, status: FollowUpStatus, gaps: &[&str]) -> FollowUp {
    FollowUp {
        id: id.into(),
        of: ItemRef {
            report: "x-2018".into(),
            item: item.into(),
        },
        status,
        summary: "status".into(),
        gaps: gaps.iter().map(|g| g.to_string()).collect(),
        evidence: ev(),
        note: None,
    }
}

/// A report with one service per kind used, and one gap per `(category, severity, kinds)`.
fn report(id: &str, municipality: &str, year: u16, gaps: &[(C, S, &[K])]) -> Report {
    let mut kinds: Vec<K> = gaps.iter().flat_map(|g| g.2.iter().copied()).collect();
    kinds.sort();
    kinds.dedup();
    Report {
        id: id.into(),
        title: Some(format!("Rapport {id}")),
        scope: Default::default(),
        municipalities: vec![municipality.into()],
        districts: vec![],
        auditor: Some("Revisjon IKS".into()),
        year: Some(year),
        date: None,
        genre: Genre::Forvaltningsrevisjon,
        commissioned_by: None,
        methods: vec![],
        follows_up: None,
        derived_from: None,
        draft: None,
        closed: None,
        evidence: ev(),
        note: None,
        questions: vec![],
        criteria: vec![],
        services: kinds
            .iter()
            .map(|k| Service {
                id: k.to_string().as_str().into(),
                name: format!("Tjeneste {k}"),
                kind: Some(*k),
                owner: None,
                parent: None,
                status: Default::default(),
                aliases: vec![],
                evidence: ev(),
                note: None,
            })
            .collect(),
        relations: vec![],
        gaps: gaps
            .iter()
            .enumerate()
            .map(|(i, (category, severity, kinds))| Gap {
                id: format!("g{i}"),
                category: *category,
                severity: *severity,
                term: None,
                stated_in: None,
                summary: format!("gap {i}"),
                services: kinds
                    .iter()
                    .map(|k| k.to_string().as_str().into())
                    .collect(),
                relations: vec![],
                criteria: vec![],
                legal: vec![],
                evidence: ev(),
                note: None,
            })
            .collect(),
        recommendations: vec![],
        conclusions: vec![],
        decisions: vec![],
        follow_ups: vec![],
        figures: vec![],
    }
}

/// A relation `id` between services `from` and `to`, of one kind, at system level.
fn relation(id: &str, from: &str, to: &str, kind: RelationKind, status: Status) -> Relation {
    Relation {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        kinds: vec![kind],
        direction: Direction::Mutual,
        level: Level::System,
        status,
        cadence: None,
        summary: "samarbeid".into(),
        evidence: ev(),
        note: None,
    }
}

fn key(category: C, kinds: &[K]) -> GapKey {
    GapKey {
        category,
        kinds: kinds.to_vec(),
    }
}

/// Three municipalities: A and B share a coordinator gap with NAV and DPS; all three share a
/// capacity gap; only C has a housing gap; B's individual-plan gap is resolved.
fn three() -> Corpus {
    Corpus::from_reports([
        report(
            "a-2015",
            "A",
            2015,
            &[
                (C::Coordinator, S::Breach, &[K::Nav, K::Dps]),
                (C::Capacity, S::Improvement, &[]),
                (C::Capacity, S::Risk, &[]),
            ],
        ),
        report(
            "b-2015",
            "B",
            2015,
            &[
                (C::Coordinator, S::Improvement, &[K::Dps, K::Nav]),
                (C::Capacity, S::Improvement, &[]),
                (C::IndividualPlan, S::Resolved, &[]),
            ],
        ),
        report(
            "c-2020",
            "C",
            2020,
            &[
                (C::Capacity, S::Breach, &[]),
                (C::Housing, S::Breach, &[K::Nav]),
            ],
        ),
    ])
    .unwrap()
}

#[test]
fn matrix_counts_cells_and_keeps_the_highest_severity() {
    let corpus = three();
    let m = gap_matrix(&corpus, KeyMode::Category);
    assert_eq!(
        m.columns,
        [
            key(C::Coordinator, &[]),
            key(C::Capacity, &[]),
            key(C::Housing, &[])
        ],
        "columns in the taxonomy's order, resolved gaps left out"
    );
    let a = &m.rows[0];
    assert_eq!(a.report.as_str(), "a-2015");
    let capacity = &a.cells[&key(C::Capacity, &[])];
    assert_eq!((capacity.count, capacity.highest), (2, S::Risk));
    assert_eq!(capacity.gaps, ["g1", "g2"]);
    assert_eq!(
        m.rows.iter().map(|r| r.total()).collect::<Vec<_>>(),
        [3, 2, 2]
    );
    assert_eq!(m.rows[2].count(&key(C::Coordinator, &[])), 0);
}

#[test]
fn recurrence_finds_common_and_unique_keys() {
    let corpus = three();
    let rec = recurrence(&corpus, KeyMode::CategoryAndKinds);
    assert_eq!(rec.n_reports, 3);
    let all: Vec<String> = rec.common_to(3).map(|k| k.key.to_string()).collect();
    assert_eq!(all, ["capacity"]);
    let two: Vec<String> = rec.common_to(2).map(|k| k.key.to_string()).collect();
    assert_eq!(two, ["capacity", "coordinator[nav+dps]"]);
    let coordinator = rec.get(&key(C::Coordinator, &[K::Nav, K::Dps])).unwrap();
    assert_eq!(coordinator.municipalities, ["A", "B"]);
    assert!((coordinator.share - 2.0 / 3.0).abs() < 1e-12);
    let unique: Vec<String> = rec.unique().map(|k| k.key.to_string()).collect();
    assert_eq!(unique, ["housing[nav]"]);
}

#[test]
fn similarity_lists_shared_and_differing_keys() {
    let corpus = three();
    let (a, c) = (corpus.get("a-2015").unwrap(), corpus.get("c-2020").unwrap());
    let s = Jaccard.compare(a, c, KeyMode::CategoryAndKinds);
    assert_eq!(s.gaps.shared, [key(C::Capacity, &[])]);
    assert_eq!(s.gaps.only_a, [key(C::Coordinator, &[K::Nav, K::Dps])]);
    assert_eq!(s.gaps.only_b, [key(C::Housing, &[K::Nav])]);
    assert!((s.gaps.jaccard - 1.0 / 3.0).abs() < 1e-12);

    let pairs = all_pairs(&corpus, KeyMode::CategoryAndKinds);
    assert_eq!(pairs.len(), 3);
    assert_eq!(
        (pairs[0].a.as_str(), pairs[0].b.as_str()),
        ("a-2015", "b-2015")
    );
    assert_eq!(pairs[0].gaps.jaccard, 1.0);

    let near = nearest(&corpus, "c-2020", 1, KeyMode::CategoryAndKinds).unwrap();
    assert_eq!(near[0].b.as_str(), "a-2015", "ties go to the lower id");
    assert!(nearest(&corpus, "x-1999", 1, KeyMode::Category).is_err());

    let per = nearest_per_report(&corpus, 2, KeyMode::CategoryAndKinds);
    assert_eq!(per["a-2015"][0].report.as_str(), "b-2015");
    assert_eq!(per["a-2015"].len(), 2);
}

#[test]
fn relations_compare_at_kind_level() {
    let mut a = report(
        "a-2015",
        "A",
        2015,
        &[(C::Capacity, S::Breach, &[K::Nav, K::Dps])],
    );
    let relation = |from: &str, to: &str, status| Relation {
        id: format!("r-{from}-{to}"),
        from: from.into(),
        to: to.into(),
        kinds: vec![RelationKind::Meeting],
        direction: Direction::Mutual,
        level: Level::System,
        status,
        cadence: None,
        summary: "møter".into(),
        evidence: ev(),
        note: None,
    };
    let mut b = a.clone();
    b.id = "b-2015".into();
    a.relations
        .push(relation("nav", "dps", Status::Functioning));
    b.relations.push(relation("dps", "nav", Status::Strained));
    let s = Jaccard.compare(&a, &b, KeyMode::Category);
    assert_eq!(
        s.relations.jaccard, 1.0,
        "mutual relations compare regardless of order; strained works"
    );
    b.relations[0].status = Status::Missing;
    let s = Jaccard.compare(&a, &b, KeyMode::Category);
    assert_eq!(s.relations.jaccard, 0.0);
    assert!(!s.relations.only_b[0].working);
}

#[test]
fn diff_separates_keys() {
    let corpus = three();
    let d = diff(
        corpus.get("a-2015").unwrap(),
        corpus.get("c-2020").unwrap(),
        KeyMode::Category,
    );
    assert_eq!(
        d.only_a.keys().cloned().collect::<Vec<_>>(),
        [key(C::Coordinator, &[])]
    );
    assert_eq!(
        d.only_b.keys().cloned().collect::<Vec<_>>(),
        [key(C::Housing, &[])]
    );
    let (in_a, in_c) = &d.both[&key(C::Capacity, &[])];
    assert_eq!((in_a.len(), in_c.len()), (2, 1));
    assert!(!d.is_empty());
}

#[test]
fn follow_up_keeps_stated_verdicts_and_labels_the_rest_as_inference() {
    let mut earlier = report(
        "x-2018",
        "X",
        2018,
        &[
            (C::Coordinator, S::Breach, &[K::Nav]),
            (C::Capacity, S::Improvement, &[]),
            (C::Housing, S::Breach, &[]),
        ],
    );
    earlier.recommendations.push(recommendation(&["g0"]));
    let mut later = report(
        "x-2025",
        "X",
        2025,
        &[
            (C::Capacity, S::Improvement, &[]),
            (C::Safety, S::Risk, &[]),
        ],
    );
    later.follows_up = Some("x-2018".into());
    for (id, item, status) in [
        ("fu-1", "g0", FollowUpStatus::Implemented),
        ("fu-2", "rec-1", FollowUpStatus::Partly),
    ] {
        later.follow_ups.push(follow_up_item(id, item, status, &[]));
    }
    Corpus::from_reports([earlier.clone(), later.clone()]).unwrap();
    let f = follow_up(&earlier, &later, KeyMode::Category);
    let outcomes: Vec<(Outcome, OutcomeBasis)> =
        f.gaps.iter().map(|g| (g.outcome, g.basis)).collect();
    assert_eq!(
        outcomes,
        [
            (Outcome::Resolved, OutcomeBasis::Stated),
            (Outcome::NoVerdictStated, OutcomeBasis::Inferred),
            (Outcome::NotAddressed, OutcomeBasis::None),
        ]
    );
    // The capacity gap: no verdict, the later capacity gap listed as related, never as a verdict.
    let related: Vec<(&str, &str)> = f.gaps[1]
        .related
        .iter()
        .map(|r| (r.id.as_str(), r.why.as_str()))
        .collect();
    assert_eq!(related, [("g0", "same gap key")]);
    assert!(
        f.gaps[1].evidence.is_empty(),
        "no auditor's evidence for a verdict"
    );
    assert!(f.gaps[2].related.is_empty());
    // A stated `partly` stays partly.
    assert_eq!(f.items[0].status, Some(FollowUpStatus::Partly));
    assert_eq!(f.items[0].outcome, Outcome::Partly);
    assert_eq!(
        f.new_gaps,
        ["g1"],
        "the safety gap is new; the capacity gap persists"
    );
}

/// Stated statuses are kept as stated; related relations and follow-up items of recommendations
/// are found for a gap with no verdict; "not addressed" only when nothing concerns it.
#[test]
fn follow_up_relates_relations_and_recommendation_items_to_gaps_without_a_verdict() {
    let mut earlier = report(
        "x-2018",
        "X",
        2018,
        &[
            (C::InformationSharing, S::Improvement, &[]),
            (C::Capacity, S::Improvement, &[]),
            (C::Housing, S::Improvement, &[K::Nav, K::Bolig]),
            (C::Safety, S::Improvement, &[]),
        ],
    );
    earlier.recommendations.push(recommendation(&["g1"]));
    let mut later = report(
        "x-2025",
        "X",
        2025,
        &[(C::Competence, S::Risk, &[K::Nav, K::Bolig])],
    );
    later.follows_up = Some("x-2018".into());
    later.relations.push(relation(
        "r-info",
        "nav",
        "bolig",
        RelationKind::InformationSharing,
        Status::Strained,
    ));
    later.follow_ups.push(follow_up_item(
        "fu-rec",
        "rec-1",
        FollowUpStatus::InProgress,
        &[],
    ));
    later
        .follow_ups
        .push(follow_up_item("fu-g3", "g3", FollowUpStatus::Partly, &[]));
    Corpus::from_reports([earlier.clone(), later.clone()]).unwrap();
    let f = follow_up(&earlier, &later, KeyMode::CategoryAndKinds);
    let by_gap = |id: &str| f.gaps.iter().find(|g| g.gap == id).unwrap();
    // Information sharing, no services: the later information-sharing relation concerns it.
    let info = by_gap("g0");
    assert_eq!(info.outcome, Outcome::NoVerdictStated);
    assert!(
        info.related
            .iter()
            .any(|r| r.id == "r-info" && r.status == "strained"),
        "{:?}",
        info.related
    );
    // Capacity: the follow-up item of the recommendation that addresses it.
    let cap = by_gap("g1");
    assert_eq!(cap.outcome, Outcome::NoVerdictStated);
    assert!(
        cap.related
            .iter()
            .any(|r| r.id == "fu-rec" && r.status == "in_progress")
    );
    // Housing between NAV and housing: the relation between the same kinds.
    assert!(by_gap("g2").related.iter().any(|r| r.id == "r-info"));
    // Safety: stated partly, kept so.
    assert_eq!(
        (by_gap("g3").outcome, by_gap("g3").status),
        (Outcome::Partly, Some(FollowUpStatus::Partly))
    );
    assert_eq!(f.items[0].outcome, Outcome::InProgress);
    assert!(f.gaps.iter().all(|g| g.outcome != Outcome::NotAddressed));
}

/// A view of some gaps leaves out the others and every reference to them, and keeps the corpus
/// valid: a recommendation's link, a follow-up item about the gap, a follow-up's own link.
#[test]
fn with_gaps_leaves_out_gaps_and_every_reference_to_them() {
    let mut earlier = report(
        "x-2018",
        "X",
        2018,
        &[
            (C::Coordinator, S::Improvement, &[]),
            (C::Capacity, S::Improvement, &[]),
        ],
    );
    earlier.gaps[0].stated_in = Some(StatedIn::Findings);
    earlier.gaps[1].stated_in = Some(StatedIn::Assessment);
    earlier.recommendations.push(recommendation(&["g0", "g1"]));
    let mut later = report("x-2025", "X", 2025, &[(C::Capacity, S::Risk, &[])]);
    later.gaps[0].stated_in = Some(StatedIn::Findings);
    later.follows_up = Some("x-2018".into());
    for (id, item) in [("fu-1", "g0"), ("fu-2", "rec-1")] {
        let item = follow_up_item(id, item, FollowUpStatus::Partly, &["g0"]);
        later.follow_ups.push(item);
    }
    let corpus = Corpus::from_reports([earlier, later]).unwrap();
    let assessed = corpus
        .with_gaps(|_, g| g.stated_in != Some(StatedIn::Findings))
        .unwrap();
    let (e, l) = (
        assessed.get("x-2018").unwrap(),
        assessed.get("x-2025").unwrap(),
    );
    let ids = |gaps: &[Gap]| gaps.iter().map(|g| g.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&e.gaps), ["g1"]);
    assert_eq!(e.recommendations[0].gaps, ["g1"]);
    assert!(l.gaps.is_empty());
    let follow_ups: Vec<(&str, usize)> = l
        .follow_ups
        .iter()
        .map(|f| (f.id.as_str(), f.gaps.len()))
        .collect();
    assert_eq!(follow_ups, [("fu-2", 0)], "fu-1 was about the gap left out");
    assert_eq!(
        corpus.get("x-2018").unwrap().gaps.len(),
        2,
        "the corpus itself is unchanged"
    );
}

#[test]
fn trends_give_shares_by_year_and_genre() {
    let t = trends(&three());
    assert_eq!(
        t.by_year
            .iter()
            .map(|g| g.group.as_str())
            .collect::<Vec<_>>(),
        ["2015", "2020"]
    );
    assert_eq!(t.by_year[0].shares[&C::Coordinator], 1.0);
    assert_eq!(
        t.by_year[0].shares.get(&C::IndividualPlan),
        None,
        "resolved gaps are not current"
    );
    assert_eq!(t.by_genre.len(), 1);
    assert!((t.by_genre[0].shares[&C::Coordinator] - 2.0 / 3.0).abs() < 1e-12);
}

fn arb_gaps() -> impl Strategy<Value = Vec<(C, S, Vec<K>)>> {
    let category = proptest::sample::select(C::ALL);
    let severity = proptest::sample::select(S::ALL);
    let kinds = proptest::collection::vec(proptest::sample::select(&K::ALL[..6]), 0..3);
    proptest::collection::vec((category, severity, kinds), 0..8)
}

fn arb_report(id: &'static str) -> impl Strategy<Value = Report> {
    arb_gaps().prop_map(move |gaps| {
        let gaps: Vec<(C, S, &[K])> = gaps
            .iter()
            .map(|(c, s, k)| (*c, *s, k.as_slice()))
            .collect();
        report(id, id, 2020, &gaps)
    })
}

proptest! {
    #[test]
    fn jaccard_is_symmetric_bounded_and_one_on_itself(a in arb_report("a-2020"), b in arb_report("b-2020")) {
        for mode in [KeyMode::Category, KeyMode::CategoryAndKinds] {
            let ab = Jaccard.compare(&a, &b, mode);
            let ba = Jaccard.compare(&b, &a, mode);
            prop_assert_eq!(ab.gaps.jaccard, ba.gaps.jaccard);
            prop_assert_eq!(ab.relations.jaccard, ba.relations.jaccard);
            prop_assert!((0.0..=1.0).contains(&ab.gaps.jaccard));
            prop_assert_eq!(Jaccard.compare(&a, &a, mode).gaps.jaccard, 1.0);
            prop_assert!(diff(&a, &a, mode).is_empty());
        }
    }

    #[test]
    fn matrix_rows_sum_to_current_gaps_and_shares_are_bounded(
        a in arb_report("a-2020"), b in arb_report("b-2020"), c in arb_report("c-2020")
    ) {
        let corpus = Corpus::from_reports([a, b, c]).unwrap();
        for mode in [KeyMode::Category, KeyMode::CategoryAndKinds] {
            let m = gap_matrix(&corpus, mode);
            for (row, r) in m.rows.iter().zip(corpus.iter()) {
                let current = r.gaps.iter().filter(|g| g.severity != S::Resolved).count();
                prop_assert_eq!(row.total(), current);
            }
            let rec = recurrence(&corpus, mode);
            for k in &rec.keys {
                prop_assert!(k.share > 0.0 && k.share <= 1.0);
            }
            let naive = all_pairs(&corpus, mode);
            let fast = nearest_per_report(&corpus, 2, mode);
            for pair in &naive {
                let listed = &fast[&pair.a];
                prop_assert!(listed.iter().any(|n| n.report == pair.b && n.jaccard == pair.gaps.jaccard));
            }
        }
    }
}

/// A synthesis's claims one by one: supported, partly and not supported, with the municipalities
/// and lines behind each; a part citing the claim's own line is circular; a finding-only gap of the
/// synthesis is no claim; what is common and not claimed is listed with its holders.
#[test]
fn synthesis_claims_are_checked_one_by_one() {
    use samhandling::compare::{Support, synthesis_check};
    let a = report(
        "a-2015",
        "A",
        2015,
        &[(C::Capacity, S::Breach, &[]), (C::Housing, S::Breach, &[])],
    );
    let mut b = report(
        "b-2015",
        "B",
        2015,
        &[(C::Capacity, S::Breach, &[]), (C::Housing, S::Breach, &[])],
    );
    b.gaps[0].evidence[0].line = 9;
    let mut note = report(
        "note-2015",
        "A",
        2015,
        &[
            (C::Capacity, S::Breach, &[]),
            (C::Coordinator, S::Breach, &[]),
            (C::Competence, S::Breach, &[]),
            (C::Safety, S::Breach, &[]),
        ],
    );
    note.municipalities = vec!["A".into(), "B".into()];
    note.genre = Genre::Sammenligningsnotat;
    note.gaps[0].evidence[0].line = 9; // b's capacity gap cites the claim's own line
    note.gaps[3].stated_in = Some(StatedIn::Findings); // not a claim
    let mut only_a = a.clone();
    only_a.gaps[0].category = C::Coordinator;
    only_a.id = "c-2015".into();
    only_a.municipalities = vec!["C".into()];
    let parts = Corpus::from_reports([a, b, only_a]).unwrap();
    let check = synthesis_check(&parts, &note, KeyMode::Category, 3);
    assert_eq!((check.n_units, check.unit.as_str()), (3, "municipalities"));
    let by = |c: C| check.stated.iter().find(|s| s.key.category == c).unwrap();
    assert_eq!(check.stated.len(), 3, "the findings-only gap is no claim");
    let capacity = by(C::Capacity);
    assert_eq!(capacity.support, Support::Partly, "2 of 3");
    let holders: Vec<&str> = capacity.holders.iter().map(|h| h.unit.as_str()).collect();
    assert_eq!(holders, ["A", "B"]);
    assert_eq!(capacity.circular.len(), 1);
    assert_eq!(capacity.circular[0].report.as_str(), "b-2015");
    assert_eq!(by(C::Coordinator).support, Support::Partly, "1 of 3");
    assert_eq!(by(C::Competence).support, Support::NotSupported);
    assert!(by(C::Competence).holders.is_empty());
    // Housing is in all three (C is A with its capacity gap recategorised) and not claimed.
    let common: Vec<String> = check
        .computed_only
        .iter()
        .map(|k| k.key.to_string())
        .collect();
    assert_eq!(common, ["housing"]);
    assert_eq!(check.computed_only_holders[0].len(), 3);
    let supported = synthesis_check(&parts, &note, KeyMode::Category, 2);
    let capacity = supported
        .stated
        .iter()
        .find(|s| s.key.category == C::Capacity)
        .unwrap();
    assert_eq!(
        capacity.support,
        Support::Supported,
        "2 of 3 is enough at 2"
    );
    assert!(capacity.recovered);
}
