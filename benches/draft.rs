//! Drafting speed: a record from each bundled source text, the longest being Åsnes 2014
//! (7,967 lines), and the score of a draft against its reviewed record.
//!
//! ```text
//! cargo bench --bench draft
//! ```

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use samhandling::Corpus;
use samhandling::draft::score::reviewed_for;
use samhandling::draft::{draft, score};
use samhandling::evidence::Sources;

fn drafting(c: &mut Criterion) {
    let sources = Sources::bundled();
    let mut group = c.benchmark_group("draft");
    group.sample_size(10);
    for name in sources.names() {
        let text = sources.text(name).expect("a bundled source");
        let lines = text.lines().count();
        group.bench_with_input(BenchmarkId::new("lines", lines), text, |b, text| {
            b.iter(|| draft(name, text).expect("a draft"))
        });
    }
    group.finish();
}

fn scoring(c: &mut Criterion) {
    let sources = Sources::bundled();
    let corpus = Corpus::bundled().expect("the bundled corpus");
    let name = "002_e39181351e13a34f.txt";
    let d = draft(name, sources.text(name).expect("a bundled source")).expect("a draft");
    let reviewed = reviewed_for(&corpus, name);
    c.bench_function("score/asnes-2014", |b| {
        b.iter(|| score(&d.report, reviewed.iter().copied()))
    });
}

criterion_group!(benches, drafting, scoring);
criterion_main!(benches);
