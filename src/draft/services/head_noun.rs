//! Rule `service.head-noun`: the words around a unit's name ending that belong to the name: the
//! adjectives before it, and the "-gruppen" words that name a group of people rather than a
//! unit. (The first part of a coordinated compound, "Bo- og oppfølgingstjenesten", is matched by
//! the unit pattern itself, `services::UNIT`.)

use super::super::rules;

/// Rule `service.head-noun`: the start (a byte of `flat`) of up to two adjectives before byte
/// `at` ("kommunalt samarbeidsutvalg", "aktivt oppsøkende behandlingsteam"): they are part of a
/// unit's name as the text gives it ([`rules::NAME_ADJECTIVES`]).
pub(super) fn adjectives_before(flat: &str, at: usize) -> usize {
    let mut a = at;
    for _ in 0..2 {
        let before = &flat[..a];
        if !before.ends_with(' ') {
            break;
        }
        let trimmed = before.trim_end();
        let i = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &trimmed[i..];
        let adjective = word.chars().count() > 4
            && (rules::NAME_ADJECTIVES.contains(&word)
                || rules::ADJECTIVE_ENDINGS
                    .iter()
                    .chain(rules::NEUTER_ADJECTIVE_ENDINGS)
                    .any(|e| word.ends_with(e)));
        if !adjective || (i > 0 && !trimmed[..i].ends_with(' ')) {
            break;
        }
        a = i;
    }
    a
}

/// Rule `service.head-noun`: a "-gruppen"/"-gruppa" word whose first part is a group of people
/// ([`rules::POPULATION_WORDS`]).
pub(super) fn population(word: &str) -> bool {
    ["gruppen", "gruppa", "gruppe", "grupper", "gruppene"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .is_some_and(|first| {
            let first = first.trim_end_matches('-');
            rules::POPULATION_WORDS
                .iter()
                .any(|p| first.ends_with(p.trim_end_matches('-')))
        })
}
