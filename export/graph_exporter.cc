#include "export/graph_exporter.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <sstream>

#include "export/atomic_file.h"
#include "export/csv_writer.h"
#include "export/dot_writer.h"
#include "export/gexf_writer.h"
#include "export/graphml_writer.h"
#include "export/json_writer.h"
#include "extract/error.h"

namespace actorgraph {
namespace {

namespace fs = std::filesystem;

constexpr ExportFormat kAllFormats[] = {ExportFormat::kDot,  ExportFormat::kGraphml,
                                        ExportFormat::kGexf, ExportFormat::kCsv,
                                        ExportFormat::kJson, ExportFormat::kSvg,
                                        ExportFormat::kPng,  ExportFormat::kPdf};

std::string Trim(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string out(text.substr(begin, end - begin));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Creates `dir` if missing and checks that files can be made in it.
void PrepareFolder(const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw Error(dir + ": cannot create the output folder: " + error.message());
  if (!fs::is_directory(dir, error)) throw Error(dir + ": not a folder");
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw Error(dir + ": the output folder is not writable");
  }
}

// Streams one file through an AtomicFile: `write` fills the stream, then the file is
// committed (renamed into place).
void WriteFile(const std::string& path, const std::function<void(std::ostream&)>& write) {
  AtomicFile file(path);
  write(file.stream());
  file.Commit();
}

}  // namespace

const char* ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kDot: return "dot";
    case ExportFormat::kGraphml: return "graphml";
    case ExportFormat::kGexf: return "gexf";
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kJson: return "json";
    case ExportFormat::kSvg: return "svg";
    case ExportFormat::kPng: return "png";
    case ExportFormat::kPdf: return "pdf";
  }
  return "dot";
}

std::vector<ExportFormat> ParseExportFormats(std::string_view list) {
  std::vector<ExportFormat> formats;
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = std::min(list.find(',', pos), list.size());
    std::string name = Trim(list.substr(pos, comma - pos));
    pos = comma + 1;
    if (name.empty()) continue;
    auto known = std::find_if(std::begin(kAllFormats), std::end(kAllFormats),
                              [&](ExportFormat f) { return name == ExportFormatName(f); });
    if (known == std::end(kAllFormats)) {
      throw Error("unknown format '" + name +
                  "': choose from dot, graphml, gexf, csv, json, svg, png, pdf");
    }
    if (std::find(formats.begin(), formats.end(), *known) == formats.end()) formats.push_back(*known);
  }
  if (formats.empty()) throw Error("no output format given: choose from dot, graphml, gexf, csv, json, svg, png, pdf");
  return formats;
}

std::vector<ExportFormat> DefaultExportFormats() {
  return {ExportFormat::kDot, ExportFormat::kGraphml, ExportFormat::kGexf, ExportFormat::kSvg};
}

std::vector<std::string> ExportGraph(const ActorGraph& graph, const ExportOptions& options) {
  PrepareFolder(options.output_dir);
  auto path_of = [&](const char* name) { return (fs::path(options.output_dir) / name).string(); };

  // DOT is written once, before any layout, and is the source of every picture.
  std::string dot;
  auto dot_text = [&]() -> const std::string& {
    if (dot.empty()) {
      std::ostringstream text;
      WriteDot(graph, text);
      dot = text.str();
    }
    return dot;
  };
  auto render = [&](RenderFormat format) {
    return [&, format](std::ostream& out) { RenderDot(dot_text(), options.layout, format, out); };
  };

  std::vector<std::string> written;
  auto write = [&](const char* name, const std::function<void(std::ostream&)>& writer) {
    std::string path = path_of(name);
    WriteFile(path, writer);
    written.push_back(path);
  };
  for (ExportFormat format : options.formats) {
    switch (format) {
      case ExportFormat::kDot:
        write("graph.dot", [&](std::ostream& out) { out << dot_text(); });
        break;
      case ExportFormat::kGraphml:
        write("graph.graphml", [&](std::ostream& out) { WriteGraphml(graph, out, options.threads); });
        break;
      case ExportFormat::kGexf:
        write("graph.gexf", [&](std::ostream& out) { WriteGexf(graph, out, options.threads); });
        break;
      case ExportFormat::kCsv:
        write("nodes.csv", [&](std::ostream& out) { WriteNodesCsv(graph, out); });
        write("edges.csv", [&](std::ostream& out) { WriteEdgesCsv(graph, out, options.threads); });
        break;
      case ExportFormat::kJson:
        write("graph.json", [&](std::ostream& out) { WriteJson(graph, out, options.threads); });
        break;
      case ExportFormat::kSvg:
        write("graph.svg", render(RenderFormat::kSvg));
        break;
      case ExportFormat::kPng:
        write("graph.png", render(RenderFormat::kPng));
        break;
      case ExportFormat::kPdf:
        write("graph.pdf", render(RenderFormat::kPdf));
        break;
    }
  }
  return written;
}

}  // namespace actorgraph
