#include "cli/commands.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/progress_meter.h"
#include "cli/stage_timer.h"
#include "export/atomic_file.h"
#include "export/graph_exporter.h"
#include "export/relation_table_writer.h"
#include "extract/article_reader.h"
#include "extract/diagnostics.h"
#include "extract/error.h"
#include "extract/extraction_pipeline.h"
#include "extract/extractor.h"
#include "graph/graph_builder.h"
#include "graph/graph_report.h"

namespace actorgraph {
namespace {

int ThreadCount(const Invocation& inv) {
  if (inv.threads > 0) return inv.threads;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// Reads and extracts every article of inv.inputs, handing each result to `sink` in
// input order, with the progress line on a terminal. Times the stages "rules" and
// "extract".
void ExtractAll(const Invocation& inv, Diagnostics& diagnostics,
                const std::function<void(DocumentExtraction&&)>& sink, StageTimer& timer) {
  timer.Start("rules");
  ExtractorOptions extractor_options;
  extractor_options.rules_dir = inv.rules_dir;
  extractor_options.threads = ThreadCount(inv);
  Extractor extractor(extractor_options);
  ReaderOptions reader_options;
  reader_options.skip_bad = inv.skip_bad;
  ArticleReader reader(inv.inputs, reader_options, diagnostics);
  timer.Start("extract");
  ProgressMeter meter(inv.inputs, inv.quiet);
  PipelineOptions pipeline;
  pipeline.threads = ThreadCount(inv);
  pipeline.progress = [&](const PipelineProgress& p) { meter.Update(p.articles, p.bytes); };
  RunExtractionPipeline(reader, extractor, pipeline, diagnostics, sink);
  meter.Finish();
  if (reader.skipped() > 0) {
    diagnostics.Warn(std::to_string(reader.skipped()) + " input(s) skipped");
  }
}

// Also times the stage "graph": the views and the analytics.
ActorGraph BuildGraph(const Invocation& inv, Diagnostics& diagnostics, StageTimer& timer) {
  GraphOptions options = inv.graph;
  options.threads = ThreadCount(inv);
  GraphBuilder builder(options);
  ExtractAll(inv, diagnostics, [&](DocumentExtraction&& extraction) { builder.Add(extraction); }, timer);
  timer.Start("graph");
  return builder.Build();
}

int RunBuild(const Invocation& inv) {
  StderrDiagnostics diagnostics;
  ExportOptions options;
  options.output_dir = inv.output;
  if (!inv.formats.empty()) {
    std::string list;
    for (const std::string& f : inv.formats) list += (list.empty() ? "" : ",") + f;
    options.formats = ParseExportFormats(list);
  }
  options.layout = ParseLayout(inv.layout);
  options.threads = ThreadCount(inv);
  StageTimer timer(inv.timings);
  ActorGraph graph = BuildGraph(inv, diagnostics, timer);
  timer.Start("write");
  std::vector<std::string> written = ExportGraph(graph, options);
  timer.Report();
  if (!inv.quiet) {
    std::fprintf(stderr, "actorgraph: %zu articles, %zu actors, %zu relations\n", graph.article_count(),
                 graph.nodes().size(), graph.edges().size());
    for (const std::string& path : written) std::fprintf(stderr, "actorgraph: wrote %s\n", path.c_str());
  }
  return 0;
}

int RunExtract(const Invocation& inv) {
  StderrDiagnostics diagnostics;
  TableFormat format = !inv.formats.empty() && inv.formats[0] == "jsonl" ? TableFormat::kJsonl : TableFormat::kTsv;
  std::unique_ptr<AtomicFile> file;
  if (!inv.output.empty() && inv.output != "-") file = std::make_unique<AtomicFile>(inv.output);
  std::ostream& out = file ? file->stream() : std::cout;
  RelationTableWriter writer(out, format, inv.explain_rules);
  writer.Begin();
  StageTimer timer(inv.timings);
  ExtractAll(inv, diagnostics, [&](DocumentExtraction&& extraction) {
    for (const Relation& relation : extraction.relations) writer.Write(relation);
  }, timer);
  if (file) {
    file->Commit();
  } else {
    out.flush();
    if (!out) throw Error("<stdout>: write failed");
  }
  timer.Report();
  return 0;
}

int RunStats(const Invocation& inv) {
  StderrDiagnostics diagnostics;
  StageTimer timer(inv.timings);
  ActorGraph graph = BuildGraph(inv, diagnostics, timer);
  timer.Start("report");
  WriteStats(graph, std::cout, inv.top);
  std::cout.flush();
  if (!std::cout) throw Error("<stdout>: write failed");
  timer.Report();
  return 0;
}

int RunExplain(const Invocation& inv) {
  StderrDiagnostics diagnostics;
  StageTimer timer(inv.timings);
  ActorGraph graph = BuildGraph(inv, diagnostics, timer);
  timer.Start("report");
  WriteExplain(graph, inv.actors[0], inv.actors.size() > 1 ? inv.actors[1] : "", std::cout);
  std::cout.flush();
  if (!std::cout) throw Error("<stdout>: write failed");
  timer.Report();
  return 0;
}

}  // namespace

int RunCommand(const Invocation& inv) {
  if (inv.command == "build") return RunBuild(inv);
  if (inv.command == "extract") return RunExtract(inv);
  if (inv.command == "stats") return RunStats(inv);
  return RunExplain(inv);
}

}  // namespace actorgraph
