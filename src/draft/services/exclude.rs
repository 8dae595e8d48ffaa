//! What a text names that is no service of the report: the subject of a law's or regulation's
//! title (`service.title`), the report's issuer (`service.issuer`), a person's job title
//! (`service.job-title`), a building in an address field (`service.address`), a table's tick,
//! and anything but a capitalised name in a section that lists laws,
//! documents or people (`service.listing`). Each rule removes namings the other rules found,
//! so the naming rules need not know about titles, issuers and participants.

use std::sync::LazyLock;

use regex::Regex;

use super::super::Ctx;
use super::super::rules;
use super::super::sentences::Sentence;
use super::Mention;

/// A title's head and "om" ("Lov om", "forskrift om"), on the flat text.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{})\s+om\s", rules::TITLE_HEADS.join("|"))).expect("valid pattern")
});
/// A law's short name in brackets, on the flat text ("(sosialtjenesteloven)", "(helse- og
/// omsorgstenestelova)").
static SHORT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^()§;]{{1,160}}?\((?:[\p{{L}}-]+\s)*[\p{{L}}-]*(?:{})\)",
        rules::LAW_SHORT_ENDINGS.join("|")
    ))
    .expect("valid pattern")
});

/// The most words a title without a short name runs after "om".
const TITLE_WORDS: usize = 12;

/// Removes from `out` the namings of sentence `s` that are no service; `auditor` is the key of
/// the report's issuer.
pub(super) fn exclude(
    ctx: &Ctx<'_, '_>,
    s: &Sentence,
    auditor: Option<&str>,
    out: &mut Vec<Mention>,
) {
    let titles = titles(s);
    out.retain(|m| !titles.iter().any(|&(a, b)| m.start < b && a < m.end));
    if let Some(auditor) = auditor {
        out.retain(|m| !issuer(&m.key, auditor));
    }
    let text = ctx.doc.text;
    out.retain(|m| !job_title(text, m) && !address(text, m));
    // A table's tick ("X") or a stray letter is no name.
    out.retain(|m| {
        text[m.start..m.end]
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
    });
    if listing(ctx, s) {
        out.retain(|m| text[m.start..m.end].starts_with(char::is_uppercase));
    }
}

/// Rule `service.title`: the bytes (of the text) of the laws' and regulations' titles in `s`.
fn titles(s: &Sentence) -> Vec<(usize, usize)> {
    let flat = s.flat.as_str();
    let mut out = Vec::new();
    for m in TITLE.find_iter(flat) {
        let end = match SHORT_NAME.find(&flat[m.end()..]) {
            Some(short) => m.end() + short.end(),
            None => title_end(flat, m.end()),
        };
        out.push((s.raw(m.start()), s.raw(end)));
    }
    out
}

/// The end (a byte of `flat`) of a title without a short name, whose subject starts at `from`.
fn title_end(flat: &str, from: usize) -> usize {
    let mut end = from;
    let mut at = from;
    let words: Vec<&str> = flat[from..].split(' ').take(TITLE_WORDS + 4).collect();
    for (k, token) in words.iter().enumerate().take(TITLE_WORDS) {
        let start = at;
        at += token.len() + 1;
        let word = token.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'));
        if word.is_empty()
            || word.starts_with('§')
            || token.starts_with('(')
            || rules::TITLE_STOPS.contains(&word)
        {
            break;
        }
        end = start + word.len();
        let punct = &token[word.len()..];
        if punct.is_empty() {
            continue;
        }
        // A comma goes on only in an enumeration of the subject ("habilitering og rehabilitering,
        // individuell plan og koordinator").
        let enumeration = punct == ","
            && words[k + 1..words.len().min(k + 4)]
                .iter()
                .any(|w| *w == "og" || *w == "eller");
        if !enumeration {
            break;
        }
    }
    end
}

/// Rule `service.issuer`: a naming of the report's issuer, by its whole name or a shorter form
/// of it ("Fylkesmannen", "Fylkesmannen i Oslo" for "Fylkesmannen i Oslo og Viken").
fn issuer(key: &str, auditor: &str) -> bool {
    !key.is_empty()
        && (key == auditor
            || auditor
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(' ')))
}

/// Rule `service.address`: a naming in the value of an address field ("Virksomhetens adresse:
/// Rådhuset, 3800 Lunde") is a building or a street, not a unit.
fn address(text: &str, m: &Mention) -> bool {
    let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..m.start].find(':').is_some_and(|colon| {
        let field = text[line_start..line_start + colon].to_lowercase();
        rules::ADDRESS_FIELDS.iter().any(|w| field.contains(w))
    })
}

/// Rule `service.job-title`: a naming that opens with a role ([`rules::ROLE_TITLES`],
/// [`rules::LEADER_TITLES`]) right after
/// a person's name on its line ("Siri Vik   kommunalsjef helse", "Kari Hansen, bydelsdirektør").
fn job_title(text: &str, m: &Mention) -> bool {
    let surface = text[m.start..m.end].to_lowercase();
    let first = surface
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let role = rules::ROLE_TITLES
        .iter()
        .chain(rules::LEADER_TITLES)
        .any(|r| first == *r || (first.starts_with(r) && first.len() <= r.len() + 3));
    if !role {
        return false;
    }
    let line_start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..m.start]
        .trim_end()
        .trim_end_matches(',')
        .trim_end();
    let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    words.len() == 2 && words.iter().all(|w| person_word(w))
}

/// A word of a person's name: capitalised, letters and hyphens, no head of a unit's name
/// ("Bydel", "Helse", "NAV") and no word that is never a name.
fn person_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-')
        && !rules::NOT_NAMES.contains(&word)
        && !rules::HEAD_BEFORE_NAME
            .iter()
            .any(|(h, _)| h.split(' ').next() == Some(word))
        && !rules::UNIT_ENDINGS
            .iter()
            .any(|(e, _)| word.to_lowercase().ends_with(e))
}

/// Rule `service.listing`: whether `s` stands in a section (or under a chapter) whose heading
/// has a word of [`rules::LISTING_SECTIONS`].
fn listing(ctx: &Ctx<'_, '_>, s: &Sentence) -> bool {
    let headings = &ctx.doc.outline.headings;
    let Some(mut h) = s.section else {
        return false;
    };
    let mut level = usize::MAX;
    loop {
        let heading = &headings[h];
        if heading.level < level {
            level = heading.level;
            let words = heading.text.to_lowercase();
            if words
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| rules::LISTING_SECTIONS.contains(&w))
            {
                return true;
            }
            if level <= 1 {
                return false;
            }
        }
        if h == 0 {
            return false;
        }
        h -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::name_key as key;
    use super::*;

    #[test]
    fn an_issuer_is_named_by_its_name_or_a_shorter_form() {
        let auditor = key("Fylkesmannen i Oslo og Viken");
        assert!(issuer(&key("Fylkesmannen"), &auditor));
        assert!(issuer(&key("Fylkesmannen i Oslo"), &auditor));
        assert!(!issuer(&key("Fylkes"), &auditor));
        assert!(!issuer(&key("Oslo"), &auditor));
    }

    #[test]
    fn a_title_runs_to_its_short_name_or_its_end() {
        let flat = "forskrift om leiing og kvalitetsforbetring § 6 og sjukeheimen";
        let from = flat.find("leiing").unwrap();
        assert_eq!(
            &flat[from..title_end(flat, from)],
            "leiing og kvalitetsforbetring"
        );
        let flat = "etter forskrift om ledelse og kvalitetsforbedring skal kommunen ha rutiner";
        let from = flat.find("ledelse").unwrap();
        assert_eq!(
            &flat[from..title_end(flat, from)],
            "ledelse og kvalitetsforbedring"
        );
        let flat = "forskrift om habilitering og rehabilitering, individuell plan og koordinator.";
        let from = flat.find("habilitering").unwrap();
        assert!(flat[from..title_end(flat, from)].ends_with("koordinator"));
        let t =
            "lov om sosiale tjenester i arbeidsog velferdsforvaltningen (sosialtjenesteloven) x";
        let m = TITLE.find(t).unwrap();
        let short = SHORT_NAME.find(&t[m.end()..]).unwrap();
        assert!(t[m.end()..m.end() + short.end()].ends_with("(sosialtjenesteloven)"));
    }
}
