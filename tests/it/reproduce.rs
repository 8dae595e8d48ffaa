//! The bundled records at work: the 2015 comparison note reproduced from the four municipal
//! records, and the Nes follow-up item by item.

use samhandling::Corpus;
use samhandling::compare::{KeyMode, OutcomeBasis, follow_up, synthesis_check};

const MUNICIPAL: [&str; 4] = [
    "ralingen-2015",
    "skedsmo-2015",
    "lorenskog-2015",
    "ullensaker-2015",
];

fn bundled() -> Corpus {
    Corpus::bundled().unwrap_or_else(|e| panic!("{e}"))
}

/// The note's claims: its gaps stated in its own summary, conclusions and common
/// recommendations (`stated_in: assessment`); its unattributed findings are left out.
fn claims(corpus: &Corpus) -> samhandling::Report {
    let mut note = corpus.get("romerike-2015").unwrap().clone();
    note.gaps
        .retain(|g| g.stated_in == Some(samhandling::taxonomy::StatedIn::Assessment));
    note
}

/// By category, the municipalities whose record (what the findings chapters state by name or
/// for all four) has a gap of each claim's category: only the NAV/GP category is in all four,
/// and there only through the NAV list that footnote 3 states for all four.
#[test]
fn the_notes_claims_against_the_four_municipal_records_by_category() {
    let corpus = bundled();
    let parts = corpus.select(MUNICIPAL).unwrap();
    let note = claims(&corpus);
    assert_eq!(note.gaps.len(), 6, "six claims");
    let check = synthesis_check(&parts, &note, KeyMode::Category, 4);
    let found: Vec<(String, Vec<String>)> = check
        .stated
        .iter()
        .map(|s| {
            let m = s
                .computed
                .as_ref()
                .map(|c| c.municipalities.iter().map(|m| m.to_string()).collect());
            (s.key.to_string(), m.unwrap_or_default())
        })
        .collect();
    let m = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!(
        found,
        vec![
            (
                "individual_plan".into(),
                m(&["Lørenskog", "Skedsmo", "Ullensaker"])
            ),
            ("coordinator".into(), m(&["Lørenskog", "Skedsmo"])),
            ("coordinating_unit".into(), m(&["Lørenskog"])),
            ("specialist_interface".into(), m(&[])),
            (
                "system_collaboration".into(),
                m(&["Lørenskog", "Rælingen", "Skedsmo", "Ullensaker"])
            ),
        ]
    );
    let recovered: Vec<String> = check
        .stated
        .iter()
        .filter(|s| s.recovered)
        .map(|s| s.key.to_string())
        .collect();
    assert_eq!(recovered, ["system_collaboration"]);
}

/// By category and kinds, the NAV claim is recovered in all four and the GP claim in none: no
/// municipal record holds a GP finding, since the note names no municipality in its GP bullets.
#[test]
fn by_kinds_the_nav_claim_is_recovered_and_the_gp_claim_is_not() {
    let corpus = bundled();
    let parts = corpus.select(MUNICIPAL).unwrap();
    let note = claims(&corpus);
    let check = synthesis_check(&parts, &note, KeyMode::CategoryAndKinds, 4);
    let key = |k: &str| {
        check
            .stated
            .iter()
            .find(|s| s.key.to_string() == k)
            .unwrap()
    };
    assert!(key("system_collaboration[nav+psykisk_helse_rus]").recovered);
    let gp = key("system_collaboration[psykisk_helse_rus+fastlege]");
    assert!(!gp.recovered && gp.computed.is_none());
    // What the four records share beyond the claims is the NAV list, all of it marked as stated
    // for all four.
    for k in &check.computed_only {
        assert!(
            k.key.to_string().ends_with("[nav+psykisk_helse_rus]"),
            "{}",
            k.key
        );
    }
}

/// Follow-up of nes-2018 by nes-2025 lists every point of sak 103/18 with a stated status.
#[test]
fn nes_follow_up_lists_every_decision_point_with_a_status() {
    let corpus = bundled();
    let (earlier, later) = (
        corpus.get("nes-2018").unwrap(),
        corpus.get("nes-2025").unwrap(),
    );
    let report = follow_up(earlier, later, KeyMode::Category);
    let decisions: Vec<_> = report
        .items
        .iter()
        .filter(|i| i.what == "decision")
        .collect();
    assert_eq!(decisions.len(), 3);
    for d in decisions {
        assert!(
            d.status.is_some(),
            "decision point {} has a status",
            d.number
        );
        assert!(
            d.evidence
                .iter()
                .all(|e| e.source == "000_b1b178c2101948b1.txt")
        );
    }
    assert_eq!(
        report.gaps.len(),
        earlier.gaps.len(),
        "every 2018 gap has an outcome"
    );
    assert!(report.gaps.iter().any(|g| g.basis == OutcomeBasis::Stated));
    assert_eq!(corpus.follow_up_pairs().len(), 1);
}
