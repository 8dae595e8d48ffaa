//! Drafting records from text: the five bundled sources (load, validate, evidence, scores against
//! the bundled records) and hand-made texts with known answers; the score function on hand-made
//! pairs.

use samhandling::draft::score::{GAP_LINE_TOLERANCE, reviewed_for};
use samhandling::draft::{Draft, Role, SectionScore, draft, score};
use samhandling::evidence::{Sources, check_report};
use samhandling::model::{Evidence, Gap, Recommendation, Service};
use samhandling::taxonomy::{FindingTerm, GapCategory, ServiceKind, Severity, StatedIn, Status};
use samhandling::{Corpus, Error, Report};

const TILSYN: &str = include_str!("../fixtures/draft/tilsyn.txt");
const RECOMMENDATIONS: &str = include_str!("../fixtures/draft/anbefalinger.txt");
const NYNORSK: &str = include_str!("../fixtures/draft/nynorsk.txt");
const CONTENTS: &str = include_str!("../fixtures/draft/toc.txt");
const HEADER: &str = include_str!("../fixtures/draft/header.txt");
const RIKSREVISJONEN: &str = include_str!("../fixtures/draft/riksrevisjonen.txt");
const OSLO: &str = include_str!("../fixtures/draft/oslo.txt");
const LOVBRUDD: &str = include_str!("../fixtures/draft/lovbrudd.txt");

/// Drafts `text` as `name` and checks what every draft must be: it round-trips through JSON,
/// validates, every quote is found at its line, and every item's note names its rule. The other
/// drafting tests start from it.
pub(crate) fn checked(name: &str, text: &str) -> Draft {
    let d = draft(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let json = d.report.to_json_string();
    let back = Report::from_json_str(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(back, d.report, "{name}: the draft round-trips");
    assert!(back.validate().is_empty(), "{name}: {:?}", back.validate());
    let mut sources = Sources::default();
    sources.insert(name, text);
    let problems = check_report(&back, &sources);
    assert!(problems.is_empty(), "{name}: {problems:?}");
    assert_eq!(d.dropped, 0, "{name}: no candidate lost its quote");
    let marker = back.draft.as_deref().unwrap_or_default();
    assert!(marker.starts_with("samhandling draft "), "{marker}");
    for (path, _) in back.evidence() {
        if path.starts_with("evidence") {
            continue;
        }
        let item = path
            .split(".evidence")
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(
            note_of(&back, &item).is_some_and(|n| n.contains("rule ")),
            "{name}: {item} names its rule"
        );
    }
    d
}

/// The note of the item at JSON path `item` (`gaps[3]`).
fn note_of(r: &Report, item: &str) -> Option<String> {
    if item == "closed" {
        return r.closed.as_ref()?.note.clone();
    }
    let (section, index) = item.trim_end_matches(']').split_once('[')?;
    let i: usize = index.parse().ok()?;
    match section {
        "services" => r.services.get(i)?.note.clone(),
        "relations" => r.relations.get(i)?.note.clone(),
        "gaps" => r.gaps.get(i)?.note.clone(),
        "recommendations" => r.recommendations.get(i)?.note.clone(),
        "questions" => r.questions.get(i)?.note.clone(),
        "criteria" => r.criteria.get(i)?.note.clone(),
        "decisions" => r.decisions.get(i)?.note.clone(),
        "conclusions" => r.conclusions.get(i)?.note.clone(),
        "follow_ups" => r.follow_ups.get(i)?.note.clone(),
        _ => None,
    }
}

/// The 1-based line where `needle` first stands in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn pooled(scores: &[SectionScore]) -> SectionScore {
    scores
        .iter()
        .fold(SectionScore::default(), |a, s| SectionScore {
            drafted: a.drafted + s.drafted,
            reviewed: a.reviewed + s.reviewed,
            drafted_matched: a.drafted_matched + s.drafted_matched,
            reviewed_matched: a.reviewed_matched + s.reviewed_matched,
        })
}

#[test]
fn bundled_drafts_load_validate_and_pass_the_evidence_check() {
    let sources = Sources::bundled();
    for name in sources.names() {
        let d = checked(name, sources.text(name).unwrap());
        // Against the bundled sources as a whole, too: the name is the bundled file name.
        assert!(check_report(&d.report, &sources).is_empty(), "{name}");
        assert!(!d.report.services.is_empty(), "{name}: services");
        assert!(!d.report.gaps.is_empty(), "{name}: gaps");
    }
}

/// The independent second codings of three reports' gaps (`data/reviews/second-coding/`), with
/// the record and the source each codes.
const SECOND_CODINGS: &[(&str, &str)] = &[
    ("asnes-2014", "002_e39181351e13a34f.txt"),
    ("vestby-2025", "003_252dfb343a51aa48.txt"),
    ("asker-2026", "004_a57f6f7e83a1f297.txt"),
];

/// A second coder, who saw only the source text and docs/FORMAT.md, agrees with the bundled
/// records on about two gaps in three, counted as a draft is scored (category and a quote
/// within five lines, one to one): about the ceiling a draft can be expected to reach. The
/// draft scores against the second coding a little below its score against the records (0.60
/// / 0.45 against 0.63 / 0.48 on these three), a check on rules that were measured against the
/// records. Floors at the measured values (2026-12-03);
/// the table is in data/reviews/second-coding/README.md and BENCHMARKS.md.
#[test]
fn a_second_coder_agrees_with_the_records_and_the_draft_scores_against_both() {
    let corpus = Corpus::bundled().unwrap();
    let sources = Sources::bundled();
    let mut agreement = Vec::new();
    let mut against_second = Vec::new();
    for (id, source) in SECOND_CODINGS {
        let path = format!(
            "{}/data/reviews/second-coding/{id}-second.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let second = Report::from_file(&path).unwrap();
        assert!(second.validate().is_empty(), "{path}");
        assert!(check_report(&second, &sources).is_empty(), "{path}");
        assert!(
            second
                .gaps
                .iter()
                .all(|g| g.evidence.iter().all(|e| e.source == *source))
        );
        let reviewed = corpus.report(id).unwrap();
        agreement.push(score(&second, [reviewed]).gaps);
        let d = draft(source, sources.text(source).unwrap()).unwrap();
        against_second.push(score(&d.report, [&second]).gaps);
    }
    let agreement = pooled(&agreement);
    assert_eq!((agreement.reviewed, agreement.drafted), (156, 152));
    assert!(agreement.recall().unwrap() >= 0.67, "{agreement:?}");
    assert!(agreement.precision().unwrap() >= 0.69, "{agreement:?}");
    let second = pooled(&against_second);
    assert!(second.recall().unwrap() >= 0.59, "{second:?}");
    assert!(second.precision().unwrap() >= 0.44, "{second:?}");
}

#[test]
fn bundled_drafts_are_deterministic() {
    let sources = Sources::bundled();
    let name = "003_252dfb343a51aa48.txt";
    let text = sources.text(name).unwrap();
    let a = draft(name, text).unwrap().report.to_json_string();
    let b = draft(name, text).unwrap().report.to_json_string();
    assert_eq!(a, b);
}

/// The scores of the five drafts against the records encoded from each source, pooled over the
/// five (items matched over items, every source's items counted once). The targets:
/// recommendations recall ≥ 0.95; services recall ≥ 0.8; gaps recall ≥ 0.6 with precision ≥ 0.5.
/// All are met and asserted; the other figures (precisions, relations, which have no target)
/// have floors at the measured scores (rounded down), so that a rule change that makes the
/// drafts worse fails here. BENCHMARKS.md has the table.
#[test]
fn bundled_drafts_score_against_the_bundled_records() {
    let corpus = Corpus::bundled().unwrap();
    let sources = Sources::bundled();
    let mut per = Vec::new();
    for name in sources.names() {
        let reviewed = reviewed_for(&corpus, name);
        assert!(!reviewed.is_empty(), "{name}: a bundled record cites it");
        let d = draft(name, sources.text(name).unwrap()).unwrap();
        per.push(score(&d.report, reviewed));
    }
    let recs = pooled(&per.iter().map(|s| s.recommendations).collect::<Vec<_>>());
    let services = pooled(&per.iter().map(|s| s.services).collect::<Vec<_>>());
    let gaps = pooled(&per.iter().map(|s| s.gaps).collect::<Vec<_>>());
    let relations = pooled(&per.iter().map(|s| s.relations).collect::<Vec<_>>());
    let r = |s: SectionScore| s.recall().unwrap();
    assert!(recs.recall().unwrap() >= 0.95, "recommendations {recs:?}");
    assert!(
        recs.precision().unwrap() >= 0.85,
        "recommendations {recs:?}"
    );
    // Services meet the target (0.8); floors at the measured scores.
    assert!(r(services) >= 0.83, "services {services:?}");
    assert!(
        services.precision().unwrap() >= 0.54,
        "services {services:?}"
    );
    // Matched one to one (a drafted gap stands for one reviewed gap at most): 127 of the 250
    // drafted gaps match 127 of the 207 reviewed (0.61 / 0.51), meeting the targets; the
    // rule-by-rule history is in BENCHMARKS.md.
    assert!(r(gaps) >= 0.6, "gaps {gaps:?}");
    assert!(gaps.precision().unwrap() >= 0.5, "gaps {gaps:?}");
    // Relations as pairs of services on both sides, one to one; floors at the measured scores.
    // Rule relation.clause (no pair across two main clauses) took the recall from 0.40 to 0.389
    // (156 of 401): the pairs it drops matched reviewed pairs that the reviewers took from other
    // sentences, not the clauses they were drafted from. Keeping "helse- og" apart in the
    // normalised text (no de-hyphenation before a conjunction) names more units whole and
    // relates them; rule relation.between (the pair after "mellom", not the subject that owns
    // it) drops 33 drafted pairs and 2 matches; rule relation.wish (no relation from a
    // recommendation or a "bør") drops 17 more: 154 of 575 drafted pairs matched (0.38 / 0.27).
    assert!(r(relations) >= 0.38, "relations {relations:?}");
    assert!(
        relations.precision().unwrap() >= 0.26,
        "relations {relations:?}"
    );
}

#[test]
fn a_tilsyn_text_gives_two_avvik_and_a_merknad() {
    let d = checked("tilsyn.txt", TILSYN);
    let r = &d.report;
    let gaps: Vec<(Option<FindingTerm>, Severity, GapCategory)> = r
        .gaps
        .iter()
        .map(|g| (g.term, g.severity, g.category))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                Some(FindingTerm::Avvik),
                Severity::Breach,
                GapCategory::IndividualPlan
            ),
            (
                Some(FindingTerm::Avvik),
                Severity::Breach,
                GapCategory::Housing
            ),
            (
                Some(FindingTerm::Merknad),
                Severity::Improvement,
                GapCategory::NextOfKin
            ),
        ]
    );
    assert!(
        r.gaps
            .iter()
            .all(|g| g.stated_in == Some(StatedIn::Assessment))
    );
    assert_eq!(r.gaps[0].evidence[0].line, line_of(TILSYN, "Avvik 1:"));
    assert!(
        r.gaps[0].evidence[0]
            .quote
            .starts_with("Avvik 1: Eksempel kommune sikrer ikke")
    );
    // Metadata as stated; a tilsyn states breaches, not recommendations.
    assert_eq!(r.genre.to_string(), "tilsyn");
    assert_eq!(r.auditor.as_deref(), Some("Statsforvalteren i Vestland"));
    assert_eq!((r.year, r.date.as_deref()), (Some(2019), Some("2019-03")));
    assert_eq!(r.municipalities, ["Eksempel"]);
    assert!(r.recommendations.is_empty());
    // The legal ground of the regelverk section, parsed.
    assert_eq!(r.criteria.len(), 1);
    assert_eq!(r.criteria[0].legal[0].to_string(), "hol § 7-1");
    // Boligkontoret and NAV, named with "samarbeider" after "ikke": a missing relation.
    let rel = r
        .relations
        .iter()
        .find(|x| x.from.as_str() == "boligkontoret" && x.to.as_str() == "nav")
        .expect("boligkontoret–nav");
    assert_eq!(rel.status, Status::Missing);
    assert!(r.gaps[1].relations.contains(&rel.id));
}

#[test]
fn a_lovbrudd_stated_in_a_list_or_under_a_label_and_its_observations() {
    let d = checked("lovbrudd.txt", LOVBRUDD);
    let gaps: Vec<(usize, Option<FindingTerm>, Severity, GapCategory)> = d
        .report
        .gaps
        .iter()
        .map(|g| (g.evidence[0].line, g.term, g.severity, g.category))
        .collect();
    assert_eq!(
        gaps,
        [
            // The list item after "Det ble påpekt ett lovbrudd:" (the lead-in is no gap).
            (
                line_of(LOVBRUDD, "• Eksempel kommune sikrer ikke"),
                Some(FindingTerm::Lovbrudd),
                Severity::Breach,
                GapCategory::IndividualPlan
            ),
            // "Lovbrudd:" on its own line, the statement on the next.
            (
                line_of(LOVBRUDD, "Lovbrudd:"),
                Some(FindingTerm::Lovbrudd),
                Severity::Breach,
                GapCategory::ServiceEvaluation
            ),
        ]
    );
    // The observations the breach rests on ("Lovbruddet bygger på følgende:") are its grounds:
    // evidence of its gap (rule gap.grounds), not gaps of their own.
    let lines: Vec<usize> = d.report.gaps[1].evidence.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        [
            line_of(LOVBRUDD, "Lovbrudd:"),
            line_of(LOVBRUDD, "• Kommunen har ikke rutiner"),
            line_of(LOVBRUDD, "• Ansatte kjenner ikke")
        ]
    );
    assert!(
        d.report.gaps[1]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("gap.grounds"))
    );
}

#[test]
fn numbered_recommendations_keep_their_parts() {
    let d = checked("anbefalinger.txt", RECOMMENDATIONS);
    let numbers: Vec<&str> = d
        .report
        .recommendations
        .iter()
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "5", "6", "7", "8", "8a", "8b", "9"]
    );
    let r8a = &d.report.recommendations[8];
    assert_eq!(r8a.id, "rec-8a");
    assert_eq!(r8a.text, "kartlegger brukernes behov for bolig.");
    assert_eq!(
        r8a.evidence[0].line,
        line_of(RECOMMENDATIONS, "a) kartlegger")
    );
    // Item 3 runs over two lines; its text keeps both.
    assert!(
        d.report.recommendations[2]
            .text
            .ends_with("behovet for koordinatorer.")
    );
    // The assessment's gap is drafted, the recommendations are not gaps; the first
    // recommendation (individual plans) is linked to it by category, the others to nothing.
    assert_eq!(d.report.gaps.len(), 1);
    assert_eq!(d.report.gaps[0].category, GapCategory::IndividualPlan);
    assert_eq!(
        d.report.recommendations[0].gaps,
        [d.report.gaps[0].id.clone()]
    );
    assert!(
        d.report.recommendations[1..]
            .iter()
            .all(|x| x.gaps.is_empty())
    );
    // The response in the appendix is a section of its own.
    let last = d.outline.headings.last().unwrap();
    assert_eq!(last.role, Some(Role::Appendix));
}

#[test]
fn a_nynorsk_text_is_drafted() {
    let d = checked("nynorsk.txt", NYNORSK);
    let r = &d.report;
    let terms: Vec<Option<FindingTerm>> = r.gaps.iter().map(|g| g.term).collect();
    assert_eq!(
        terms,
        [
            Some(FindingTerm::Lovbrudd),
            Some(FindingTerm::Lovbrudd),
            Some(FindingTerm::Merknad)
        ]
    );
    assert_eq!(r.gaps[1].category, GapCategory::NoRoutines);
    let kinds: Vec<(&str, ServiceKind)> = r
        .services
        .iter()
        .map(|s| (s.name.as_str(), s.kind.unwrap()))
        .collect();
    assert!(
        kinds.contains(&("heimetenesta", ServiceKind::Hjemmetjeneste)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("NAV Fjordvik", ServiceKind::Nav)),
        "{kinds:?}"
    );
    assert_eq!(r.auditor.as_deref(), Some("Statsforvaltaren i Vestland"));
    assert_eq!(r.date.as_deref(), Some("2018-10"));
    // The lexicon's nynorsk names find more services, so more relations; the stated absence
    // of collaboration is among them, as missing.
    assert!(
        r.relations.iter().any(|x| x.status == Status::Missing),
        "{:?}",
        r.relations
    );
    // "Tilsynet er avslutta": the case is closed, with the sentence as evidence.
    let closed = r.closed.as_ref().expect("closed");
    assert_eq!(
        closed.evidence[0].line,
        line_of(NYNORSK, "Tilsynet er avslutta")
    );
}

#[test]
fn riksrevisjonen_grades_its_criticism_and_recommends_in_bullets() {
    let d = checked("riksrevisjonen.txt", RIKSREVISJONEN);
    let r = &d.report;
    assert_eq!(r.genre.to_string(), "riksrevisjon");
    assert_eq!(r.scope.to_string(), "national");
    assert!(r.municipalities.is_empty());
    assert_eq!(r.year, None, "no date stated, none invented");
    let graded: Vec<(Option<FindingTerm>, Severity)> =
        r.gaps.iter().map(|g| (g.term, g.severity)).collect();
    assert_eq!(
        graded,
        [
            (Some(FindingTerm::SterkKritikk), Severity::Breach),
            (Some(FindingTerm::Kritikk), FindingTerm::Kritikk.severity()),
            (Some(FindingTerm::Uakseptabelt), Severity::Breach),
        ]
    );
    let numbers: Vec<&str> = r
        .recommendations
        .iter()
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "2"]);
    assert!(
        r.recommendations[0]
            .note
            .as_deref()
            .unwrap()
            .contains("unnumbered")
    );
}

#[test]
fn an_oslo_report_names_its_districts() {
    let d = checked("oslo.txt", OSLO);
    let r = &d.report;
    assert_eq!(r.scope.to_string(), "district");
    assert_eq!(r.districts, ["Bydel Grorud", "Bydel Søndre Nordstrand"]);
    assert_eq!(r.municipalities, ["Oslo"]);
    assert_eq!(r.auditor.as_deref(), Some("Kommunerevisjonen i Oslo"));
    // No genre word: the genre is the drafter's inference from the issuer, and says so.
    assert_eq!(r.genre.to_string(), "forvaltningsrevisjon");
    assert!(
        r.note
            .as_deref()
            .unwrap()
            .contains("inferred from the issuer")
    );
    let nav = r.service("nav-grorud").expect("NAV Grorud");
    assert_eq!(nav.kind, Some(ServiceKind::Nav));
    assert!(
        r.gaps
            .iter()
            .any(|g| g.category == GapCategory::IndividualPlan)
    );
}

#[test]
fn a_table_of_contents_yields_nothing() {
    let d = checked("toc.txt", CONTENTS);
    assert_eq!(d.outline.contents, (3..=8).collect::<Vec<_>>());
    let r = &d.report;
    assert!(r.gaps.is_empty(), "{:?}", r.gaps);
    assert!(r.recommendations.is_empty());
    assert!(r.relations.is_empty());
    let names: Vec<&str> = r.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Eksempel kommune"]);
    // No heading comes from the contents: the first is the chapter itself.
    assert_eq!(d.outline.headings[0].line, 10);
    for (_, ev) in r.evidence() {
        assert!(!d.outline.contents.contains(&ev.line), "{ev:?}");
    }
}

#[test]
fn a_running_header_is_never_a_service() {
    let d = checked("header.txt", HEADER);
    assert_eq!(d.outline.pages, 4);
    // The header on each of the four pages and the four page numbers.
    let expected: Vec<usize> = HEADER
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start_matches('\u{c}');
            l == "Revisjonsrapport – NAV Vestkanten" || l.starts_with("Side ")
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(expected.len(), 8);
    assert_eq!(d.outline.noise, expected);
    let names: Vec<&str> = d.report.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Eksempel kommune", "DPS Nordby"]);
    assert!(
        d.report.title.as_deref() == Some("Forvaltningsrevisjon av samarbeid i Eksempel kommune")
    );
    // The meeting between the municipality and the DPS is described, not judged.
    assert_eq!(d.report.relations.len(), 1);
    assert_eq!(d.report.relations[0].status, Status::Described);
}

#[test]
fn unknown_metadata_is_null_and_an_empty_text_is_an_error() {
    let d = checked(
        "bare.txt",
        "1 Revisjonens vurdering\nNAV har ikke etablert rutiner for samarbeid med DPS.\n",
    );
    assert_eq!(
        (
            d.report.title.as_deref(),
            d.report.auditor.as_deref(),
            d.report.year
        ),
        (None, None, None)
    );
    let err = draft("empty.txt", " \n\n ").unwrap_err();
    assert!(
        matches!(&err, Error::Empty { at, .. } if at.file.as_deref() == Some("empty.txt".as_ref()))
    );
    assert!(err.to_string().contains("empty.txt"), "{err}");
}

fn evidence(line: usize) -> Vec<Evidence> {
    vec![Evidence {
        source: "x.txt".into(),
        line,
        quote: "q".into(),
    }]
}

fn service(id: &str, name: &str) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        kind: Some(ServiceKind::Other),
        owner: None,
        parent: None,
        status: Default::default(),
        aliases: Vec::new(),
        evidence: evidence(1),
        note: None,
    }
}

fn gap(id: &str, category: GapCategory, line: usize) -> Gap {
    Gap {
        id: id.into(),
        category,
        severity: Severity::Improvement,
        term: None,
        stated_in: None,
        summary: "s".into(),
        services: Vec::new(),
        relations: Vec::new(),
        criteria: Vec::new(),
        legal: Vec::new(),
        evidence: evidence(line),
        note: None,
    }
}

fn rec(number: &str) -> Recommendation {
    Recommendation {
        id: format!("rec-{number}"),
        number: number.into(),
        text: "t".into(),
        gaps: Vec::new(),
        evidence: evidence(1),
        note: None,
    }
}

#[test]
fn the_score_on_hand_made_pairs() {
    let base = draft("bare.txt", "Eksempel kommune har møter med NAV.\n")
        .unwrap()
        .report;
    let mut drafted = base.clone();
    let mut reviewed = base;
    drafted.relations.clear();
    reviewed.relations.clear();
    // Services: NAV matches "NAV Eksempel" (a name's start), DPS matches "Distriktspsykiatrisk
    // senter (DPS)" by its short name, the draft's "Legevakten" matches nothing, the record's
    // "Boligkontoret" is not found.
    drafted.services = vec![
        service("nav", "NAV"),
        service("dps", "DPS"),
        service("lv", "Legevakten"),
    ];
    reviewed.services = vec![
        service("nav-e", "NAV Eksempel"),
        service("dps-x", "Distriktspsykiatrisk senter (DPS)"),
        service("bk", "Boligkontoret"),
        service("ke", "koordinerende enhet"),
    ];
    // Gaps: one at the same category within the tolerance, one of another category, one too far.
    drafted.gaps = vec![
        gap("g1", GapCategory::Housing, 10),
        gap("g2", GapCategory::Capacity, 40),
    ];
    reviewed.gaps = vec![
        gap("r1", GapCategory::Housing, 10 + GAP_LINE_TOLERANCE),
        gap("r2", GapCategory::Competence, 40),
        gap("r3", GapCategory::Housing, 20 + GAP_LINE_TOLERANCE),
    ];
    drafted.recommendations = vec![rec("1"), rec("8a"), rec("9")];
    reviewed.recommendations = vec![rec("1"), rec("8 a"), rec("8b"), rec("9.")];
    let s = score(&drafted, [&reviewed]);
    assert_eq!(
        (s.services.recall(), s.services.precision()),
        (Some(0.5), Some(2.0 / 3.0))
    );
    assert_eq!(
        (s.gaps.recall(), s.gaps.precision()),
        (Some(1.0 / 3.0), Some(0.5))
    );
    assert_eq!(
        (s.recommendations.recall(), s.recommendations.precision()),
        (Some(0.75), Some(1.0))
    );
    assert_eq!(
        (s.relations.recall(), s.relations.precision()),
        (None, None)
    );
    // A record given twice counts its items once.
    let twice = score(&drafted, [&reviewed, &reviewed]);
    assert_eq!(twice, s);
    // One to one: a drafted gap that also quotes r3's line stands for r1 or r3, not both.
    let mut gathered = drafted.clone();
    let far = gathered.gaps[0].evidence[0].clone();
    gathered.gaps[0].evidence.push(Evidence {
        line: 20 + GAP_LINE_TOLERANCE,
        ..far
    });
    let one = score(&gathered, [&reviewed]);
    assert_eq!(
        (one.gaps.reviewed_matched, one.gaps.drafted_matched),
        (1, 1)
    );
    // ... while a second drafted gap at r3 finds it.
    gathered.gaps.push(gap("g3", GapCategory::Housing, 20));
    assert_eq!(score(&gathered, [&reviewed]).gaps.reviewed_matched, 2);
    // The table names its unit.
    assert!(s.to_string().contains("unit: items of the record"));
}

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of report text, shuffled into arbitrary documents: headings, list markers,
    /// page breaks, hyphenation, finding words, names.
    const PIECES: &[&str] = &[
        "1 Innledning\n",
        "2.1 Revisjonens vurdering\n",
        "Avvik 1: ",
        "Lovbrot: ",
        "Merknad\n",
        "Kommunen har ikke etablert rutiner for samarbeid med NAV Asker.",
        "\u{c}",
        "Side 3 av 9\n",
        "samhand-\nling ",
        "• ",
        "8. ",
        "a) ",
        "Revisjonen anbefaler at kommunen:\n",
        "DPS ",
        "«Huset» ",
        "Innhold\n",
        "Vedlegg 1 .......... 12\n",
        "\n\n",
        "  ",
        "ikkje ",
        "bør ",
        "Bydel Grorud ",
        "helse- og omsorgstjenesteloven § 7-1 ",
        "Eksempel kommune ",
        "æøå ",
        "\r\n",
        "–",
        "?",
        ".",
        "Januar 2024\n",
        "Tilsynet er avslutta. ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any text drafts to a valid record whose every quote verifies, or to `Error::Empty`.
        #[test]
        fn any_text_drafts_to_a_valid_record_or_a_clear_error(idx in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            match draft("any.txt", &text) {
                Ok(d) => {
                    prop_assert!(d.report.validate().is_empty());
                    let mut sources = Sources::default();
                    sources.insert("any.txt", &text);
                    prop_assert!(check_report(&d.report, &sources).is_empty());
                }
                Err(e) => prop_assert!(matches!(e, Error::Empty { .. }), "{e}"),
            }
        }
    }
}

// --- gaps (dgaps) ---

const FOLLOW_UP_NYNORSK: &str = include_str!("../fixtures/draft/oppfolging_nynorsk.txt");
const DISTRICT: &str = include_str!("../fixtures/draft/bydel.txt");

/// A gap as (first line, category, severity, stated_in, every evidence line).
type GapRow = (usize, GapCategory, Severity, Option<StatedIn>, Vec<usize>);

/// Each gap of a draft as a [`GapRow`].
fn gap_rows(d: &Draft) -> Vec<GapRow> {
    d.report
        .gaps
        .iter()
        .map(|g| {
            (
                g.evidence[0].line,
                g.category,
                g.severity,
                g.stated_in,
                g.evidence.iter().map(|e| e.line).collect(),
            )
        })
        .collect()
}

#[test]
fn a_nynorsk_follow_up_restates_earlier_findings_and_its_summary_joins_the_body() {
    let text = FOLLOW_UP_NYNORSK;
    let d = checked("oppfolging_nynorsk.txt", text);
    let at = |needle: &str| line_of(text, needle);
    let assessed = Some(StatedIn::Assessment);
    assert_eq!(
        gap_rows(&d),
        [
            // Rule gap.earlier: the list under "Rapporten frå 2019 avdekte følgjande hovudfunn:"
            // restates the earlier report's findings; the list under "Undersøkinga har sett på
            // følgjande:" names what was examined and is no gap.
            (
                at("• Kommunen manglar rutinar"),
                GapCategory::NoRoutines,
                Severity::Improvement,
                assessed,
                vec![at("• Kommunen manglar rutinar")]
            ),
            (
                at("• Det er uklart kven"),
                GapCategory::ResponsibilityUnclear,
                Severity::Improvement,
                assessed,
                vec![at("• Det er uklart kven")]
            ),
            // The findings: a condition ("Dersom brukaren ikkje møter"), a negated problem
            // ("ikkje venteliste") and a footnote state none; this sentence does.
            (
                at("Fleire tilsette opplever"),
                GapCategory::SpecialistInterface,
                Severity::Improvement,
                Some(StatedIn::Findings),
                vec![at("Fleire tilsette opplever")]
            ),
            // Rule gap.category: "kven som har ansvar" and "sjukehus" both are keywords and the
            // heading "Samarbeid med spesialisthelsetenesta" names one of them: the codebook's
            // order decides (unclear responsibility before the specialist interface).
            (
                at("Revisjonen vurderer at det er uklart"),
                GapCategory::ResponsibilityUnclear,
                Severity::Improvement,
                assessed,
                vec![at("Revisjonen vurderer at det er uklart")]
            ),
            // "utskriving" alone names the specialist interface; "har ikkje motteke" is a risk
            // (rule gap.not-received). The summary's sentence joins this, the auditor's gap of
            // its category (rule gap.summary).
            (
                at("Revisjonen har ikkje motteke rutinar for evaluering"),
                GapCategory::SpecialistInterface,
                Severity::Risk,
                assessed,
                vec![
                    at("Revisjonen har ikkje motteke rutinar for evaluering"),
                    at("Samarbeidet med spesialisthelsetenesta ved utskriving"),
                ]
            ),
            // No keyword in "Tilbodet er ikkje godt nok.": the heading "Tema: Pårørande" gives it.
            (
                at("Tilbodet er ikkje godt nok."),
                GapCategory::NextOfKin,
                Severity::Improvement,
                assessed,
                vec![at("Tilbodet er ikkje godt nok.")]
            ),
        ]
    );
    let note = |i: usize| d.report.gaps[i].note.clone().unwrap_or_default();
    assert!(note(0).contains("gap.earlier"), "{}", note(0));
    assert!(note(3).contains("the codebook's order"), "{}", note(3));
    assert!(note(5).contains("by the section's heading"), "{}", note(5));
}

#[test]
fn a_district_audit_keeps_a_specific_keyword_and_its_conclusion_joins_the_assessment() {
    let text = DISTRICT;
    let d = checked("bydel.txt", text);
    let at = |needle: &str| line_of(text, needle);
    assert_eq!(
        gap_rows(&d),
        [
            // "silotenkning" and "samarbeid": collaboration is the heading's word, too general to
            // overrule the specific keyword.
            (
                at("Flere informanter opplever"),
                GapCategory::CultureSilo,
                Severity::Improvement,
                Some(StatedIn::Findings),
                vec![at("Flere informanter opplever")]
            ),
            // "ikke en egen enhet, men ..." is a contrast, "Ikke datert." a fragment: no gaps.
            (
                at("Bydelens psykiske helsetjeneste er underbemannet"),
                GapCategory::Capacity,
                Severity::Improvement,
                Some(StatedIn::Findings),
                vec![at("Bydelens psykiske helsetjeneste er underbemannet")]
            ),
            // The closing conclusion chapter restates the assessment: one gap.
            (
                at("Revisjonen vurderer at bydelen"),
                GapCategory::NoRoutines,
                Severity::Improvement,
                Some(StatedIn::Assessment),
                vec![
                    at("Revisjonen vurderer at bydelen"),
                    at("Bydelen har ikke etablert rutiner")
                ]
            ),
        ]
    );
}

#[test]
fn the_auditor_not_receiving_a_document_is_a_risk() {
    let text = "Forvaltningsrevisjon av rusomsorgen i Eksempel kommune\n\n\
                1 Samarbeid med NAV\n\
                1.1 Revisjonens vurdering\n\
                Revisjonen har ikke mottatt rutiner for samarbeid med NAV.\n";
    let d = checked("mottatt.txt", text);
    let g = &d.report.gaps;
    assert_eq!(g.len(), 1, "{g:?}");
    assert_eq!(g[0].severity, Severity::Risk);
    assert_eq!(g[0].category, GapCategory::NoRoutines);
}

const RIKSREVISJONEN_GRADES: &str = include_str!("../fixtures/draft/riksrevisjonen_grader.txt");

#[test]
fn riksrevisjonen_grades_in_plain_words_and_its_conclusion_gives_the_grade() {
    let text = RIKSREVISJONEN_GRADES;
    let d = checked("riksrevisjonen_grader.txt", text);
    let at = |needle: &str| line_of(text, needle);
    let rows: Vec<(Vec<usize>, GapCategory, Option<FindingTerm>, Severity)> = d
        .report
        .gaps
        .iter()
        .map(|g| {
            (
                g.evidence.iter().map(|e| e.line).collect(),
                g.category,
                g.term,
                g.severity,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // The assessment states it; the conclusion's "Det er alvorlig at" grades it
            // (sterk kritikk) and joins it. "alvorlige psykiske lidelser" grades nothing.
            (
                vec![
                    at("Kommunene blir ofte ikke varslet"),
                    at("Det er alvorlig at")
                ],
                GapCategory::SpecialistInterface,
                Some(FindingTerm::SterkKritikk),
                Severity::Breach
            ),
            // "ikke tilfredsstillende" in Riksrevisjonen's assessment is its plain criticism.
            (
                vec![at("Kommunenes oversikt over ventetiden")],
                GapCategory::Capacity,
                Some(FindingTerm::Kritikk),
                Severity::Breach
            ),
        ]
    );
}

#[test]
fn a_background_chapter_before_the_method_states_no_gaps() {
    let text = "Forvaltningsrevisjon av rustenestene i Eksempel kommune\n\n\
                1 Innleiing\nKontrollutvalet bestilte prosjektet i 2023.\n\n\
                2 Aktualitet\nNasjonale tilsyn har avdekt manglar i samhandlinga mellom tenestene.\n\n\
                3 Metode\nRevisjonen har intervjua leiarar.\n\n\
                4 Samarbeid mellom tenestene\n4.1 Vurdering\n\
                Kommunen manglar rutinar for samarbeid mellom NAV og rustenesta.\n";
    let d = checked("bakgrunn.txt", text);
    let lines: Vec<usize> = d.report.gaps.iter().map(|g| g.evidence[0].line).collect();
    assert_eq!(lines, [line_of(text, "Kommunen manglar rutinar")]);
    assert_eq!(d.report.gaps[0].category, GapCategory::NoRoutines);
}

// --- services and relations (dservices) ---

const DELTAKARAR: &str = include_str!("../fixtures/draft/tilsyn_deltakarar.txt");
const BYDEL_UNITS: &str = include_str!("../fixtures/draft/bydel_tjenester.txt");
const ORGANER: &str = include_str!("../fixtures/draft/riksrevisjonen_organer.txt");

/// The drafted service named `name`, with the names drafted when it is missing.
fn service_named<'r>(r: &'r Report, name: &str) -> &'r Service {
    r.services
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = r.services.iter().map(|s| s.name.as_str()).collect();
            panic!("no service {name:?} in {names:?}")
        })
}

/// Whether `r` has a relation between the services with ids `a` and `b`, either way.
fn related(r: &Report, a: &str, b: &str) -> Option<Status> {
    r.relations
        .iter()
        .find(|x| {
            (x.from.as_str() == a && x.to.as_str() == b)
                || (x.from.as_str() == b && x.to.as_str() == a)
        })
        .map(|x| x.status)
}

#[test]
fn a_nynorsk_tilsyn_names_its_units_by_field_leader_and_meeting() {
    let d = checked("tilsyn_deltakarar.txt", DELTAKARAR);
    let r = &d.report;
    for (name, kind, rule) in [
        (
            "Tenesta for psykisk helse og rus",
            ServiceKind::PsykiskHelseRus,
            "service.unit-for",
        ),
        (
            "kommunalområdet helse og omsorg",
            ServiceKind::Other,
            "service.unit-named",
        ),
        (
            "Heimetenesta",
            ServiceKind::Hjemmetjeneste,
            "service.lexicon",
        ),
        (
            "tildelingskontoret",
            ServiceKind::Tildelingskontor,
            "service.lexicon",
        ),
        ("Legevakta", ServiceKind::Legevakt, "service.lexicon"),
        (
            "månadleg tildelingsmøte",
            ServiceKind::Team,
            "service.meeting",
        ),
        (
            "Psykisk helse og rus",
            ServiceKind::PsykiskHelseRus,
            "service.leader",
        ),
    ] {
        let s = service_named(r, name);
        assert_eq!(s.kind, Some(kind), "{name}");
        assert!(
            s.note.as_deref().unwrap().contains(rule),
            "{name}: {:?}",
            s.note
        );
    }
    // The participants list: "Per Dal, leiar for Tildelingskontoret" names the office the text
    // names elsewhere (one service), and the participants themselves are no services.
    let names: Vec<&str> = r.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names
            .iter()
            .filter(|n| n.eq_ignore_ascii_case("tildelingskontoret"))
            .count(),
        1,
        "{names:?}"
    );
    for person in ["Kari", "Per", "Ola", "Nes", "Dal", "Berg"] {
        assert!(
            !names
                .iter()
                .any(|n| n.split_whitespace().any(|w| w == person)),
            "{person} in {names:?}"
        );
    }
    // A group of users is no unit.
    assert!(!names.contains(&"Brukargruppa"), "{names:?}");
    // "Tenesta har eit månadleg tildelingsmøte": the bare head refers back to the one unit
    // named with it.
    let unit = service_named(r, "Tenesta for psykisk helse og rus");
    assert_eq!(unit.aliases, ["Tenesta"]);
    assert!(!names.contains(&"Tenesta"));
    assert_eq!(
        related(r, &unit.id.0, "heimetenesta"),
        Some(Status::Described)
    );
    // "Heimetenesta og tildelingskontoret samarbeider": the pair, described.
    assert_eq!(
        related(r, "heimetenesta", "tildelingskontoret"),
        Some(Status::Described)
    );
}

#[test]
fn a_district_report_names_its_units_and_the_parties_of_each_collaboration() {
    let d = checked("bydel_tjenester.txt", BYDEL_UNITS);
    let r = &d.report;
    for name in [
        "Bydel Alna",
        "NAV-kontor",
        "Enhet for psykisk helse og rus",
        "Helseetaten",
        "Velferdsetaten",
        "Byrådsavdeling for helse, eldre og innbyggertjenester",
        "NAV Alna",
        "Ankerhuset",
        "Lovstad DPS",
    ] {
        service_named(r, name);
    }
    // A short form defined by its expansion; its kind from the expansion.
    let kat = service_named(r, "KAT (kommunalt akutteam)");
    assert_eq!(kat.kind, Some(ServiceKind::Team));
    // A name coordinated with found services.
    let listed = service_named(r, "Kirkens Bymisjon");
    assert!(listed.note.as_deref().unwrap().contains("service.list"));
    // "bydelen" and "DPS" are the one district and the one DPS the text names.
    assert!(
        service_named(r, "Bydel Alna")
            .aliases
            .contains(&"bydelen".to_string())
    );
    assert_eq!(service_named(r, "Lovstad DPS").aliases, ["DPS"]);
    let names: Vec<&str> = r.services.iter().map(|s| s.name.as_str()).collect();
    for not in [
        "bydelen",
        "DPS",
        // a group of users, a plural of services, a document, a directorate named as the author
        // of guidance in a district's report
        "Brukergruppen",
        "Helsetjenestene",
        "Individuell plan (IP)",
        "Helsedirektoratet",
    ] {
        assert!(!names.contains(&not), "{not} in {names:?}");
    }
    // "Bydelen samarbeider med NAV Alna, Ankerhuset og Kirkens Bymisjon": the district with
    // each, not the three with each other.
    for other in ["nav-alna", "ankerhuset", "kirkens-bymisjon"] {
        assert_eq!(
            related(r, "bydel-alna", other),
            Some(Status::Described),
            "{other}"
        );
    }
    assert_eq!(related(r, "nav-alna", "ankerhuset"), None);
    assert_eq!(related(r, "ankerhuset", "kirkens-bymisjon"), None);
    // "Bydelens NAV-kontor og Enhet ... samarbeider": the two, not their owner.
    assert!(related(r, "nav-kontor", "enhet-for-psykisk-helse-og-rus").is_some());
    assert_eq!(related(r, "bydel-alna", "nav-kontor"), None);
    // "Lovstad DPS har faste møter med NAV Alna i Bydel Alna": the district is the place.
    assert!(related(r, "lovstad-dps", "nav-alna").is_some());
    // "bydelen ikke har rutiner for samarbeid med DPS": missing, with the DPS folded in.
    assert_eq!(
        related(r, "bydel-alna", "lovstad-dps"),
        Some(Status::Missing)
    );
}

#[test]
fn a_national_report_names_ministries_directorates_and_health_trusts() {
    let d = checked("riksrevisjonen_organer.txt", ORGANER);
    let r = &d.report;
    assert_eq!(r.scope.to_string(), "national");
    service_named(r, "Helse- og omsorgsdepartementet");
    service_named(r, "Helsedirektoratet");
    for trust in ["Helse Sør-Øst RHF", "Helse Vest RHF"] {
        assert_eq!(
            service_named(r, trust).kind,
            Some(ServiceKind::Sykehus),
            "{trust}"
        );
    }
    // "A og B har inngått avtaler med kommunene": each trust with the municipalities.
    assert!(related(r, "helse-sor-ost-rhf", "kommunene").is_some());
    assert!(related(r, "helse-vest-rhf", "kommunene").is_some());
    assert_eq!(related(r, "helse-sor-ost-rhf", "helse-vest-rhf"), None);
}
