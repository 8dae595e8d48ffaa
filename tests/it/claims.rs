//! The 2015 comparison note reproduced claim by claim from the rebuilt records: what the
//! computation finds, pinned as found (issue 12, item 2), and the check that no municipal gap
//! cites a line the note's claims cite.

use samhandling::Corpus;
use samhandling::compare::{KeyMode, Support, synthesis_check};

const MUNICIPAL: [&str; 4] = [
    "lorenskog-2015",
    "ralingen-2015",
    "skedsmo-2015",
    "ullensaker-2015",
];

/// Each claim: its key, its support, and the municipalities that hold it.
fn outcome(mode: KeyMode) -> Vec<(String, Support, Vec<String>)> {
    let corpus = Corpus::bundled().unwrap();
    let parts = corpus.select(MUNICIPAL).unwrap();
    let note = corpus.get("romerike-2015").unwrap();
    let check = synthesis_check(&parts, note, mode, 4);
    assert_eq!((check.n_units, check.unit.as_str()), (4, "municipalities"));
    for s in &check.stated {
        assert!(
            s.circular.is_empty(),
            "{}: municipal gaps cite the claim's own lines: {:?}",
            s.key,
            s.circular
        );
    }
    check
        .stated
        .iter()
        .map(|s| {
            let who = s.holders.iter().map(|h| h.unit.clone()).collect();
            (s.key.to_string(), s.support, who)
        })
        .collect()
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// By category: only the NAV/GP category is common to all four, and there only through the NAV
/// list; individual plans in three, coordinators in two, the coordinating unit in one, the
/// specialist services in none.
#[test]
fn the_notes_claims_by_category() {
    assert_eq!(
        outcome(KeyMode::Category),
        vec![
            (
                "individual_plan".to_string(),
                Support::Partly,
                names(&["Lørenskog", "Skedsmo", "Ullensaker"])
            ),
            (
                "coordinator".to_string(),
                Support::Partly,
                names(&["Lørenskog", "Skedsmo"])
            ),
            (
                "coordinating_unit".to_string(),
                Support::Partly,
                names(&["Lørenskog"])
            ),
            (
                "specialist_interface".to_string(),
                Support::NotSupported,
                vec![]
            ),
            (
                "system_collaboration".to_string(),
                Support::Supported,
                names(&["Lørenskog", "Rælingen", "Skedsmo", "Ullensaker"])
            ),
        ]
    );
}

/// By category and kinds, the NAV claim is supported in all four and the GP claim in none.
#[test]
fn the_nav_claim_is_supported_and_the_gp_claim_is_not() {
    let found = outcome(KeyMode::CategoryAndKinds);
    let of = |k: &str| found.iter().find(|x| x.0 == k).unwrap().1;
    assert_eq!(
        of("system_collaboration[nav+psykisk_helse_rus]"),
        Support::Supported
    );
    assert_eq!(
        of("system_collaboration[psykisk_helse_rus+fastlege]"),
        Support::NotSupported
    );
}
