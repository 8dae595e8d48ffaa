//! Export benchmarks: every table of a synthetic corpus of 10 and 1,000 reports (the similarity
//! table, all n(n−1)/2 pairs, apart), and the graph files of the largest bundled record.
//!
//! ```text
//! cargo bench --bench export
//! ```

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use samhandling::compare::KeyMode;
use samhandling::export::{self, CsvFormat, Network, Table};
use samhandling::{Corpus, synth};

const SIZES: [usize; 2] = [10, 1_000];
const SEED: u64 = 1;

fn corpus(n: usize) -> Corpus {
    Corpus::from_reports(synth::reports(n, SEED)).expect("valid synthetic records")
}

fn tables(c: &mut Criterion) {
    let mut group = c.benchmark_group("tables");
    group.sample_size(10);
    for n in SIZES {
        let corpus = corpus(n);
        group.bench_with_input(
            BenchmarkId::new("all_but_similarity", n),
            &corpus,
            |b, corpus| {
                b.iter(|| {
                    for &table in Table::ALL.iter().filter(|&&t| t != Table::Similarity) {
                        export::write_table(
                            std::io::sink(),
                            table,
                            corpus,
                            KeyMode::Category,
                            CsvFormat::Plain,
                        )
                        .expect("written");
                    }
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("similarity", n), &corpus, |b, corpus| {
            b.iter(|| {
                export::write_table(
                    std::io::sink(),
                    Table::Similarity,
                    corpus,
                    KeyMode::Category,
                    CsvFormat::Plain,
                )
                .expect("written")
            })
        });
    }
    group.finish();
}

fn graphs(c: &mut Criterion) {
    let corpus = Corpus::bundled().expect("bundled records");
    let vestby = corpus.get("vestby-2025").expect("vestby");
    let mut group = c.benchmark_group("graph_files_vestby");
    group.bench_function("network_with_metrics", |b| {
        b.iter(|| Network::services(vestby))
    });
    let network = Network::services(vestby);
    group.bench_function("graphml", |b| {
        b.iter(|| export::graphml(std::io::sink(), &network).expect("written"))
    });
    group.bench_function("node_link", |b| b.iter(|| export::node_link(&network)));
    group.bench_function("dot", |b| {
        b.iter(|| export::dot(std::io::sink(), &network).expect("written"))
    });
    group.finish();
}

criterion_group!(benches, tables, graphs);
criterion_main!(benches);
