//! Hand-written tilsyn records (tests/fixtures/tilsyn/): a bokmål report in the style of the
//! 2017–18 national tilsyn, and a nynorsk excerpt that states neither title nor year. Each loads,
//! validates and checks every quote against its own source text, with no `other`, no invented
//! metadata, and the report's own finding words kept.

use samhandling::compare::{KeyMode, recurrence};
use samhandling::evidence::{Sources, check_report};
use samhandling::legal::Law;
use samhandling::taxonomy::{FindingTerm, GapCategory, Genre, ServiceKind, Severity};
use samhandling::{Corpus, Error, Report};

const EIKVIK_TEXT: &str = include_str!("../fixtures/tilsyn/eikvik-2018.txt");
const EIKVIK: &str = include_str!("../fixtures/tilsyn/eikvik-2018.json");
const NORDVIK_TEXT: &str = include_str!("../fixtures/tilsyn/nordvik-tilsyn.txt");
const NORDVIK: &str = include_str!("../fixtures/tilsyn/nordvik-tilsyn.json");

/// The two fixture texts, and nothing else: the records must not lean on the bundled sources.
fn sources() -> Sources {
    let mut sources = Sources::default();
    sources.insert("eikvik-2018.txt", EIKVIK_TEXT);
    sources.insert("nordvik-tilsyn.txt", NORDVIK_TEXT);
    sources
}

fn records() -> [Report; 2] {
    [EIKVIK, NORDVIK].map(|json| Report::from_json_str(json).unwrap())
}

#[test]
fn the_tilsyn_records_load_validate_and_check_against_their_texts() {
    let sources = sources();
    for report in records() {
        assert_eq!(report.genre, Genre::Tilsyn);
        assert!(report.validate().is_empty(), "{}", report.id);
        let problems = check_report(&report, &sources);
        assert!(problems.is_empty(), "{}: {problems:?}", report.id);
        assert!(report.warnings().is_empty(), "{}", report.id);
        assert!(!report.gaps.is_empty() && !report.services.is_empty());
        // Written back as read.
        let back = Report::from_json_str(&report.to_json_string()).unwrap();
        assert_eq!(back, report);
    }
    // Against the bundled sources alone, every quote is unknown: the check reads the given texts.
    let report = Report::from_json_str(NORDVIK).unwrap();
    let problems = check_report(&report, &Sources::bundled());
    assert!(!problems.is_empty());
    assert!(
        problems
            .iter()
            .all(|e| matches!(e, Error::UnknownSource { .. }))
    );
}

#[test]
fn a_wrong_quote_is_reported_with_report_path_and_line() {
    let mut report = Report::from_json_str(EIKVIK).unwrap();
    report.gaps[1].evidence[1].quote = "Kriseplan var utarbeidet for alle tjenestemottakere".into();
    let consent_line = report.gaps[2].evidence[1].line;
    report.gaps[2].evidence[1].line = 20;
    let problems = check_report(&report, &sources());
    assert_eq!(problems.len(), 2, "{problems:?}");
    let Error::QuoteNotFound { at, line, .. } = &problems[0] else {
        panic!("{:?}", problems[0]);
    };
    assert_eq!(at.path, "gaps[1].evidence[1]");
    assert_eq!(*line, report.gaps[1].evidence[1].line);
    let Error::QuoteMisplaced { at, found, .. } = &problems[1] else {
        panic!("{:?}", problems[1]);
    };
    assert_eq!(at.path, "gaps[2].evidence[1]");
    assert_eq!(found, &[consent_line]);
    assert!(problems[1].to_string().contains("eikvik-2018.txt"));
}

#[test]
fn no_other_anywhere_and_every_name_resolved_by_the_lexicon() {
    for report in records() {
        for s in &report.services {
            assert_eq!(
                s.kind, None,
                "{}: {} relies on the lexicon",
                report.id, s.name
            );
            assert_ne!(s.resolved_kind(), ServiceKind::Other, "{}", s.name);
        }
        for g in &report.gaps {
            assert_ne!(g.category, GapCategory::Other, "{}", g.id);
        }
    }
    let [_, nordvik] = records();
    let kinds: Vec<(&str, ServiceKind)> = nordvik
        .services
        .iter()
        .map(|s| (s.name.as_str(), s.resolved_kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Psykisk helseteneste", ServiceKind::PsykiskHelseRus),
            ("heimesjukepleia", ServiceKind::Hjemmetjeneste),
            ("Tenestekontoret", ServiceKind::Tildelingskontor),
            ("NAV Nordvik", ServiceKind::Nav),
            ("Leiinga", ServiceKind::Ledelse),
        ]
    );
}

/// What the text does not state stays null, with a note, and what it states is recorded.
#[test]
fn no_invented_metadata() {
    let [eikvik, nordvik] = records();
    assert_eq!(nordvik.title, None);
    assert_eq!(nordvik.year, None);
    assert_eq!(nordvik.date, None);
    let note = nordvik.note.as_deref().unwrap();
    assert!(note.contains("title") && note.contains("year"), "{note}");
    // The excerpt holds no year at all, so a year in the record would be invented.
    let years = NORDVIK_TEXT
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4 && (t.starts_with("19") || t.starts_with("20")))
        .count();
    assert_eq!(years, 0);
    assert_eq!(nordvik.auditor.as_deref(), Some("Fylkesmannen i Vestfjord"));
    assert!(NORDVIK_TEXT.contains("Fylkesmannen i Vestfjord"));

    assert_eq!(eikvik.year, Some(2018));
    let title = eikvik.title.as_deref().unwrap();
    let flat = EIKVIK_TEXT.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(title), "the title is the text's own");
}

#[test]
fn the_reports_own_words_are_kept() {
    let [eikvik, nordvik] = records();
    let terms = |r: &Report| {
        let mut t: Vec<(FindingTerm, Severity)> = r
            .gaps
            .iter()
            .map(|g| (g.term.unwrap(), g.severity))
            .collect();
        t.sort();
        t.dedup();
        t
    };
    assert_eq!(
        terms(&eikvik),
        [
            (FindingTerm::Lovbrudd, Severity::Breach),
            (FindingTerm::Merknad, Severity::Improvement)
        ]
    );
    assert_eq!(
        terms(&nordvik),
        [
            (FindingTerm::Avvik, Severity::Breach),
            (FindingTerm::Merknad, Severity::Improvement)
        ]
    );
    let json = eikvik.to_json_string();
    assert_eq!(json.matches("\"term\": \"lovbrudd\"").count(), 9);
    // Both tilsyn were closed by the issuer, each with its evidence.
    assert_eq!(
        eikvik.closed.as_ref().and_then(|c| c.date.as_deref()),
        Some("2019-05-20")
    );
    assert!(nordvik.closed.as_ref().is_some_and(|c| c.date.is_none()));
}

#[test]
fn old_and_nynorsk_laws_resolve() {
    let [eikvik, nordvik] = records();
    let laws = |r: &Report| -> Vec<Law> {
        r.criteria
            .iter()
            .flat_map(|c| c.legal.iter().map(|l| l.law.clone()))
            .collect()
    };
    assert_eq!(
        laws(&nordvik),
        [
            Law::Khl,
            Law::Stjl1991,
            Law::Khl,
            Law::ForskriftInternkontroll
        ]
    );
    assert!(laws(&eikvik).contains(&Law::ForskriftLedelseKvalitet));
    assert!(laws(&eikvik).contains(&Law::Stjl));
}

/// The tilsyn records compare with the bundled audits: the tilsyn-only categories count once per
/// municipality, and the categories both genres use recur across them.
#[test]
fn tilsyn_records_compare_with_the_bundled_audits() {
    let mut reports: Vec<Report> = Corpus::bundled().unwrap().iter().cloned().collect();
    reports.extend(records());
    let corpus = Corpus::from_reports(reports).unwrap();
    let rec = recurrence(&corpus, KeyMode::Category);
    let coordination = rec
        .keys
        .iter()
        .find(|k| k.key.category == GapCategory::IndividualCoordination)
        .unwrap();
    assert!(coordination.municipalities.contains(&"Eikvik"));
    assert!(coordination.municipalities.contains(&"Nordvik"));
    let somatic = rec
        .keys
        .iter()
        .find(|k| k.key.category == GapCategory::SomaticHealth)
        .unwrap();
    assert_eq!(somatic.municipalities, ["Eikvik"]);
    let plans = rec
        .keys
        .iter()
        .find(|k| k.key.category == GapCategory::IndividualPlan)
        .unwrap();
    assert!(plans.municipalities.contains(&"Nordvik") && plans.municipalities.len() > 1);
}
