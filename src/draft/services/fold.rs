//! Rule `service.fold`: one unit named two ways becomes one service. A one-word name is folded
//! into the only other service that names it as its head ("kommunen" into "Nes kommune",
//! "DPS" into "Moss DPS", "sykehjemmet" into "Åsnes sykehjem") or as its short form in brackets
//! ("KE" into "koordinerende enhet (KE)"): the text names only one such unit, so the bare word
//! refers to it. A unit for a group of people ("Helsestasjon for ungdom") is narrower than its
//! head alone, so "helsestasjonen" is not folded into it. With two or more candidates nothing
//! is folded (the reviewer decides). The folded name becomes an alias, and every sentence that
//! named it names the unit.

use super::super::{Ctx, name_key, rules};
use super::{ANAPHOR, Span};
use crate::model::Report;

/// The short forms a name defines in brackets, as keys.
fn short_forms(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = name;
    while let Some((_, after)) = rest.split_once('(') {
        let inner = after.split(')').next().unwrap_or("");
        let key = name_key(inner);
        if !key.is_empty() && !key.contains(' ') {
            out.push(key);
        }
        rest = after;
    }
    out
}

/// Whether a name's words (as a key) are its head and "for" a group of people: the service for
/// that group, not the one its head names alone.
fn for_a_group(words: &[&str]) -> bool {
    words.get(1) == Some(&"for")
        && words[2..]
            .iter()
            .any(|w| rules::TARGET_GROUPS.iter().any(|g| name_key(g) == *w))
}

/// Folds one-word services into the one unit they name; `counts` (sentences naming each service)
/// follows the services.
pub(super) fn fold(
    ctx: &mut Ctx<'_, '_>,
    report: &mut Report,
    counts: &mut Vec<usize>,
    spans: &mut [Vec<Span>],
) {
    let keys: Vec<String> = report.services.iter().map(|s| name_key(&s.name)).collect();
    let shorts: Vec<Vec<String>> = report
        .services
        .iter()
        .map(|s| short_forms(&s.name))
        .collect();
    // (folded, into), by index.
    let mut folds: Vec<(usize, usize)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if k.contains(' ') || k.is_empty() {
            continue;
        }
        let candidates: Vec<usize> = (0..keys.len())
            .filter(|&j| {
                j != i && {
                    let words: Vec<&str> = keys[j].split(' ').collect();
                    (words.len() > 1
                        && ((words[0] == k && !for_a_group(&words)) || words[words.len() - 1] == k))
                        || shorts[j].contains(k)
                }
            })
            .collect();
        if let [j] = candidates[..]
            && !keys[j].is_empty()
        {
            folds.push((i, j));
        }
    }
    // A service that others fold into is not folded itself.
    let targets: Vec<usize> = folds.iter().map(|(_, j)| *j).collect();
    folds.retain(|(i, _)| !targets.contains(i));
    if folds.is_empty() {
        return;
    }
    for &(i, j) in &folds {
        let from = report.services[i].clone();
        let into = &mut report.services[j];
        if !into.aliases.contains(&from.name) && into.name != from.name {
            into.aliases.push(from.name.clone());
        }
        if let Some(note) = &mut into.note {
            note.push_str(&format!(
                "; rule service.fold: '{}' folded in (the only unit it names)",
                from.name
            ));
        }
        counts[j] += counts[i];
        let (old, new) = (from.id.0.clone(), into.id.0.clone());
        for span in spans.iter_mut().flatten() {
            if span.id == old {
                span.id.clone_from(&new);
            }
        }
        for named in &mut ctx.named {
            if named.contains(&old) {
                for x in named.iter_mut() {
                    if *x == old {
                        x.clone_from(&new);
                    }
                }
                let mut seen: Vec<String> = Vec::new();
                named.retain(|x| {
                    let first = !seen.contains(x);
                    seen.push(x.clone());
                    first
                });
            }
        }
    }
    let gone: Vec<usize> = folds.iter().map(|(i, _)| *i).collect();
    remove(report, counts, &gone);
}

/// Removes the anaphors [`fold`] did not fold: the text does not say which unit they mean.
pub(super) fn drop_anaphors(
    ctx: &mut Ctx<'_, '_>,
    report: &mut Report,
    counts: &mut Vec<usize>,
    spans: &mut [Vec<Span>],
) {
    let gone: Vec<usize> = (0..report.services.len())
        .filter(|&i| {
            report.services[i]
                .note
                .as_deref()
                .is_some_and(|n| n.starts_with(ANAPHOR))
        })
        .collect();
    let ids: Vec<String> = gone
        .iter()
        .map(|&i| report.services[i].id.0.clone())
        .collect();
    for named in &mut ctx.named {
        named.retain(|x| !ids.contains(x));
    }
    for s in spans.iter_mut() {
        s.retain(|x| !ids.contains(&x.id));
    }
    remove(report, counts, &gone);
}

fn remove(report: &mut Report, counts: &mut Vec<usize>, gone: &[usize]) {
    let mut index = 0;
    report.services.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
    let mut index = 0;
    counts.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
}
