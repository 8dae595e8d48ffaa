//! Rule `gap.category` and `gap.theme`: the categories a sentence's codebook keywords name, the
//! topic a section's heading gives, and the choice between them.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::rules;
use super::super::text::Doc;
use super::word_start;
use crate::taxonomy::GapCategory;

static CATEGORIES: LazyLock<(AhoCorasick, Vec<GapCategory>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut cats = Vec::new();
    for (cat, list) in rules::CATEGORY_WORDS {
        for w in *list {
            words.push(*w);
            cats.push(*cat);
        }
    }
    (AhoCorasick::new(words).expect("valid keywords"), cats)
});

/// Rule `gap.category`: the first category of the codebook list with a keyword in the sentence
/// (the supervision categories only in a tilsyn or Riksrevisjonen report).
pub(in crate::draft) fn category(flat: &str, supervision: bool) -> GapCategory {
    categories(flat, supervision)
        .first()
        .copied()
        .unwrap_or(GapCategory::Other)
}

/// Every category with a keyword in `flat`, in the codebook list's priority order, each once.
pub(super) fn categories(flat: &str, supervision: bool) -> Vec<GapCategory> {
    let (ac, cats) = &*CATEGORIES;
    let spaced: String = format!(
        " {} ",
        flat.chars()
            .map(
                |c| if c.is_alphanumeric() || c == '-' || c == '(' || c == ')' {
                    c
                } else {
                    ' '
                }
            )
            .collect::<String>()
    );
    let flat = spaced.as_str();
    let mut found: Vec<GapCategory> = ac
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
        .map(|m| cats[m.pattern().as_usize()])
        .filter(|c| supervision || !rules::SUPERVISION_CATEGORIES.contains(c))
        .collect();
    found.sort_by_key(|c| {
        rules::CATEGORY_WORDS
            .iter()
            .position(|(k, _)| k == c)
            .unwrap_or(usize::MAX)
    });
    found.dedup();
    found
}

/// Rule `gap.theme`: for each heading, the categories its words name ("Samarbeid med
/// spesialisthelsetjenesten", "Tema: Pårørende", "Kartlegging og oppfølging av brukere"), or,
/// when they name none ("Datagrunnlag", "Vurdering"), those of the nearest heading above it.
pub(super) fn themes(doc: &Doc<'_>, supervision: bool) -> Vec<Vec<GapCategory>> {
    let headings = &doc.outline.headings;
    let mut out: Vec<Vec<GapCategory>> = Vec::with_capacity(headings.len());
    for (i, h) in headings.iter().enumerate() {
        let own = categories(&h.text.to_lowercase(), supervision);
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

/// Rule `gap.category` with `gap.theme`: among the sentence's categories, the first its
/// section's theme names too; else the sentence's first; else, for a sentence with no keyword,
/// the theme's first. Returns the category and how it was chosen, for the note.
pub(super) fn decide(
    sentence: &[GapCategory],
    theme: &[GapCategory],
) -> (GapCategory, &'static str) {
    if let Some(c) = sentence
        .iter()
        .find(|c| theme.contains(c) && !rules::GENERIC_CATEGORIES.contains(c))
    {
        let by = if sentence.len() > 1 {
            "by keyword, the one the section's heading names"
        } else {
            "by keyword"
        };
        return (*c, by);
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
                let got = categories(&cue.to_lowercase(), true);
                if !got.contains(&e.category) {
                    wrong.push(format!("{}: '{cue}' gives {got:?}", e.category));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_heading_decides_between_keywords_and_fills_in_for_none() {
        use GapCategory::*;
        let theme = [SpecialistInterface, SystemCollaboration];
        assert_eq!(
            decide(&[ResponsibilityUnclear, SpecialistInterface], &theme).0,
            SpecialistInterface
        );
        // Collaboration is too general to overrule a specific keyword.
        assert_eq!(
            decide(&[CultureSilo, SystemCollaboration], &[SystemCollaboration]).0,
            CultureSilo
        );
        assert_eq!(decide(&[], &[NextOfKin]).0, NextOfKin);
        assert_eq!(decide(&[], &[]).0, Other);
    }
}
