//! Rules that take a unit's name from running text by the words around it: a unit word with
//! "for" and a field (`service.unit-for`), an organisational word with the unit's name
//! (`service.unit-named`), a leader's title with the unit's name (`service.leader`), a standing
//! meeting (`service.meeting`), and a short form defined by its expansion
//! (`service.acronym-first`).
//!
//! A name taken from running text ends at the first of [`rules::NAME_STOPS`] (a function word or
//! a common verb), at punctuation, or before "og" and a capitalised word (a list of units).

use std::sync::LazyLock;

use regex::Regex;

use super::super::rules;
use super::super::sentences::Sentence;
use super::super::{Ctx, display, name_key};
use super::{Gated, Mention};
use crate::taxonomy::ServiceKind;

/// The most words a name taken from running text has after its head.
const MAX_WORDS: usize = 6;

/// A word and the word "for" after it.
static WORD_FOR: LazyLock<Gated> =
    LazyLock::new(|| Gated::new([" for "], r"\b(\p{L}[\p{L}-]*)\s+for\s"));
static UNIT_NAMED: LazyLock<Gated> = LazyLock::new(|| {
    let heads: Vec<String> = rules::UNIT_NAMED
        .iter()
        .map(|(h, _)| regex::escape(h))
        .collect();
    Gated::new(
        rules::UNIT_NAMED.iter().map(|(h, _)| *h),
        &format!(r"(?i)\b({})\s", heads.join("|")),
    )
});
static LEADER: LazyLock<Gated> = LazyLock::new(|| {
    let titles: Vec<String> = rules::LEADER_TITLES
        .iter()
        .map(|t| regex::escape(t).replace(' ', r"\s+"))
        .collect();
    // Every title's last word is in `flat` where the title is in the text.
    Gated::new(
        rules::LEADER_TITLES
            .iter()
            .map(|t| t.rsplit(' ').next().unwrap_or(t)),
        &format!(
            r"(?i)\b(?:{})(?:en)?,?\s+(?:(?:for|i|ved|på)\s+)?",
            titles.join("|")
        ),
    )
});
static MEETING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\p{L}[\p{L}-]{2,}møte(?:r|t|ne|ar|a)?)\b").expect("valid"));
static ACRONYM_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\p{Lu}\p{L}*\p{Lu}\p{L}*(?:-\p{Lu}\p{L}*)?)\s+\(([^()]{4,80})\)")
        .expect("valid pattern")
});

/// The words of `raw` from byte `from`: (start, end, word, what followed it in the token). A
/// word is a run of letters, digits, `-` and `/`; anything after it in the token (a comma, a
/// full stop, a footnote mark) ends the name after that word, and so does a table's cell
/// boundary after it (given as a tab).
fn words(raw: &str, from: usize) -> Vec<(usize, usize, &str, &str)> {
    let mut out = Vec::new();
    let mut i = from;
    for token in raw[from..].split_whitespace().take(MAX_WORDS * 2 + 2) {
        let start = i + raw[i..].find(token).unwrap_or(0);
        i = start + token.len();
        let len = token
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '/')))
            .map_or(token.len(), |(j, _)| j);
        let word = &token[..len];
        // A table's cells stand apart by a tab or a wide gap on one line: a name ends at its
        // cell ("leder, Enhet for psykisk helse og rus     X    X").
        let gap = &raw[i..raw[i..]
            .find(|c: char| !c.is_whitespace())
            .map_or(raw.len(), |j| i + j)];
        let cell_end = !gap.contains('\n') && (gap.contains('\t') || gap.len() >= 3);
        let after = if cell_end && token.len() == len {
            "\t"
        } else {
            &token[len..]
        };
        out.push((start, start + len, word, after));
    }
    out
}

/// A lowercase word that reads as a verb after a name ("Nav peker", "virksomheten X benytter",
/// "tas", "opprettet"): a present tense in "-r", a passive in "-es"/"-as"/"-is", a participle in
/// "-et"/"-ert". After "og" or an adjective ("Hjemmebaserte tjenester") it is a noun.
fn verb_like(word: &str, previous: Option<&str>) -> bool {
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    // A name's first word: only a passive reads as a verb ("kommunalområdet oppleves").
    if previous.is_none() {
        return word.len() > 3 && ["es", "as", "is"].iter().any(|e| word.ends_with(e));
    }
    if previous.is_some_and(|p| {
        matches!(p, "og" | "eller") || p.ends_with('-') || (p.ends_with('e') && p.len() > 3)
    }) {
        return false;
    }
    word.ends_with('r')
        || (word.len() > 2 && ["es", "as", "is"].iter().any(|e| word.ends_with(e)))
        || (word.len() > 5 && (word.ends_with("et") || word.ends_with("ert")))
}

/// A law's or regulation's name ("Helse- og omsorgstjenesteloven"): never part of a unit's.
fn law_like(word: &str) -> bool {
    let w = word.to_lowercase();
    [
        "loven",
        "lova",
        "lov",
        "lovens",
        "forskrift",
        "forskrifta",
        "forskriften",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

fn is_stop(word: &str) -> bool {
    let w = word.to_lowercase();
    rules::NAME_STOPS.contains(&w.as_str()) || rules::FINITE_VERBS.contains(&w.as_str())
}

/// The end (a byte of `raw`) of a name's words starting at byte `from`, at most `max` words;
/// `None` when no word qualifies. `capital`: the first word must be capitalised.
fn name_end(raw: &str, from: usize, max: usize, capital: bool) -> Option<usize> {
    let ws = words(raw, from);
    let first = ws.first()?;
    if capital && !first.2.starts_with(char::is_uppercase) {
        return None;
    }
    let mut end = None;
    let mut n = 0;
    let mut k = 0;
    while k < ws.len() && n < max {
        let (_, b, word, punct) = ws[k];
        let previous = k.checked_sub(1).map(|p| ws[p].2);
        if law_like(word) {
            return None;
        }
        if word.is_empty()
            || word.chars().any(char::is_numeric)
            || is_stop(word)
            || verb_like(word, previous)
            || rules::LEADER_TITLES.contains(&word.to_lowercase().as_str())
        {
            break;
        }
        if matches!(word, "og" | "eller" | "og/eller") {
            // "helse og velferd" goes on; "NAV og Bydel" is a list of units.
            match ws.get(k + 1) {
                Some(next)
                    if !next.2.starts_with(char::is_uppercase)
                        && !is_stop(next.2)
                        && !next.2.is_empty() => {}
                _ => break,
            }
            k += 1;
            continue;
        }
        end = Some(b);
        n += 1;
        if !punct.is_empty() {
            // A comma goes on only in an enumeration of a field ("helse, pleie og omsorg").
            let enumeration = punct == ","
                && word.starts_with(char::is_lowercase)
                && ws
                    .get(k + 1)
                    .is_some_and(|x| x.2.starts_with(char::is_lowercase) && !is_stop(x.2))
                && ws[k + 1..ws.len().min(k + 4)].iter().any(|x| x.2 == "og");
            if !enumeration {
                break;
            }
        }
        k += 1;
    }
    end
}

fn kind_of(lower: &str) -> ServiceKind {
    ServiceKind::from_local_name(lower)
        .or_else(|| {
            rules::KIND_WORDS
                .iter()
                .find(|(w, _)| lower.contains(w))
                .map(|(_, k)| *k)
        })
        .unwrap_or(ServiceKind::Other)
}

/// The kind of a unit's name: by the lexicon, a word of it, or its last word's ending.
fn unit_kind(lower: &str) -> ServiceKind {
    match kind_of(lower) {
        ServiceKind::Other => {
            let last = lower.split_whitespace().last().unwrap_or("");
            rules::UNIT_ENDINGS
                .iter()
                .filter(|(e, _)| last.ends_with(e))
                .max_by_key(|(e, _)| e.len())
                .map_or(ServiceKind::Other, |(_, k)| *k)
        }
        k => k,
    }
}

fn mention(
    ctx: &Ctx<'_, '_>,
    s: &Sentence,
    a: usize,
    b: usize,
    kind: ServiceKind,
    rule: String,
) -> Mention {
    let name = display(ctx.doc, s.start + a, s.start + b, 120);
    Mention {
        key: name_key(&name),
        name,
        kind,
        rule,
        start: s.start + a,
        end: s.start + b,
    }
}

/// Rule `service.unit-for`: "enhet for psykisk helse og rus", "Utvalg for helse, pleie og omsorg".
pub(super) fn unit_for(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    if !WORD_FOR.open(&s.flat) {
        return;
    }
    for c in WORD_FOR.regex.captures_iter(raw) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let w = word.as_str();
        let lower = w.to_lowercase();
        let Some((head, strict)) = rules::UNIT_FOR_HEADS
            .iter()
            .filter(|(h, _)| lower.ends_with(h))
            .max_by_key(|(h, _)| h.len())
        else {
            continue;
        };
        let prefix = &lower[..lower.len() - head.len()];
        // "åpenhet", "egenhet": a word that merely ends like a unit word.
        if !prefix.is_empty()
            && (prefix.chars().count() < 3
                || prefix.ends_with(['p', 'g']) && head.starts_with("enhet"))
        {
            continue;
        }
        if *strict && prefix.is_empty() && !w.starts_with(char::is_uppercase) {
            continue;
        }
        // "tjenesteområdet": "-området" merely ends like "rådet".
        if prefix.ends_with("om") || rules::SECTOR_WORDS.contains(&lower.as_str()) {
            continue;
        }
        // "dagsenter for personer med ...": a purpose or a target group, not a field (a
        // capitalised council's name may name its group: "Råd for mennesker med ...").
        let next = raw[all.end()..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !w.starts_with(char::is_uppercase)
            && rules::FOR_GROUP_WORDS
                .iter()
                .any(|g| next == *g || (g.chars().count() > 3 && next.starts_with(g)))
        {
            continue;
        }
        let Some(end) = name_end(raw, all.end(), MAX_WORDS, false) else {
            continue;
        };
        let (a, b) = (word.start(), end);
        let lower_name = raw[a..b].to_lowercase();
        out.push(mention(
            ctx,
            s,
            a,
            b,
            kind_of(&lower_name),
            format!("rule service.unit-for: '{head} for <field>'"),
        ));
    }
}

/// Rule `service.unit-named`: "kommunalområdet helse og velferd", "tjenesteområdet Velferd",
/// "virksomhet Helsefremmende og forebyggende tjeneste".
pub(super) fn unit_named(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    if !UNIT_NAMED.open(&s.flat) {
        return;
    }
    for c in UNIT_NAMED.regex.captures_iter(raw) {
        let (Some(all), Some(head)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let head_lower = head.as_str().to_lowercase();
        let Some((h, lower_ok)) = rules::UNIT_NAMED.iter().find(|(h, _)| *h == head_lower) else {
            continue;
        };
        let Some(end) = name_end(raw, all.end(), 4, !lower_ok) else {
            continue;
        };
        let (a, b) = (head.start(), end);
        let lower_name = raw[all.end()..b].to_lowercase();
        out.push(mention(
            ctx,
            s,
            a,
            b,
            kind_of(&lower_name),
            format!("rule service.unit-named: '{h} <Name>'"),
        ));
    }
}

/// Rule `service.leader`: "enhetsleder Psykisk helse og rus", "leiar for Heimetenesta".
pub(super) fn leader(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    if !LEADER.open(&s.flat) {
        return;
    }
    for m in LEADER.regex.find_iter(raw) {
        let Some(end) = name_end(raw, m.end(), 4, true) else {
            continue;
        };
        let name = &raw[m.end()..end];
        let ws: Vec<&str> = name.split_whitespace().collect();
        // "Kari Olsen": a person's name (two capitalised words), not a unit.
        if ws.len() >= 2 && ws[..2].iter().all(|w| w.starts_with(char::is_uppercase)) {
            let last = ws[1].to_lowercase();
            let unit = rules::UNIT_ENDINGS.iter().any(|(e, _)| last.ends_with(e))
                || rules::KIND_WORDS.iter().any(|(w, _)| last.contains(w));
            if !unit {
                continue;
            }
        }
        if ws.len() == 1 && rules::NOT_NAMES.contains(&ws[0]) {
            continue;
        }
        out.push(mention(
            ctx,
            s,
            m.end(),
            end,
            kind_of(&name.to_lowercase()),
            "rule service.leader: a unit named after its leader's title".into(),
        ));
    }
}

/// Rule `service.meeting`: a meeting word in a sentence that states its cadence ("ukentlige
/// ledermøter", "et månedlig tildelingsmøte").
pub(super) fn meeting(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    let flat = s.flat.as_str();
    let cadence = flat
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| rules::CADENCE_WORDS.contains(&w))
        || rules::CADENCE_PHRASES.iter().any(|p| flat.contains(p));
    if !cadence {
        return;
    }
    for c in MEETING.captures_iter(raw) {
        let Some(word) = c.get(1) else { continue };
        let lower = word.as_str().to_lowercase();
        let prefix = &lower[..lower.find("møte").unwrap_or(0)];
        let prefix = prefix.trim_end_matches('-');
        if prefix.chars().count() < 3 || rules::NOT_MEETINGS.contains(&prefix) {
            continue;
        }
        // Up to two adjectives before it ("ukentlige", "faste", "interkommunale").
        let mut a = word.start();
        for _ in 0..2 {
            let before = raw[..a].trim_end();
            let Some(i) = before.rfind(char::is_whitespace).map(|i| i + 1).or(Some(0)) else {
                break;
            };
            let prev = &before[i..];
            let p = prev.to_lowercase();
            let adjective = rules::CADENCE_WORDS.contains(&p.as_str())
                || rules::ADJECTIVE_ENDINGS.iter().any(|e| p.ends_with(e))
                || p.ends_with("lig")
                || p.ends_with("lige")
                || p.ends_with("leg")
                || p.ends_with("lege");
            if prev.is_empty()
                || !adjective
                || !prev.chars().all(char::is_alphabetic)
                || !prev.starts_with(char::is_lowercase)
            {
                break;
            }
            a = i;
        }
        out.push(mention(
            ctx,
            s,
            a,
            word.end(),
            ServiceKind::Team,
            "rule service.meeting: a meeting with a stated cadence, a standing forum; kind team"
                .into(),
        ));
    }
}

/// Rule `service.acronym-first`: a short form followed by its expansion in brackets, the
/// expansion a unit ("ROP (Rus- og avhengighetspoliklinikk)", "FFT (forebyggende familieteam)").
pub(super) fn acronym_first(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    for c in ACRONYM_FIRST.captures_iter(raw) {
        let (Some(all), Some(short), Some(long)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let lower = long.as_str().to_lowercase();
        let letters: Vec<char> = short
            .as_str()
            .chars()
            .filter(|c| c.is_uppercase())
            .flat_map(char::to_lowercase)
            .collect();
        let mut rest = lower.chars();
        if !lower.starts_with(letters[0]) || !letters.iter().all(|l| rest.any(|c| c == *l)) {
            continue;
        }
        let unit = rules::ACRONYM_HEADS.iter().any(|h| lower.contains(h));
        let last = lower.split_whitespace().last().unwrap_or("");
        if !unit || rules::NOT_UNIT_HEADS.contains(&last) {
            continue;
        }
        out.push(mention(
            ctx,
            s,
            all.start(),
            all.end(),
            unit_kind(&lower),
            format!(
                "rule service.acronym-first: the short form {} with its expansion in brackets",
                short.as_str()
            ),
        ));
    }
}

/// An enumeration's separator after an item: a comma, "og" or "eller".
static SEPARATOR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,\s*|\s+(?:og|eller)\s+)").expect("valid pattern"));
/// An enumeration's separator before an item.
static SEPARATOR_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:,\s*|\s+(?:og|eller)\s+)$").expect("valid pattern"));

/// Rule `service.list`: a capitalised name coordinated with a service already found ("Ung
/// Arena, Ungdomslos og Kommunepsykologen", "Asker kommune og Asker fotball"): the items of
/// an enumeration are of one sort. To the right an item is a capitalised name of up to three
/// words; to the left, up to three capitalised words. Kind unknown (the reviewer sets it).
pub(super) fn listed(ctx: &Ctx<'_, '_>, s: &Sentence, raw: &str, out: &mut Vec<Mention>) {
    let base = s.start;
    let mut found: Vec<Mention> = Vec::new();
    let taken = |a: usize, b: usize, out: &[Mention], found: &[Mention]| {
        out.iter().chain(found).any(|m| a < m.end && m.start < b)
    };
    for m in out.iter() {
        // To the right; not after "Statsforvalteren i Østfold": a list of places follows.
        let mut at = m.end - base;
        while !m.name.contains(" i ") {
            let Some(sep) = SEPARATOR_AFTER.find(&raw[at..]) else {
                break;
            };
            let from = at + sep.end();
            let Some(end) = name_end(raw, from, 3, true) else {
                break;
            };
            let end = item_end(raw, from, end);
            if !list_name(&raw[from..end]) || taken(base + from, base + end, out, &found) {
                break;
            }
            found.push(list_item(ctx, s, from, end, &m.name));
            at = end;
        }
        // To the left.
        let mut at = m.start - base;
        loop {
            // The separator is in the few bytes before the item (not the whole sentence).
            let mut from = at.saturating_sub(12);
            while !raw.is_char_boundary(from) {
                from -= 1;
            }
            let Some(sep) = SEPARATOR_BEFORE.find(&raw[from..at]) else {
                break;
            };
            let end = from + sep.start();
            let mut start = end;
            for _ in 0..3 {
                let head = raw[..start].trim_end();
                let i = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                let word = &head[i..];
                if word.is_empty()
                    || !word.starts_with(char::is_uppercase)
                    || !word.chars().all(|c| c.is_alphanumeric() || c == '-')
                {
                    break;
                }
                start = i;
                if i == 0 {
                    break;
                }
            }
            if start == end {
                break;
            }
            if !list_name(&raw[start..end]) || taken(base + start, base + end, out, &found) {
                break;
            }
            found.push(list_item(ctx, s, start, end, &m.name));
            at = start;
        }
    }
    out.extend(found);
}

/// The end of a list item's name: before its own "og" (not "helse- og"), before a tab (a table
/// cell ends there).
fn item_end(raw: &str, a: usize, b: usize) -> usize {
    let item = &raw[a..b];
    let mut end = item.find('\t').unwrap_or(item.len());
    let mut from = 0;
    while let Some(i) = item[from..end].find(" og ") {
        let i = from + i;
        if !item[..i].ends_with('-') {
            end = i;
            break;
        }
        from = i + 4;
    }
    a + item[..end].trim_end().len()
}

/// Whether a list item can be a unit's name: not a word of [`rules::NOT_NAMES`], not half a
/// compound ("Helse-"), not a two-letter short form ("IP"), not a document
/// ([`rules::NOT_UNIT_HEADS`]), a single word of at least four letters.
fn list_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let last = last.to_lowercase();
    let short = words.len() == 1 && name.chars().count() < 4;
    let document = rules::NOT_UNIT_HEADS
        .iter()
        .any(|h| last == *h || (h.len() > 5 && last.ends_with(h)));
    !(rules::NOT_NAMES.contains(first) || name.ends_with('-') || short || document)
}

fn list_item(ctx: &Ctx<'_, '_>, s: &Sentence, a: usize, b: usize, with: &str) -> Mention {
    mention(
        ctx,
        s,
        a,
        b,
        ServiceKind::Other,
        format!("rule service.list: named in an enumeration with '{with}'; kind unknown (check)"),
    )
}
