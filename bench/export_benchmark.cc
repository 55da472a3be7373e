// Throughput of the writers, in bytes of output per second, on the graph built from 2 MB
// of generated articles (a graph of the size a few thousand articles give). Each writer
// writes into memory; BM_ExportGraph writes the five text formats into a temporary folder
// the way `actorgraph build` does (temporary file, rename).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "bench/bench_input.h"
#include "export/csv_writer.h"
#include "export/dot_writer.h"
#include "export/gexf_writer.h"
#include "export/graph_exporter.h"
#include "export/graphml_writer.h"
#include "export/json_writer.h"
#include "extract/diagnostics.h"
#include "extract/extractor.h"
#include "graph/graph_builder.h"

namespace actorgraph {
namespace {

const ActorGraph& BenchGraph() {
  static const ActorGraph graph = [] {
    Extractor extractor;
    CollectingDiagnostics diagnostics;
    GraphBuilder builder;
    for (const Document& document : GeneratedArticles(2 << 20)) {
      builder.Add(extractor.Extract(document, diagnostics));
    }
    return builder.Build();
  }();
  return graph;
}

// The data writers take a thread count: the benchmark's argument (/1, /2).
template <typename Write>
void RunWriter(benchmark::State& state, Write write) {
  const ActorGraph& graph = BenchGraph();
  const int threads = static_cast<int>(state.range(0));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    write(graph, out, threads);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetLabel(std::to_string(graph.nodes().size()) + " nodes, " + std::to_string(graph.edges().size()) +
                 " edges, " + std::to_string(bytes) + " bytes out");
}

void BM_WriteDot(benchmark::State& state) {
  RunWriter(state, [](const ActorGraph& g, std::ostream& out, int) { WriteDot(g, out); });
}
BENCHMARK(BM_WriteDot)->Arg(1);

void BM_WriteGraphml(benchmark::State& state) { RunWriter(state, WriteGraphml); }
BENCHMARK(BM_WriteGraphml)->Arg(1)->Arg(2)->UseRealTime();

void BM_WriteGexf(benchmark::State& state) { RunWriter(state, WriteGexf); }
BENCHMARK(BM_WriteGexf)->Arg(1)->Arg(2)->UseRealTime();

void BM_WriteCsv(benchmark::State& state) {
  RunWriter(state, [](const ActorGraph& g, std::ostream& out, int threads) {
    WriteNodesCsv(g, out);
    WriteEdgesCsv(g, out, threads);
  });
}
BENCHMARK(BM_WriteCsv)->Arg(1)->Arg(2)->UseRealTime();

void BM_WriteJson(benchmark::State& state) { RunWriter(state, WriteJson); }
BENCHMARK(BM_WriteJson)->Arg(1)->Arg(2)->UseRealTime();

void BM_ExportGraph(benchmark::State& state) {
  const ActorGraph& graph = BenchGraph();
  std::string folder = (std::filesystem::temp_directory_path() / "actorgraph-bench-XXXXXX").string();
  if (mkdtemp(folder.data()) == nullptr) {
    state.SkipWithError("cannot create a temporary folder");
    return;
  }
  ExportOptions options;
  options.output_dir = folder;
  options.formats = ParseExportFormats("dot,graphml,gexf,csv,json");
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    for (const std::string& path : ExportGraph(graph, options)) bytes += std::filesystem::file_size(path);
  }
  std::filesystem::remove_all(folder);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetLabel("dot,graphml,gexf,csv,json: " + std::to_string(bytes) + " bytes out");
}
BENCHMARK(BM_ExportGraph)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace actorgraph
