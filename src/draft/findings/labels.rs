//! Rule `gap.avvik`: a tilsyn's labelled finding ("Avvik 2:", "Lovbrudd:", "Merknad 1 –"), by
//! the word a sentence or heading opens with, or by the lead-in of the list it stands in.

use std::sync::LazyLock;

use regex::Regex;

use super::super::rules::{self, FindingWord};
use super::super::sentences::Sentence;
use super::super::{Ctx, stem};

/// A sentence's first word after a list marker, its number ("Avvik 2", "Merknad nr. 1") and the
/// punctuation that makes it a label ("Lovbrudd:", "Merknad 1 –"), as the template prints it.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:\d{1,2}|[a-h])[.)]\s*)?(?:[-–•]\s*)?(\p{L}+)(?:\s+(?:nr\.?\s*)?\d{1,2})?(\s*[:.–-])?").expect("valid pattern")
});

/// Rule `gap.avvik` for lists: a list item after a lead-in that names the tilsyn's finding
/// ("Det ble påpekt to lovbrudd:", "Statsforvalteren fant følgende avvik:") states it; a list
/// after "Lovbruddet bygger på følgende:" lists the observations, and one after "Avvik fra
/// følgende myndighetskrav:" the legal ground, not the finding.
pub(super) fn lead_word(ctx: &Ctx<'_, '_>, si: usize, s: &Sentence) -> Option<FindingWord> {
    s.marker.as_ref()?;
    let sentences = &ctx.doc.sentences;
    let lead = (0..si)
        .rev()
        .take(12)
        .take_while(|&k| sentences[k].section == s.section)
        .find(|&k| sentences[k].marker.is_none())?;
    let flat = sentences[lead].flat.trim_end();
    if !flat.ends_with(':')
        || rules::OBSERVATION_LEADS.iter().any(|w| flat.contains(w))
        || super::grounds::legal_lead(flat)
    {
        return None;
    }
    flat.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            let stemmed = stem(w);
            rules::TILSYN_WORDS
                .iter()
                .find(|t| stem(t.phrase) == stemmed)
                .copied()
        })
}

pub(super) fn first_in_section(ctx: &Ctx<'_, '_>, si: usize) -> bool {
    si == 0 || ctx.doc.sentences[si - 1].section != ctx.doc.sentences[si].section
}

/// The tilsyn word a sentence opens with (after a list marker) as a label: "Avvik 2:",
/// "Lovbrudd:", "Merknad 1 –"; or, for a heading, its first word: "Avvik 1", "Merknader".
pub(super) fn opening_word(flat: &str, heading: bool) -> Option<FindingWord> {
    let c = OPENING.captures(flat)?;
    let word = c.get(1)?.as_str();
    let labelled = c.get(2).is_some();
    if !(labelled || heading) {
        return None;
    }
    let stemmed = stem(word);
    rules::TILSYN_WORDS
        .iter()
        .find(|w| stem(w.phrase) == stemmed)
        .copied()
}
