//! Rule group `relation`: two services named in one sentence with a collaboration cue, the kind
//! from the cue and the status from the cue's words and their negation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::rules::{self, Role};
use super::super::sentences::Sentence;
use super::super::{Ctx, display};
use super::Span;
use crate::model::{Relation, Report, ServiceId};
use crate::taxonomy::{Direction, Level, RelationKind, ServiceKind, Status};

static RELATION_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(rules::RELATION_WORDS.iter().map(|(w, _)| *w)).expect("valid cues")
});

pub(super) fn relations(ctx: &mut Ctx<'_, '_>, report: &mut Report, spans: &[Vec<Span>]) {
    let doc = ctx.doc;
    let mut by_pair: BTreeMap<(String, String, Status), usize> = BTreeMap::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        // Rule `relation.wish`: a recommendation or a "bør" asks for a collaboration; it does
        // not state one (docs/FORMAT.md: a wish is no relation).
        let wish = s.role == Role::Recommendations
            || s.flat
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| rules::WISH_WORDS.contains(&w));
        if !s.role.states_gaps() || wish {
            continue;
        }
        let parties: Vec<Span> = spans[si]
            .iter()
            .filter(|x| party(doc.text, x, report))
            .cloned()
            .collect();
        for (fa, fb) in clauses(doc.text, s, &spans[si]) {
            let (ra, rb) = (s.raw(fa), s.raw(fb));
            let in_clause: Vec<Span> = parties
                .iter()
                .filter(|x| x.start >= ra && (x.start < rb || fb == s.flat.len()))
                .cloned()
                .collect();
            // A clause with no cue of its own takes the sentence's ("Det er faste deltakarar i
            // møta, og frå kommunen stiller A og B"); the window still keeps the cue near.
            let own = RELATION_CUES.find_iter(&s.flat[fa..fb]).next().is_some();
            let clause = if own {
                Clause {
                    s,
                    from: fa,
                    flat: &s.flat[fa..fb],
                }
            } else {
                Clause {
                    s,
                    from: 0,
                    flat: &s.flat,
                }
            };
            pairs(ctx, report, &mut by_pair, &clause, &in_clause);
        }
    }
}

/// A clause of a sentence (or the whole sentence, for a clause with no cue of its own): the
/// lowercased text its cues are taken from, from byte `from` of the sentence's flat text.
struct Clause<'s> {
    s: &'s Sentence,
    from: usize,
    flat: &'s str,
}

/// Rule `relation.clause`: the clauses of sentence `s` as byte ranges of its flat text; a join
/// of [`rules::CLAUSE_JOINS`] starts a clause when what follows it has a subject and a verb of
/// its own (a verb right after the join shares the subject before it: "A følger opp meldinger
/// fra B, og er i møter med C" relates A to C).
/// `spans`: the services the sentence names.
fn clauses(text: &str, s: &Sentence, spans: &[Span]) -> Vec<(usize, usize)> {
    let flat = s.flat.as_str();
    let mut joins: Vec<(usize, usize)> = rules::CLAUSE_JOINS
        .iter()
        .flat_map(|j| flat.match_indices(j).map(|(i, m)| (i, i + m.len())))
        .collect();
    joins.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for (k, &(at, after)) in joins.iter().enumerate() {
        let next = joins.get(k + 1).map_or(flat.len(), |j| j.0);
        // ", og samarbeider med ...": a second verb of the same subject, no clause of its own.
        let first = flat[after..].split(|c: char| !c.is_alphanumeric()).next();
        let shared = first.is_some_and(|w| rules::FINITE_VERBS.contains(&w));
        if after > next || shared || !own_verb(text, s, spans, after, next) {
            continue;
        }
        out.push((start, at));
        start = after;
    }
    out.push((start, flat.len()));
    out
}

/// Whether bytes `a..b` of the flat text of `s` hold a finite verb: a word of
/// [`rules::FINITE_VERBS`], or a lowercase word in "-er"/"-ar" right after a naming ("tenesta
/// for psykisk helse og rus møter").
fn own_verb(text: &str, s: &Sentence, spans: &[Span], a: usize, b: usize) -> bool {
    let clause = &s.flat[a..b];
    if clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| rules::FINITE_VERBS.contains(&w))
    {
        return true;
    }
    let (ra, rb) = (s.raw(a), s.raw(b));
    spans
        .iter()
        .filter(|x| x.start >= ra && x.end <= rb)
        .any(|x| {
            text[x.end..].split_whitespace().next().is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && w.chars().count() > 3
                    && (w.ends_with("er") || w.ends_with("ar"))
            })
        })
}

/// The relations of one clause: each pair of its parties with a cue near them.
fn pairs(
    ctx: &mut Ctx<'_, '_>,
    report: &mut Report,
    by_pair: &mut BTreeMap<(String, String, Status), usize>,
    clause: &Clause<'_>,
    parties: &[Span],
) {
    let doc = ctx.doc;
    let s = clause.s;
    {
        let (named, extents) = named(doc.text, parties);
        if named.len() < 2 {
            return;
        }
        let flat = clause.flat;
        let mut kinds: Vec<(usize, RelationKind, &str)> = RELATION_CUES
            .find_iter(flat)
            .map(|m| {
                let (w, k) = rules::RELATION_WORDS[m.pattern().as_usize()];
                (m.pattern().as_usize(), k, w)
            })
            .collect();
        if kinds.is_empty() {
            return;
        }
        // An enumeration right before a cue with no party after it is the cue's subject ("A og
        // B samarbeider"): its items are the pairs ("A og B har avtaler med C": A–C, B–C).
        let cues: Vec<usize> = RELATION_CUES
            .find_iter(flat)
            .map(|m| s.raw(clause.from + m.start()))
            .collect();
        let subject: Vec<bool> = extents
            .iter()
            .map(|(_, end)| {
                cues.iter()
                    .any(|&c| c >= *end && c - end <= 30 && !extents.iter().any(|(a, _)| *a > *end))
            })
            .collect();
        // Rule `relation.between`: "rutiner for samarbeid mellom A og B": the enumeration
        // right after "mellom" is the pair (or the set), not the subject that owns it.
        let between = rules::BETWEEN_WORDS
            .iter()
            .flat_map(|w| flat.match_indices(w))
            .find_map(|(i, m)| {
                let after = s.raw(clause.from + i + m.len());
                extents
                    .iter()
                    .position(|(a, _)| *a >= after && *a <= after + 2)
            });
        kinds.sort();
        kinds.dedup_by_key(|k| k.1);
        kinds.truncate(2);
        let cue = kinds[0].2;
        let kinds: Vec<RelationKind> = kinds.into_iter().map(|(_, k, _)| k).collect();
        let (status, why) = status(flat);
        let directed = matches!(
            kinds[0],
            RelationKind::Referral
                | RelationKind::Discharge
                | RelationKind::Reporting
                | RelationKind::Guidance
        );
        let individual = ["bruker", "brukar", "pasient", "enkelt", "individ"]
            .iter()
            .any(|w| flat.contains(w));
        let kinds: Vec<RelationKind> = kinds
            .into_iter()
            .map(|k| match k {
                RelationKind::Collaboration if individual => RelationKind::CaseCollaboration,
                k => k,
            })
            .collect();
        let level = if individual {
            Level::Individual
        } else {
            Level::System
        };
        let services: Vec<&(String, usize)> = named.iter().take(MAX_SERVICES).collect();
        let groups: BTreeMap<usize, usize> =
            services.iter().fold(BTreeMap::new(), |mut m, (_, g)| {
                *m.entry(*g).or_insert(0) += 1;
                m
            });
        for x in 0..services.len() {
            for y in x + 1..services.len() {
                let ((a, ga), (b, gb)) = (services[x].clone(), services[y].clone());
                // Rule `relation.list`: the items of one enumeration are each related to what
                // is outside it ("A samarbeider med B, C og D": A–B, A–C, A–D), not to each
                // other; an enumeration of two with nothing outside is the pair ("A og B
                // samarbeider", or any enumeration right before the cue); of three or more with
                // nothing outside, no stated pair.
                match between.filter(|g| groups.get(g).is_some_and(|&n| n >= 2)) {
                    Some(g) if ga != g || gb != g => continue,
                    Some(_) => {}
                    None if ga == gb && !subject[ga] && (groups.len() > 1 || groups[&ga] > 2) => {
                        continue;
                    }
                    None => {}
                }
                // Rule `relation.window`: the cue is among or near the two namings, not in
                // another clause of a long sentence.
                let lo = extents[ga].0.min(extents[gb].0);
                let hi = extents[ga].1.max(extents[gb].1);
                if !cues
                    .iter()
                    .any(|&c| c + CUE_WINDOW >= lo && c <= hi + CUE_WINDOW)
                {
                    continue;
                }
                let key = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                // One relation per pair and status: sentences that say the same of a pair are
                // its evidence, one that says otherwise ("has meetings" and "the collaboration
                // does not work") is a relation of its own, as a reviewer would record it.
                let pair_status = (key.0.clone(), key.1.clone(), status);
                if let Some(&ri) = by_pair.get(&pair_status) {
                    let rel: &mut Relation = &mut report.relations[ri];
                    if rel.evidence.len() < 3
                        && !rel.evidence.iter().any(|e| e.line == s.line)
                        && let Some(ev) = ctx.sentence_evidence(s, s.start)
                    {
                        rel.evidence.push(ev);
                        // What this sentence says of the pair too ("også en skriftlig avtale").
                        for k in &kinds {
                            if !rel.kinds.contains(k) {
                                rel.kinds.push(*k);
                            }
                        }
                    }
                    continue;
                }
                let Some(ev) = ctx.sentence_evidence(s, s.start) else {
                    continue;
                };
                let id = ctx.id(format!("r-{}-{}", short(&a), short(&b)));
                ctx.pairs.entry(key).or_default().push((id.clone(), status));
                report.relations.push(Relation {
                    id,
                    from: ServiceId(a),
                    to: ServiceId(b),
                    kinds: kinds.clone(),
                    direction: if directed { Direction::Directed } else { Direction::Mutual },
                    level,
                    status,
                    cadence: None,
                    summary: display(doc, s.start, s.end, 160),
                    evidence: vec![ev],
                    note: Some(format!(
                        "rule relation.cue: two services in one sentence with '{cue}'; status {status} ({why}){}",
                        if directed { "; direction from the first named (check)" } else { "" }
                    )),
                });
                by_pair.insert(pair_status, report.relations.len() - 1);
            }
        }
    }
}

/// Rule `relation.party`: whether a naming can be a party to a relation. A municipality or
/// district named as a place ("i kommunen", "i Bydel Alna"), as the speaker of the sentence
/// ("Kommunen viser til at ..."), as the one answerable for its services ("Kommunen sikrer ikke
/// at ..."), as an owner ("Bydelens NAV-kontor", "Bydel Nordøst ved Nav-kontoret") or, by its
/// bare head, as the holder of its units ("Kommunen har et forebyggende team", but not
/// "Kommunen har avtale med ...") is not a party: the services in it are.
fn party(text: &str, span: &Span, report: &Report) -> bool {
    let municipal = report
        .service(&span.id)
        .and_then(|x| x.kind)
        .is_some_and(|k| matches!(k, ServiceKind::Kommune | ServiceKind::Bydel));
    if !municipal {
        return true;
    }
    // The few words around the naming (not the whole text before or after it).
    let mut from = span.start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text[from..span.start].trim_end().to_lowercase();
    let place = rules::PLACE_WORDS.iter().any(|w| {
        before.ends_with(&format!(" {w}")) || before.ends_with(&format!("\n{w}")) || before == *w
    });
    let after: String = text[span.end..]
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let speaker = rules::SPEAKER_WORDS
        .iter()
        .chain(rules::ANSWERABLE_WORDS)
        .any(|w| after.starts_with(w));
    // "Bydel Nordøst ved Nav-kontoret": the owner acting through its unit.
    let acting = rules::ACTING_THROUGH_WORDS
        .iter()
        .any(|w| after.starts_with(&format!("{w} ")));
    // "Bydelens NAV-kontor", "kommunens koordinerande eining": the owner, not a party.
    let genitive = text[span.start..span.end].ends_with('s');
    // "Kommunen har et forebyggende team": the municipality as a whole, the owner of its units.
    let bare = !text[span.start..span.end].contains(char::is_whitespace);
    // ... unless what it has is the collaboration itself ("Kommunen har avtale med Helse Førde",
    // "Kommunen har rutiner for samarbeid med Sykehuset Innlandet").
    let holds = |verb: &str| {
        after.strip_prefix(verb).is_some_and(|rest| {
            let object = rest
                .split_whitespace()
                .find(|w| {
                    !["en", "ei", "et", "eit", "faste", "skriftlige", "skriftlege"].contains(w)
                })
                .unwrap_or("");
            RELATION_CUES.find(object).is_none_or(|m| m.start() != 0)
        })
    };
    if bare && (holds("har ") || holds("hadde ")) {
        return false;
    }
    !place && !speaker && !genitive && !acting
}

/// The bytes an enumeration spans in the text.
type Extent = (usize, usize);

/// How far (bytes) a cue may stand before or after the two namings it relates.
const CUE_WINDOW: usize = 80;

/// The most services of one sentence that are paired.
const MAX_SERVICES: usize = 6;

/// The services a sentence names, each once in order of first naming, with the enumeration
/// (a number) it belongs to: namings separated only by a comma, "og", "eller" or "/" are one
/// enumeration. Also the bytes each enumeration spans, by number.
fn named(text: &str, spans: &[Span]) -> (Vec<(String, usize)>, Vec<Extent>) {
    let mut sorted: Vec<&Span> = spans.iter().collect();
    sorted.sort_by_key(|x| (x.start, x.end));
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut extents: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<&Span> = None;
    for span in sorted {
        let joined = previous.is_some_and(|p| {
            let between = if p.end <= span.start {
                text[p.end..span.start].trim()
            } else {
                ""
            };
            // "ved helsestasjonen eller i barneverntjenesten": a joiner and a preposition.
            let between = ["i", "ved", "på", "hos"]
                .iter()
                .find_map(|p| between.strip_suffix(p).filter(|r| r.ends_with(' ')))
                .map_or(between, str::trim_end);
            matches!(
                between,
                "," | "og" | "eller" | ", og" | "/" | "samt" | "og/eller"
            )
        });
        if joined && let Some(last) = extents.last_mut() {
            last.1 = last.1.max(span.end);
        } else {
            extents.push((span.start, span.end));
        }
        previous = Some(span);
        if !out.iter().any(|(id, _)| *id == span.id) {
            out.push((span.id.clone(), extents.len() - 1));
        }
    }
    (out, extents)
}

fn short(id: &str) -> String {
    id.chars()
        .take(20)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Rule `relation.status`.
fn status(flat: &str) -> (Status, &'static str) {
    let words: Vec<&str> = flat
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "uten å måtte gå gjennom tildelingskontoret": a shortcut, not a lacking collaboration.
    let negated = words.iter().enumerate().any(|(i, w)| {
        rules::NEGATION_WORDS.contains(w)
            && !(matches!(*w, "uten" | "utan") && words.get(i + 1) == Some(&"å"))
    });
    if rules::GONE_WORDS.iter().any(|w| flat.contains(w)) {
        (Status::Discontinued, "a word of discontinuation")
    } else if rules::PLANNED_WORDS.iter().any(|w| flat.contains(w)) {
        (Status::Planned, "a word of planning")
    } else if rules::STRAIN_WORDS.iter().any(|w| flat.contains(w)) {
        (Status::Strained, "a word of strain")
    } else if negated {
        (
            Status::Missing,
            "a negation: check that the report says it should exist",
        )
    } else if rules::WORKING_WORDS.iter().any(|w| flat.contains(w)) {
        (Status::Functioning, "the report judges that it works")
    } else {
        (Status::Described, "stated to exist, not judged")
    }
}
