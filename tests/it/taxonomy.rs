//! The vocabularies and the alias lexicon of local service names.

use samhandling::taxonomy::{
    Direction, FollowUpStatus, GapCategory, Genre, Level, Owner, RelationKind, ServiceKind,
    ServiceStatus, Severity, StatedIn, Status, Verdict, Vocabulary,
};
use std::fmt::Display;
use std::str::FromStr;

/// Every local service name used in the five seeds, with the kind it stands for.
const SEED_NAMES: &[(&str, ServiceKind)] = &[
    ("NAV", ServiceKind::Nav),
    ("Nav", ServiceKind::Nav),
    ("Nav-kontoret", ServiceKind::Nav),
    ("NAV Lørenskog", ServiceKind::Nav),
    ("arbeids- og velferdsforvaltningen", ServiceKind::Nav),
    ("Velferdsforvaltningen", ServiceKind::Tildelingskontor),
    ("Tjenestekontoret", ServiceKind::Tildelingskontor),
    ("Tildelingsenheten", ServiceKind::Tildelingskontor),
    ("Tildelerenheten", ServiceKind::Tildelingskontor),
    ("Tildelingskontoret", ServiceKind::Tildelingskontor),
    (
        "Mottak- og utredningskontoret",
        ServiceKind::Tildelingskontor,
    ),
    (
        "Søknads- og samhandlingsenheten",
        ServiceKind::Tildelingskontor,
    ),
    ("DPS Kongsvinger", ServiceKind::Dps),
    ("DPS Øvre Romerike", ServiceKind::Dps),
    ("ARA", ServiceKind::Ara),
    ("BUP", ServiceKind::Bup),
    ("Ahus", ServiceKind::Sykehus),
    ("Sykehuset Innlandet", ServiceKind::Sykehus),
    ("Sykehuset Østfold", ServiceKind::Sykehus),
    ("Vestre Viken", ServiceKind::Sykehus),
    ("FACT-team", ServiceKind::Fact),
    ("ACT-team", ServiceKind::Act),
    ("Koordinerende enhet", ServiceKind::KoordinerendeEnhet),
    ("KE", ServiceKind::KoordinerendeEnhet),
    (
        "Avdeling psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    ("Dialog og mestring", ServiceKind::PsykiskHelseRus),
    ("ViTT", ServiceKind::PsykiskHelseRus),
    ("Bolig rus og psykisk helse", ServiceKind::PsykiskHelseRus),
    (
        "Enhet for psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    ("Fastlegene", ServiceKind::Fastlege),
    ("Kommuneoverlegen", ServiceKind::Kommuneoverlege),
    ("Legevakten", ServiceKind::Legevakt),
    ("Hjemmetjenesten", ServiceKind::Hjemmetjeneste),
    ("Boligkontoret", ServiceKind::Bolig),
    ("Eiendomsenheten", ServiceKind::Bolig),
    ("Barneverntjenesten", ServiceKind::Barnevern),
    ("Politiet", ServiceKind::Politi),
    ("SLT-koordinator", ServiceKind::Slt),
    ("Helsestasjon for ungdom", ServiceKind::Helsestasjon),
    ("Familiens hus", ServiceKind::Familie),
    ("Røde Kors", ServiceKind::Frivillig),
    ("Kriminalomsorgen", ServiceKind::Kriminalomsorg),
    ("Flyktningetjenesten", ServiceKind::Flyktningetjeneste),
    ("Kontrollutvalget", ServiceKind::Kontrollutvalg),
    ("Kommunestyret", ServiceKind::Kontrollutvalg),
    ("Rådmannen", ServiceKind::Ledelse),
    ("Kommunedirektøren", ServiceKind::Ledelse),
    ("Vurderings- og koordineringsteamet", ServiceKind::Team),
    ("Ansvarsgruppe", ServiceKind::Team),
    (
        "ViTT (Virksomhet Tilpassede Tjenester)",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "psykisk helse- og rustjeneste",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "Psykisk helse- og rustjenester",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "Avdeling for psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "Avdeling psykisk helse og avhengighet",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "Enhet for psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    ("enhet for Helsevern", ServiceKind::PsykiskHelseRus),
    ("Forsterket mestringstilbud", ServiceKind::PsykiskHelseRus),
    ("NAV Åsnes", ServiceKind::Nav),
    ("Nav Asker", ServiceKind::Nav),
    ("FACT Asker", ServiceKind::Fact),
    ("ACT-teamet", ServiceKind::Act),
    ("DPS Kongsvinger", ServiceKind::Dps),
    ("BUP Moss", ServiceKind::Bup),
    ("Sykehuset Innlandet", ServiceKind::Sykehus),
    ("Blakstad sykehus", ServiceKind::Sykehus),
    ("Sanderud (spesialisthelsetjenesten)", ServiceKind::Sykehus),
    (
        "Koordinerende enhet for rehabilitering og habilitering (KE)",
        ServiceKind::KoordinerendeEnhet,
    ),
    (
        "helsefellesskapet i Vest-Viken",
        ServiceKind::Helsefellesskap,
    ),
    ("Helsefellesskapet Østfold", ServiceKind::Helsefellesskap),
    ("fastlegetjenesten", ServiceKind::Fastlege),
    ("fastlegekontoret", ServiceKind::Fastlege),
    ("Kommunedirektør", ServiceKind::Ledelse),
    ("akuttboliger", ServiceKind::Bolig),
    ("døgnbemannede boliger", ServiceKind::Bolig),
    ("Feltsykepleien", ServiceKind::Lavterskel),
    ("Frisklivssentralen", ServiceKind::Lavterskel),
    ("jordmortjenesten", ServiceKind::Helsestasjon),
    ("skolehelsetjenesten", ServiceKind::Helsestasjon),
    ("Mental Helse Åsnes", ServiceKind::Brukerorganisasjon),
    ("Anonyme Narkomaner Åsnes", ServiceKind::Brukerorganisasjon),
    ("flyktningtjenesten", ServiceKind::Flyktningetjeneste),
    ("Dagsenter", ServiceKind::Dagtilbud),
];

#[test]
fn every_seed_name_maps_to_its_kind() {
    for (name, kind) in SEED_NAMES {
        assert_eq!(ServiceKind::from_local_name(name), Some(*kind), "{name}");
    }
}

/// Velferdsforvaltningen is Asker's municipal assessment office; "arbeids- og
/// velferdsforvaltningen" is NAV. The longer name wins, and a stated kind always wins.
#[test]
fn ambiguous_names_resolve_as_documented() {
    assert_eq!(
        ServiceKind::from_local_name("Velferdsforvaltningen"),
        Some(ServiceKind::Tildelingskontor)
    );
    assert_eq!(
        ServiceKind::from_local_name("Arbeids- og velferdsforvaltningen (NAV)"),
        Some(ServiceKind::Nav)
    );
    let json = crate::EXAMPLE.replace(
        r#""name": "Nav","#,
        r#""name": "Velferdsforvaltningen", "kind": "nav","#,
    );
    let report = samhandling::Report::from_json_str(&json).unwrap();
    assert_eq!(report.services[0].resolved_kind(), ServiceKind::Nav);
}

/// Where the lexicon knows a name used in the bundled records, it gives the kind the record
/// states: the lexicon and the encoded data agree.
#[test]
fn the_lexicon_agrees_with_every_bundled_record() {
    let corpus = samhandling::Corpus::bundled().unwrap();
    let mut known = 0;
    for report in &corpus {
        for s in &report.services {
            if let Some(kind) = ServiceKind::from_local_name(&s.name) {
                known += 1;
                assert_eq!(Some(kind), s.kind, "{}: {}", report.id, s.name);
            }
        }
    }
    assert!(known > 100, "the lexicon covers most names: {known}");
}

#[test]
fn names_match_whole_words_only() {
    assert_eq!(ServiceKind::from_local_name("Navigasjon"), None);
    assert_eq!(ServiceKind::from_local_name("DPSX"), None);
    assert_eq!(
        ServiceKind::from_local_name("  dps  "),
        Some(ServiceKind::Dps)
    );
    assert_eq!(ServiceKind::from_local_name("Bydel Frogner"), None);
}

fn check_vocabulary<T>()
where
    T: Vocabulary + Display + FromStr + PartialEq + std::fmt::Debug,
    <T as FromStr>::Err: Display,
{
    assert!(!T::ALL.is_empty());
    let mut words = std::collections::BTreeSet::new();
    for &v in T::ALL {
        let word = v.to_string();
        assert_eq!(word, v.word());
        assert!(words.insert(word.clone()), "duplicate word {word}");
        assert!(
            word.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{word} is not snake_case"
        );
        assert!(!v.norwegian().is_empty() && !v.english().is_empty());
        assert_eq!(word.parse::<T>().ok(), Some(v));
        let json = serde_json::to_string(&v.word()).unwrap();
        assert_eq!(json, format!("\"{word}\""));
    }
    let err = "no_such_word".parse::<T>().err().unwrap().to_string();
    assert!(
        err.contains(T::NAME) && err.contains("no_such_word"),
        "{err}"
    );
    for &v in T::ALL {
        assert!(err.contains(v.word()), "the error lists {}", v.word());
    }
}

#[test]
fn every_vocabulary_has_words_labels_and_helpful_errors() {
    check_vocabulary::<ServiceKind>();
    check_vocabulary::<RelationKind>();
    check_vocabulary::<Status>();
    check_vocabulary::<Direction>();
    check_vocabulary::<Level>();
    check_vocabulary::<Owner>();
    check_vocabulary::<ServiceStatus>();
    check_vocabulary::<GapCategory>();
    check_vocabulary::<Severity>();
    check_vocabulary::<StatedIn>();
    check_vocabulary::<Verdict>();
    check_vocabulary::<FollowUpStatus>();
    check_vocabulary::<Genre>();
}

#[test]
fn the_design_notes_starting_lists_are_kept() {
    let kinds = "nav, dps, ara, bup, sykehus, fact, act, tildelingskontor, koordinerende_enhet, \
        psykisk_helse_rus, fastlege, kommuneoverlege, legevakt, hjemmetjeneste, bolig, barnevern, politi, slt, \
        helsestasjon, familie, lavterskel, frivillig, brukerorganisasjon, helsefellesskap, kriminalomsorg, \
        flyktningetjeneste, arbeid, oppvekst, ledelse, kontrollutvalg, team, other";
    for word in kinds.split(", ") {
        assert!(word.parse::<ServiceKind>().is_ok(), "{word}");
    }
    let categories = "responsibility_unclear, no_formal_agreement, no_routines, information_sharing, \
        individual_plan, coordinator, coordinating_unit, capacity, housing, competence, user_involvement, \
        next_of_kin, planning_governance, mapping_assessment, specialist_interface, public_information, \
        reporting_followup, safety, outreach, activity_work, culture_silo, other";
    for word in categories.split(", ") {
        assert!(word.parse::<GapCategory>().is_ok(), "{word}");
    }
}
