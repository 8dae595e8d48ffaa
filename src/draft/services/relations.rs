//! Rule group `relation`: two services named in one sentence with a collaboration cue, the kind
//! from the cue and the status from the cue's words and their negation.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::rules;
use super::super::{Ctx, display};
use crate::model::{Relation, Report, ServiceId};
use crate::taxonomy::{Direction, Level, RelationKind, Status};

static RELATION_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(rules::RELATION_WORDS.iter().map(|(w, _)| *w)).expect("valid cues")
});

pub(super) fn relations(ctx: &mut Ctx<'_, '_>, report: &mut Report) {
    let doc = ctx.doc;
    let mut by_pair: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        let named = ctx.named[si].clone();
        if named.len() < 2 || !s.role.states_gaps() {
            continue;
        }
        let flat = s.flat.as_str();
        let mut kinds: Vec<(usize, RelationKind, &str)> = RELATION_CUES
            .find_iter(flat)
            .map(|m| {
                let (w, k) = rules::RELATION_WORDS[m.pattern().as_usize()];
                (m.pattern().as_usize(), k, w)
            })
            .collect();
        if kinds.is_empty() {
            continue;
        }
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
        let level = if individual {
            Level::Individual
        } else {
            Level::System
        };
        let services: Vec<&String> = named.iter().take(4).collect();
        for x in 0..services.len() {
            for y in x + 1..services.len() {
                let (a, b) = (services[x].clone(), services[y].clone());
                let key = if a < b {
                    (a.clone(), b.clone())
                } else {
                    (b.clone(), a.clone())
                };
                if let Some(&ri) = by_pair.get(&key) {
                    let rel: &mut Relation = &mut report.relations[ri];
                    if rel.evidence.len() < 3
                        && !rel.evidence.iter().any(|e| e.line == s.line)
                        && let Some(ev) = ctx.sentence_evidence(s, s.start)
                    {
                        rel.evidence.push(ev);
                    }
                    continue;
                }
                let Some(ev) = ctx.sentence_evidence(s, s.start) else {
                    continue;
                };
                let id = ctx.id(format!("r-{}-{}", short(&a), short(&b)));
                ctx.pairs.insert(key.clone(), id.clone());
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
                by_pair.insert(key, report.relations.len() - 1);
            }
        }
    }
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
    let negated = words.iter().any(|w| rules::NEGATION_WORDS.contains(w));
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
