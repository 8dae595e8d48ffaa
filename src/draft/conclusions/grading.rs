//! Rule `conclusion.verdict` (with `conclusion.but`): the verdict a sentence's grading words
//! give, and the phrase matching the follow-up statuses share.

use super::super::rules;
use crate::taxonomy::Verdict;

/// Words before a grading word that make it a duty or a question, not a grade.
const MODALS: &[&str] = &[
    "skal", "bør", "må", "plikter", "pliktar", "skulle", "burde", "hvorvidt", "om", "sikre",
    "sikra", "sørge", "sørgje",
];

/// Phrases of a sentence that restates a question rather than answering it.
const RESTATES: &[&str] = &[
    "undersøkt om",
    "undersøke om",
    "undersøkje om",
    "vurdert om",
    "vurdere om",
    "vurderer i hvilken grad",
    "vurderer om",
    "handler om",
    "handlar om",
];

/// The first phrase of `list` (in list order) that occurs in `flat` as whole words, with its
/// byte range in `flat`; occurrences with one of `blockers` (a modal or question word: "skal",
/// "om") among the three words before are skipped.
pub(in crate::draft) fn first_phrase<'l, T>(
    flat: &str,
    list: &'l [(&'static str, T)],
    blockers: &[&str],
) -> Option<(usize, usize, &'l (&'static str, T))> {
    for entry in list {
        for (at, _) in flat.match_indices(entry.0) {
            let end = at + entry.0.len();
            let before = flat[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = flat[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if !(before && after) {
                continue;
            }
            let blocked = flat[..at]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .rev()
                .take(3)
                .any(|w| blockers.contains(&w));
            if !blocked {
                return Some((at, end, entry));
            }
        }
    }
    None
}

/// True when a word of `flat` starts with one of `words`.
pub(super) fn has_word_start(flat: &str, words: &[&str]) -> bool {
    flat.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.iter().any(|p| w.starts_with(p)))
}

/// The verdict the grading words of `flat` give, with the words and the rule: `None` when the
/// sentence grades nothing.
pub(in crate::draft) fn verdict(flat: &str) -> Option<(Verdict, String)> {
    if RESTATES.iter().any(|r| flat.contains(r)) {
        return None;
    }
    // Rule conclusion.but: "X har etablert ..., men ... ikke ...".
    if let Some(at) = flat.find(", men ").or_else(|| flat.find(" men ")) {
        let (first, second) = (&flat[..at], &flat[at..]);
        let graded_first = first_phrase(first, rules::VERDICT_WORDS, MODALS);
        let negated_first = has_word_start(first, &["ikke", "ikkje", "ingen"]);
        if !negated_first {
            match graded_first {
                Some((_, _, (w, v)))
                    if matches!(v, Verdict::Fulfilled | Verdict::LargelyFulfilled)
                        && has_word_start(second, rules::BUT_IMPROVEMENTS) =>
                {
                    return Some((
                        Verdict::LargelyFulfilled,
                        format!(
                            "rule conclusion.but: '{w}', but only improvement points after 'men'"
                        ),
                    ));
                }
                Some((_, _, (w, v))) => {
                    return Some((*v, format!("rule conclusion.verdict: '{w}'")));
                }
                None if has_word_start(second, rules::BUT_IMPROVEMENTS) => {
                    return Some((
                        Verdict::LargelyFulfilled,
                        "rule conclusion.but: a positive statement with only improvement points after 'men'".into(),
                    ));
                }
                None if has_word_start(second, rules::BUT_SHORTCOMINGS) => {
                    return Some((
                        Verdict::Partly,
                        "rule conclusion.but: a positive statement qualified by a shortcoming after 'men'".into(),
                    ));
                }
                None => {}
            }
        }
    }
    let (at, _, (w, v)) = first_phrase(flat, rules::VERDICT_WORDS, MODALS)?;
    // A positive grade inside a negated clause ("har ikke gjort ... et tilfredsstillende
    // tilbud") is not met.
    let clause = flat[..at].rsplit([',', ';']).next().unwrap_or("");
    if matches!(v, Verdict::Fulfilled | Verdict::LargelyFulfilled)
        && has_word_start(clause, &["ikke", "ikkje"])
    {
        return Some((
            Verdict::NotFulfilled,
            format!("rule conclusion.verdict: '{w}' in a negated clause"),
        ));
    }
    Some((*v, format!("rule conclusion.verdict: '{w}'")))
}
