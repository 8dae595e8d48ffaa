//! Legal references: every form the seeds' criteria chapters use parses, and compares equal
//! however it is written; unknown forms fail.

use samhandling::LegalRef;
use samhandling::legal::Law;

/// Forms as they stand in the seeds (criteria chapters and Vedlegg A), with the canonical form
/// each must parse to.
const SEED_FORMS: &[(&str, &str)] = &[
    ("hol § 7-3", "hol § 7-3"),
    (
        "helse- og omsorgstjenesteloven § 3-4 første ledd",
        "hol § 3-4 første ledd",
    ),
    ("pbrl § 2-5", "pbrl § 2-5"),
    ("sosialtjenesteloven § 15", "stjl § 15"),
    (
        "forskrift om habilitering og rehabilitering § 21",
        "forskrift_hab_rehab § 21",
    ),
    ("spesialisthelsetjenesteloven § 2-1 e", "shtl § 2-1 e"),
    // 003 and 004 (Deloitte): section before the law.
    ("§ 3-4 i helse- og omsorgstjenesteloven", "hol § 3-4"),
    ("§ 6-2 i helse- og omsorgstjenesteloven", "hol § 6-2"),
    ("§ 3-1 i pasient- og brukerrettighetsloven", "pbrl § 3-1"),
    ("§ 17 i forvaltningsloven", "fvl § 17"),
    ("§ 25-1 i kommuneloven", "kl § 25-1"),
    ("§ 27 i sosialtjenesteloven", "stjl § 27"),
    ("Helse- og omsorgstjenesteloven § 4-1", "hol § 4-1"),
    ("helse og omsorgstjenesteloven § 4-1", "hol § 4-1"),
    ("HOL § 9-5", "hol § 9-5"),
    ("HOL §3-5 andre ledd", "hol § 3-5 andre ledd"),
    (
        "helse- og omsorgstjenesteloven § 3-5 tredje ledd",
        "hol § 3-5 tredje ledd",
    ),
    ("helse- og omsorgstjenesteloven §3-2 a", "hol § 3-2 a"),
    ("§4-1a i helse- og omsorgstjenesteloven", "hol § 4-1 a"),
    (
        "Pasient- og brukerrettighetsloven § 2-1 a andre ledd",
        "pbrl § 2-1 a andre ledd",
    ),
    (
        "Pasient- og brukerrettighetsloven § 3-1 tredje ledd",
        "pbrl § 3-1 tredje ledd",
    ),
    ("Lov om sosiale tjenester i NAV § 27", "stjl § 27"),
    ("sosialtjenesteloven § 17", "stjl § 17"),
    ("boligsosialloven § 5", "bsl § 5"),
    ("Kommuneloven § 25-1", "kl § 25-1"),
    ("Helsepersonelloven § 10 a", "hpl § 10 a"),
    ("psykisk helsevernloven § 4-1", "phvl § 4-1"),
    ("folkehelseloven §5", "fhl § 5"),
    ("plan- og bygningsloven § 10-1", "pbl § 10-1"),
    ("spesialisthelsetjenesteloven § 2-2", "shtl § 2-2"),
    (
        "forskrift om habilitering og rehabilitering, individuell plan og koordinator § 21",
        "forskrift_hab_rehab § 21",
    ),
    (
        "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten § 8f",
        "forskrift_ledelse_kvalitet § 8 f",
    ),
    (
        "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenestene § 8 b",
        "forskrift_ledelse_kvalitet § 8 b",
    ),
    (
        "forskrift om ledelse og kvalitetsforbedring § 8 bokstav d",
        "forskrift_ledelse_kvalitet § 8 d",
    ),
    (
        "§ 6 i forskrift om individuell plan",
        "forskrift_individuell_plan § 6",
    ),
    ("§ 3 i kvalitetsforskriften", "kvalitetsforskriften § 3"),
    ("barnevernsloven § 15-8", "bvl § 15-8"),
];

#[test]
fn every_seed_form_parses_to_its_canonical_form() {
    for (text, canonical) in SEED_FORMS {
        let parsed: LegalRef = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(parsed.to_string(), *canonical, "{text}");
        assert_eq!(parsed.text(), *text, "the text as written is kept");
        let again: LegalRef = canonical
            .parse()
            .unwrap_or_else(|e| panic!("{canonical}: {e}"));
        assert_eq!(again, parsed, "the canonical form reads back: {text}");
    }
}

#[test]
fn the_same_section_compares_equal_however_written() {
    let forms = [
        "hol § 3-4 første ledd",
        "helse- og omsorgstjenesteloven § 3-4 første ledd",
        "§ 3-4 første ledd i helse- og omsorgstjenesteloven",
        "Helse- og omsorgstjenesteloven §3-4 1. ledd",
    ];
    let parsed: Vec<LegalRef> = forms.iter().map(|f| f.parse().unwrap()).collect();
    assert!(parsed.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(parsed[0].law, Law::Hol);
    assert_eq!(parsed[0].section, "3-4");
    assert_eq!(parsed[0].ledd, Some(1));
    let other: LegalRef = "hol § 3-4 andre ledd".parse().unwrap();
    assert_ne!(parsed[0], other);
    let set: std::collections::BTreeSet<LegalRef> = parsed.into_iter().collect();
    assert_eq!(set.len(), 1);
}

#[test]
fn unknown_forms_fail_with_a_reason() {
    for bad in [
        "",
        "hol",
        "hol § ",
        "tannhelsetjenesteloven § 1",
        "§ 7-3",
        "hol §§ 4-1 og 4-2",
        "hol § 7-3 første",
        "hol § sju",
        "hol § 7-3-1",
        "hol § 7-3 e f",
    ] {
        let err = bad.parse::<LegalRef>().expect_err(bad);
        assert_eq!(err.input, bad);
        assert!(!err.reason.is_empty());
    }
    let err = "hol §§ 4-1 og 4-2".parse::<LegalRef>().unwrap_err();
    assert!(
        err.to_string().contains("one section per reference"),
        "{err}"
    );
}

#[test]
fn serialises_as_written() {
    let r: LegalRef = "§ 7-1 i helse- og omsorgstjenesteloven".parse().unwrap();
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        "\"§ 7-1 i helse- og omsorgstjenesteloven\""
    );
    let back: LegalRef = serde_json::from_str("\"hol § 7-1\"").unwrap();
    assert_eq!(back, r);
}
