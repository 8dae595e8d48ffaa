//! The HTML page (samhandling::html::render): the bundled corpus, and 1,000 synthetic reports
//! (samhandling::synth, seed 1) with the default options (sections for the first 50 reports) and
//! with no report sections (heatmap, tables and drill-down data only).
//!
//! ```text
//! cargo bench --bench html
//! ```

use criterion::{Criterion, criterion_group, criterion_main};
use samhandling::evidence::Sources;
use samhandling::html::{Options, render};
use samhandling::{Corpus, synth};

fn page(c: &mut Criterion) {
    let sources = Sources::bundled();
    let mut group = c.benchmark_group("html");
    group.sample_size(10);
    let bundled = Corpus::bundled().expect("valid");
    group.bench_function("bundled/10", |b| {
        b.iter(|| render(&bundled, &sources, &Options::default()))
    });
    let synthetic = synth::corpus(1_000, 1).expect("valid");
    group.bench_function("synthetic/1000", |b| {
        b.iter(|| render(&synthetic, &sources, &Options::default()))
    });
    let no_sections = Options {
        max_details: 0,
        ..Options::default()
    };
    group.bench_function("synthetic/1000/no-sections", |b| {
        b.iter(|| render(&synthetic, &sources, &no_sections))
    });
    group.finish();
}

criterion_group!(benches, page);
criterion_main!(benches);
