//! How close a draft is to a reviewed record of the same text: recall and precision per
//! section, so a researcher sees what reviewing changed and a rule change can be measured.
//!
//! Matching, per section:
//! - **services** by name, one to one: first equal names, then a name that is the other's start
//!   or end ("NAV" and "NAV Åsnes"). Names are compared as keys:
//!   lowercase, stemmed, parenthesised parts left out, and a reviewed service's aliases and
//!   parenthesised short name ("Distriktspsykiatrisk senter (DPS)") count as its names;
//! - **gaps** by category and line, one to one: a drafted and a reviewed gap may pair when they
//!   have the same category and evidence within [`GAP_LINE_TOLERANCE`] lines of each other in
//!   the same source; the count is the largest set of pairs in which no gap stands twice (a
//!   maximum matching), so one drafted gap that quotes three reviewed gaps finds one of them;
//! - **recommendations** by number as printed (`8a`, ignoring case, spaces, `.` and `)`);
//! - **relations** by their two endpoints, unordered, each endpoint matched by name as services
//!   are, one to one as gaps are; on each side the relations are pooled by their pair of
//!   services, so the unit is the pair (two reviewed relations of one pair, an agreement and a
//!   meeting, are one pair, and so are a draft's three sentences about it);
//! - **conclusions** by the number of the question they answer (as printed, looked up through the
//!   record's own questions) and the verdict: a drafted conclusion with the right question and
//!   the wrong verdict is not a match;
//! - **follow-ups** by the number of the earlier item (the last `-` part of `of.item` that
//!   starts with a digit: `rec-8a` → `8a`, `sak103-1` → `1`) and the status. A reviewed
//!   follow-up of an unnumbered item (an earlier gap, `g18-silo`) cannot be matched by number and
//!   counts as not found: the drafter drafts follow-ups of numbered points only.
//!
//! Several reviewed records may be given for one text (the comparison note and the four
//! municipal records drawn from it): their items are pooled, duplicates removed.
//!
//! # Example
//! ```
//! use samhandling::draft::{draft, score};
//!
//! let text = "Revisjonens anbefalinger\n\nRevisjonen anbefaler at kommunen:\n\n\
//!             1. sikrer at brukere får individuell plan.\n2. etablerer rutiner for samarbeid med NAV.\n";
//! let d = draft("r.txt", text)?;
//! let mut reviewed = d.report.clone();
//! reviewed.recommendations.truncate(1);
//! let s = score(&d.report, [&reviewed]);
//! assert_eq!(s.recommendations.recall(), Some(1.0));
//! assert_eq!(s.recommendations.precision(), Some(0.5));
//! # Ok::<(), samhandling::Error>(())
//! ```

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use super::name_key;
use crate::model::{Evidence, Report, Service};
use crate::taxonomy::{FollowUpStatus, GapCategory, Verdict};

/// How many lines apart a drafted and a reviewed gap's evidence may begin and still be the same
/// statement: the evidence check's own tolerance plus two, for a record that quotes the
/// sentence's second clause.
pub const GAP_LINE_TOLERANCE: usize = 5;

/// Counts for one section: how many items each side has and how many of each were matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SectionScore {
    /// Items in the draft.
    pub drafted: usize,
    /// Items in the reviewed record(s), duplicates removed.
    pub reviewed: usize,
    /// Drafted items that match a reviewed item.
    pub drafted_matched: usize,
    /// Reviewed items that a drafted item matches.
    pub reviewed_matched: usize,
}

impl SectionScore {
    /// Share of the reviewed items the draft found; `None` when the record has none.
    pub fn recall(&self) -> Option<f64> {
        (self.reviewed > 0).then(|| self.reviewed_matched as f64 / self.reviewed as f64)
    }

    /// Share of the drafted items that a reviewer kept; `None` when the draft has none.
    pub fn precision(&self) -> Option<f64> {
        (self.drafted > 0).then(|| self.drafted_matched as f64 / self.drafted as f64)
    }
}

/// A draft against the reviewed record(s) of its text, per section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Services, by name.
    pub services: SectionScore,
    /// Gaps, by category and line.
    pub gaps: SectionScore,
    /// Recommendations, by number.
    pub recommendations: SectionScore,
    /// Relations, by endpoints.
    pub relations: SectionScore,
    /// Conclusions, by the question's number and the verdict.
    pub conclusions: SectionScore,
    /// Follow-up items, by the earlier item's number and the status.
    pub follow_ups: SectionScore,
}

impl fmt::Display for Score {
    /// A small table: one row per section, counts of items (not of municipalities).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "section          drafted  reviewed  recall  precision   (unit: items of the record)"
        )?;
        let pct = |x: Option<f64>| x.map_or("   –".to_string(), |v| format!("{v:.2}"));
        for (name, s) in [
            ("services", self.services),
            ("gaps", self.gaps),
            ("recommendations", self.recommendations),
            ("relations", self.relations),
            ("conclusions", self.conclusions),
            ("follow_ups", self.follow_ups),
        ] {
            writeln!(
                f,
                "{name:<16} {:>7}  {:>8}  {:>6}  {:>9}",
                s.drafted,
                s.reviewed,
                pct(s.recall()),
                pct(s.precision())
            )?;
        }
        Ok(())
    }
}

/// Scores `draft` against the reviewed record(s) of the same text.
pub fn score<'a>(draft: &Report, reviewed: impl IntoIterator<Item = &'a Report>) -> Score {
    let reviewed: Vec<&Report> = reviewed.into_iter().collect();
    Score {
        services: services(draft, &reviewed),
        gaps: gaps(draft, &reviewed),
        recommendations: recommendations(draft, &reviewed),
        relations: relations(draft, &reviewed),
        conclusions: conclusions(draft, &reviewed),
        follow_ups: follow_ups(draft, &reviewed),
    }
}

/// The comparable names of a service: its name, aliases, and any parenthesised short name.
fn names(s: &Service) -> Vec<String> {
    let mut out = vec![name_key(&s.name)];
    for a in &s.aliases {
        out.push(name_key(a));
    }
    let mut rest = s.name.as_str();
    while let Some((_, after)) = rest.split_once('(') {
        let inner = after.split(')').next().unwrap_or("");
        out.push(name_key(inner));
        rest = after;
    }
    out.retain(|k| !k.is_empty());
    out.sort();
    out.dedup();
    out
}

fn exact(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn partial(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            long.starts_with(&format!("{short} ")) || long.ends_with(&format!(" {short}"))
        })
    })
}

/// The reviewed services, pooled across records, the same name once.
fn pooled_services<'a>(reviewed: &[&'a Report]) -> Vec<(&'a Service, Vec<String>)> {
    let mut out: Vec<(&Service, Vec<String>)> = Vec::new();
    for r in reviewed {
        for s in &r.services {
            let n = names(s);
            if !out.iter().any(|(_, m)| exact(m, &n)) {
                out.push((s, n));
            }
        }
    }
    out
}

fn services(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    let pool = pooled_services(reviewed);
    let drafted: Vec<Vec<String>> = draft.services.iter().map(names).collect();
    let mut used_d = vec![false; drafted.len()];
    let mut used_r = vec![false; pool.len()];
    for pass in [exact as fn(&[String], &[String]) -> bool, partial] {
        for (ri, (_, rn)) in pool.iter().enumerate() {
            if used_r[ri] {
                continue;
            }
            if let Some(di) = (0..drafted.len()).find(|&d| !used_d[d] && pass(&drafted[d], rn)) {
                used_d[di] = true;
                used_r[ri] = true;
            }
        }
    }
    SectionScore {
        drafted: drafted.len(),
        reviewed: pool.len(),
        drafted_matched: used_d.iter().filter(|x| **x).count(),
        reviewed_matched: used_r.iter().filter(|x| **x).count(),
    }
}

fn near(a: &[Evidence], b: &[Evidence]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.source == y.source && x.line.abs_diff(y.line) <= GAP_LINE_TOLERANCE)
    })
}

fn gaps(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    let mut pool: Vec<(GapCategory, &[Evidence])> = Vec::new();
    let mut seen: BTreeSet<(GapCategory, Vec<(String, usize)>)> = BTreeSet::new();
    for r in reviewed {
        for g in &r.gaps {
            let key = (
                g.category,
                g.evidence
                    .iter()
                    .map(|e| (e.source.clone(), e.line))
                    .collect(),
            );
            if seen.insert(key) {
                pool.push((g.category, &g.evidence));
            }
        }
    }
    one_to_one(draft.gaps.len(), pool.len(), |d, r| {
        let (c, ev) = pool[r];
        let g = &draft.gaps[d];
        g.category == c && near(&g.evidence, ev)
    })
}

/// Counts a one-to-one matching of the most pairs (`meets(drafted, reviewed)` says which may
/// pair): a drafted item stands for one reviewed item at most, so a draft that gathers three
/// reviewed gaps into one, or states one relation three times, is not counted as finding three.
fn one_to_one(
    drafted: usize,
    reviewed: usize,
    meets: impl Fn(usize, usize) -> bool,
) -> SectionScore {
    let mut graph = petgraph::graph::UnGraph::<(), ()>::with_capacity(drafted + reviewed, 0);
    let d: Vec<_> = (0..drafted).map(|_| graph.add_node(())).collect();
    let r: Vec<_> = (0..reviewed).map(|_| graph.add_node(())).collect();
    for (i, &dn) in d.iter().enumerate() {
        for (j, &rn) in r.iter().enumerate() {
            if meets(i, j) {
                graph.add_edge(dn, rn, ());
            }
        }
    }
    let matched = petgraph::algo::maximum_matching(&graph).len();
    SectionScore {
        drafted,
        reviewed,
        drafted_matched: matched,
        reviewed_matched: matched,
    }
}

fn number_key(n: &str) -> String {
    n.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | ')' | '('))
        .flat_map(char::to_lowercase)
        .collect()
}

fn recommendations(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    let pool: BTreeSet<String> = reviewed
        .iter()
        .flat_map(|r| r.recommendations.iter().map(|x| number_key(&x.number)))
        .collect();
    let drafted: BTreeSet<String> = draft
        .recommendations
        .iter()
        .map(|x| number_key(&x.number))
        .collect();
    SectionScore {
        drafted: draft.recommendations.len(),
        reviewed: pool.len(),
        drafted_matched: draft
            .recommendations
            .iter()
            .filter(|x| pool.contains(&number_key(&x.number)))
            .count(),
        reviewed_matched: pool.iter().filter(|n| drafted.contains(*n)).count(),
    }
}

/// Two pairs of services with the same names, in either order.
fn same_pair((a, b): &(Vec<String>, Vec<String>), (c, d): &(Vec<String>, Vec<String>)) -> bool {
    (exact(a, c) && exact(b, d)) || (exact(a, d) && exact(b, c))
}

fn relations(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    let names_of = |r: &Report, id: &str| r.service(id).map(names).unwrap_or_default();
    let same = |a: &[String], b: &[String]| exact(a, b) || partial(a, b);
    let mut pool: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for r in reviewed {
        for rel in &r.relations {
            let pair = (names_of(r, rel.from.as_str()), names_of(r, rel.to.as_str()));
            if !pool.iter().any(|p| same_pair(p, &pair)) {
                pool.push(pair);
            }
        }
    }
    let mut drafted: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for rel in &draft.relations {
        let pair = (
            names_of(draft, rel.from.as_str()),
            names_of(draft, rel.to.as_str()),
        );
        if !drafted.iter().any(|p| same_pair(p, &pair)) {
            drafted.push(pair);
        }
    }
    let meets = |(a, b): &(Vec<String>, Vec<String>), (c, d): &(Vec<String>, Vec<String>)| {
        (same(a, c) && same(b, d)) || (same(a, d) && same(b, c))
    };
    one_to_one(drafted.len(), pool.len(), |d, r| {
        meets(&drafted[d], &pool[r])
    })
}

/// Counts `drafted` against the pooled set `reviewed` of keys (a key `None` never matches).
fn by_key<K: Ord>(drafted: Vec<Option<K>>, reviewed: BTreeSet<(usize, Option<K>)>) -> SectionScore {
    let keys: BTreeSet<&K> = reviewed.iter().filter_map(|(_, k)| k.as_ref()).collect();
    let found: BTreeSet<&K> = drafted.iter().flatten().collect();
    SectionScore {
        drafted: drafted.len(),
        reviewed: reviewed.len(),
        drafted_matched: drafted
            .iter()
            .filter(|k| k.as_ref().is_some_and(|k| keys.contains(k)))
            .count(),
        reviewed_matched: reviewed
            .iter()
            .filter(|(_, k)| k.as_ref().is_some_and(|k| found.contains(k)))
            .count(),
    }
}

/// A conclusion's key: the number of its question and its verdict.
fn conclusion_keys(r: &Report) -> Vec<Option<(String, Verdict)>> {
    r.conclusions
        .iter()
        .map(|c| {
            let number = r
                .questions
                .iter()
                .find(|q| q.id == c.question)
                .map_or(c.question.as_str(), |q| q.number.as_str());
            Some((number_key(number), c.verdict))
        })
        .collect()
}

fn conclusions(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    // Pooled: the same key once; a key is unique per question and verdict.
    let pool: BTreeSet<(usize, Option<(String, Verdict)>)> = reviewed
        .iter()
        .flat_map(|r| conclusion_keys(r))
        .map(|k| (0, k))
        .collect();
    by_key(conclusion_keys(draft), pool)
}

/// The number of an earlier item from its id: the last `-` part that starts with a digit
/// (`rec-8a` → `8a`, `sak103-1` → `1`, `g18-silo` → none).
pub fn item_number(item: &str) -> Option<String> {
    item.rsplit('-')
        .next()
        .filter(|p| p.starts_with(|c: char| c.is_ascii_digit()))
        .map(number_key)
}

fn follow_ups(draft: &Report, reviewed: &[&Report]) -> SectionScore {
    let key = |f: &crate::model::FollowUp| item_number(&f.of.item).map(|n| (n, f.status));
    // Pooled by the earlier item (report and id), so an unnumbered item counts once.
    let mut pool: BTreeSet<(usize, Option<(String, FollowUpStatus)>)> = BTreeSet::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for r in reviewed {
        for f in &r.follow_ups {
            if seen.insert((f.of.report.to_string(), f.of.item.clone())) {
                pool.insert((seen.len(), key(f)));
            }
        }
    }
    by_key(draft.follow_ups.iter().map(key).collect(), pool)
}

/// The records of `corpus` encoded from source document `source`: those whose every piece of
/// evidence cites it (for the bundled corpus, `001_…` gives the comparison note and the four
/// municipal records drawn from it). The reviewed side of a [`score`] of that source's draft.
pub fn reviewed_for<'c>(corpus: &'c crate::Corpus, source: &str) -> Vec<&'c Report> {
    corpus
        .iter()
        .filter(|r| {
            let ev = r.evidence();
            !ev.is_empty() && ev.iter().all(|(_, e)| e.source == source)
        })
        .collect()
}
