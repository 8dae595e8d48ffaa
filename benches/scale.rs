//! Scale benchmarks on synthetic corpora of 10, 1,000 and 10,000 reports (samhandling::synth):
//! loading and validating a directory, the gap matrix and recurrence, the five nearest reports
//! of every report, and the structure of every report's graph.
//!
//! ```text
//! cargo bench --bench scale
//! ```
//!
//! The synthetic directories are written once under target/bench-data/ and reused.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use samhandling::compare::{KeyMode, gap_matrix, nearest_per_report, recurrence};
use samhandling::graph::structures;
use samhandling::{Corpus, synth};

const SIZES: [usize; 3] = [10, 1_000, 10_000];
const SEED: u64 = 1;

fn data_dir(n: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-data/synth-{n}-{SEED}"));
    if !dir.join(format!("synth-{:06}.json", n - 1)).exists() {
        synth::write_dir(n, SEED, &dir).expect("write the synthetic corpus");
    }
    dir
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_dir");
    group.sample_size(10);
    for n in SIZES {
        let dir = data_dir(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
            b.iter(|| Corpus::load_dir(dir).expect("valid"))
        });
    }
    group.finish();
}

fn analyses(c: &mut Criterion) {
    for n in SIZES {
        let corpus = synth::corpus(n, SEED).expect("valid");
        let mut group = c.benchmark_group(format!("analyses/{n}"));
        group.sample_size(10);
        group.bench_function("matrix+recurrence", |b| {
            b.iter(|| {
                (
                    gap_matrix(&corpus, KeyMode::Category),
                    recurrence(&corpus, KeyMode::Category),
                )
            })
        });
        group.bench_function("nearest5/category", |b| {
            b.iter(|| nearest_per_report(&corpus, 5, KeyMode::Category))
        });
        group.bench_function("nearest5/category+kinds", |b| {
            b.iter(|| nearest_per_report(&corpus, 5, KeyMode::CategoryAndKinds))
        });
        group.bench_function("structure/all", |b| b.iter(|| structures(&corpus)));
        group.finish();
    }
}

criterion_group!(benches, load, analyses);
criterion_main!(benches);
