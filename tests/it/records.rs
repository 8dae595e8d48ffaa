//! The bundled records are exactly as strong as their sources (issue 13, items 1–2): a relation
//! coded `functioning` quotes the report's judgement that it works, a stated absence is never
//! `unclear`, and the known status errors stay fixed.
//!
//! # The judgement words
//! A `functioning` relation must carry, in one of its evidence quotes, one of the words (or
//! phrases) below, the words the five source documents themselves use when the auditor or an
//! informant says that a collaboration works: "fungerer **godt**" (003:1731, 004:607), "**god**
//! samhandling" (003:1817), "**gode** erfaringer" (002:2948), "fungerer **bra**" (002:5815),
//! "fungerer **greit**" (003:1435), "**velfungerende**" (002:5156), "et **fungerende**
//! samarbeid" (002:5194), "et **vellykket** tiltak" (000:626), "svært **positivt**" (004:645),
//! "**fornøyd** med bistanden" (000:636), "en **styrke** ved kommunen" (002:5221), "har blitt
//! **forbedret**" (003:1120), "betraktelig **bedret**" (000:620), "mer **treffsikre**" (003:56),
//! "**tydeligere** og grundigere" (003:1122), "tatt **på alvor**" (004:1193).
//!
//! A word counts only when the word before it is not a negation (`ikke`, `lite`, `mindre`,
//! `verken`): "fungerer ikke godt" is no judgement that it works. What the check cannot see is
//! whose judgement a word is or what it is said of ("skal sikre god samhandling" states an aim):
//! that stays the encoder's and the reviewer's reading, recorded in the recoding logs under
//! `data/reviews/recoding/`. The check catches the error issue 13 found, a relation coded
//! `functioning` on a quote that only says it exists ("samarbeider tett", "har faste møter").

use samhandling::taxonomy::Status;
use samhandling::{Corpus, Report};

/// The judgement words and phrases, lowercase; see the module documentation for where the
/// sources use each.
const JUDGEMENTS: &[&str] = &[
    "godt",
    "god",
    "gode",
    "bra",
    "greit",
    "velfungerende",
    "fungerende",
    "vellykket",
    "positiv",
    "positivt",
    "fornøyd",
    "styrke",
    "forbedret",
    "bedret",
    "treffsikre",
    "tydeligere",
    "på alvor",
];

/// Words that, just before a judgement word, turn it into its opposite.
const NEGATIONS: &[&str] = &["ikke", "lite", "mindre", "verken"];

/// Stated absences: a relation whose quote says this is `missing` (or `discontinued`), never
/// `unclear` (docs/FORMAT.md, "Functioning or described").
const ABSENCES: &[&str] = &[
    "har ikke møter",
    "ikke noe etablert samarbeid",
    "ikke noen etablert samhandling",
    "ingen samhandling",
    "ikke lenger blir gjennomført",
];

/// The three records whose relations were re-coded by the rule in this change.
const RECODED: [&str; 3] = ["asker-2026", "asnes-2014", "vestby-2025"];

/// Lowercase words of `text`: runs of letters (æ, ø, å included).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first judgement word or phrase in `quote` that is not negated, if any.
fn judgement(quote: &str) -> Option<&'static str> {
    let words = words(quote);
    JUDGEMENTS.iter().copied().find(|phrase| {
        let phrase: Vec<&str> = phrase.split(' ').collect();
        words.windows(phrase.len()).enumerate().any(|(i, window)| {
            window.iter().zip(&phrase).all(|(w, p)| w == p)
                && (i == 0 || !NEGATIONS.contains(&words[i - 1].as_str()))
        })
    })
}

/// The `functioning` relations of `report` whose evidence quotes no judgement, as
/// `report/relation` ids.
fn unjudged(report: &Report) -> Vec<String> {
    report
        .relations
        .iter()
        .filter(|r| r.status == Status::Functioning)
        .filter(|r| r.evidence.iter().all(|e| judgement(&e.quote).is_none()))
        .map(|r| format!("{}/{}", report.id, r.id))
        .collect()
}

/// The `unclear` relations of `report` whose evidence states an absence.
fn unclear_absences(report: &Report) -> Vec<String> {
    report
        .relations
        .iter()
        .filter(|r| r.status == Status::Unclear)
        .filter(|r| {
            r.evidence.iter().any(|e| {
                let quote = e.quote.to_lowercase();
                ABSENCES.iter().any(|a| quote.contains(a))
            })
        })
        .map(|r| format!("{}/{}", report.id, r.id))
        .collect()
}

fn corpus() -> Corpus {
    Corpus::bundled().unwrap_or_else(|e| panic!("the bundled records must load:\n{e}"))
}

fn record<'a>(corpus: &'a Corpus, id: &str) -> &'a Report {
    corpus
        .get(id)
        .unwrap_or_else(|| panic!("record {id} is bundled"))
}

#[test]
fn a_judgement_word_is_found_only_where_the_quote_judges() {
    // The FORMAT.md examples of each status.
    assert_eq!(
        judgement(
            "Flere av de intervjuede peker på at det overordnede samarbeidet i Helsefelleskapet \
             fungerer godt."
        ),
        Some("godt")
    );
    assert_eq!(
        judgement("Det er etablert en boligkoordineringsgruppe i kommunen som møtes månedlig."),
        None
    );
    // "tett samarbeid" and "jevnlig kontakt" describe, they do not judge.
    assert_eq!(
        judgement("Den psykiske helse- og rustjeneste samarbeider tett med fastleger"),
        None
    );
    assert_eq!(
        judgement("enheten har jevnlig kontakt med ACT-teamet, poliklinikk og"),
        None
    );
    // Negated, a judgement word is no judgement.
    assert_eq!(judgement("Samarbeidet fungerer ikke godt."), None);
    assert_eq!(judgement("Det er lite positivt å melde."), None);
    // A phrase matches as a phrase, and whole words only: "godkjent" is not "god".
    assert_eq!(
        judgement("blir innspillene tatt på alvor."),
        Some("på alvor")
    );
    assert_eq!(judgement("Alvoret i saken"), None);
    assert_eq!(judgement("Planen er godkjent av kommunestyret."), None);
    // Case and the Norwegian letters are kept.
    assert_eq!(
        judgement("Hjemmetjenesten er i stor grad FORNØYD med bistanden"),
        Some("fornøyd")
    );
}

/// `report` with relation `id` coded `status`, and its first quote replaced when `quote` is given.
fn recoded(report: &Report, id: &str, status: Status, quote: Option<&str>) -> Report {
    let mut report = report.clone();
    let relation = report
        .relations
        .iter_mut()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("relation {id} is encoded"));
    relation.status = status;
    if let Some(quote) = quote {
        relation.evidence[0].quote = quote.to_string();
    }
    report
}

#[test]
fn a_functioning_relation_without_a_quoted_judgement_is_found() {
    // The error issue 13 found, made by hand on the example record: NAV drawn into the team is
    // stated, not judged.
    let example = Report::from_json_str(crate::EXAMPLE).unwrap();
    let stated = recoded(&example, "r-nav-vkt", Status::Functioning, None);
    assert_eq!(unjudged(&stated), ["eksempel-2025/r-nav-vkt"]);
    // Coded described, it is what the rule asks for.
    let described = recoded(&example, "r-nav-vkt", Status::Described, None);
    assert!(unjudged(&described).is_empty());
    // Coded functioning with the judgement quoted, it passes.
    let judged = recoded(
        &example,
        "r-nav-vkt",
        Status::Functioning,
        Some("samarbeidet fungerer godt"),
    );
    assert!(unjudged(&judged).is_empty());
}

#[test]
fn functioning_relations_quote_the_judgement_in_the_recoded_records() {
    let corpus = corpus();
    let mut functioning = 0;
    let mut missing = Vec::new();
    for id in RECODED {
        let report = record(&corpus, id);
        functioning += report
            .relations
            .iter()
            .filter(|r| r.status == Status::Functioning)
            .count();
        missing.extend(unjudged(report));
    }
    assert!(
        missing.is_empty(),
        "coded functioning, but no evidence quote says how the collaboration works \
         (quote the judgement, or code the relation described):\n{}",
        missing.join("\n")
    );
    // Not vacuous: each of the three reports judges some collaboration to work.
    assert!(functioning >= 30, "{functioning} functioning relations");
    for id in RECODED {
        assert!(
            record(&corpus, id)
                .relations
                .iter()
                .any(|r| r.status == Status::Functioning),
            "{id} has a functioning relation"
        );
    }
}

/// Relations of the records other engineers are re-encoding (issue 13: nes-2025, nes-2018 and
/// the 2015 records) that are coded `functioning` without a quoted judgement word at the time
/// of this change. The list may only shrink: a new unjudged relation fails, and so does an
/// entry that has been fixed and is still listed.
const PENDING: &[&str] = &[
    // Reviewed (review-2015) and kept `functioning`: informants in Rælingen judge that the
    // co-location "har bidratt til å senke terskelen for samarbeid" (001:457), a stated
    // improvement of the collaboration, but no word of the list above. Not a pending fix.
    "ralingen-2015/r-fag-kontor-samlokalisering",
];

#[test]
fn functioning_relations_quote_the_judgement_in_every_bundled_record() {
    let corpus = corpus();
    let found: Vec<String> = corpus.iter().flat_map(unjudged).collect();
    let new: Vec<&String> = found
        .iter()
        .filter(|id| !PENDING.contains(&id.as_str()))
        .collect();
    assert!(
        new.is_empty(),
        "coded functioning, but no evidence quote says how the collaboration works \
         (quote the judgement, or code the relation described):\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let fixed: Vec<&str> = PENDING
        .iter()
        .copied()
        .filter(|id| !found.iter().any(|f| f == id))
        .collect();
    assert!(
        fixed.is_empty(),
        "now judged, recoded or removed: delete from PENDING in tests/it/records.rs:\n{}",
        fixed.join("\n")
    );
}

#[test]
fn a_stated_absence_is_never_unclear() {
    let corpus = corpus();
    let found: Vec<String> = corpus.iter().flat_map(unclear_absences).collect();
    assert!(
        found.is_empty(),
        "coded unclear, but the quote states an absence (code it missing):\n{}",
        found.join("\n")
    );
    // The check sees the error issue 13 named: "har ikke møter" (002:5170) coded unclear.
    let asnes = record(&corpus, "asnes-2014");
    let unclear = recoded(asnes, "r-tildeler-phr", Status::Unclear, None);
    assert_eq!(unclear_absences(&unclear), ["asnes-2014/r-tildeler-phr"]);
}

#[test]
fn the_known_status_errors_of_issue_13_stay_fixed() {
    let corpus = corpus();
    let asnes = record(&corpus, "asnes-2014");
    let relation = |id: &str| asnes.relations.iter().find(|r| r.id == id);
    // "har ikke møter" (002:5170), named by the auditor as the ground for weak collaboration.
    let tildeler = relation("r-tildeler-phr").expect("r-tildeler-phr is encoded");
    assert_eq!(tildeler.status, Status::Missing);
    assert!(
        tildeler.evidence.iter().any(|e| e.line == 5863),
        "the auditor's ground (002:5863) is quoted"
    );
    // A wish (002:3233-3237) is no missing relation; no item referred to it, so it is a note.
    assert!(relation("r-vitt-phr-dele-brukere").is_none());
    let note = relation("r-phr-vitt")
        .and_then(|r| r.note.as_deref())
        .unwrap_or_default();
    assert!(note.contains("dele brukere") || note.contains("share users"));
    // "har ikke funnet sin form ennå" (002:5138): not yet settled is planned, not strained.
    for id in [
        "r13-vitt-hplo",
        "r13-hjemmetjenesten-hplo",
        "r13-helseavdelingen-hplo",
        "r13-asnes-sykehjem-hplo",
    ] {
        assert_eq!(
            relation(id).map(|r| r.status),
            Some(Status::Planned),
            "{id}"
        );
    }
}

/// FORMAT.md: a `team_membership` relation goes from the member to the team or forum. A team
/// stands on the `from` side only when it joins a larger forum (a team in a helsefellesskap).
#[test]
fn team_membership_goes_from_the_member_to_the_team() {
    use samhandling::taxonomy::{RelationKind, ServiceKind};
    let forums = [ServiceKind::Team, ServiceKind::Helsefellesskap];
    let corpus = corpus();
    let mut seen = 0;
    for r in &corpus {
        let kind = |id: &samhandling::model::ServiceId| {
            r.services.iter().find(|s| &s.id == id).and_then(|s| s.kind)
        };
        for rel in &r.relations {
            if !rel.kinds.contains(&RelationKind::TeamMembership) {
                continue;
            }
            seen += 1;
            let (from, to) = (kind(&rel.from), kind(&rel.to));
            // A team on the `from` side of a membership is itself the member.
            if from == Some(ServiceKind::Team) {
                assert!(
                    to.is_some_and(|k| forums.contains(&k)),
                    "{} {}: a team is the member only of a larger forum",
                    r.id,
                    rel.id
                );
            }
        }
    }
    assert!(seen > 50, "{seen}");
}
