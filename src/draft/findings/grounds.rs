//! Rules `gap.grounds`, `gap.legal`, `gap.boilerplate` and `gap.conformity`: what a report says
//! about a finding it has just stated. The national tilsyn template follows each lovbrudd with
//! its legal ground ("Lovbruddet er brudd på følgende myndighetskrav:") and the observations it
//! rests on ("Lovbruddet bygger på følgende:"); an audit follows its assessment with "Dette er
//! ikke i samsvar med `<law>`". Those sentences belong to the finding before them, so they are
//! its evidence and legal ground rather than gaps of their own; and the template's sentences
//! about the report ("Det ble avdekket to lovbrudd.") state none.

use std::sync::LazyLock;

use regex::Regex;

use super::super::Ctx;
use super::super::lists::legal_refs;
use super::super::rules;
use super::super::rules::FindingWord;
use super::super::sentences::Sentence;
use super::super::text::Doc;
use crate::legal::LegalRef;
use crate::model::Gap;
use crate::taxonomy::{FindingTerm, StatedIn};

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Rule `gap.boilerplate`: "rapporten beskriver de lovbrudd", "det ble avdekket to lovbrudd".
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = alternation(rules::FINDING_NOUNS);
    Regex::new(&format!(
        r"\brapport\p{{L}}*\s+(?:{report})\s+(?:(?:{count})\s+)?(?:{nouns})\b|\b(?:{found})\s+(?:(?:det|blitt|vorte)\s+)*(?:{count})\s+(?:{nouns})\s*(?:[.:]|$|(?:{tail})\s+\p{{L}}+\s*[.:]?$)|\b(?:ikke|ikkje)\s+(?:(?:blitt|vorte)\s+)?(?:{found})\s+(?:{nouns})\b|\b(?:{nouns})\p{{L}}*\s+(?:skal|skulle|kan|må|blir|vert|er)\s+(?:(?:bli|verte|blitt|vorte)\s+)?(?:{corrected})\b",
        report = alternation(rules::REPORT_VERBS),
        found = alternation(rules::FOUND_VERBS),
        count = alternation(rules::COUNT_WORDS),
        tail = alternation(rules::COUNT_TAIL_WORDS),
        corrected = alternation(rules::CORRECTION_VERBS),
    ))
    .expect("valid pattern")
});

/// Rule `gap.grounds`: "lovbruddet bygger på", "avviket byggjer på".
static GROUNDS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{})\p{{L}}*\s+(?:{})\b",
        alternation(rules::FINDING_NOUNS),
        alternation(rules::GROUNDS_VERBS)
    ))
    .expect("valid pattern")
});

/// Rule `gap.legal`: "lovbruddet er brudd på følgende myndighetskrav:".
static LEGAL_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\b(?:{})\p{{L}}*\s+)(?:{})\s+(?:følgende|følgjande)\b[^:.]{{0,50}}:",
        alternation(rules::FINDING_NOUNS),
        alternation(rules::LEGAL_LEAD_VERBS)
    ))
    .expect("valid pattern")
});

/// Rule `gap.conformity`: "dette er ikke i samsvar med", "denne praksisen er i strid med".
static CONFORMITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{})\s+(?:(?:er|var|vil\s+være|vil\s+vere|blir)\s+)?(?:ikke\s+|ikkje\s+)?(?:i\s+samsvar|i\s+strid|strir\s+mot|(?:et\s+|eit\s+)?(?:brudd|brot)\s+på)",
        alternation(rules::CONFORMITY_ANAPHORS)
    ))
    .expect("valid pattern")
});

/// Rule `gap.boilerplate`: the sentence speaks of the report or counts its findings.
pub(super) fn boilerplate(flat: &str) -> bool {
    BOILERPLATE.is_match(flat)
}

/// Rule `gap.legal`: the sentence leads the legal ground of a finding ("Avvik fra følgende
/// myndighetskrav:"), so the list after it gives references, not findings.
pub(super) fn legal_lead(flat: &str) -> bool {
    LEGAL_LEAD.is_match(flat)
}

/// Rule `gap.conformity`: the sentence opens by referring back ("Dette er ikke i samsvar med").
pub(super) fn refers_back(flat: &str) -> bool {
    CONFORMITY.is_match(flat)
}

/// What a sentence gives the labelled finding before it (rules `gap.grounds`, `gap.legal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Attached {
    /// The sentence that states the finding ("Lovbrudd 1: ...").
    pub label: usize,
    /// True when the sentence is an observation the finding rests on.
    pub grounds: bool,
    /// Bytes of `flat` that hold the legal references, when the sentence gives them.
    pub legal: Option<(usize, usize)>,
}

/// How many sentences after a lead the observations or references are looked for.
const GROUNDS_REACH: usize = 12;

/// For each sentence, what it gives the finding stated before it in its section, if anything.
/// `labels[i]` is the term of sentence `i` when it opens with a tilsyn label ("Lovbrudd 1:",
/// "Avvik:", "Merknad:"). A block of observations runs from its lead to the next label or lead,
/// the end of the section, `GROUNDS_REACH` sentences, or, in a bulleted list, an unbulleted
/// sentence after a blank line.
pub(super) fn attachments(doc: &Doc<'_>, labels: &[Option<FindingTerm>]) -> Vec<Option<Attached>> {
    let sentences = &doc.sentences;
    let mut out = vec![None; sentences.len()];
    // The finding in force, and the block in progress: (lead sentence, grounds?, bulleted?).
    let mut label: Option<usize> = None;
    let mut block: Option<(usize, bool, bool)> = None;
    for (si, s) in sentences.iter().enumerate() {
        if label.is_some_and(|l| sentences[l].section != s.section) {
            label = None;
            block = None;
        }
        if let Some(term) = labels[si] {
            label = matches!(term, FindingTerm::Lovbrudd | FindingTerm::Avvik).then_some(si);
            block = None;
            continue;
        }
        let Some(l) = label else { continue };
        let flat = s.flat.as_str();
        let legal = LEGAL_LEAD.find(flat);
        let grounds = GROUNDS_LEAD.find(flat);
        if legal.is_some() || grounds.is_some() {
            // The last item of a listed legal ground may run on into the next lead ("• hol §
            // 7-1 Lovbruddet bygger på følgende:").
            let listing = block.is_some_and(|(_, g, _)| !g) && s.marker.is_some();
            let refs = legal
                .map(|m| {
                    let end = grounds
                        .filter(|g| g.start() >= m.end())
                        .map_or(flat.len(), |g| g.start());
                    (m.end(), end)
                })
                .or_else(|| grounds.filter(|_| listing).map(|g| (0, g.start())));
            // "Avviket bygger på at ...": the observation is the sentence itself.
            let inline = grounds.is_some_and(|g| !flat[g.end()..].trim_end().ends_with(':'));
            let has_refs = refs
                .is_some_and(|(a, b)| flat[a..b].contains('§') || flat[a..b].contains("kapittel"));
            out[si] = (inline || has_refs).then_some(Attached {
                label: l,
                grounds: inline,
                legal: refs.filter(|_| has_refs),
            });
            block = match (grounds, legal) {
                (Some(_), _) if !inline => Some((si, true, false)),
                (None, Some(_)) if !has_refs => Some((si, false, false)),
                _ => None,
            };
            continue;
        }
        let Some((lead, is_grounds, bulleted)) = block else {
            continue;
        };
        let first = si == lead + 1;
        let after_blank = doc.text[sentences[si - 1].end..s.start].contains("\n\n")
            || doc.text[sentences[si - 1].end..s.start].contains("\n \n");
        if si - lead > GROUNDS_REACH
            || (!is_grounds && s.marker.is_none())
            || (bulleted && s.marker.is_none() && after_blank)
        {
            block = None;
            continue;
        }
        if first {
            block = Some((lead, is_grounds, s.marker.is_some()));
        }
        out[si] = Some(Attached {
            label: l,
            grounds: is_grounds,
            legal: (!is_grounds).then_some((0, flat.len())),
        });
    }
    out
}

/// Rule `gap.legal`: the references in `text` (a line such as "helse- og
/// omsorgstjenesteloven § 7-1 og pasient- og brukerrettighetsloven § 2-5"), with the pieces
/// that name a section but do not parse.
pub(super) fn references(text: &str) -> (Vec<LegalRef>, Vec<String>) {
    let refs = legal_refs(text);
    let mut unread = Vec::new();
    for piece in pieces(text) {
        if piece.contains('§') && legal_refs(&piece).is_empty() {
            unread.push(piece);
        }
    }
    (refs, unread)
}

/// The pieces of an enumeration of references, split at ", ", "; " and at " og " where the
/// next piece names a section of its own (so "helse- og omsorgstjenesteloven" and "forskrift
/// om leiing og kvalitetsforbetring § 6" stay whole).
fn pieces(text: &str) -> Vec<String> {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: Vec<String> = Vec::new();
    for part in flat.split([',', ';']) {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let splits = (*w == "og" || *w == "samt")
                && current.iter().any(|c| c.contains('§'))
                && words[i + 1..].iter().any(|c| c.contains('§'))
                && !current.last().is_some_and(|c| c.ends_with('-'));
            if splits {
                out.push(current.join(" "));
                current.clear();
            } else {
                current.push(w);
            }
        }
        if !current.is_empty() {
            out.push(current.join(" "));
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Rule `gap.conformity`: the sentence `s` ("Dette er ikke i samsvar med pbrl § 2-5.") makes
/// `gap` (the sentence before it) a breach in the report's own term, with its legal ground.
pub(super) fn conform(
    ctx: &mut Ctx<'_, '_>,
    gap: &mut Gap,
    s: &Sentence,
    at: usize,
    word: FindingWord,
) {
    let Some(ev) = ctx.sentence_evidence(s, s.raw(at)) else {
        return;
    };
    gap.evidence.push(ev);
    if let Some(term) = word.term {
        // A term the gap has already (a tilsyn's "lovbrudd") is the report's own; keep it.
        gap.term.get_or_insert(term);
        gap.severity = term.severity();
        gap.stated_in = Some(StatedIn::Assessment);
    }
    for r in legal_refs(&ctx.doc.text[s.start..s.end]) {
        if !gap.legal.contains(&r) {
            gap.legal.push(r);
        }
    }
    if let Some(note) = &mut gap.note {
        note.push_str(&format!(
            "; a breach by the next sentence (rule gap.conformity: '{}', severity {})",
            word.phrase, gap.severity
        ));
    }
}

/// Rules `gap.grounds` and `gap.legal`: adds each attached sentence to the gap of its finding
/// (`gap_of`, by sentence), as evidence and, for a legal ground, as parsed references; the
/// note says how many observations and which references could not be read.
pub(super) fn attach(
    ctx: &mut Ctx<'_, '_>,
    gaps: &mut [Gap],
    attached: &[Option<Attached>],
    gap_of: &[Option<usize>],
) {
    let doc = ctx.doc;
    let mut observations = vec![0usize; gaps.len()];
    let mut unread: Vec<Vec<String>> = vec![Vec::new(); gaps.len()];
    let mut grounded = vec![false; gaps.len()];
    for (si, a) in attached.iter().enumerate() {
        let Some(a) = a else { continue };
        let Some(gi) = gap_of[a.label] else { continue };
        let s = &doc.sentences[si];
        let gap = &mut gaps[gi];
        if let Some((x, y)) = a.legal {
            let (refs, names) = references(&doc.text[s.raw(x)..s.raw(y).min(s.end)]);
            for r in refs {
                if !gap.legal.contains(&r) {
                    gap.legal.push(r);
                }
            }
            unread[gi].extend(names);
            grounded[gi] = true;
        }
        if a.grounds {
            observations[gi] += 1;
        }
        if let Some(ev) = ctx.sentence_evidence(s, s.start)
            && !gap.evidence.contains(&ev)
        {
            gap.evidence.push(ev);
        }
    }
    for (gi, gap) in gaps.iter_mut().enumerate() {
        let Some(note) = &mut gap.note else { continue };
        if grounded[gi] {
            note.push_str("; legal ground as stated after it (rule gap.legal)");
            if !unread[gi].is_empty() {
                note.push_str(&format!(
                    ", not read as a reference: '{}'",
                    unread[gi].join("', '")
                ));
            }
        }
        if observations[gi] > 0 {
            note.push_str(&format!(
                "; {} observation(s) it rests on as further evidence (rule gap.grounds)",
                observations[gi]
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_about_the_report_is_boilerplate_a_finding_is_not() {
        for s in [
            "denne rapporten beskriver de lovbrudd som ble påpekt innen de reviderte temaene.",
            "denne rapporten skildrar lovbrot som vart påpeika innanfor dei reviderte områda.",
            "det ble avdekket to lovbrudd.",
            "det vart avdekt eitt lovbrot under tilsynet.",
            "det ble ikke avdekket lovbrudd.",
            "fylkesmannen fant ett avvik.",
            "det ble gitt to merknader under tilsynet.",
        ] {
            assert!(boilerplate(s), "{s}");
        }
        // An audit's "avvik" is a discrepancy it found: a finding.
        assert!(!boilerplate(
            "revisjonen fant avvik mellom rutinen og praksis."
        ));
        assert!(!boilerplate(
            "revisjonen fant et avvik i rutinen for utskrivning."
        ));
        assert!(!boilerplate(
            "det ble avdekket at kommunen ikke sikrer at brukerne får individuell plan."
        ));
        assert!(!boilerplate(
            "bydel nordøst sikrer ikke at brukerne får tilbud om individuell plan."
        ));
    }

    fn doc_attachments(text: &str) -> Vec<Option<Attached>> {
        let doc = Doc::new(text);
        // The label: the sentence with "Lovbrudd 1:" (here after the unnumbered heading).
        let labels: Vec<Option<FindingTerm>> = doc
            .sentences
            .iter()
            .map(|s| {
                s.flat
                    .contains("lovbrudd 1:")
                    .then_some(FindingTerm::Lovbrudd)
            })
            .collect();
        attachments(&doc, &labels)
    }

    #[test]
    fn a_listed_legal_ground_and_the_observations_after_it_belong_to_the_lovbrudd() {
        let text = "5. Funn\n\nLovbrudd 1:\nKommunen sikrer ikke at brukerne får individuell plan.\n\n\
                    Lovbruddet er brudd på følgende myndighetskrav:\n\
                    • helse- og omsorgstjenesteloven § 7-1\n\
                    • pasient- og brukerrettighetsloven § 2-5\n\
                    Lovbruddet bygger på følgende:\n\
                    • Ingen brukere hadde plan.\n\
                    • Ansatte kjenner ikke rutinen.\n\n\
                    Kommunen har et godt samarbeid med fastlegene.\n";
        let doc = Doc::new(text);
        let got = doc_attachments(text);
        let kinds: Vec<(String, bool, bool)> = doc
            .sentences
            .iter()
            .zip(&got)
            .filter_map(|(s, a)| a.map(|a| (s.flat.clone(), a.grounds, a.legal.is_some())))
            .collect();
        let legal: Vec<&str> = kinds.iter().filter(|k| k.2).map(|k| k.0.as_str()).collect();
        let all: Vec<&str> = doc.sentences.iter().map(|s| s.flat.as_str()).collect();
        assert_eq!(legal.len(), 2, "{kinds:#?} {all:#?}");
        assert!(legal[1].starts_with("• pasient"), "{kinds:#?}");
        let grounds: Vec<&str> = kinds.iter().filter(|k| k.1).map(|k| k.0.as_str()).collect();
        assert_eq!(
            grounds,
            [
                "• ingen brukere hadde plan.",
                "• ansatte kjenner ikke rutinen."
            ]
        );
    }

    #[test]
    fn a_sentence_opening_with_dette_refers_back_det_points_forward() {
        assert!(refers_back(
            "dette er ikke i samsvar med pasient- og brukerrettighetsloven § 2-5."
        ));
        assert!(refers_back("denne praksisen er i strid med hol § 7-1."));
        assert!(!refers_back(
            "det er ikke i samsvar med loven at planen mangler."
        ));
        assert!(!refers_back("kommunen handler ikke i samsvar med loven."));
    }

    #[test]
    fn an_enumeration_of_sections_gives_one_reference_each_and_names_what_does_not_parse() {
        let (refs, unread) = references("sosialtjenesteloven §§ 17 og 4");
        let shown: Vec<String> = refs.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["stjl § 17", "stjl § 4"]);
        assert!(unread.is_empty(), "{unread:?}");
        let (refs, unread) = references(
            "helse- og omsorgstjenesteloven § 7-1 og pasient- og brukerrettighetsloven § 2-5",
        );
        let shown: Vec<String> = refs.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["hol § 7-1", "pbrl § 2-5"]);
        assert!(unread.is_empty(), "{unread:?}");
        let (refs, unread) = references("hol § 3-4 og instruks om tilsyn § x");
        assert_eq!(refs.len(), 1);
        assert_eq!(unread, ["instruks om tilsyn § x"]);
    }
}
