// The one entry point of the export module: writes an ActorGraph into a folder in the
// formats a user asked for. This is what `actorgraph build` calls.
//
//   ExportOptions options;
//   options.output_dir = "out";
//   options.formats = ParseExportFormats("dot,graphml,svg");   // or DefaultExportFormats()
//   options.layout = ParseLayout("auto");                      // export/graph_renderer.h
//   std::vector<std::string> written = ExportGraph(graph, options);
//
// Files, by format: dot graph.dot, graphml graph.graphml, gexf graph.gexf, csv nodes.csv
// and edges.csv, json graph.json, svg graph.svg, png graph.png, pdf graph.pdf. Each one
// is streamed into a temporary file beside its target and renamed over it when complete
// (export/atomic_file.h), so a failed run leaves the previous files as they were.
// Pictures are rendered from the same DOT text that graph.dot holds.
#ifndef ACTORGRAPH_EXPORT_GRAPH_EXPORTER_H_
#define ACTORGRAPH_EXPORT_GRAPH_EXPORTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "export/graph_renderer.h"
#include "graph/actor_graph.h"

namespace actorgraph {

enum class ExportFormat { kDot, kGraphml, kGexf, kCsv, kJson, kSvg, kPng, kPdf };

// "dot", "graphml", "gexf", "csv", "json", "svg", "png", "pdf".
const char* ExportFormatName(ExportFormat format);

// A comma-separated list such as "dot,svg" (case-insensitive; spaces around names and
// repeated names are ignored; order kept). Throws Error naming an unknown format and the
// valid ones, or if the list is empty.
std::vector<ExportFormat> ParseExportFormats(std::string_view list);

// What `actorgraph build` writes without --format: dot, graphml, gexf, svg.
std::vector<ExportFormat> DefaultExportFormats();

struct ExportOptions {
  std::string output_dir = ".";
  std::vector<ExportFormat> formats = DefaultExportFormats();
  Layout layout = Layout::kAuto;  // for svg, png and pdf
  // Threads that format the data exports (GraphML, GEXF, CSV, JSON); the files are the
  // same for any count.
  int threads = 1;
};

// Writes `graph` in each of options.formats into options.output_dir, creating the folder
// (and its parents) if missing. Returns the paths written, in the order of `formats`.
// Throws Error naming the folder if it cannot be created or written, naming the file if
// a write fails (files already written stay), and with Graphviz's message if rendering
// fails. Not thread-safe (Graphviz keeps global state): one export at a time.
std::vector<std::string> ExportGraph(const ActorGraph& graph, const ExportOptions& options);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GRAPH_EXPORTER_H_
