//! Rules `gap.negation` and `gap.condition`: when a negation ("ikke etablert", "ikkje
//! tilstrekkeleg") states a shortcoming, and when a clause is a condition rather than a
//! finding.

use std::sync::LazyLock;

use regex::Regex;

use super::super::rules;
use super::word_start;

/// The negations rule `gap.negation` starts from.
static NEGATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:ikke|ikkje|ingen)\b").expect("valid pattern"));

/// Endings of a past participle ("etablert", "fordelt", "gitt", "kjent", "ønsket"), also in
/// the plural ("ikke oppdaterte husleiesatser").
const PARTICIPLE_ENDINGS: &[&str] = &["ert", "erte", "et", "tt", "lt", "nt"];

/// Rule `gap.negation`: "ikke", "ikkje" or "ingen", then within four words a participle or one
/// of `rules::NEGATED_WORDS` or `rules::EXPECTED_WORDS`. A word in "-et" right after a
/// preposition or determiner of `rules::NOUN_MARKERS` is a definite noun, not a participle
/// ("ser ikke bort fra prinsippet", "er ikke noe tjenesteapparatet kan velge"). Returns the byte range in `flat`
/// from the negation to the end of that word.
pub(super) fn negation(flat: &str) -> Option<(usize, usize)> {
    NEGATOR.find_iter(flat).find_map(|m| {
        let mut prev = "";
        let mut at = m.end();
        for token in flat[m.end()..].split_whitespace().take(4) {
            let start = at + flat[at..].find(token).unwrap_or(0);
            at = start + token.len();
            let word = token
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let bounded = token[word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
            let participle = PARTICIPLE_ENDINGS
                .iter()
                .any(|e| word.len() > e.len() && word.ends_with(e));
            let noun = word.ends_with("et") && rules::NOUN_MARKERS.contains(&prev);
            if !word.is_empty()
                && bounded
                && ((participle && !noun)
                    || rules::NEGATED_WORDS.contains(&word)
                    || rules::EXPECTED_WORDS.contains(&word))
            {
                return Some((m.start(), start + word.len()));
            }
            prev = token;
        }
        None
    })
}

/// Rule `gap.negation`: the negation at `flat[a..b]` states a shortcoming unless its clause is a
/// condition ("Dersom brukeren ikke er enig, ..."), it is contrasted at once with what is there
/// ("er ikke en juridisk enhet, men en arena ..."), or what it negates is itself a problem
/// ("det er ikke venteliste").
pub(super) fn stated_negation(flat: &str, a: usize, b: usize) -> bool {
    if conditional(flat, a) {
        return false;
    }
    let rest = &flat[b..];
    let clause_end = rest.find(['.', ';']).unwrap_or(rest.len());
    if rest[..clause_end]
        .find(", men ")
        .is_some_and(|i| i <= CONTRAST_REACH)
    {
        return false;
    }
    let negated = &flat[a..(b + floor_char(rest, PROBLEM_REACH)).min(flat.len())];
    !rules::NEGATED_PROBLEM_WORDS
        .iter()
        .any(|w| negated.contains(w))
}

/// Rule `gap.condition`: the words at `flat[a..]` stand in a clause that opens with a condition
/// ("Dersom brukeren ikke er enig", "hvis det er risiko for ..."): a case, not a finding.
pub(super) fn conditional(flat: &str, a: usize) -> bool {
    let clause_start = flat[..a].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let clause = &flat[clause_start..a];
    rules::CONDITION_WORDS.iter().any(|w| {
        clause.match_indices(w).any(|(i, _)| {
            word_start(clause, i)
                && clause[i + w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// How far (bytes) after a negation a ", men" makes it a contrast.
const CONTRAST_REACH: usize = 80;
/// How far (bytes) after a negation its object is looked for.
const PROBLEM_REACH: usize = 24;

/// The largest char boundary of `text` at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negation_in_a_condition_a_contrast_or_of_a_problem_states_no_gap() {
        let at = |s: &str| {
            let (a, b) = negation(s).expect("a negation");
            stated_negation(s, a, b)
        };
        assert!(at("det er ikke etablert rutiner for samarbeid."));
        assert!(!at(
            "dersom brukeren ikke er enig, blir det ført i journalen."
        ));
        assert!(!at(
            "helsefellesskapet er ikke etablert som en enhet, men en arena."
        ));
        assert!(!at("det har ikke vært en reduksjon i antall årsverk."));
        // "en viss grad" is no condition.
        assert!(at("planen er i en viss grad ikke dokumentert."));
        // A definite noun after a preposition or determiner is no participle; an adjective
        // participle after one is.
        assert_eq!(
            negation("revisjonen ser ikke bort fra prinsippet om selvstyre."),
            None
        );
        assert_eq!(
            negation("det er ikke noe tjenesteapparatet kan velge."),
            None
        );
        assert!(negation("det er ikke et etablert samarbeid.").is_some());
    }
}
