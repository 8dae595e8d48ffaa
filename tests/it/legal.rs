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
        "§ 7-3",
        "hol §§ 4-1 og 4-2",
        "hol § 7-3 første",
        "hol § sju",
        "hol § 7-3-1",
        "hol § 7-3 e f",
        "hol § 7-1 nr. seks",
        "kommuneloven kapittel",
        "kommuneloven kapittel X",
        "kommuneloven kapittel 10 A B",
        "i hol",
        "jf. § 7-1",
        "12 § 3",
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

/// Forms from tilsyn, Riksrevisjonen and nynorsk reports (GENRES.md): laws current and
/// repealed, regulations, bokmål and nynorsk names, with the canonical form each reads as.
const GENRE_FORMS: &[(&str, &str)] = &[
    // Nynorsk names of the laws the seeds cite in bokmål.
    ("helse- og omsorgstenestelova § 7-1", "hol § 7-1"),
    ("pasient- og brukarrettslova § 2-5", "pbrl § 2-5"),
    ("sosialtenestelova § 15", "stjl § 15"),
    ("kommunelova § 25-1", "kl § 25-1"),
    ("spesialisthelsetenestelova § 2-5", "shtl § 2-5"),
    ("helsepersonellova § 39", "hpl § 39"),
    ("forvaltningslova § 17", "fvl § 17"),
    ("psykisk helsevernlova § 3-1", "phvl § 3-1"),
    ("§ 7-2 i helse- og omsorgstenestelova", "hol § 7-2"),
    (
        "helse- og omsorgstenestelova § 3-1 fyrste ledd",
        "hol § 3-1 første ledd",
    ),
    // The ground of a tilsyn, today and before.
    ("helsetilsynsloven § 4", "htil § 4"),
    ("helsetilsynslova § 4", "htil § 4"),
    (
        "lov om statlig tilsyn med helse- og omsorgstjenesten m.m. § 4",
        "htil § 4",
    ),
    (
        "lov om statlig tilsyn med helsetjenesten § 2",
        "tilsynsloven_1984 § 2",
    ),
    ("tilsynsloven § 2", "tilsynsloven_1984 § 2"),
    ("helse- og omsorgstjenesteloven § 12-3", "hol § 12-3"),
    ("kommuneloven kapittel 10 A", "kl_1992 kapittel 10 A"),
    ("kommuneloven kap. 10A", "kl_1992 kapittel 10 A"),
    ("kapittel 30 i kommuneloven", "kl kapittel 30"),
    ("kommuneloven § 60 b", "kl_1992 § 60 b"),
    ("kommuneloven § 30-1", "kl § 30-1"),
    // Repealed laws old reports cite.
    ("kommunehelsetjenesteloven § 6-2", "khl § 6-2"),
    ("lov om helsetjenesten i kommunene § 1-3", "khl § 1-3"),
    ("sosialtjenesteloven § 4-3", "stjl_1991 § 4-3"),
    ("lov om sosiale tjenester m.v. § 4-3", "stjl_1991 § 4-3"),
    ("sosialtjenesteloven § 15", "stjl § 15"),
    // Regulations, current and repealed.
    (
        "forskrift om internkontroll i sosial- og helsetjenesten § 4",
        "forskrift_internkontroll § 4",
    ),
    (
        "internkontrollforskriften § 4",
        "forskrift_internkontroll § 4",
    ),
    (
        "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten § 6",
        "forskrift_ledelse_kvalitet § 6",
    ),
    (
        "forskrift om leiing og kvalitetsforbetring i helse- og omsorgstenesta § 7",
        "forskrift_ledelse_kvalitet § 7",
    ),
    (
        "forskrift om habilitering og rehabilitering, individuell plan og koordinator § 19",
        "forskrift_hab_rehab § 19",
    ),
    (
        "pasientjournalforskriften § 8",
        "pasientjournalforskriften § 8",
    ),
    (
        "forskrift om pasientjournal § 8",
        "pasientjournalforskriften § 8",
    ),
    (
        "forskrift om individuell plan etter helselovgivningen og sosialtjenesteloven § 2",
        "forskrift_individuell_plan § 2",
    ),
    (
        "forskrift om fastlegeordning i kommunene § 19",
        "fastlegeforskriften § 19",
    ),
    (
        "forskrift om kommunal betaling for utskrivningsklare pasienter § 9",
        "utskrivningsforskriften § 9",
    ),
    (
        "forskrift om internkontroll for kommunen i arbeids- og velferdsforvaltningen § 4",
        "forskrift_internkontroll_nav § 4",
    ),
    ("arbeids- og velferdsforvaltningsloven § 14", "navl § 14"),
    ("personopplysningsloven § 1", "popplyl § 1"),
    ("offentleglova § 13", "offl § 13"),
    // Long titles with the short name in brackets; leading "jf."; list items.
    (
        "lov om kommunale helse- og omsorgstjenester m.m. (helse- og omsorgstjenesteloven) § 7-1",
        "hol § 7-1",
    ),
    ("jf. helse- og omsorgstjenesteloven § 7-1", "hol § 7-1"),
    (
        "helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b",
        "hol § 3-2 første ledd nr. 6 b",
    ),
    // Broken over a line as printed.
    ("helse- og omsorgstjeneste- loven § 12-3", "hol § 12-3"),
    ("helse- og omsorgs-\ntjenesteloven § 7-1", "hol § 7-1"),
    ("pasient- og brukerrettighets- loven § 2-5", "pbrl § 2-5"),
    ("hol § 12-\n3", "hol § 12-3"),
];

#[test]
fn every_genre_form_parses_to_its_canonical_form() {
    for (text, canonical) in GENRE_FORMS {
        let parsed: LegalRef = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(parsed.is_known(), "{text}: {:?}", parsed.law);
        assert_eq!(parsed.to_string(), *canonical, "{text}");
        assert_eq!(parsed.text(), *text, "the text as written is kept");
        let again: LegalRef = canonical
            .parse()
            .unwrap_or_else(|e| panic!("{canonical}: {e}"));
        assert_eq!(again, parsed, "the canonical form reads back: {text}");
    }
}

#[test]
fn bokmal_and_nynorsk_names_of_a_law_compare_equal() {
    let pairs = [
        (
            "helse- og omsorgstjenesteloven § 7-1",
            "helse- og omsorgstenestelova § 7-1",
        ),
        (
            "pasient- og brukerrettighetsloven § 2-5",
            "pasient- og brukarrettslova § 2-5",
        ),
        ("sosialtjenesteloven § 27", "sosialtenestelova § 27"),
        ("kommuneloven § 25-1", "kommunelova § 25-1"),
        ("helsetilsynsloven § 4", "helsetilsynslova § 4"),
        (
            "kommunehelsetjenesteloven § 6-3",
            "kommunehelsetenestelova § 6-3",
        ),
        (
            "internkontrollforskriften § 4",
            "internkontrollforskrifta § 4",
        ),
        (
            "forskrift om ledelse og kvalitetsforbedring § 6",
            "forskrift om leiing og kvalitetsforbetring § 6",
        ),
        (
            "hol § 3-1 første ledd",
            "helse- og omsorgstenestelova § 3-1 fyrste ledd",
        ),
    ];
    for (bokmal, nynorsk) in pairs {
        let a: LegalRef = bokmal.parse().unwrap();
        let b: LegalRef = nynorsk.parse().unwrap();
        assert_eq!(a, b, "{bokmal} = {nynorsk}");
        assert!(a.is_known());
    }
    // Old and new acts of one short name stay apart.
    let old: LegalRef = "sosialtjenesteloven § 4-3".parse().unwrap();
    let new: LegalRef = "sosialtjenesteloven § 15".parse().unwrap();
    assert_eq!(
        (old.law.clone(), new.law.clone()),
        (Law::Stjl1991, Law::Stjl)
    );
    assert_eq!(Law::Stjl1991.repealed(), Some(2012));
    assert_eq!(Law::Stjl.repealed(), None);
    let supervision: LegalRef = "lov om statlig tilsyn med helsetjenesten § 2"
        .parse()
        .unwrap();
    let today: LegalRef = "helsetilsynsloven § 2".parse().unwrap();
    assert_ne!(supervision, today);
    assert!(Law::Khl.repealed().is_some() && Law::Tilsynsloven1984.repealed().is_some());
}

/// A law the table does not know is kept, compares by the name as written, and is named by
/// `Report::warnings`; nothing is an error that asks to change the crate.
#[test]
fn an_unknown_law_is_kept_and_named_in_a_warning() {
    let r: LegalRef = "Tannhelsetjenesteloven § 1-3 andre ledd".parse().unwrap();
    assert_eq!(r.law, Law::Other("tannhelsetjenesteloven".into()));
    assert!(!r.is_known());
    assert_eq!(r.to_string(), "tannhelsetjenesteloven § 1-3 andre ledd");
    let same: LegalRef = "§ 1-3 andre ledd i tannhelsetjenesteloven".parse().unwrap();
    assert_eq!(r, same);
    let broken: LegalRef = "tannhelse- tjenesteloven § 1-3 andre ledd".parse().unwrap();
    assert_eq!(
        r, broken,
        "a line break inside the name is joined for unknown laws too"
    );

    let mut v: serde_json::Value = serde_json::from_str(crate::EXAMPLE).unwrap();
    v["criteria"][0]["legal"] = serde_json::json!(["hol § 7-1", "tannhelsetjenesteloven § 1-3"]);
    v["gaps"][0]["legal"] = serde_json::json!(["lov om tannhelsetjenesten § 1-3"]);
    let report = samhandling::Report::from_json_str(&v.to_string()).unwrap();
    assert!(report.validate().is_empty(), "an unknown law is no error");
    let warnings = report.warnings();
    let found: Vec<(String, String)> = warnings
        .iter()
        .map(|w| match w {
            samhandling::Warning::UnknownLaw { at, law, .. } => (at.path.clone(), law.clone()),
            other => panic!("unexpected warning {other}"),
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "criteria[0].legal[1]".to_string(),
                "tannhelsetjenesteloven".to_string()
            ),
            (
                "gaps[0].legal[0]".to_string(),
                "lov om tannhelsetjenesten".to_string()
            ),
        ]
    );
    let message = warnings[0].to_string();
    assert!(
        message.contains("tannhelsetjenesteloven")
            && message.contains("criteria[0].legal[1]")
            && !message.contains("src/legal.rs"),
        "{message}"
    );
    // The record round-trips with the text as written.
    let back = samhandling::Report::from_json_str(&report.to_json_string()).unwrap();
    assert_eq!(back, report);
    // No bundled record cites a law the table does not know.
    for report in &samhandling::Corpus::bundled().unwrap() {
        assert!(
            report.warnings().is_empty(),
            "{}: {:?}",
            report.id,
            report.warnings()
        );
    }
}

#[test]
fn every_known_law_reads_back_from_its_word_and_names() {
    for law in Law::KNOWN {
        // A section numbered as the law numbers them: the 2009 social services act by plain
        // number, the others by chapter (which is also what tells the two acts apart).
        let section = if *law == Law::Stjl { "1" } else { "1-1" };
        let text = format!("{} § {section}", law.word());
        let r: LegalRef = text.parse().unwrap();
        assert_eq!(&r.law, law, "{text}");
        let long = format!("{} § {section}", law.norwegian());
        let r: LegalRef = long.parse().unwrap_or_else(|e| panic!("{long}: {e}"));
        assert_eq!(&r.law, law, "{long}");
        assert!(!law.english().is_empty());
    }
}

proptest::proptest! {
    /// Whatever the text, reading it as a legal reference returns a reference or an error, never
    /// a panic; a reference that reads writes a canonical form that reads back equal.
    #[test]
    fn any_text_reads_or_fails_cleanly(
        law in "(hol|jf\\.|JF\\. hol|kommuneloven|tannhelse- tjenesteloven|İ|ſe|\\PC{0,12})",
        sep in "( § | kapittel | kap\\. |§| i |-\n)",
        rest in "\\PC{0,16}",
    ) {
        let text = format!("{law}{sep}{rest}");
        if let Ok(r) = text.parse::<LegalRef>() {
            let again: LegalRef = r.to_string().parse().unwrap();
            proptest::prop_assert_eq!(again, r);
        }
    }
}
