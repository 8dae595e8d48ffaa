//! Drafts of texts shaped like the genres' real reports, which the rules were not written from:
//! a national-template tilsyn of an Oslo district (summary that repeats the lovbrudd, observation
//! lists, legal grounds, participants table), the same in nynorsk, and a Kommunerevisjonen
//! audit of a district with bulleted recommendations and the district's response. Each
//! expectation is what a careful reviewer would keep of the draft.

use samhandling::draft::{Draft, draft};
use samhandling::evidence::{Sources, check_report};
use samhandling::taxonomy::{
    FindingTerm, GapCategory, Genre, RelationKind, Severity, StatedIn, Verdict,
};

const TILSYN_BYDEL: &str = include_str!("../fixtures/draft/tilsyn-bydel.txt");
const TILSYN_NYNORSK: &str = include_str!("../fixtures/draft/tilsyn-nynorsk.txt");
const KOMMUNEREVISJONEN: &str = include_str!("../fixtures/draft/kommunerevisjonen.txt");
const TILSYN_AVVIK: &str = include_str!("../fixtures/draft/tilsyn-avvik.txt");
const FR_NYNORSK: &str = include_str!("../fixtures/draft/forvaltningsrevisjon-nynorsk.txt");
const DOKUMENT_3: &str = include_str!("../fixtures/draft/riksrevisjonen-dokument3.txt");
const KR_FOLLOW_UP: &str = include_str!("../fixtures/draft/kommunerevisjonen-oppfolging.txt");
const TILSYN_2023: &str = include_str!("../fixtures/draft/tilsyn-statsforvalteren.txt");
const AVVIK_NYNORSK: &str = include_str!("../fixtures/draft/tilsyn-avvik-nynorsk.txt");

fn drafted(name: &str, text: &str) -> Draft {
    let d = draft(name, text).unwrap();
    let mut sources = Sources::default();
    sources.insert(name, text);
    assert!(check_report(&d.report, &sources).is_empty(), "{name}");
    assert!(d.report.validate().is_empty(), "{name}");
    d
}

/// The 1-based lines where `needle` stands in `text`.
fn lines_of(text: &str, needle: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

fn names(d: &Draft) -> Vec<&str> {
    d.report.services.iter().map(|s| s.name.as_str()).collect()
}

fn id_of<'a>(d: &'a Draft, name: &str) -> &'a str {
    d.report
        .services
        .iter()
        // A name the drafter folded into a unit's fuller name ("bydelen" into "Bydel Nordøst")
        // is that unit's alias.
        .find(|s| {
            s.name.eq_ignore_ascii_case(name)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .unwrap_or_else(|| panic!("{name} in {:?}", names(d)))
        .id
        .as_str()
}

/// Whether a relation of `kind` joins the services named `a` and `b`, either way.
fn relates(d: &Draft, a: &str, b: &str, kind: RelationKind) -> bool {
    related(d, a, b).iter().any(|(k, _)| k.contains(&kind))
}

/// The legal references of gap `g`, as printed ("hol § 7-1").
fn legal_of(g: &samhandling::Gap) -> Vec<String> {
    g.legal.iter().map(ToString::to_string).collect()
}

/// Asserts that gap `g` quotes the line of `text` where each needle first stands.
fn assert_quotes(g: &samhandling::Gap, text: &str, needles: &[&str]) {
    let lines: Vec<usize> = g.evidence.iter().map(|e| e.line).collect();
    for needle in needles {
        let at = lines_of(text, needle)[0];
        assert!(lines.contains(&at), "{needle} at {at}: {lines:?}");
    }
}

/// Every line the gaps of `d` cite, in order.
fn gap_lines(d: &Draft) -> Vec<usize> {
    d.report
        .gaps
        .iter()
        .flat_map(|g| g.evidence.iter().map(|e| e.line))
        .collect()
}

/// Each gap of `d` as its category and the lines it cites.
fn gap_rows(d: &Draft) -> Vec<(GapCategory, Vec<usize>)> {
    d.report
        .gaps
        .iter()
        .map(|g| (g.category, g.evidence.iter().map(|e| e.line).collect()))
        .collect()
}

/// The first lines of a hand-made forvaltningsrevisjon by an IKS, before its chapters.
const AUDIT_HEAD: &str =
    "Forvaltningsrevisjon av rusarbeid i Eksempel kommune\nRevisjon Midt IKS\n\n";

/// Whether no gap of `r` cites `line`.
fn no_gap_at(r: &samhandling::Report, line: usize) -> bool {
    r.gaps
        .iter()
        .all(|g| g.evidence.iter().all(|e| e.line != line))
}

/// The relations between the services named `a` and `b`, either way: kinds and evidence lines.
fn related(d: &Draft, a: &str, b: &str) -> Vec<(Vec<RelationKind>, Vec<usize>)> {
    let (a, b) = (id_of(d, a), id_of(d, b));
    d.report
        .relations
        .iter()
        .filter(|r| {
            (r.from.as_str(), r.to.as_str()) == (a, b) || (r.from.as_str(), r.to.as_str()) == (b, a)
        })
        .map(|r| (r.kinds.clone(), r.evidence.iter().map(|e| e.line).collect()))
        .collect()
}

#[test]
fn a_district_tilsyn_gives_its_issuer_district_year_and_title() {
    let d = drafted("tilsyn-bydel.txt", TILSYN_BYDEL);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Tilsyn);
    assert_eq!(r.year, Some(2018));
    assert_eq!(r.districts, ["Bydel Nordøst"]);
    assert!(
        r.auditor
            .as_deref()
            .is_some_and(|a| a.starts_with("Fylkesmannen i Oslo og Viken")),
        "{:?}",
        r.auditor
    );
    let title = r.title.as_deref().unwrap_or_default();
    assert!(
        title.starts_with("Rapport fra tilsyn") && title.ends_with("Bydel Nordøst 2018"),
        "the title's two lines: {title}"
    );
}

#[test]
fn a_district_tilsyn_gives_each_lovbrudd_once_with_its_legal_ground() {
    let d = drafted("tilsyn-bydel.txt", TILSYN_BYDEL);
    let r = &d.report;
    // Two lovbrudd (stated in the summary and again under Funn) and one merknad: three gaps.
    let terms: Vec<_> = r.gaps.iter().map(|g| g.term).collect();
    assert_eq!(
        terms,
        [
            Some(FindingTerm::Lovbrudd),
            Some(FindingTerm::Lovbrudd),
            Some(FindingTerm::Merknad)
        ],
        "{:#?}",
        r.gaps
    );
    assert_eq!(r.gaps[0].category, GapCategory::IndividualPlan);
    assert_eq!(r.gaps[1].category, GapCategory::FinancialHelp);
    assert_eq!(r.gaps[0].severity, Severity::Breach);
    // Each lovbrudd is quoted from Funn first, its restatement in the summary joins it.
    let lovbrudd_1 = lines_of(TILSYN_BYDEL, "Lovbrudd 1:");
    let lines: Vec<usize> = r.gaps[0].evidence.iter().map(|e| e.line).collect();
    assert_eq!(lines[0], lovbrudd_1[1]);
    assert!(lines.contains(&lovbrudd_1[0]), "{lines:?}");
    // The observations a lovbrudd rests on are its grounds, not gaps of their own.
    let observations: Vec<usize> = [
        "I fem av åtte",
        "oversikt over hvem",
        "kjenner ikke",
        "gjeld.",
        "tid til",
    ]
    .iter()
    .flat_map(|n| lines_of(TILSYN_BYDEL, n))
    .collect();
    for g in &r.gaps {
        assert!(
            !observations.contains(&g.evidence[0].line),
            "{}: an observation drafted as a gap",
            g.summary
        );
    }
    // The legal ground stated under each lovbrudd.
    assert_eq!(legal_of(&r.gaps[0]), ["hol § 7-1", "pbrl § 2-5"]);
    // "sosialtjenesteloven §§ 17 og 4": one reference per section; the crate's short name of
    // the 2009 act is `stjl`.
    assert_eq!(legal_of(&r.gaps[1]), ["stjl § 17", "stjl § 4"]);
}

#[test]
fn a_district_tilsyn_gives_the_districts_units_and_no_titles_as_services() {
    let d = drafted("tilsyn-bydel.txt", TILSYN_BYDEL);
    // The district's units; a law's title and a document's title are no services.
    for unit in [
        "Nav-kontoret",
        "Enhet for psykisk helse og rus",
        "Bo- og oppfølgingstjenesten",
        "Tildelingskontoret",
        "Lovisenberg DPS",
        "Koordinerende enhet",
    ] {
        id_of(&d, unit);
    }
    for n in names(&d) {
        assert!(!n.contains("Rutine"), "{n}");
        assert!(!n.contains("velferdsforvaltningen"), "{n}");
    }
    assert!(relates(
        &d,
        "Lovisenberg DPS",
        "bydelen",
        RelationKind::Discharge
    ));
    // "Bydel Nordøst ved Nav-kontoret sikrer ikke ...": the district acts through its office;
    // the two are not partners.
    assert_eq!(related(&d, "Bydel Nordøst", "Nav-kontoret"), []);
}

#[test]
fn a_nynorsk_tilsyn_gives_its_issuer_municipality_and_year() {
    let d = drafted("tilsyn-nynorsk.txt", TILSYN_NYNORSK);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Tilsyn);
    assert_eq!(
        (r.year, r.auditor.as_deref()),
        (Some(2018), Some("Fylkesmannen i Vestland"))
    );
    assert_eq!(r.municipalities, ["Fjordvik"]);
}

#[test]
fn a_nynorsk_tilsyn_gives_its_lovbrot_and_merknad() {
    let d = drafted("tilsyn-nynorsk.txt", TILSYN_NYNORSK);
    let r = &d.report;
    let gaps: Vec<_> = r.gaps.iter().map(|g| (g.term, g.category)).collect();
    assert_eq!(
        gaps,
        [
            (
                Some(FindingTerm::Lovbrudd),
                GapCategory::IndividualCoordination
            ),
            (Some(FindingTerm::Merknad), GapCategory::NextOfKin)
        ],
        "{:#?}",
        r.gaps
    );
    // The crate knows the regulation by its nynorsk title, so both references are read.
    assert_eq!(
        legal_of(&r.gaps[0]),
        ["hol § 3-4", "forskrift_ledelse_kvalitet § 6"]
    );
    // The summary's restatement and the two observations are evidence of the one lovbrot.
    let lines: Vec<usize> = r.gaps[0].evidence.iter().map(|e| e.line).collect();
    for needle in ["Lovbrot:", "faste møte", "Koordinator er"] {
        for l in lines_of(TILSYN_NYNORSK, needle) {
            assert!(lines.contains(&l), "{needle} at {l}: {lines:?}");
        }
    }
}

#[test]
fn a_nynorsk_tilsyn_gives_one_relation_per_clause() {
    let d = drafted("tilsyn-nynorsk.txt", TILSYN_NYNORSK);
    // "Kommunen har avtale med Helse Førde om samarbeid, og tenesta for psykisk helse og rus
    // møter Nordfjord DPS kvar månad": two relations, one per clause.
    let line = lines_of(TILSYN_NYNORSK, "avtale med Helse Førde")[0];
    assert!(
        related(&d, "Nordfjord DPS", "tenesta for psykisk helse og rus")
            .iter()
            .any(|(k, l)| k.contains(&RelationKind::Meeting) && l.contains(&line))
    );
    assert!(related(&d, "Helse Førde", "Nordfjord DPS").is_empty());
    // "Kommunen har avtale med Helse Førde": what the municipality has is the collaboration
    // itself, so it is a party; "Fjordvik kommune sikrar ikkje at tenestene frå A, B og C blir
    // samordna": it answers for its services' coordination, and is none.
    assert!(relates(
        &d,
        "Fjordvik kommune",
        "Helse Førde",
        RelationKind::Agreement
    ));
    assert_eq!(related(&d, "Fjordvik kommune", "heimetenesta"), []);
    assert!(!related(&d, "heimetenesta", "NAV-kontoret").is_empty());
    for unit in [
        "heimetenesta",
        "NAV-kontoret",
        "Nordfjord DPS",
        "Helse Førde",
    ] {
        id_of(&d, unit);
    }
    // A regulation's title, a participant's title and the issuer are no services.
    for n in names(&d) {
        assert!(
            !["leiing", "kommunalsjef", "Fylkesmannen"].contains(&n),
            "{n}"
        );
    }
}

#[test]
fn a_kommunerevisjonen_audit_of_a_district_gives_its_meta_questions_and_bullets() {
    let d = drafted("kommunerevisjonen.txt", KOMMUNEREVISJONEN);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Forvaltningsrevisjon);
    assert_eq!(r.year, Some(2019));
    assert_eq!(r.auditor.as_deref(), Some("Kommunerevisjonen"));
    assert_eq!(r.districts, ["Bydel Sørvik"]);
    assert!(
        r.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Samhandling om tjenester")),
        "{:?}",
        r.title
    );
    let numbers: Vec<&str> = r
        .recommendations
        .iter()
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(r.questions.len(), 2);
    assert_eq!(r.criteria.len(), 2);
}

#[test]
fn a_kommunerevisjonen_audit_gives_its_assessed_breach() {
    let d = drafted("kommunerevisjonen.txt", KOMMUNEREVISJONEN);
    let r = &d.report;
    // "Bydelen sikrer ikke ... individuell plan. Dette er ikke i samsvar med pbrl § 2-5": a
    // breach of the individual-plan duty, in the assessment.
    let at = lines_of(KOMMUNEREVISJONEN, "er ikke i samsvar med pasient")[0];
    let g = r
        .gaps
        .iter()
        .find(|g| g.evidence.iter().any(|e| e.line.abs_diff(at) <= 1))
        .expect("the assessed breach");
    assert_eq!(
        (g.category, g.severity, g.term),
        (
            GapCategory::IndividualPlan,
            Severity::Breach,
            Some(FindingTerm::IkkeISamsvar)
        )
    );
    assert_eq!(legal_of(g), ["pbrl § 2-5"]);
    // "Dette er ikke i samsvar med ..." is evidence of that gap, not a gap of its own.
    assert_eq!(
        r.gaps
            .iter()
            .filter(|g| g.evidence.iter().any(|e| e.line.abs_diff(at) <= 1))
            .count(),
        1,
        "{:#?}",
        r.gaps
    );
}

#[test]
fn a_verdict_on_a_sentence_with_no_finding_word_quotes_that_sentence() {
    // The sentence before "Dette er ikke i samsvar med" states no shortcoming in words the
    // rules know; the verdict makes it the breach, quoted first.
    let text = KOMMUNEREVISJONEN.replace(
        "Bydelen sikrer ikke at brukere som har behov for det, får tilbud om individuell plan.",
        "Bydelen gir brukerne tilbud om individuell plan først etter seks måneder i tjenesten.",
    );
    let d = drafted("kommunerevisjonen.txt", &text);
    let at = lines_of(&text, "først etter seks måneder")[0];
    let g = d
        .report
        .gaps
        .iter()
        .find(|g| g.evidence[0].line == at)
        .unwrap_or_else(|| panic!("{:#?}", d.report.gaps));
    assert_eq!(
        (g.category, g.severity, g.term),
        (
            GapCategory::IndividualPlan,
            Severity::Breach,
            Some(FindingTerm::IkkeISamsvar)
        )
    );
    assert!(g.evidence[1].quote.starts_with("Dette\ner ikke i samsvar"));
    assert!(
        g.summary.starts_with("Bydelen gir brukerne"),
        "{}",
        g.summary
    );
}

#[test]
fn a_kommunerevisjonen_audit_gives_the_relations_of_its_facts_not_of_the_response() {
    let d = drafted("kommunerevisjonen.txt", KOMMUNEREVISJONEN);
    let r = &d.report;
    // The facts: no fixed meetings between Nav and the mental-health and substance service.
    let facts = lines_of(KOMMUNEREVISJONEN, "har ikke faste samarbeidsmøter")[0];
    assert!(
        related(&d, "Nav Sørvik", "Psykisk helse- og rustjenesten")
            .iter()
            .any(|(_, l)| l.contains(&facts)),
        "{:#?}",
        r.relations
    );
    // The response's planned meetings are not the recommendation's coordinating unit's.
    let response = lines_of(KOMMUNEREVISJONEN, "vil etablere faste")[0];
    for rel in &r.relations {
        if rel.evidence[0].line.abs_diff(response) <= 1 {
            assert!(
                rel.from.as_str() != "koordinerende-enhet"
                    && rel.to.as_str() != "koordinerende-enhet"
            );
        }
    }
}

/// The template of the 2010s: "Avvik 1:", "Avvik fra følgende myndighetskrav:" with the laws
/// as a bulleted list, "Avviket bygger på følgende observasjoner:", an address block and a
/// participants table with ticks.
#[test]
fn an_older_tilsyn_gives_its_avvik_with_legal_ground_and_observations_and_its_merknad() {
    let d = drafted("tilsyn-avvik.txt", TILSYN_AVVIK);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Tilsyn);
    assert_eq!(
        (r.year, r.auditor.as_deref()),
        (Some(2016), Some("Fylkesmannen i Telemark"))
    );
    assert_eq!(r.municipalities, ["Lunde"]);
    let gaps: Vec<_> = r
        .gaps
        .iter()
        .map(|g| (g.term, g.category, g.severity))
        .collect();
    assert_eq!(
        gaps,
        [
            (
                Some(FindingTerm::Avvik),
                GapCategory::IndividualPlan,
                Severity::Breach
            ),
            (
                Some(FindingTerm::Merknad),
                GapCategory::NoRoutines,
                Severity::Improvement
            )
        ],
        "{:#?}",
        r.gaps
    );
    // The laws listed after "Avvik fra følgende myndighetskrav:" are its legal ground, not a
    // finding; the observations are its evidence.
    assert_eq!(legal_of(&r.gaps[0]), ["hol § 7-1", "pbrl § 2-5"]);
    assert_quotes(
        &r.gaps[0],
        TILSYN_AVVIK,
        &["Seks av ti", "Koordinerende enhet er ikke kjent"],
    );
    // Services: the units, not the town hall of the address block nor the table's ticks.
    for unit in [
        "NAV Lunde",
        "Psykisk helse- og rustjenesten",
        "hjemmetjenesten",
        "Sykehuset Telemark",
    ] {
        id_of(&d, unit);
    }
    for n in names(&d) {
        assert!(!["Rådhuset", "X"].contains(&n), "{n}");
    }
    assert!(relates(
        &d,
        "Psykisk helse- og rustjenesten",
        "NAV Lunde",
        RelationKind::Meeting
    ));
}

/// A nynorsk forvaltningsrevisjon by an IKS: questions listed straight under
/// "Problemstillingar", criteria with "jf.", "Revisjonen meiner", a conclusion sentence that
/// answers both questions, "Revisjonen tilrår" with items printed without a final period, and
/// an appendix right after them.
#[test]
fn a_nynorsk_audit_gives_its_questions_criteria_conclusions_and_tilraadingar() {
    let d = drafted("forvaltningsrevisjon-nynorsk.txt", FR_NYNORSK);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Forvaltningsrevisjon);
    assert_eq!(
        (r.year, r.auditor.as_deref()),
        (Some(2021), Some("Revisjon Vest IKS"))
    );
    assert_eq!(r.municipalities, ["Vikøy"]);
    let questions: Vec<&str> = r.questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(questions, ["1", "2"]);
    let legal: Vec<String> = r
        .criteria
        .iter()
        .flat_map(|c| c.legal.iter().map(ToString::to_string))
        .collect();
    assert_eq!(legal, ["hol § 7-3", "pbrl § 2-5"]);
    let numbers: Vec<&str> = r
        .recommendations
        .iter()
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    // "... ikkje sikrar ... (problemstilling 1), og at samarbeidet ... delvis er
    // tilfredsstillande (problemstilling 2)": each question graded by its own clause.
    let verdicts: Vec<(&str, Verdict)> = r
        .conclusions
        .iter()
        .map(|c| (c.question.as_str(), c.verdict))
        .collect();
    assert!(verdicts.contains(&("q2", Verdict::Partly)), "{verdicts:?}");
    assert!(!verdicts.contains(&("q1", Verdict::Partly)), "{verdicts:?}");
    // The assessments' shortcomings, in the assessment.
    for (needle, category) in [
        ("Revisjonen meiner at kommunen", GapCategory::IndividualPlan),
        (
            "Det er revisjonen si vurdering",
            GapCategory::SystemCollaboration,
        ),
    ] {
        let at = lines_of(FR_NYNORSK, needle)[0];
        assert!(
            r.gaps.iter().any(|g| g.category == category
                && g.stated_in == Some(StatedIn::Assessment)
                && g.evidence.iter().any(|e| e.line == at)),
            "{needle}: {:#?}",
            r.gaps
        );
    }
    // The appendix after the last item is no part of it: the chief executive is no party.
    let chief = id_of(&d, "Kommunedirektøren");
    assert!(
        r.relations
            .iter()
            .all(|x| x.from.as_str() != chief && x.to.as_str() != chief),
        "{:#?}",
        r.relations
    );
    assert!(!related(&d, "NAV Vikøy", "psykisk helseteneste").is_empty());
}

/// A Dokument 3 of Riksrevisjonen: the document number above the title, the date in the
/// signature line, "Hovedfunn", the grades in "Riksrevisjonens merknader" (its assessment),
/// bulleted recommendations to the ministry, the ministry's follow-up and a closing remark.
#[test]
fn a_riksrevisjonen_document_gives_its_graded_criticism_in_its_remarks() {
    let d = drafted("riksrevisjonen-dokument3.txt", DOKUMENT_3);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Riksrevisjon);
    assert_eq!(
        (r.year, r.auditor.as_deref()),
        (Some(2021), Some("Riksrevisjonen"))
    );
    assert!(
        r.title
            .as_deref()
            .is_some_and(|t| t.starts_with("Riksrevisjonens undersøkelse")),
        "{:?}",
        r.title
    );
    for (needle, term) in [
        ("sterkt kritikkverdig at mange", FindingTerm::SterkKritikk),
        // "... ikke fungerer godt nok": a negated "fungerer godt" states a shortcoming.
        ("kritikkverdig at samarbeidet", FindingTerm::Kritikk),
    ] {
        let at = lines_of(DOKUMENT_3, needle)[0];
        assert!(
            r.gaps.iter().any(|g| g.term == Some(term)
                && g.severity == Severity::Breach
                && g.stated_in == Some(StatedIn::Assessment)
                && g.evidence.iter().any(|e| e.line == at)),
            "{needle}: {:#?}",
            r.gaps
        );
    }
    // The minister's answer and the closing remark state no gap.
    for needle in ["Statsråden viser", "ingen ytterligere merknader"] {
        let at = lines_of(DOKUMENT_3, needle)[0];
        assert!(no_gap_at(r, at), "{needle}");
    }
    let numbers: Vec<&str> = r
        .recommendations
        .iter()
        .map(|x| x.number.as_str())
        .collect();
    assert_eq!(numbers, ["1", "2"]);
    id_of(&d, "Helse- og omsorgsdepartementet");
}

/// The follow-up of the Kommunerevisjonen audit above, as Oslo's follow-ups are set: each
/// recommendation restated under its own heading ("Anbefaling 1: Bydelen bør ..."), what the
/// district did, and the auditor's status.
#[test]
fn a_kommunerevisjonen_follow_up_gives_each_recommendations_status() {
    use samhandling::taxonomy::FollowUpStatus;
    let d = drafted("kommunerevisjonen-oppfolging.txt", KR_FOLLOW_UP);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Oppfolgingsundersokelse);
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.districts, ["Bydel Sørvik"]);
    let statuses: Vec<(&str, FollowUpStatus)> = r
        .follow_ups
        .iter()
        .map(|f| (f.of.item.as_str(), f.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("rec-1", FollowUpStatus::Implemented),
            ("rec-2", FollowUpStatus::Partly),
            ("rec-3", FollowUpStatus::NotImplemented)
        ]
    );
    // "Bydelen vedtok en samarbeidsrutine i mars 2021. Nav Sørvik og Psykisk helse- og
    // rustjenesten har nå faste samarbeidsmøter": two sentences, the district no party.
    assert!(!related(&d, "Nav Sørvik", "Psykisk helse- og rustjenesten").is_empty());
    assert_eq!(related(&d, "Bydel Sørvik", "Nav Sørvik"), []);
    // "Anbefaling 1: Bydelen bør etablere rutiner ...": a wish states no relation (rule
    // relation.wish); the facts after it do.
    let wish = lines_of(KR_FOLLOW_UP, "Anbefaling 1:")[0];
    assert!(
        r.relations
            .iter()
            .all(|x| x.evidence.iter().all(|e| e.line != wish)),
        "{:#?}",
        r.relations
    );
    assert_eq!(
        related(&d, "Bydel Sørvik", "Psykisk helse- og rustjenesten"),
        []
    );
}

/// A Statsforvalter report of the 2020s, written as prose: "Tema og omfang", "Hva vi fant", the
/// assessment's "Dette er brudd på <law>", "Statsforvalteren har konkludert med følgende
/// lovbrudd:", and the request to correct it.
#[test]
fn a_prose_tilsyn_gives_one_breach_with_its_legal_ground_and_no_procedure() {
    let d = drafted("tilsyn-statsforvalteren.txt", TILSYN_2023);
    let r = &d.report;
    assert_eq!(r.genre, Genre::Tilsyn);
    assert_eq!(
        (r.year, r.auditor.as_deref()),
        (Some(2023), Some("Statsforvalteren i Innlandet"))
    );
    let breaches: Vec<_> = r
        .gaps
        .iter()
        .filter(|g| g.severity == Severity::Breach)
        .collect();
    assert_eq!(breaches.len(), 1, "{:#?}", r.gaps);
    let g = breaches[0];
    assert_eq!(g.category, GapCategory::IndividualPlan);
    assert_eq!(legal_of(g), ["hol § 7-1", "pbrl § 2-5"]);
    assert_quotes(
        g,
        TILSYN_2023,
        &["Dette er brudd på", "Fjellvik kommune sikrer ikke"],
    );
    // What the supervisor found is its own finding: a bare negation there is a gap (rule
    // gap.negation keeps it in a tilsyn).
    let found = lines_of(TILSYN_2023, "Vi fant at tjenestene ikke")[0];
    assert!(!no_gap_at(r, found), "{:#?}", r.gaps);
    // The request to correct the breach is procedure, not a finding.
    let request = lines_of(TILSYN_2023, "Vi ber kommunen")[0];
    assert!(no_gap_at(r, request), "{:#?}", r.gaps);
    // "Tema og omfang" says what was examined, not what is.
    let scope = lines_of(TILSYN_2023, "om kommunen samarbeider med")[0];
    assert!(r.relations.iter().all(|x| x.evidence[0].line != scope));
    // "Kommunen har rutiner for samarbeid med Sykehuset Innlandet ved utskrivning".
    assert!(relates(
        &d,
        "Fjellvik kommune",
        "Sykehuset Innlandet",
        RelationKind::Discharge
    ));
}

/// Rule `relation.between`: the enumeration after "mellom" is the pair, whoever the subject.
#[test]
fn the_services_after_mellom_are_the_pair_not_the_subject() {
    let text = "Rapport om samarbeid i Bydel Alna\nKommunerevisjonen\n\n1 Fakta\n\n\
                Bydel Alna har faste møter mellom NAV Alna og Enhet for psykisk helse og rus.\n";
    let d = drafted("mellom.txt", text);
    assert!(
        relates(
            &d,
            "NAV Alna",
            "Enhet for psykisk helse og rus",
            RelationKind::Meeting
        ),
        "{:#?}",
        d.report.relations
    );
    assert_eq!(related(&d, "Bydel Alna", "NAV Alna"), []);
    assert_eq!(
        related(&d, "Bydel Alna", "Enhet for psykisk helse og rus"),
        []
    );
}

/// The older template in nynorsk: "Avvik frå følgjande myndigheitskrav:", "Avviket byggjer på
/// følgjande observasjonar:", and the year only at the end of the title.
#[test]
fn an_older_nynorsk_tilsyn_gives_its_avvik_with_its_grounds_and_the_titles_year() {
    let d = drafted("tilsyn-avvik-nynorsk.txt", AVVIK_NYNORSK);
    let r = &d.report;
    assert_eq!((r.genre, r.year), (Genre::Tilsyn, Some(2015)));
    let gaps: Vec<_> = r.gaps.iter().map(|g| (g.term, g.severity)).collect();
    assert_eq!(
        gaps,
        [
            (Some(FindingTerm::Avvik), Severity::Breach),
            (Some(FindingTerm::Merknad), Severity::Improvement)
        ],
        "{:#?}",
        r.gaps
    );
    assert_eq!(legal_of(&r.gaps[0]), ["hol § 7-1", "pbrl § 2-5"]);
    assert_quotes(
        &r.gaps[0],
        AVVIK_NYNORSK,
        &["Fire av ti", "Koordinerande eining er ikkje kjend"],
    );
}

/// A sentence that names its questions before their answers grades each by the clause after
/// its number.
#[test]
fn a_sentence_naming_its_questions_first_grades_each_by_the_clause_after_it() {
    let text = "Forvaltningsrevisjon av rusarbeid i Eksempel kommune\nRevisjon Midt IKS\nMai 2022\n\n\
                1 Innledning\n\n1.1 Problemstillinger\n\n\
                1. Sikrer kommunen at brukerne får individuell plan?\n\
                2. Samarbeider tjenestene om oppfølgingen?\n\n2 Konklusjon\n\n\
                Når det gjelder problemstilling 1, er det revisjonens vurdering at kommunen i all \
                hovedsak sikrer at brukerne får individuell plan, mens for problemstilling 2 er \
                samarbeidet ikke tilfredsstillende.\n";
    let d = drafted("foran.txt", text);
    let verdicts: Vec<(&str, Verdict)> = d
        .report
        .conclusions
        .iter()
        .map(|c| (c.question.as_str(), c.verdict))
        .collect();
    assert_eq!(
        verdicts,
        [
            ("q1", Verdict::LargelyFulfilled),
            ("q2", Verdict::NotFulfilled)
        ]
    );
}

/// "A eller i B henviser til C uten å ...": A and B are one enumeration (no pair of their own),
/// and "uten å" is a shortcut, not a lacking collaboration.
#[test]
fn an_enumeration_with_a_preposition_and_a_shortcut_give_described_referrals() {
    use samhandling::taxonomy::Status;
    let text = "Rapport om samarbeid i Eksempel kommune\nKommunerevisjonen\n\n1 Fakta\n\n\
                Ansatte ved helsestasjonen eller i barneverntjenesten henviser direkte til Enhet \
                for psykisk helse og rus uten å måtte gå gjennom tildelingskontoret.\n";
    let d = drafted("snarvei.txt", text);
    assert_eq!(related(&d, "helsestasjonen", "barneverntjenesten"), []);
    let unit = id_of(&d, "Enhet for psykisk helse og rus");
    let referrals: Vec<Status> = d
        .report
        .relations
        .iter()
        .filter(|r| r.to.as_str() == unit || r.from.as_str() == unit)
        .map(|r| r.status)
        .collect();
    assert!(!referrals.is_empty(), "{:#?}", d.report.relations);
    assert!(
        referrals.iter().all(|s| *s == Status::Described),
        "{referrals:?}"
    );
}

/// Rule gap.point: each point of a findings list is a finding of its own, also where two points
/// share a category; a second-level point ("o ...", as pdftotext prints it) belongs to the point
/// above it.
#[test]
fn each_point_of_a_findings_list_is_a_gap_and_a_sub_point_joins_its_point() {
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid med NAV\n\n3.1 Datagrunnlag\n\n\
         De intervjuede peker på følgende utfordringer:\n\n\
         • Det er mangelfull kunnskap om hva som er NAV sitt mandat og tjenester.\n\n\
         • Det er mangel på kompetanse om rus blant de ansatte i tjenesten.\n\n\
         o Mangler opplæring i rusarbeid\n\n\
         • Det er stor utskifting av medarbeidere.\n"
    );
    let d = drafted("punkter.txt", &text);
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert_eq!(
        gap_rows(&d),
        [
            (GapCategory::Competence, vec![at("mangelfull kunnskap")]),
            (
                GapCategory::Competence,
                vec![at("mangel på kompetanse"), at("Mangler opplæring")]
            ),
            (GapCategory::Capacity, vec![at("stor utskifting")]),
        ],
        "{:#?}",
        d.report.gaps
    );
}

/// Rule gap.negation: a word in "-et" after a preposition or a determiner is a definite noun,
/// so "ser ikke bort fra prinsippet" states nothing lacking; a participle used as an adjective
/// after a determiner ("ikke et etablert samarbeid") still does.
#[test]
fn a_definite_noun_after_a_negation_is_no_shortcoming() {
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid med NAV\n\n3.1 Vurdering\n\n\
         Revisjonen ser ikke bort fra prinsippet om det kommunale selvstyret i samarbeidet med \
         NAV.\n\nDet er ikke et etablert samarbeid mellom NAV og psykisk helsetjeneste.\n"
    );
    let d = drafted("substantiv.txt", &text);
    assert_eq!(gap_lines(&d), lines_of(&text, "etablert samarbeid"));
}

/// Rule gap.shortcoming: an audit's "forbedringspotensial" and a disagreement ("uenighet",
/// nynorsk "usemje") between services state a shortcoming in the findings too; "burde", like
/// "bør", only in the auditor's assessment.
#[test]
fn improvement_potential_and_disagreement_are_shortcomings() {
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid med spesialisthelsetjenesten\n\n3.1 Datagrunnlag\n\n\
         Samarbeidet med DPS har utviklet seg, men det er fortsatt forbedringspotensial.\n\n\
         Flere peker på faglig uenighet mellom kommunen og DPS om utskrivning.\n\n\
         Kommunen burde ha hatt faste møter med DPS.\n"
    );
    let d = drafted("potensial.txt", &text);
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert_eq!(gap_lines(&d), [at("forbedringspotensial"), at("uenighet")]);
}

/// Rule relation.status: the sentences that say the same of a pair are one relation, its kinds
/// gathered from all of them; a sentence that judges the pair otherwise is a relation of its
/// own, and a gap about the pair concerns that one.
#[test]
fn a_pair_judged_otherwise_later_is_a_second_relation_and_the_gap_concerns_it() {
    use samhandling::taxonomy::Status;
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid med NAV\n\n3.1 Datagrunnlag\n\n\
         NAV Eksempel og DPS Nord har faste møter hver måned.\n\n\
         DPS Nord og NAV Eksempel har også en skriftlig avtale om samarbeid.\n\n\
         Det blir påpekt at samarbeidet mellom NAV Eksempel og DPS Nord er utfordrende.\n"
    );
    let d = drafted("par.txt", &text);
    let rels: Vec<(Status, Vec<usize>, Vec<RelationKind>)> = d
        .report
        .relations
        .iter()
        .map(|r| {
            (
                r.status,
                r.evidence.iter().map(|e| e.line).collect(),
                r.kinds.clone(),
            )
        })
        .collect();
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert_eq!(rels.len(), 2, "{rels:?}");
    assert_eq!(rels[0].0, Status::Described);
    assert_eq!(rels[0].1, [at("faste møter"), at("skriftlig avtale")]);
    assert!(
        rels[0].2.contains(&RelationKind::Meeting) && rels[0].2.contains(&RelationKind::Agreement),
        "{rels:?}"
    );
    assert_eq!(
        (rels[1].0, rels[1].1.clone()),
        (Status::Strained, vec![at("utfordrende")])
    );
    let strained = d.report.relations[1].id.clone();
    assert_eq!(d.report.gaps.len(), 1, "{:#?}", d.report.gaps);
    assert_eq!(d.report.gaps[0].relations, [strained]);
}

/// Rule service.fold: a unit for a group of people is narrower than its head alone, so the bare
/// head is not folded into it; a bare name that only one unit has as its head still is.
#[test]
fn a_unit_for_a_group_is_not_its_bare_head() {
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid\n\n3.1 Datagrunnlag\n\n\
         Helsestasjon for ungdom har åpent to dager i uken.\n\n\
         Helsestasjonen samarbeider med barnevernet om familier med små barn.\n\n\
         NAV Eksempel har faste møter med DPS Nord.\n\n\
         DPS har ventetid på tre måneder.\n"
    );
    let d = drafted("gruppe.txt", &text);
    assert_ne!(
        id_of(&d, "Helsestasjon for ungdom"),
        id_of(&d, "Helsestasjonen"),
        "{:?}",
        names(&d)
    );
    assert_eq!(id_of(&d, "DPS"), id_of(&d, "DPS Nord"), "{:?}", names(&d));
}

/// Rule gap.shortcoming in nynorsk: "ikkje er tilstrekkeleg", "uklarheit" and the auditor's "må
/// syte for" state shortcomings as their bokmål forms do, the last a breach in the assessment.
#[test]
fn nynorsk_shortcomings_are_read_as_their_bokmal_forms() {
    let text = "Forvaltningsrevisjon av rusarbeid i Eksempel kommune\nRevisjon Vest IKS\n\n\
                3 Samarbeid med NAV\n\n3.1 Data\n\n\
                Det er uklarheit om ansvarsfordelinga mellom NAV og rustenesta.\n\n\
                3.2 Vurdering\n\n\
                Revisjonen vurderer at oppfølginga av brukarane ikkje er tilstrekkeleg.\n\n\
                Kommunen må syte for at det blir utarbeidd rutinar for samarbeidet.\n";
    let d = drafted("nynorsk-mangel.txt", text);
    let gaps: Vec<(usize, Severity)> = d
        .report
        .gaps
        .iter()
        .flat_map(|g| g.evidence.iter().map(move |e| (e.line, g.severity)))
        .collect();
    let at = |needle: &str| lines_of(text, needle)[0];
    assert!(gaps.iter().any(|(l, _)| *l == at("uklarheit")), "{gaps:?}");
    assert!(
        gaps.iter().any(|(l, _)| *l == at("ikkje er tilstrekkeleg")),
        "{gaps:?}"
    );
    assert!(
        gaps.contains(&(at("må syte for"), Severity::Breach)),
        "{gaps:?}"
    );
}

/// The national ROP tilsyn's areas as its lovbrudd name them, with docs/FORMAT.md's boundaries:
/// mapping that includes somatic health is `mapping_assessment` (somatic health alone would be
/// `somatic_health`), and follow-up and evaluation of the services is `service_evaluation`.
#[test]
fn a_national_tilsyns_lovbrudd_take_the_categories_of_its_areas() {
    let text = "Rapport fra tilsyn med kommunale tjenester til personer med samtidig\n\
                rusmiddelproblem og psykisk lidelse i Eksempel kommune 2018\n\n\
                Sammendrag\n\nDet ble avdekket tre lovbrudd.\n\n\
                Lovbrudd 1:\nEksempel kommune sikrer ikke at brukerne blir tilstrekkelig kartlagt \
                og utredet, herunder\nsomatisk helse og psykososiale forhold.\n\n\
                Lovbrudd 2:\nEksempel kommune sikrer ikke at tjenestene blir fulgt opp og \
                evaluert, og justert ved behov.\n\n\
                Lovbrudd 3:\nEksempel kommune sikrer ikke at brukerne får sin somatiske helse \
                undersøkt.\n";
    let d = drafted("rop-tilsyn.txt", text);
    let cats: Vec<GapCategory> = d.report.gaps.iter().map(|g| g.category).collect();
    assert_eq!(
        cats,
        [
            GapCategory::MappingAssessment,
            GapCategory::ServiceEvaluation,
            GapCategory::SomaticHealth
        ],
        "{:#?}",
        d.report.gaps
    );
}

/// Rule gap.subject: in the auditor's assessment, statements of one category about different
/// services are different gaps (the assessment judges each service's part in turn); in the
/// findings, statements of a category gather into one gap whoever they name.
#[test]
fn the_assessment_judges_each_service_in_turn_and_the_findings_gather() {
    let text = format!(
        "{AUDIT_HEAD}3 Kompetanse\n\n3.1 Datagrunnlag\n\n\
         Ansatte i NAV opplever at de mangler kompetanse om rus.\n\n\
         Hjemmetjenesten har for lite kompetanse om psykisk helse, og det er mangel på kurs.\n\n\
         3.2 Vurdering\n\n\
         Revisjonen vurderer at NAV ikke har tilstrekkelig kompetanse om rus.\n\n\
         Revisjonen vurderer videre at hjemmetjenesten ikke har tilstrekkelig kompetanse om \
         psykisk helse.\n\n\
         Kompetansen i NAV bør styrkes gjennom kurs.\n"
    );
    let d = drafted("kompetanse.txt", &text);
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert_eq!(
        gap_rows(&d),
        [
            (
                GapCategory::Competence,
                vec![
                    at("Ansatte i NAV opplever"),
                    at("Hjemmetjenesten har for lite")
                ]
            ),
            (
                GapCategory::Competence,
                vec![at("at NAV ikke har"), at("Kompetansen i NAV bør")]
            ),
            (
                GapCategory::Competence,
                vec![at("at hjemmetjenesten ikke har")]
            ),
        ],
        "{:#?}",
        d.report.gaps
    );
    let note = d.report.gaps[2].note.as_deref().unwrap_or_default();
    assert!(note.contains("rule gap.subject"), "{note}");
    let stated: Vec<_> = d.report.gaps.iter().map(|g| g.stated_in).collect();
    assert_eq!(
        stated,
        [
            Some(StatedIn::Findings),
            Some(StatedIn::Assessment),
            Some(StatedIn::Assessment)
        ]
    );
}

/// Rule gap.negation: a bare negation that is the only statement of its gap in the findings
/// is mostly description ("NAV har ikke ansvar for rus") and is not drafted; the same negation
/// stands in the assessment, in the findings beside a statement of its category, as a point of a
/// list of findings, and where it negates what a service is expected to have ("ikke oversikt").
#[test]
fn a_lone_negation_in_the_findings_is_no_gap() {
    let text = format!(
        "{AUDIT_HEAD}3 Samarbeid med NAV\n\n3.1 Datagrunnlag\n\n\
         NAV har ikke ansvar for rus og fatter ikke vedtak om psykiske helsetjenester.\n\n\
         Det er ikke utarbeidet rutiner for samarbeidet mellom NAV og psykisk helsetjeneste.\n\n\
         Ansatte opplever at rutinene for samarbeidet mangler.\n\n\
         Koordinerende enhet har ikke oversikt over brukere med individuell plan.\n\n\
         Intervjuene peker på følgende:\n\n\
         • Det informeres ikke systematisk om retten til individuell plan.\n\n\
         3.2 Vurdering\n\n\
         Revisjonen merker seg at kommunen ikke har inngått avtale med NAV.\n"
    );
    let d = drafted("negasjon.txt", &text);
    assert!(no_gap_at(
        &d.report,
        lines_of(&text, "NAV har ikke ansvar")[0]
    ));
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert_eq!(
        gap_lines(&d),
        [
            at("Det er ikke utarbeidet rutiner"),
            at("rutinene for samarbeidet mangler"),
            at("har ikke oversikt over brukere"),
            at("Det informeres ikke systematisk"),
            at("ikke har inngått avtale")
        ],
        "{:#?}",
        d.report.gaps
    );
}

/// Rule gap.condition: a need "ved behov", "når det er behov for" or "om det er behov for" is a
/// case the text describes; "det er behov for bedre ..." states a shortcoming, in the findings
/// too. A plural participle after a negation ("ikke oppdaterte") and waiting ("det går lang
/// tid") state one as well.
#[test]
fn a_need_as_a_case_is_no_gap_and_a_stated_need_is() {
    let text = format!(
        "{AUDIT_HEAD}3 Informasjon og bolig\n\n3.1 Datagrunnlag\n\n\
         Tildelingskontoret bruker kartleggingsskjema ved behov for å avklare tjenester.\n\n\
         Saksbehandler vurderer om det er behov for kartlegging av boligbehov.\n\n\
         Flere peker på at det er behov for bedre informasjon til innbyggerne på nettsidene.\n\n\
         Det går lang tid før det er ledige kommunale boliger.\n\n\
         Det er ikke oppdaterte husleiesatser på kommunens hjemmeside.\n"
    );
    let d = drafted("behov.txt", &text);
    let at = |needle: &str| lines_of(&text, needle)[0];
    assert!(no_gap_at(&d.report, at("ved behov for")));
    assert!(no_gap_at(&d.report, at("om det er behov for")));
    for needle in [
        "behov for bedre informasjon",
        "Det går lang tid",
        "ikke oppdaterte husleiesatser",
    ] {
        assert!(
            !no_gap_at(&d.report, at(needle)),
            "{needle}: {:#?}",
            d.report.gaps
        );
    }
}

/// Rule gap.many: a gap holds eight statements; a section that states its category's
/// shortcoming in more sentences states more than one, and the ninth opens a gap of its own.
#[test]
fn a_ninth_statement_of_a_category_opens_a_gap_of_its_own() {
    let places = [
        "Sentrum", "Nord", "Sør", "Øst", "Vest", "Fjellet", "Dalen", "Strand", "Skogen", "Bakken",
    ];
    let shortcomings: String = places
        .iter()
        .map(|p| format!("Det er mangel på egnede boliger i {p}.\n\n"))
        .collect();
    let text = format!("{AUDIT_HEAD}3 Bolig\n\n3.1 Datagrunnlag\n\n{shortcomings}");
    let d = drafted("boliger.txt", &text);
    let rows: Vec<(GapCategory, usize)> = gap_rows(&d)
        .into_iter()
        .map(|(c, lines)| (c, lines.len()))
        .collect();
    assert_eq!(
        rows,
        [(GapCategory::Housing, 8), (GapCategory::Housing, 2)],
        "{:#?}",
        d.report.gaps
    );
    assert_eq!(
        d.report.gaps[1].evidence[0].line,
        lines_of(&text, "boliger i Skogen")[0]
    );
    let note = d.report.gaps[1].note.as_deref().unwrap_or_default();
    assert!(note.contains("rule gap.many"), "{note}");
}

/// Rule gap.negation: in a tilsyn, what "we found" is the supervisor's own finding, so a bare
/// negation there is a gap even alone; the same sentence in an audit's findings is not.
#[test]
fn a_supervisors_lone_negation_is_a_gap() {
    let found = "Vi fant at kriseplaner ikke er utarbeidet for brukerne.\n";
    let tilsyn = format!(
        "Statsforvalteren i Innlandet\n\nTilsynsrapport\n\nTilsyn med tjenester til personer \
         med psykisk lidelse i Fjellvik kommune 2023\n\n1. Innledning\n\nStatsforvalteren har \
         ført tilsyn med Fjellvik kommune.\n\n3. Hva vi fant\n\n{found}"
    );
    let d = drafted("tilsyn-funn.txt", &tilsyn);
    assert_eq!(d.report.genre, Genre::Tilsyn);
    assert_eq!(
        gap_lines(&d),
        lines_of(&tilsyn, "Vi fant at"),
        "{:#?}",
        d.report.gaps
    );
    let audit = format!("{AUDIT_HEAD}3 Kriseplaner\n\n3.1 Datagrunnlag\n\n{found}");
    assert!(gap_lines(&drafted("funn.txt", &audit)).is_empty());
}
