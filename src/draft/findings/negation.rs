//! Rules `gap.negation` and `gap.condition`: when a negation ("ikke etablert", "ikkje
//! tilstrekkeleg") states a shortcoming, and when a clause is a condition rather than a
//! finding.

use std::sync::LazyLock;

use regex::Regex;

use super::super::rules;
use super::word_start;

/// Rule `gap.negation`: "ikke", "ikkje" or "ingen", then within four words a participle or one
/// of `rules::NEGATED_WORDS`.
pub(super) static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:ikke|ikkje|ingen)\b(?:\s+\S+){{0,3}}?\s+(?:\p{{L}}+(?:ert|et|tt|lt|nt)|{})\b",
        rules::NEGATED_WORDS.join("|")
    ))
    .expect("valid pattern")
});

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
            let m = NEGATED.find(s).expect("a negation");
            stated_negation(s, m.start(), m.end())
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
    }
}
