//! Rules `gap.term`, `gap.shortcoming`, `gap.negation`, `gap.not-a-gap`, `gap.fragment` and
//! `gap.earlier`: whether one sentence states a gap, with which word of the report, and the
//! severity and `stated_in` that word and the section's role give. Joining the statements into
//! gaps is the parent module's work.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::super::Ctx;
use super::super::rules::{self, FindingWord, Role};
use super::super::sentences::Sentence;
use super::grounds;
use super::labels::{first_in_section, lead_word, opening_word};
use super::negation::{conditional, negation, stated_negation};
use super::word_start;
use crate::taxonomy::{Severity, StatedIn};

/// A footnote as pdftotext prints it: its number, a space, a capital.
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s+\p{Lu}").expect("valid pattern"));
static TERMS: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(rules::TERM_WORDS));
static NATIONAL_TERMS: LazyLock<AhoCorasick> =
    LazyLock::new(|| phrases(rules::RIKSREVISJON_TERM_WORDS));
static SHORTCOMINGS: LazyLock<AhoCorasick> = LazyLock::new(|| phrases(rules::SHORTCOMING_WORDS));
static NOT_GAP: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(rules::NOT_GAP_WORDS).expect("valid phrases"));

/// Rule `gap.not-a-gap`: the sentence says the practice is in line or works
/// ([`rules::NOT_GAP_WORDS`]), not negated ("ikke er i samsvar med", "ikke fungerer godt nok"
/// state a shortcoming).
fn positive(flat: &str) -> bool {
    NOT_GAP.find_iter(flat).any(|m| {
        let before = flat[..m.start()].trim_end();
        !rules::NOT_GAP_NEGATORS
            .iter()
            .any(|n| before.ends_with(n) && word_start(before, before.len() - n.len()))
    })
}

fn phrases(list: &[FindingWord]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(list.iter().map(|w| w.phrase))
        .expect("valid phrases")
}

/// The phrase of rule `gap.negation` when it negates what a service is expected to have
/// ([`rules::EXPECTED_WORDS`]): such a negation states a gap even alone in the findings.
pub(super) const EXPECTED_NEGATION: &str = "ikke + what is expected";

/// A sentence that states a gap, before merging.
pub(super) struct Candidate {
    pub sentence: usize,
    pub word: FindingWord,
    /// Byte in `flat` of the finding word.
    pub at: usize,
    pub rule: &'static str,
    /// The role the sentence is read in: its section's, or the assessment's (rule gap.earlier).
    pub role: Role,
}

/// The finding word of a sentence, when it states a gap.
pub(super) fn candidate(
    ctx: &Ctx<'_, '_>,
    si: usize,
    s: &Sentence,
    role: Role,
    riksrevisjon: bool,
) -> Option<Candidate> {
    let flat = s.flat.as_str();
    // A tilsyn finding: the sentence opens with "Avvik", "Lovbrudd", "Merknad" (after a list
    // marker), or stands first under such a heading.
    let opening = opening_word(flat, false);
    let heading_word = s
        .section
        .and_then(|h| ctx.doc.outline.headings.get(h))
        .and_then(|h| opening_word(&h.text.to_lowercase(), true))
        .filter(|_| first_in_section(ctx, si));
    let listed = lead_word(ctx, si, s);
    if let Some(word) = opening.or(heading_word).or(listed) {
        return Some(Candidate {
            sentence: si,
            word,
            at: 0,
            rule: "gap.avvik",
            role,
        });
    }
    // A lead-in ("Det ble påpekt to lovbrudd:") introduces the findings; its list states them.
    // Rule gap.boilerplate: "Det ble avdekket to lovbrudd." counts them.
    if positive(flat) || flat.trim_end().ends_with(':') || grounds::boilerplate(flat) {
        return None;
    }
    // Rule gap.footnote: a footnote ("12 Deloitte har ...") cites or explains; it states no
    // finding of its own. Rule gap.fragment: nor does a table cell or note of a few words
    // ("Ikke datert.").
    if s.marker.is_none() && FOOTNOTE.is_match(&ctx.doc.text[s.start..s.end])
        || flat.split_whitespace().count() < MIN_WORDS
    {
        return None;
    }
    let assessment = role.is_assessment();
    // Riksrevisjonen's own grades, in its assessment: "Det er alvorlig at ...", "... er ikke
    // tilfredsstillende" (rule gap.term, the genre's words).
    let national = riksrevisjon
        .then(|| {
            NATIONAL_TERMS
                .find_iter(flat)
                .find(|m| assessment && word_start(flat, m.start()))
        })
        .flatten()
        .map(|m| (m, rules::RIKSREVISJON_TERM_WORDS[m.pattern().as_usize()]));
    let general = || {
        TERMS
            .find_iter(flat)
            .find(|m| word_start(flat, m.start()))
            .map(|m| (m, rules::TERM_WORDS[m.pattern().as_usize()]))
    };
    if let Some((m, mut word)) = national.or_else(general) {
        if !assessment {
            // In the findings a shortcoming is the informants' or the documents', not the
            // auditor's verdict: no term, never a breach.
            word.term = None;
            word.severity = Severity::Improvement;
        }
        return Some(Candidate {
            sentence: si,
            word,
            at: m.start(),
            rule: "gap.term",
            role,
        });
    }
    if let Some(m) = SHORTCOMINGS
        .find_iter(flat)
        .filter(|m| {
            word_start(flat, m.start()) && !conditional(flat, m.start()) && !need_as_case(flat, m)
        })
        .find(|m| {
            let word = rules::SHORTCOMING_WORDS[m.pattern().as_usize()];
            // "bør" in a summary or a recommendations section repeats a recommendation.
            let recommends =
                word.phrase == "bør" && matches!(role, Role::Summary | Role::Recommendations);
            (assessment || word.anywhere) && !recommends
        })
    {
        return Some(Candidate {
            sentence: si,
            word: rules::SHORTCOMING_WORDS[m.pattern().as_usize()],
            at: m.start(),
            rule: "gap.shortcoming",
            role,
        });
    }
    let (start, end) = negation(flat)?;
    if !stated_negation(flat, start, end) {
        return None;
    }
    Some(Candidate {
        sentence: si,
        word: FindingWord {
            phrase: if rules::EXPECTED_WORDS
                .iter()
                .any(|w| flat[..end].ends_with(w))
            {
                EXPECTED_NEGATION
            } else {
                "ikke + participle"
            },
            term: None,
            severity: Severity::Improvement,
            anywhere: true,
        },
        at: start,
        rule: "gap.negation",
        role,
    })
}

/// Rule `gap.earlier`: in the introduction, a list item under a lead-in that names findings
/// ("Rapporten avdekket følgende hovedfunn:", "Revisjonen konkluderte med følgende:") restates
/// the findings of an earlier report (a follow-up's background): the auditor's statements,
/// drafted as in an assessment. A nested list ("... grunnet blant annet:") belongs to its
/// item's lead-in.
pub(super) fn earlier_finding(ctx: &Ctx<'_, '_>, si: usize) -> bool {
    let sentences = &ctx.doc.sentences;
    let s = &sentences[si];
    if s.role != Role::Introduction {
        return false;
    }
    let mut listed = s.marker.is_some();
    for k in (si.saturating_sub(EARLIER_REACH)..si).rev() {
        let t = &sentences[k];
        if t.section != s.section {
            return false;
        }
        listed |= t.marker.is_some();
        if !t.flat.trim_end().ends_with(':') || t.marker.is_some() {
            continue;
        }
        return listed
            && sentences[k + 1].marker.is_some()
            && rules::EARLIER_FINDING_LEADS
                .iter()
                .any(|w| t.flat.contains(w));
    }
    false
}

/// How many sentences back a lead-in of earlier findings is looked for.
const EARLIER_REACH: usize = 15;

/// Rule `gap.fragment`: the fewest words a statement of a gap has.
const MIN_WORDS: usize = 4;

pub(super) fn stated_in(role: Role, word: &FindingWord) -> StatedIn {
    if word.term.is_some() {
        return StatedIn::Assessment;
    }
    match role {
        Role::Findings => StatedIn::Findings,
        Role::Response => StatedIn::Response,
        _ => StatedIn::Assessment,
    }
}

/// Severity by docs/FORMAT.md: the term's severity; else, in the assessment, `breach` for the
/// auditor's "må" or "skal", `risk` for a named risk, `improvement` otherwise; in the findings
/// or the response, `risk` or `improvement`, never a breach.
pub(super) fn severity(role: Role, word: &FindingWord, flat: &str) -> Severity {
    if let Some(term) = word.term {
        return term.severity();
    }
    if word.severity == Severity::Risk || rules::NOT_RECEIVED_WORDS.iter().any(|w| flat.contains(w))
    {
        return Severity::Risk;
    }
    if role.is_assessment()
        && (word.phrase.starts_with("må ") || flat.contains(" må ") && flat.contains("sikre"))
    {
        return Severity::Breach;
    }
    if rules::RISK_WORDS.iter().any(|w| flat.contains(w)) {
        return Severity::Risk;
    }
    Severity::Improvement
}

/// Rule `gap.condition`: a need "ved behov for", "når det er behov for", "om det er behov for"
/// is a case the text describes, not a shortcoming it states.
fn need_as_case(flat: &str, m: &aho_corasick::Match) -> bool {
    let phrase = &flat[m.start()..m.end()];
    let Some(at) = phrase.find("behov").map(|i| m.start() + i) else {
        return false;
    };
    let before = &flat[..at];
    rules::NEED_AS_CASE.iter().any(|w| {
        before.ends_with(w)
            && (before.len() == w.len() || word_start(before, before.len() - w.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_may_happen_is_a_risk_and_the_auditors_must_a_breach() {
        let word = |phrase| FindingWord {
            phrase,
            term: None,
            severity: Severity::Improvement,
            anywhere: true,
        };
        let flat = "samarbeidet med nav kan være utfordrende.";
        assert_eq!(
            severity(Role::Findings, &word("utfordrende"), flat),
            Severity::Risk
        );
        let flat = "kommunen mangler rutiner for samarbeid.";
        assert_eq!(
            severity(Role::Findings, &word("mangler"), flat),
            Severity::Improvement
        );
        let flat = "kommunen må sikre rutiner, da mangelen kan føre til at brukere ikke får hjelp.";
        assert_eq!(
            severity(Role::Assessment, &word("mangel"), flat),
            Severity::Breach
        );
    }
}
