//! Drafting conclusions, follow-ups and what a follow-up follows up: hand-made texts with known
//! answers (a forvaltningsrevisjon's conclusion chapter, a follow-up's status table, a nynorsk
//! follow-up, a tilsyn's conclusion and a closing letter), the bundled Nes follow-up (000), and
//! the score of the two sections on hand-made pairs.

use samhandling::draft::score::{item_number, reviewed_for};
use samhandling::draft::{Draft, SectionScore, draft, score};
use samhandling::evidence::Sources;
use samhandling::model::{Evidence, FollowUp, ItemRef, ReportId};
use samhandling::taxonomy::{FollowUpStatus, Verdict};
use samhandling::{Corpus, Report};

const CONCLUSIONS: &str = include_str!("../fixtures/draft/konklusjon.txt");
const FOLLOW_UP: &str = include_str!("../fixtures/draft/oppfolging.txt");
const FOLLOW_UP_NN: &str = include_str!("../fixtures/draft/oppfolging-nynorsk.txt");
const TILSYN: &str = include_str!("../fixtures/draft/tilsyn-konklusjon.txt");
const CLOSING: &str = include_str!("../fixtures/draft/avslutning.txt");

/// Drafts `text` as `name` and checks what every draft must be (`super::draft::checked`), and
/// that every conclusion and follow-up names its own section's rule and the report followed up.
fn checked(name: &str, text: &str) -> Draft {
    let d = super::draft::checked(name, text);
    let back = &d.report;
    for c in &back.conclusions {
        assert!(
            c.note.as_deref().unwrap_or("").contains("rule conclusion."),
            "{c:?}"
        );
    }
    for f in &back.follow_ups {
        assert!(
            f.note.as_deref().unwrap_or("").contains("rule follow-up."),
            "{f:?}"
        );
        assert_eq!(Some(&f.of.report), back.follows_up.as_ref(), "{f:?}");
    }
    d
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// Each conclusion as (question number, verdict, first evidence line).
fn conclusions(r: &Report) -> Vec<(String, Verdict, usize)> {
    r.conclusions
        .iter()
        .map(|c| {
            let q = r.questions.iter().find(|q| q.id == c.question).unwrap();
            (q.number.clone(), c.verdict, c.evidence[0].line)
        })
        .collect()
}

/// Each follow-up as (earlier item, status).
fn follow_ups(r: &Report) -> Vec<(String, FollowUpStatus)> {
    r.follow_ups
        .iter()
        .map(|f| (f.of.item.clone(), f.status))
        .collect()
}

#[test]
fn a_conclusion_chapter_answers_each_question_with_its_grading_word() {
    let d = checked("konklusjon.txt", CONCLUSIONS);
    let r = &d.report;
    assert_eq!(r.questions.len(), 4);
    let at = |needle| line_of(CONCLUSIONS, needle);
    assert_eq!(
        conclusions(r),
        vec![
            (
                "1".into(),
                Verdict::LargelyFulfilled,
                at("Bydelen har i all hovedsak")
            ),
            ("2".into(), Verdict::Partly, at("Bydelen sikrer delvis")),
            (
                "3".into(),
                Verdict::NotFulfilled,
                at("Når det gjelder problemstilling 3")
            ),
            (
                "4".into(),
                Verdict::Descriptive,
                at("Ansvaret for boligoppfølging")
            ),
        ]
    );
    let note = |i: usize| r.conclusions[i].note.clone().unwrap_or_default();
    assert!(note(2).contains("conclusion.numbered"), "{}", note(2));
    assert!(note(0).contains("conclusion.echo"), "{}", note(0));
    assert!(note(3).contains("no grading word"), "{}", note(3));
    // Not a follow-up: nothing followed up.
    assert!(r.follow_ups.is_empty() && r.follows_up.is_none());
}

#[test]
fn a_follow_up_table_gives_each_recommendation_its_status() {
    let d = checked("oppfolging.txt", FOLLOW_UP);
    let r = &d.report;
    assert_eq!(r.genre.to_string(), "oppfolgingsundersokelse");
    // The earlier report is named with its year (rapport 7/2021): a placeholder id, explained.
    assert_eq!(
        r.follows_up.as_ref().map(|id| id.as_str()),
        Some("oslo-2021")
    );
    let note = r.note.clone().unwrap_or_default();
    assert!(note.contains("`oslo-2021` is a placeholder"), "{note}");
    assert_eq!(
        follow_ups(r),
        vec![
            ("rec-1".into(), FollowUpStatus::Implemented),
            ("rec-2".into(), FollowUpStatus::Partly),
            ("rec-3".into(), FollowUpStatus::NotImplemented),
            ("rec-4".into(), FollowUpStatus::NotStated),
        ]
    );
    let row = line_of(FOLLOW_UP, "3. Faste møter");
    assert_eq!(r.follow_ups[2].evidence[0].line, row);
    assert!(
        r.follow_ups[3]
            .note
            .as_deref()
            .unwrap()
            .contains("no status word")
    );
}

#[test]
fn a_nynorsk_follow_up_states_the_status_under_each_tilraading() {
    let d = checked("oppfolging-nynorsk.txt", FOLLOW_UP_NN);
    let r = &d.report;
    assert_eq!(
        r.follows_up.as_ref().map(|id| id.as_str()),
        Some("fjordvik-2019")
    );
    assert_eq!(
        follow_ups(r),
        vec![
            ("rec-1".into(), FollowUpStatus::Implemented),
            ("rec-2".into(), FollowUpStatus::Partly),
            ("rec-3".into(), FollowUpStatus::NotImplemented),
        ]
    );
    // "Tilrådinga er delvis følgt opp" names no number: its heading does.
    let quotes: Vec<&str> = r.follow_ups[1]
        .evidence
        .iter()
        .map(|e| e.quote.as_str())
        .collect();
    assert!(
        quotes.contains(&"Tilrådinga er delvis følgt\nopp."),
        "{quotes:?}"
    );
}

#[test]
fn a_tilsyn_concludes_with_what_it_found() {
    let d = checked("tilsyn-konklusjon.txt", TILSYN);
    let r = &d.report;
    assert_eq!(r.genre.to_string(), "tilsyn");
    // No numbered questions: the theme is drafted as the question, and says so.
    assert_eq!(r.questions.len(), 1);
    assert!(r.questions[0].text.starts_with("Tema for tilsynet var om"));
    assert!(
        r.questions[0]
            .note
            .as_deref()
            .unwrap()
            .contains("question.tilsyn-theme")
    );
    assert_eq!(
        conclusions(r),
        vec![(
            "1".into(),
            Verdict::NotFulfilled,
            line_of(TILSYN, "avdekket to lovbrudd")
        )]
    );
    // None found: fulfilled. Nynorsk, with the verb first.
    let none = TILSYN.replace(
        "Statsforvalteren avdekket to lovbrudd.",
        "Det vart ikkje funne lovbrot ved tilsynet.",
    );
    let d = checked("tilsyn-ingen.txt", &none);
    assert_eq!(d.report.conclusions.len(), 1);
    assert_eq!(d.report.conclusions[0].verdict, Verdict::Fulfilled);
    // Other conventions of stating the count, bokmål and nynorsk.
    for (said, verdict) in [
        (
            "Det ble gitt to avvik og én merknad.",
            Verdict::NotFulfilled,
        ),
        (
            "Ved tilsynet fann Statsforvaltaren eitt lovbrot.",
            Verdict::NotFulfilled,
        ),
        ("Statsforvalteren fant ikke lovbrudd.", Verdict::Fulfilled),
        ("Ingen avvik ble påpekt.", Verdict::Fulfilled),
    ] {
        let text = TILSYN.replace("Statsforvalteren avdekket to lovbrudd.", said);
        let d = checked("tilsyn-variant.txt", &text);
        let found: Vec<Verdict> = d.report.conclusions.iter().map(|c| c.verdict).collect();
        assert_eq!(found, vec![verdict], "{said}");
    }
    // A tilsyn that states no finding gets no conclusion.
    let silent = TILSYN.replace("Statsforvalteren avdekket to lovbrudd.", "");
    assert!(
        checked("tilsyn-taus.txt", &silent)
            .report
            .conclusions
            .is_empty()
    );
}

#[test]
fn a_closing_letter_closes_the_tilsyn_and_follows_up_its_breaches() {
    let d = checked("avslutning.txt", CLOSING);
    let r = &d.report;
    let closed = r.closed.as_ref().expect("the letter closes the tilsyn");
    assert_eq!(closed.evidence[0].quote, "Tilsynet er avslutta");
    assert_eq!(
        follow_ups(r),
        vec![
            ("lovbrudd-1".into(), FollowUpStatus::Implemented),
            ("lovbrudd-2".into(), FollowUpStatus::Implemented),
        ]
    );
    // The tilsyn report of the same year: a placeholder that is not the letter's own id.
    let earlier = r.follows_up.as_ref().unwrap();
    assert_ne!(earlier, &r.id);
    assert!(earlier.as_str().starts_with("fjellbygd-2021"), "{earlier}");
}

#[test]
fn the_bundled_nes_follow_up_grades_what_the_text_grades() {
    let corpus = Corpus::bundled().unwrap();
    let sources = Sources::bundled();
    let name = "000_b1b178c2101948b1.txt";
    let d = checked(name, sources.text(name).unwrap());
    let r = &d.report;
    let reviewed = corpus.get("nes-2025").unwrap();
    // The earlier report (2018) is named in the summary: the placeholder is the real id here.
    assert_eq!(r.follows_up, reviewed.follows_up);
    // Each numbered earlier point the reviewed record follows up: found, with its status.
    let numbered: Vec<&FollowUp> = reviewed
        .follow_ups
        .iter()
        .filter(|f| item_number(&f.of.item).is_some())
        .collect();
    assert_eq!(numbered.len(), 3);
    for f in numbered {
        let n = item_number(&f.of.item);
        let drafted = r
            .follow_ups
            .iter()
            .find(|g| item_number(&g.of.item) == n)
            .unwrap_or_else(|| panic!("point {n:?} not drafted"));
        assert_eq!(drafted.status, f.status, "point {n:?}: {drafted:?}");
    }
    // Each question's conclusion, with the reviewed verdict, in the chapter that answers it.
    assert_eq!(conclusions(r), conclusions(reviewed));
}

#[test]
fn bundled_conclusions_and_follow_ups_score_at_least_the_measured_floors() {
    let corpus = Corpus::bundled().unwrap();
    let sources = Sources::bundled();
    let mut c = SectionScore::default();
    let mut f = SectionScore::default();
    for name in sources.names() {
        let d = draft(name, sources.text(name).unwrap()).unwrap();
        let s = score(&d.report, reviewed_for(&corpus, name));
        for (sum, x) in [(&mut c, s.conclusions), (&mut f, s.follow_ups)] {
            sum.drafted += x.drafted;
            sum.reviewed += x.reviewed;
            sum.drafted_matched += x.drafted_matched;
            sum.reviewed_matched += x.reviewed_matched;
        }
    }
    // Regression floors at the measured scores (see BENCHMARKS.md).
    assert!(c.recall().unwrap() >= 0.60, "conclusions {c:?}");
    assert!(c.precision().unwrap() >= 0.60, "conclusions {c:?}");
    assert!(f.recall().unwrap() >= 0.37, "follow-ups {f:?}");
    assert!(f.precision().unwrap() >= 1.0, "follow-ups {f:?}");
}

#[test]
fn item_numbers_come_from_the_last_numbered_part_of_an_id() {
    assert_eq!(item_number("rec-8a").as_deref(), Some("8a"));
    assert_eq!(item_number("sak103-1").as_deref(), Some("1"));
    assert_eq!(item_number("vedtak-2").as_deref(), Some("2"));
    assert_eq!(item_number("g18-silo"), None);
}

#[test]
fn the_score_of_conclusions_and_follow_ups_on_hand_made_pairs() {
    // Conclusions match by the question's number (not its id) and the verdict.
    let drafted = checked("konklusjon.txt", CONCLUSIONS).report;
    let mut reviewed = drafted.clone();
    for q in &mut reviewed.questions {
        q.id = format!("p-{}", q.id);
    }
    for c in &mut reviewed.conclusions {
        c.question = format!("p-{}", c.question);
    }
    reviewed.conclusions[0].verdict = Verdict::NotFulfilled; // question 1: another verdict
    reviewed.conclusions.pop(); // question 4: not kept
    let s = score(&drafted, [&reviewed]);
    assert_eq!(
        s.conclusions,
        SectionScore {
            drafted: 4,
            reviewed: 3,
            drafted_matched: 2,
            reviewed_matched: 2
        }
    );
    assert_eq!(s.conclusions.recall(), Some(2.0 / 3.0));
    assert_eq!(s.conclusions.precision(), Some(0.5));

    // Follow-ups match by the earlier item's number and the status; an unnumbered earlier item
    // (a gap) is never found.
    let drafted = checked("oppfolging.txt", FOLLOW_UP).report;
    let mut reviewed = drafted.clone();
    reviewed.follow_ups[0].of.item = "sak12-1".into(); // the same number, another id
    reviewed.follow_ups[1].status = FollowUpStatus::Implemented; // another status
    reviewed.follow_ups.push(FollowUp {
        id: "fu-g-bolig".into(),
        of: ItemRef {
            report: ReportId("oslo-2021".into()),
            item: "g-bolig".into(),
        },
        status: FollowUpStatus::NotImplemented,
        summary: "Housing.".into(),
        gaps: Vec::new(),
        evidence: vec![Evidence {
            source: "oppfolging.txt".into(),
            line: 29,
            quote: "Ikke fulgt opp".into(),
        }],
        note: None,
    });
    let s = score(&drafted, [&reviewed]);
    assert_eq!(
        s.follow_ups,
        SectionScore {
            drafted: 4,
            reviewed: 5,
            drafted_matched: 3,
            reviewed_matched: 3
        }
    );
    // A draft scored against itself: everything found, everything kept.
    let s = score(&drafted, [&drafted]);
    assert_eq!(
        (s.follow_ups.recall(), s.follow_ups.precision()),
        (Some(1.0), Some(1.0))
    );
    let printed = s.to_string();
    assert!(
        printed.contains("conclusions") && printed.contains("follow_ups"),
        "{printed}"
    );
}

#[test]
fn rows_naming_each_recommendation_a_status_heading_and_a_bare_numbered_table() {
    let text = "Oppfølgingsundersøkelse\nOppfølging av rapport om boligsosialt arbeid i Nordby kommune\nMai 2023\n\n\
                Sammendrag\n\nRevisjonen har gjennomført en oppfølgingsundersøkelse av \
                forvaltningsrevisjonsrapporten fra 2020 om boligsosialt arbeid i Nordby kommune. \
                Nordby kommune har svart på spørsmål fra revisjonen.\n\n\
                1 Status\n\
                Anbefaling 1 Rutiner for tildeling av bolig       Fulgt opp\n\
                Anbefaling 2 Samarbeid med NAV om bolig           Under arbeid\n\
                Anbefaling 3 Oppfølging i bolig                   Ikke gjennomført\n\n\
                2 Anbefaling 4 – delvis fulgt opp\n\n\
                Nordby kommune har ansatt en boveileder.\n";
    let d = checked("rader.txt", text);
    assert_eq!(
        d.report.follows_up.as_ref().map(|id| id.as_str()),
        Some("nordby-2020")
    );
    // One block of rows: each row's status is its own, not the next row's.
    assert_eq!(
        follow_ups(&d.report),
        vec![
            ("rec-1".into(), FollowUpStatus::Implemented),
            ("rec-2".into(), FollowUpStatus::InProgress),
            ("rec-3".into(), FollowUpStatus::NotImplemented),
            ("rec-4".into(), FollowUpStatus::Partly),
        ]
    );
    assert_eq!(
        d.report.follow_ups[3].evidence[0].quote,
        "2 Anbefaling 4 – delvis fulgt opp"
    );

    // pdftotext's first column: a bare number before the row's text.
    let table = text.replace(
        "Anbefaling 1 Rutiner for tildeling av bolig       Fulgt opp\n\
         Anbefaling 2 Samarbeid med NAV om bolig           Under arbeid\n\
         Anbefaling 3 Oppfølging i bolig                   Ikke gjennomført\n",
        "Anbefaling                                    Status\n\
         1   Rutiner for tildeling av bolig            Fulgt opp\n\
         2   Samarbeid med NAV om bolig                Delvis fulgt opp\n\
         3   Oppfølging i bolig                        Ikke fulgt opp\n",
    );
    assert_ne!(table, text);
    let d = checked("tabell.txt", &table);
    assert_eq!(
        follow_ups(&d.report)[..3],
        [
            ("rec-1".into(), FollowUpStatus::Implemented),
            ("rec-2".into(), FollowUpStatus::Partly),
            ("rec-3".into(), FollowUpStatus::NotImplemented),
        ]
    );
}

#[test]
fn the_auditors_assessment_in_a_subsection_gives_the_status() {
    let text = "Oppfølgingsundersøkelse\nOppfølging av forvaltningsrevisjon om tjenester til rusavhengige i Sørvik kommune\nApril 2022\n\n\
                Sammendrag\n\nRevisjonen har gjennomført en oppfølgingsundersøkelse av \
                forvaltningsrevisjonsrapporten fra 2019 om tjenester til rusavhengige i Sørvik kommune. \
                Sørvik kommune har gitt informasjon.\n\n\
                2 Oppfølging av anbefalingene\n\n\
                2.1 Anbefaling 1: Individuell plan\n\n\
                2.1.1 Kommunens oppfølging\n\
                Sørvik kommune opplyser at rutinen for individuell plan er revidert. Koordinerende \
                enhet har fått flere ansatte.\n\n\
                2.1.2 Revisjonens vurdering\n\
                Revisjonen vurderer at anbefalingen i stor grad er fulgt opp.\n\n\
                2.2 Anbefaling 2: Samarbeid med spesialisthelsetjenesten\n\n\
                2.2.1 Kommunens oppfølging\n\
                Kommunen har hatt to møter med DPS.\n\n\
                2.2.2 Revisjonens vurdering\n\
                Revisjonen vurderer at anbefalingen ikke er fulgt opp.\n";
    let d = checked("underkapittel.txt", text);
    let r = &d.report;
    assert_eq!(
        r.follows_up.as_ref().map(|id| id.as_str()),
        Some("sorvik-2019")
    );
    assert_eq!(
        follow_ups(r),
        vec![
            ("rec-1".into(), FollowUpStatus::Partly),
            ("rec-2".into(), FollowUpStatus::NotImplemented),
        ]
    );
    // The status is the auditor's, quoted from the assessment; "i stor grad" is named.
    let quotes: Vec<&str> = r.follow_ups[0]
        .evidence
        .iter()
        .map(|e| e.quote.as_str())
        .collect();
    assert!(
        quotes.contains(&"Revisjonen vurderer at anbefalingen i stor grad er fulgt opp."),
        "{quotes:?}"
    );
    assert!(
        r.follow_ups[0]
            .note
            .as_deref()
            .unwrap()
            .contains("i stor grad")
    );
}

#[test]
fn a_follow_up_draft_loads_alone_and_its_placeholders_must_be_replaced_once_reviewed() {
    let d = checked("oppfolging.txt", FOLLOW_UP);
    // Marked a draft: its placeholder `follows_up` does not stop a corpus from loading it.
    let corpus = Corpus::from_reports([d.report.clone()]).expect("a draft loads alone");
    assert_eq!(corpus.len(), 1);
    // Reviewed (the marker removed) but the placeholder kept: refused, naming the placeholder.
    let mut reviewed = d.report;
    reviewed.draft = None;
    let err = Corpus::from_reports([reviewed]).unwrap_err().to_string();
    assert!(err.contains("oslo-2021"), "{err}");
}

#[test]
fn a_positive_answer_qualified_by_the_next_sentence_is_partly() {
    let text = "Forvaltningsrevisjon\nRusomsorg i Elvedal kommune\nMai 2021\n\n\
                1 Innledning\n\nElvedal kommune har bedt om en revisjon. Revisjonen har besvart følgende problemstillinger:\n\n\
                1. Har kommunen rutiner for samarbeid mellom rustjenesten og fastlegene?\n\
                2. Har kommunen rutiner for oppfølging av brukere etter utskrivning?\n\n\
                2 Konklusjon\n\n\
                Elvedal kommune har rutiner for samarbeid mellom rustjenesten og fastlegene. \
                Samtidig viser undersøkelsen at rutinene ikke er kjent blant fastlegene.\n\n\
                Elvedal kommune har ikke rutiner for oppfølging av brukere etter utskrivning. \
                Samtidig er det ikke satt av tid til slik oppfølging.\n";
    let d = checked("samtidig.txt", text);
    let found: Vec<(String, Verdict)> = conclusions(&d.report)
        .into_iter()
        .map(|(q, v, _)| (q, v))
        .collect();
    // The first answer is qualified (partly); the second is negative without a grading word,
    // so the next sentence does not make it partly.
    assert_eq!(
        found,
        vec![
            ("1".into(), Verdict::Partly),
            ("2".into(), Verdict::Descriptive)
        ]
    );
    let c = &d.report.conclusions[0];
    assert_eq!(c.evidence.len(), 2);
    assert!(
        c.summary.starts_with("Elvedal kommune har rutiner"),
        "{}",
        c.summary
    );
}

#[test]
fn riksrevisjonen_grades_its_answers_by_its_criticism_levels() {
    let text = "Riksrevisjonens undersøkelse av tjenester til personer med rusproblemer\n\
                Dokument 3:9 (2021–2022)\n\n\
                1 Innledning\n\
                Undersøkelsen har besvart følgende problemstillinger:\n\n\
                1. I hvilken grad får pasienter med rusproblemer koordinerte tjenester ved utskrivning?\n\
                2. I hvilken grad har kommunene oversikt over ventetiden i egne tjenester?\n\n\
                2 Riksrevisjonens vurderinger\n\
                Det er sterkt kritikkverdig at mange pasienter med rusproblemer ikke får koordinerte \
                tjenester ved utskrivning.\n\
                Det er kritikkverdig at kommunene ikke har oversikt over ventetiden i egne tjenester.\n";
    let d = checked("riksrevisjonen-konklusjon.txt", text);
    assert_eq!(d.report.genre.to_string(), "riksrevisjon");
    let found: Vec<(String, Verdict)> = conclusions(&d.report)
        .into_iter()
        .map(|(q, v, _)| (q, v))
        .collect();
    // The second answer does not lead a paragraph, but restates every word of its question.
    assert_eq!(
        found,
        vec![
            ("1".into(), Verdict::NotFulfilled),
            ("2".into(), Verdict::NotFulfilled)
        ]
    );
    assert!(
        d.report.conclusions[0]
            .note
            .as_deref()
            .unwrap()
            .contains("sterkt kritikkverdig")
    );
}

#[test]
fn a_conclusion_answering_in_order_is_linked_by_order_and_says_so() {
    let text = "Forvaltningsrevisjon\nTjenester til personer med ROP-lidelser i Bakkeby kommune\nOktober 2019\n\n\
                1 Innledning\n\nBakkeby kommune har bestilt revisjonen. Revisjonen har svart på følgende problemstillinger:\n\n\
                1. Har kommunen et forsvarlig botilbud til personer med ROP-lidelser?\n\
                2. Får brukerne individuell plan når de har rett til det?\n\n\
                2 Konklusjon\n\n\
                Revisjonen mener at bostedene i all hovedsak er gode.\n\n\
                Revisjonens gjennomgang viser at planarbeidet delvis fungerer.\n";
    let d = checked("rekkefolge.txt", text);
    let found: Vec<(String, Verdict)> = conclusions(&d.report)
        .into_iter()
        .map(|(q, v, _)| (q, v))
        .collect();
    assert_eq!(
        found,
        vec![
            ("1".into(), Verdict::LargelyFulfilled),
            ("2".into(), Verdict::Partly)
        ]
    );
    assert!(
        d.report.conclusions[1]
            .note
            .as_deref()
            .unwrap()
            .contains("conclusion.order")
    );
    // A third paragraph: the order no longer says which answers which, so nothing is linked.
    let three = format!("{text}\nBakkeby kommune har også et nytt dagsenter.\n");
    let d = checked("rekkefolge-3.txt", &three);
    assert!(d.report.conclusions.is_empty());
    // ... and the note tells the reviewer which questions to answer by hand.
    let note = d.report.note.unwrap_or_default();
    assert!(
        note.contains("no answer was linked to question(s) 1, 2"),
        "{note}"
    );
}
