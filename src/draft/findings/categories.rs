//! Rule `gap.category` and `gap.theme`: the categories a sentence's codebook keywords name, the
//! topic a section's heading gives, and the choice between them.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::rules;
use super::super::text::Doc;
use super::word_start;
use crate::taxonomy::GapCategory;

/// The codebook's keywords with their category, and the names made of them
/// ([`rules::NAME_WORDS`]) with none.
static CATEGORIES: LazyLock<(AhoCorasick, Vec<Option<GapCategory>>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut cats = Vec::new();
    for (cat, list) in rules::CATEGORY_WORDS {
        for w in *list {
            words.push(*w);
            cats.push(Some(*cat));
        }
    }
    for w in rules::NAME_WORDS {
        words.push(*w);
        cats.push(None);
    }
    (AhoCorasick::new(words).expect("valid keywords"), cats)
});

/// Rule `gap.category`: the first category of the codebook list with a keyword in the sentence
/// (the supervision categories only in a tilsyn or Riksrevisjonen report).
pub(in crate::draft) fn category(flat: &str, supervision: bool) -> GapCategory {
    categories(flat, supervision, None)
        .first()
        .copied()
        .unwrap_or(GapCategory::Other)
}

/// Every category with a keyword in `flat`, each once, in the codebook list's priority order;
/// or, given `at` (the byte of the finding word in `flat`), the nearest keyword's first, since a
/// shortcoming is about what it names ("behov for bedre informasjonsdeling ..., da det er
/// uklart hvem ..."), with the generic categories after all others ("silotenkning er en
/// utfordring i samarbeidet") and ties in priority order.
pub(super) fn categories(flat: &str, supervision: bool, at: Option<usize>) -> Vec<GapCategory> {
    let (ac, cats) = &*CATEGORIES;
    // Padded, and punctuation blanked byte for byte, so that offsets stay those of `flat`
    // plus one.
    let mut spaced = String::with_capacity(flat.len() + 2);
    spaced.push(' ');
    for c in flat.chars() {
        if c.is_alphanumeric() || c == '-' || c == '(' || c == ')' {
            spaced.push(c);
        } else {
            spaced.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    spaced.push(' ');
    let flat = spaced.as_str();
    let matches: Vec<_> = ac
        .find_overlapping_iter(flat)
        .filter(|m| {
            // Keywords of three letters or fewer ("ip", "dps") count as whole words only.
            m.len() > 3
                || (word_start(flat, m.start())
                    && flat[m.end()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric()))
        })
        .collect();
    // A keyword inside a longer one of another category is part of that one (" plan" in
    // "individuell plan"), and one inside a name names no topic ("tildelingskontoret").
    let inside = |m: &aho_corasick::Match| {
        matches.iter().any(|o| {
            o.len() > m.len()
                && o.start() <= m.start()
                && m.end() <= o.end()
                && cats[o.pattern().as_usize()] != cats[m.pattern().as_usize()]
        })
    };
    let mut found: Vec<(bool, usize, GapCategory)> = matches
        .iter()
        .filter(|m| !inside(m))
        .filter_map(|m| {
            let c = cats[m.pattern().as_usize()]?;
            // In bytes from the finding word (`spaced` has one byte more in front).
            let distance = at.map_or(0, |a| {
                let a = a + 1;
                if m.start() >= a {
                    m.start() - a
                } else {
                    a - m.end().min(a)
                }
            });
            Some((
                rules::GENERIC_CATEGORIES.contains(&c) && at.is_some(),
                distance,
                c,
            ))
        })
        .filter(|(_, _, c)| supervision || !rules::SUPERVISION_CATEGORIES.contains(c))
        .collect();
    found.sort_by_key(|(generic, distance, c)| {
        (
            *generic,
            *distance,
            rules::CATEGORY_WORDS
                .iter()
                .position(|(k, _)| k == c)
                .unwrap_or(usize::MAX),
        )
    });
    let mut out: Vec<GapCategory> = Vec::with_capacity(found.len());
    for (_, _, c) in found {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Rule `gap.theme`: for each heading, the categories its words name ("Samarbeid med
/// spesialisthelsetjenesten", "Tema: Pårørende", "Kartlegging og oppfølging av brukere"), or,
/// when they name none ("Datagrunnlag", "Vurdering"), those of the nearest heading above it.
pub(super) fn themes(doc: &Doc<'_>, supervision: bool) -> Vec<Vec<GapCategory>> {
    let headings = &doc.outline.headings;
    let mut out: Vec<Vec<GapCategory>> = Vec::with_capacity(headings.len());
    for (i, h) in headings.iter().enumerate() {
        let own = categories(&h.text.to_lowercase(), supervision, None);
        let theme = if own.is_empty() {
            // The parent: the nearest heading before it of a higher level.
            (0..i)
                .rev()
                .find(|&k| headings[k].level < h.level)
                .map(|k| out[k].clone())
                .unwrap_or_default()
        } else {
            own
        };
        out.push(theme);
    }
    out
}

/// Rule `gap.category` with `gap.theme`: the category of a statement from the categories its
/// sentence names (`sentence`, nearest the finding word first in an audit) and those its
/// section's heading names (`theme`):
/// - one named: that one;
/// - several, one of them the heading's: the first in the codebook's order (specific before
///   general, [`rules::CATEGORY_WORDS`]). Every statement of a section touches its heading's
///   topic, so the heading does not tell which of the sentence's topics is lacking; the
///   codebook's order does, as in a tilsyn ("individuell plan" before "samarbeid");
/// - several, none of them the heading's: the sentence's first;
/// - none: the heading's first.
///
/// Where the heading names one of several, its choice had agreed with the reviewed records in
/// 7 of 15 cases and the codebook's order in 14, and likewise against an independent second
/// coding (BENCHMARKS.md). Returns the category and how it was chosen, for the note.
pub(super) fn decide(
    sentence: &[GapCategory],
    theme: &[GapCategory],
) -> (GapCategory, &'static str) {
    if let [only] = sentence {
        return (*only, "by keyword");
    }
    if sentence
        .iter()
        .any(|c| theme.contains(c) && !rules::GENERIC_CATEGORIES.contains(c))
    {
        let first = sentence.iter().min_by_key(|c| {
            (
                rules::GENERIC_CATEGORIES.contains(c),
                rules::CATEGORY_WORDS.iter().position(|(k, _)| k == *c),
            )
        });
        if let Some(c) = first {
            return (
                *c,
                "by keyword, the codebook's order among those the sentence and the section's heading name",
            );
        }
    }
    if let Some(c) = sentence.first() {
        return (*c, "by keyword");
    }
    match theme.first() {
        Some(c) => (*c, "by the section's heading (no keyword in the sentence)"),
        None => (GapCategory::Other, "other (no keyword found)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cues of the codebook that are not category keywords, and why.
    const NOT_KEYWORDS: &[&str] = &[
        // A legal reference: drafted into `legal`, not a topic of its own.
        "hol § 7-3",
        "hol § 4-1",
        "sosialtjenesteloven § 17",
        // Shortcoming phrases of any topic (rule gap.shortcoming), not a category.
        "ikke implementert",
        "ikke fulgt opp",
        "informasjon blir ikke overført",
        // A service's name, or a word too common to name a topic.
        "fastlegen",
        "opplysning",
    ];

    #[test]
    fn every_codebook_cue_gives_its_category() {
        let mut wrong = Vec::new();
        for e in crate::codebook::entries() {
            for cue in e.cues.split(", ") {
                if cue.is_empty() || cue == "–" || NOT_KEYWORDS.contains(&cue) {
                    continue;
                }
                let got = categories(&cue.to_lowercase(), true, None);
                if !got.contains(&e.category) {
                    wrong.push(format!("{}: '{cue}' gives {got:?}", e.category));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_keyword_nearest_the_finding_word_comes_first_and_a_keyword_inside_another_counts_not() {
        use GapCategory::*;
        let s = "det er behov for bedre informasjonsdeling, da det er uklart hvem som har ansvar.";
        let at = s.find("behov for");
        assert_eq!(categories(s, false, None)[0], ResponsibilityUnclear);
        assert_eq!(categories(s, false, at)[0], InformationSharing);
        let alone: &[(&str, &[GapCategory])] = &[
            // " plan" inside "individuell plan" is the plan of the individual plan, not planning.
            (
                "individuell plan og koordinator",
                &[IndividualPlan, Coordinator],
            ),
            // Nynorsk forms.
            ("kommunen har ikkje dagtilbod.", &[ActivityWork]),
            ("ved innlegging i sjukehus.", &[SpecialistInterface]),
            ("rapportert til kontrollutvalet.", &[ReportingFollowup]),
            // The silo idiom.
            ("de sitter på hver sin tue.", &[CultureSilo]),
            // Information to the public, the home surroundings, recruitment.
            (
                "behov for å forbedre informasjon ut til folk.",
                &[PublicInformation],
            ),
            ("det oppsto et utfordrende bomiljø.", &[Housing]),
            ("det er vanskelig å rekruttere sykepleiere.", &[Capacity]),
        ];
        for (text, want) in alone {
            assert_eq!(categories(text, false, None), *want, "{text}");
        }
        let s = "flere opplever at silotenkning er en utfordring i samarbeidet.";
        assert_eq!(
            categories(s, false, s.find("en utfordring")),
            [CultureSilo, SystemCollaboration]
        );
    }

    #[test]
    fn the_codebook_order_decides_where_the_heading_names_one_of_several() {
        use GapCategory::*;
        let theme = [SpecialistInterface, SystemCollaboration];
        // The heading names the specialist interface, one of the sentence's two topics: the
        // codebook's order (unclear responsibility first) decides, whatever the sentence's
        // order.
        for sentence in [
            [ResponsibilityUnclear, SpecialistInterface],
            [SpecialistInterface, ResponsibilityUnclear],
        ] {
            let (c, by) = decide(&sentence, &theme);
            assert_eq!(c, ResponsibilityUnclear);
            assert!(by.contains("codebook's order"), "{by}");
        }
        // The heading names neither: the sentence's first (its nearest, in an audit).
        assert_eq!(
            decide(&[Housing, ResponsibilityUnclear], &[NextOfKin]).0,
            Housing
        );
        // Collaboration is too general to decide, or to be decided for.
        assert_eq!(
            decide(&[CultureSilo, SystemCollaboration], &[SystemCollaboration]).0,
            CultureSilo
        );
        assert_eq!(decide(&[Housing], &theme).0, Housing);
        assert_eq!(decide(&[], &[NextOfKin]).0, NextOfKin);
        assert_eq!(decide(&[], &[]).0, Other);
    }

    #[test]
    fn a_keyword_inside_a_units_name_names_no_topic() {
        use GapCategory::*;
        assert_eq!(
            categories(
                "tildelingskontoret er ikke bemannet i helgene.",
                false,
                None
            ),
            [] as [GapCategory; 0]
        );
        assert_eq!(
            categories("tildelingskontoret fatter ikke enkeltvedtak.", false, None),
            [DecisionPractice]
        );
        assert_eq!(
            categories(
                "det er ikke kjent om det er fattet politisk vedtak.",
                false,
                None
            ),
            [PlanningGovernance]
        );
        assert_eq!(
            categories(
                "innspill fra brukere og pårørende hentes ikke inn.",
                false,
                None
            ),
            [UserInvolvement]
        );
    }
}
