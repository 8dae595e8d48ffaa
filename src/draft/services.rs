//! Rule groups `service` and `relation`: services, units and actors named in the text (by the
//! alias lexicon, the draft-side names of [`rules::EXTRA_SERVICES`], "DPS X"-style patterns and
//! unit endings), and relations between two services named in one sentence with a
//! collaboration cue.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

mod exclude;
mod fold;
mod head_noun;
mod phrases;
mod relations;

use super::rules::{self, Role};
use super::sentences::Sentence;
use super::{Ctx, display, name_key, slug, stem};
use crate::model::{Report, Service, ServiceId};
use crate::taxonomy::ServiceKind;

/// A name the drafter looks for, with its kind and the rule that knows it.
struct Known {
    name: String,
    kind: ServiceKind,
    rule: &'static str,
}

static KNOWN: LazyLock<(AhoCorasick, Vec<Known>)> = LazyLock::new(|| {
    let mut known: Vec<Known> = ServiceKind::aliases()
        .iter()
        .map(|(n, k)| Known {
            name: n.to_lowercase(),
            kind: *k,
            rule: "service.lexicon",
        })
        .collect();
    for (n, k) in rules::EXTRA_SERVICES {
        if !known.iter().any(|x| x.name == *n) {
            known.push(Known {
                name: n.to_string(),
                kind: *k,
                rule: "service.draft-lexicon",
            });
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // Names normalised as the sentences are ("søknads- og" → "søknadsog").
        .build(
            known
                .iter()
                .map(|k| super::sentences::flatten(&k.name, 0, k.name.len()).0),
        )
        .expect("the service names build an automaton");
    (ac, known)
});

/// A pattern and words one of which every sentence it matches contains (lowercase, as in the
/// sentence's `flat`): one aho-corasick pass over the words decides whether the slower regex,
/// with its Unicode word boundaries, runs at all. The words are a necessary condition, so the
/// gate changes no result, only the time.
pub(super) struct Gated {
    words: AhoCorasick,
    /// The pattern.
    pub regex: Regex,
}

impl Gated {
    /// `pattern` behind a gate of `words` (lowercased here).
    pub(super) fn new<'w>(words: impl IntoIterator<Item = &'w str>, pattern: &str) -> Gated {
        Gated {
            words: AhoCorasick::new(words.into_iter().map(str::to_lowercase))
                .expect("valid gate words"),
            regex: Regex::new(pattern).expect("valid pattern"),
        }
    }

    /// Whether the sentence (its lowercased `flat`) may hold a match.
    pub(super) fn open(&self, flat: &str) -> bool {
        self.words.is_match(flat)
    }
}

static HEAD_BEFORE: LazyLock<Gated> = LazyLock::new(|| {
    let heads: Vec<String> = rules::HEAD_BEFORE_NAME
        .iter()
        .map(|(h, _)| regex::escape(h).replace(' ', r"\s+"))
        .collect();
    Gated::new(
        rules::HEAD_BEFORE_NAME.iter().map(|(h, _)| *h),
        &format!(
            r"\b({})\s+(\p{{Lu}}[\p{{L}}-]+(?:[ \t]+\p{{Lu}}[\p{{L}}-]+)?)",
            heads.join("|")
        ),
    )
});
static HEAD_AFTER: LazyLock<Gated> = LazyLock::new(|| {
    let heads: Vec<String> = rules::HEAD_AFTER_NAME
        .iter()
        .map(|(h, _)| regex::escape(h))
        .collect();
    Gated::new(
        rules::HEAD_AFTER_NAME.iter().map(|(h, _)| *h),
        &format!(r"\b(\p{{Lu}}[\p{{L}}-]+)\s+({})\b", heads.join("|")),
    )
});
static TYPE_BEFORE: LazyLock<Gated> = LazyLock::new(|| {
    let types: Vec<String> = rules::TYPE_BEFORE_NAME
        .iter()
        .map(|(t, _)| regex::escape(t))
        .collect();
    Gated::new(
        rules::TYPE_BEFORE_NAME.iter().map(|(t, _)| *t),
        &format!(
            r"\b({})\s+(«[^»]{{2,60}}»|\p{{Lu}}[\p{{L}}-]+(?:[ \t]+\p{{Lu}}[\p{{L}}-]+)?)",
            types.join("|")
        ),
    )
});
/// Rule `service.quoted`: a capitalised name of up to five words in guillemets ("«Huset»",
/// "«Livet skjer!»"): programmes and places the reports name so.
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"«(\p{Lu}[^»\n]{1,38}?)»").expect("valid pattern"));
/// Rule `service.acronym`: a short form in brackets, two to seven letters, capitals first
/// ("(UROP)", "(KoRus)").
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((\p{Lu}{2}[\p{L}-]{0,5})\)").expect("valid pattern"));
/// Rule `service.municipalities`: "kommunene Moss, Råde, Våler og Skiptvet" (nynorsk
/// "kommunane"): each name a municipality.
static MUNICIPALITY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bkommun(?:ene|ane)\s+((?:\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?,?\s+)+og\s+\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)")
        .expect("valid pattern")
});
static UNIT: LazyLock<Gated> = LazyLock::new(|| {
    Gated::new(
        rules::UNIT_ENDINGS.iter().map(|(e, _)| *e),
        &format!(
            r"\b(?:\p{{L}}{{2,}}- (?:og|eller) )?[\p{{L}}-]{{3,}}(?:{})\b",
            rules::UNIT_ENDINGS
                .iter()
                .map(|(e, _)| *e)
                .collect::<Vec<_>>()
                .join("|")
        ),
    )
});

/// One naming of a service in a sentence.
struct Mention {
    key: String,
    name: String,
    kind: ServiceKind,
    rule: String,
    /// Bytes of the text.
    start: usize,
    end: usize,
}

/// Drafts the services and the relations between them.
pub(super) fn services_and_relations(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    // key → (service index, mentions)
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut counts: Vec<usize> = Vec::new();
    let auditor = report.auditor.as_deref().map(name_key);
    let national = report.scope == crate::taxonomy::Scope::National;
    let places: Vec<String> = report
        .municipalities
        .iter()
        .chain(&report.districts)
        .map(|p| name_key(p))
        .collect();
    // For each sentence, the services it names with their bytes, in order.
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); doc.sentences.len()];
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.role == Role::Contents {
            continue;
        }
        let mut mentions = mentions(ctx, s, auditor.as_deref());
        if !national {
            mentions.retain(|m| {
                let last = m.key.rsplit(' ').next().unwrap_or("");
                !rules::STATE_BODY_ENDINGS
                    .iter()
                    .any(|e| last.ends_with(&super::stem(e)))
            });
        }
        // A place is no unit: a list item that is the name of a municipality of the report or
        // of a "<Name> kommune" drafted so far ("Asker" beside "Asker- og Bærum DPS").
        mentions.retain(|m| {
            !m.rule.starts_with("rule service.list")
                || !(places.contains(&m.key) || by_key.contains_key(&format!("{} kommun", m.key)))
        });
        for m in mentions {
            let index = match by_key.get(&m.key) {
                Some(&i) => i,
                None => {
                    let Some(ev) = ctx.sentence_evidence(s, m.start) else {
                        continue;
                    };
                    let id = ctx.id(slug(&m.name));
                    report.services.push(Service {
                        id: ServiceId(id),
                        name: m.name.clone(),
                        kind: Some(m.kind),
                        owner: None,
                        parent: None,
                        status: Default::default(),
                        aliases: Vec::new(),
                        evidence: vec![ev],
                        note: Some(m.rule.clone()),
                    });
                    counts.push(0);
                    by_key.insert(m.key.clone(), report.services.len() - 1);
                    report.services.len() - 1
                }
            };
            counts[index] += 1;
            // Prefer a name that is not a genitive ("kontrollutvalget" over "kontrollutvalgets").
            let current = &report.services[index].name;
            if current.ends_with('s') && !m.name.ends_with('s') && name_key(current) == m.key {
                report.services[index].name = m.name.clone();
            }
            let id = report.services[index].id.0.clone();
            spans[si].push(Span {
                id: id.clone(),
                start: m.start,
                end: m.end,
            });
            if !ctx.named[si].contains(&id) {
                ctx.named[si].push(id);
            }
        }
    }
    fold::fold(ctx, report, &mut counts, &mut spans);
    fold::drop_anaphors(ctx, report, &mut counts, &mut spans);
    for (service, n) in report.services.iter_mut().zip(&counts) {
        if let Some(note) = &mut service.note {
            note.push_str(&format!("; named in {n} sentence(s)"));
        }
    }
    relations::relations(ctx, report, &spans);
}

/// A service named in a sentence: its id and the bytes of the naming.
#[derive(Debug, Clone)]
struct Span {
    id: String,
    start: usize,
    end: usize,
}

/// Every naming of a service in sentence `s`; `auditor`: the key of the report's issuer, never
/// a service of the report.
fn mentions(ctx: &Ctx<'_, '_>, s: &Sentence, auditor: Option<&str>) -> Vec<Mention> {
    let text = ctx.doc.text;
    let mut out: Vec<Mention> = Vec::new();
    let (ac, known) = &*KNOWN;
    let flat = s.flat.as_str();
    for m in ac.find_iter(flat) {
        let k = &known[m.pattern().as_usize()];
        if flat[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        // Extend to the end of the word: an inflected form counts when its stem is the name's.
        let word_end = flat[m.end()..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(flat.len(), |(i, _)| m.end() + i);
        if word_end > m.end() {
            let last_start = flat[..m.end()]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(m.start(), |i| i + 1)
                .max(m.start());
            let whole = &flat[last_start..word_end];
            let name_last = &flat[last_start..m.end()];
            if stem(whole) != stem(name_last) || word_end - m.end() > 4 {
                continue;
            }
        }
        let a = s.raw(m.start());
        let b = s.raw(word_end);
        let surface = &text[a..b];
        let capital = surface.chars().next().is_some_and(char::is_uppercase);
        if (k.name.chars().count() <= 4 || rules::CAPITALISED_ONLY.contains(&k.name.as_str()))
            && !capital
        {
            continue;
        }
        if k.name.chars().count() <= 4
            && !surface.chars().skip(1).any(char::is_uppercase)
            && k.name != "nav"
            && k.name != "ppt"
        {
            // "Act", "Ara", "Ke" as ordinary capitalised words: names of four letters or fewer
            // must be written in capitals (NAV and Nav both are).
            if !surface
                .chars()
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
            {
                continue;
            }
        }
        let name = display(ctx.doc, a, b, 120);
        out.push(Mention {
            key: name_key(&name),
            name,
            kind: k.kind,
            rule: format!("rule {}: '{}' is a known name", k.rule, k.name),
            start: a,
            end: b,
        });
    }
    let raw = &text[s.start..s.end];
    let overlaps =
        |out: &[Mention], a: usize, b: usize| out.iter().any(|m| a < m.end && m.start < b);
    let mut extra = Vec::new();
    let gated = |g: &'static Gated| g.open(flat).then_some(&g.regex).into_iter();
    for c in gated(&HEAD_BEFORE).flat_map(|r| r.captures_iter(raw)) {
        let (Some(all), Some(head)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let head_word = head
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let Some((_, kind)) = rules::HEAD_BEFORE_NAME
            .iter()
            .find(|(h, _)| *h == head_word)
        else {
            continue;
        };
        let name_part = c.get(2).map_or("", |m| m.as_str());
        let first = name_part.split_whitespace().next().unwrap_or("");
        if rules::NOT_NAMES.contains(&first) {
            continue;
        }
        let (a, b) = (s.start + all.start(), s.start + all.end());
        let name = display(ctx.doc, a, b, 120);
        extra.push(Mention {
            key: name_key(&name),
            name,
            kind: *kind,
            rule: format!("rule service.pattern: '{head_word} <Name>'"),
            start: a,
            end: b,
        });
    }
    for c in gated(&HEAD_AFTER).flat_map(|r| r.captures_iter(raw)) {
        let (Some(all), Some(first), Some(head)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let lower_first = first.as_str().to_lowercase();
        if rules::NOT_NAMES.contains(&first.as_str())
            || rules::ADJECTIVE_ENDINGS
                .iter()
                .any(|e| lower_first.ends_with(e))
        {
            continue;
        }
        let Some((_, kind)) = rules::HEAD_AFTER_NAME
            .iter()
            .find(|(h, _)| *h == head.as_str())
        else {
            continue;
        };
        let (a, b) = (s.start + all.start(), s.start + all.end());
        let name = display(ctx.doc, a, b, 120);
        extra.push(Mention {
            key: name_key(&name),
            name,
            kind: *kind,
            rule: format!("rule service.pattern: '<Name> {}'", head.as_str()),
            start: a,
            end: b,
        });
    }
    for c in gated(&TYPE_BEFORE).flat_map(|r| r.captures_iter(raw)) {
        let (Some(ty), Some(name)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if rules::NOT_NAMES.contains(&name.as_str()) {
            continue;
        }
        let Some((_, kind)) = rules::TYPE_BEFORE_NAME
            .iter()
            .find(|(t, _)| *t == ty.as_str())
        else {
            continue;
        };
        // The name alone is the service ("Oasen"); the type word stays in the quote.
        let (a, b) = (s.start + name.start(), s.start + name.end());
        let shown = display(ctx.doc, a, b, 120);
        let shown = shown.trim_matches(['«', '»']).to_string();
        extra.push(Mention {
            key: name_key(&shown),
            name: shown,
            kind: *kind,
            rule: format!("rule service.pattern: '{} <Name>'", ty.as_str()),
            start: a,
            end: b,
        });
    }
    for m in QUOTED.captures_iter(raw) {
        let (Some(all), Some(name)) = (m.get(0), m.get(1)) else {
            continue;
        };
        let (a, b) = (s.start + all.start(), s.start + all.end());
        let shown = display(ctx.doc, s.start + name.start(), s.start + name.end(), 120);
        extra.push(Mention {
            key: name_key(&shown),
            kind: rules::KIND_WORDS
                .iter()
                .find(|(w, _)| shown.to_lowercase().contains(w))
                .map_or(ServiceKind::Other, |(_, k)| *k),
            name: shown,
            rule: "rule service.quoted: a capitalised name in «»; kind unknown unless a word of it says (check)".into(),
            start: a,
            end: b,
        });
    }
    for c in ACRONYM.captures_iter(raw) {
        let (Some(all), Some(short)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(start) = acronym_phrase(&raw[..all.start()], short.as_str()) else {
            continue;
        };
        let phrase = raw[start..all.start()].trim();
        let lower = phrase.to_lowercase();
        let unit = rules::ACRONYM_HEADS.iter().any(|h| lower.contains(h));
        let last = lower.split_whitespace().last().unwrap_or("");
        if rules::NOT_UNIT_HEADS.contains(&last) {
            continue;
        }
        if !unit && !phrase.starts_with(char::is_uppercase) {
            continue;
        }
        let (a, b) = (s.start + start, s.start + all.end());
        let shown = display(ctx.doc, a, b, 120);
        let kind = ServiceKind::from_local_name(&lower)
            .or_else(|| {
                rules::UNIT_ENDINGS
                    .iter()
                    .find(|(e, k)| {
                        *k != ServiceKind::Other && lower.split_whitespace().any(|w| w.ends_with(e))
                    })
                    .map(|(_, k)| *k)
            })
            .or_else(|| {
                rules::KIND_WORDS
                    .iter()
                    .find(|(w, _)| lower.contains(w))
                    .map(|(_, k)| *k)
            })
            .unwrap_or(ServiceKind::Other);
        extra.push(Mention {
            key: name_key(&shown),
            name: shown,
            kind,
            rule: format!(
                "rule service.acronym: a name defined with its short form ({}); kind {kind}{}",
                short.as_str(),
                if kind == ServiceKind::Other {
                    " (unknown: check)"
                } else {
                    ""
                }
            ),
            start: a,
            end: b,
        });
    }
    for c in MUNICIPALITY_LIST.captures_iter(raw) {
        let Some(list) = c.get(1) else { continue };
        let mut at = list.start();
        for part in list.as_str().split([',']).flat_map(|p| p.split(" og ")) {
            let name = part.trim().trim_end_matches('.');
            let Some(offset) = raw[at..].find(name) else {
                continue;
            };
            let (a, b) = (s.start + at + offset, s.start + at + offset + name.len());
            at += offset + name.len();
            if name.is_empty()
                || rules::NOT_NAMES.contains(&name)
                || !name.starts_with(char::is_uppercase)
            {
                continue;
            }
            let shown = format!("{} kommune", display(ctx.doc, a, b, 60));
            extra.push(Mention {
                key: name_key(&shown),
                name: shown,
                kind: ServiceKind::Kommune,
                rule: "rule service.municipalities: a name in a list after 'kommunene'".into(),
                start: a,
                end: b,
            });
        }
    }
    phrases::acronym_first(ctx, s, raw, &mut extra);
    phrases::unit_for(ctx, s, raw, &mut extra);
    phrases::unit_named(ctx, s, raw, &mut extra);
    phrases::leader(ctx, s, raw, &mut extra);
    phrases::meeting(ctx, s, raw, &mut extra);
    // The issuer is not a service of the report ("Deloitte AS").
    if let Some(auditor) = auditor {
        extra.retain(|m| m.key != auditor);
    }
    // A pattern wins over a lexicon name inside it ("DPS Kongsvinger" over "DPS").
    for m in extra {
        out.retain(|o| !(o.start >= m.start && o.end <= m.end));
        if !overlaps(&out, m.start, m.end) {
            out.push(m);
        }
    }
    for m in gated(&UNIT).flat_map(|r| r.find_iter(flat)) {
        let (a, b) = (
            s.raw(head_noun::adjectives_before(flat, m.start())),
            s.raw(m.end()),
        );
        if overlaps(&out, a, b) {
            continue;
        }
        let word = &flat[m.range()];
        let last = word.rsplit(' ').next().unwrap_or(word);
        if rules::SECTOR_WORDS.contains(&last) || head_noun::population(last) {
            continue;
        }
        let ending_kind = rules::UNIT_ENDINGS
            .iter()
            .filter(|(e, _)| word.ends_with(e))
            .max_by_key(|(e, _)| e.len())
            .map_or(ServiceKind::Other, |(_, k)| *k);
        let kind = ServiceKind::from_local_name(word)
            .or((ending_kind != ServiceKind::Other).then_some(ending_kind))
            .or_else(|| {
                rules::KIND_WORDS
                    .iter()
                    .find(|(w, _)| word.contains(w))
                    .map(|(_, k)| *k)
            })
            .unwrap_or(ServiceKind::Other);
        let name = display(ctx.doc, a, b, 120);
        out.push(Mention {
            key: name_key(&name),
            name,
            kind,
            rule: format!(
                "rule service.head-noun: a unit's name ending; kind {} {}",
                kind,
                if kind == ServiceKind::Other {
                    "(unknown: check)"
                } else {
                    "from a word in the name"
                }
            ),
            start: a,
            end: b,
        });
    }
    out.sort_by_key(|m| m.start);
    exclude::exclude(ctx, s, auditor, &mut out);
    phrases::listed(ctx, s, raw, &mut out);
    anaphors(ctx, s, &mut out);
    exclude::exclude(ctx, s, auditor, &mut out);
    out.sort_by_key(|m| m.start);
    out
}

/// Rule `service.anaphor`: a unit's bare head in the definite form ("avdelingen", "tenesta"),
/// kept only when [`fold`] finds the one unit it refers to; its key is marked so it never merges
/// with a name.
fn anaphors(ctx: &Ctx<'_, '_>, s: &Sentence, out: &mut Vec<Mention>) {
    let flat = s.flat.as_str();
    let mut at = 0;
    for word in flat.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let start = at;
        at += word.len() + 1;
        if !rules::ANAPHORS.contains(&word) {
            continue;
        }
        let (a, b) = (s.raw(start), s.raw(start + word.len()));
        if out.iter().any(|m| a < m.end && m.start < b) {
            continue;
        }
        let name = display(ctx.doc, a, b, 60);
        out.push(Mention {
            key: format!("{ANAPHOR}{}", name_key(&name)),
            name,
            kind: ServiceKind::Other,
            rule: format!("{ANAPHOR}'{word}'"),
            start: a,
            end: b,
        });
    }
}

/// The start of an anaphor's rule note (and key): see [`anaphors`].
const ANAPHOR: &str = "rule service.anaphor: ";

/// The start (a byte of `before`) of the shortest run of the last words of `before` whose first
/// word opens with the short form's first letter and that holds every letter of the short form in
/// order (Schwartz and Hearst's rule for acronym definitions), at most eight words.
fn acronym_phrase(before: &str, short: &str) -> Option<usize> {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let first = *letters.first()?;
    let words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    for n in 1..=words.len().min(8) {
        let (start, word) = words[words.len() - n];
        if !word.to_lowercase().starts_with(first) {
            continue;
        }
        let phrase = before[start..].to_lowercase();
        let mut rest = phrase.chars();
        if letters.iter().all(|l| rest.any(|c| c == *l)) {
            return Some(start);
        }
    }
    None
}
