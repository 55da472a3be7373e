// End-to-end: ExportGraph writes every format, and the real clients (check_graph.py:
// xmllint with the schemas, networkx, igraph, Gephi Lite's parser, Graphviz; Python's
// csv and json modules) load each file with the counts and names the graph has.
#include "export/graph_exporter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/dot_writer.h"
#include "export/text_escape.h"
#include "extract/error.h"
#include "tests/export/export_graphs.h"

namespace actorgraph {
namespace {

using testing::CheckGraph;
using testing::ReportedCounts;
using testing::RunCommand;
using testing::ShellQuote;
using testing::TempDir;
namespace fs = std::filesystem;

// Reads the data formats back with Python and prints, one per line: the row counts of
// nodes.csv and edges.csv (and whether every row has as many fields as the header), then
// the node labels as each format gives them, as JSON lists.
constexpr const char* kReadBack = R"PY(
import csv, json, sys, xml.etree.ElementTree as ET
import networkx as nx
d = sys.argv[1]
def rows(name):
    with open(f"{d}/{name}", newline="", encoding="utf-8") as f:
        r = list(csv.reader(f))
    return r[0], r[1:]
nh, nr = rows("nodes.csv")
eh, er = rows("edges.csv")
print(len(nr), len(er), all(len(x) == len(nh) for x in nr) and all(len(x) == len(eh) for x in er))
print(json.dumps([x[nh.index("Label")] for x in nr]))
j = json.load(open(f"{d}/graph.json", encoding="utf-8"))
print(json.dumps([n["label"] for n in j["nodes"]]))
print(len(j["nodes"]), len(j["links"]))
g = nx.read_graphml(f"{d}/graph.graphml")
print(json.dumps([g.nodes[n]["label"] for n in g.nodes]))
ns = {"g": "http://gexf.net/1.3"}
x = ET.parse(f"{d}/graph.gexf")
print(json.dumps([n.get("label") for n in x.getroot().iter("{http://gexf.net/1.3}node")]))
print(json.dumps([[x[eh.index("Source")], x[eh.index("Target")], x[eh.index("Type")]] for x in er]))
)PY";

struct ReadBack {
  long csv_nodes = -1, csv_edges = -1;
  bool csv_rectangular = false;
  std::vector<std::string> lines;  // the JSON lines that follow
};

ReadBack ReadBackWithPython(const TempDir& dir, const std::string& out_dir) {
  std::string script = dir.Write("read_back.py", kReadBack);
  testing::CommandResult result = RunCommand("python3 " + ShellQuote(script) + " " + ShellQuote(out_dir));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  ReadBack back;
  std::istringstream lines(result.out);
  std::string rectangular;
  lines >> back.csv_nodes >> back.csv_edges >> rectangular;
  back.csv_rectangular = rectangular == "True";
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) back.lines.push_back(line);
  return back;
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    // Python's json.dumps escapes non-ASCII; compare through it instead of by hand.
    out += JsonQuote(items[i]);
  }
  return out + "]";
}

// Python's json.dumps(list) of labels, computed by Python from our own JSON text so that
// both sides use the same (ASCII-escaped) spelling.
std::string PythonDumps(const TempDir& dir, const std::vector<std::string>& items) {
  std::string file = dir.Write("expected.json", JsonList(items));
  testing::CommandResult result = RunCommand(
      "python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1], encoding=\"utf-8\"))))' " +
      ShellQuote(file));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out.substr(0, result.out.find('\n'));
}

const std::vector<ExportFormat> kDataFormats = {ExportFormat::kDot, ExportFormat::kGraphml,
                                                ExportFormat::kGexf, ExportFormat::kCsv,
                                                ExportFormat::kJson};

// Exports `graph` in every data format and checks it with every client.
void ExpectClientsAgree(const ActorGraph& graph) {
  TempDir dir;
  std::string out = (dir.path() / "out").string();
  ExportOptions options;
  options.output_dir = out;
  options.formats = kDataFormats;
  ExportGraph(graph, options);

  long nodes = static_cast<long>(graph.nodes().size());
  long edges = static_cast<long>(graph.edges().size());
  std::string dot = out + "/graph.dot", graphml = out + "/graph.graphml", gexf = out + "/graph.gexf";
  testing::CommandResult check = CheckGraph({dot, graphml, gexf});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  std::cout << check.out;
  EXPECT_EQ(ReportedCounts(check.out, graphml), std::make_pair(nodes, edges)) << check.out;
  EXPECT_EQ(ReportedCounts(check.out, gexf), std::make_pair(nodes, edges)) << check.out;
  // The legend is one more node, with no edges.
  EXPECT_EQ(ReportedCounts(check.out, dot),
            std::make_pair(nodes + static_cast<long>(kDotLegendNodes), edges)) << check.out;

  ReadBack back = ReadBackWithPython(dir, out);
  EXPECT_EQ(back.csv_nodes, nodes);
  EXPECT_EQ(back.csv_edges, edges);
  EXPECT_TRUE(back.csv_rectangular);
  ASSERT_EQ(back.lines.size(), 6u);

  std::vector<std::string> names;
  for (const ActorNode& node : graph.nodes()) names.push_back(SanitizeText(node.name));
  std::string expected = PythonDumps(dir, names);
  EXPECT_EQ(back.lines[0], expected) << "nodes.csv labels";
  EXPECT_EQ(back.lines[1], expected) << "graph.json labels";
  EXPECT_EQ(back.lines[2], std::to_string(nodes) + " " + std::to_string(edges)) << "graph.json counts";
  EXPECT_EQ(back.lines[3], expected) << "graph.graphml labels (networkx)";
  EXPECT_EQ(back.lines[4], expected) << "graph.gexf labels";

  std::vector<std::string> endpoints;
  std::string edge_list = "[";
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const RelationEdge& e = graph.edges()[i];
    edge_list += std::string(i ? ", " : "") + "[\"n" + std::to_string(e.source) + "\", \"n" +
                 std::to_string(e.target) + "\", \"" + (e.symmetric ? "Undirected" : "Directed") + "\"]";
  }
  EXPECT_EQ(back.lines[5], edge_list + "]") << "edges.csv endpoints";
}

TEST(GraphExporter, SmallGraphLoadsInEveryClient) {
  ActorGraph graph = testing::SmallGraph();
  ASSERT_EQ(graph.nodes().size(), 6u);
  ASSERT_GE(graph.edges().size(), 8u);
  ExpectClientsAgree(graph);
}

TEST(GraphExporter, HostileNamesLoadInEveryClient) {
  ActorGraph graph = testing::HostileGraph();
  ASSERT_EQ(graph.nodes().size(), testing::HostileNames().size());
  ExpectClientsAgree(graph);
}

TEST(GraphExporter, DirectedGraphLoadsInNetworkxToo) {
  ActorGraph graph = testing::DirectedGraph();
  TempDir dir;
  ExportOptions options;
  options.output_dir = dir.path().string();
  options.formats = {ExportFormat::kGexf};
  ExportGraph(graph, options);
  std::string gexf = dir.path().string() + "/graph.gexf";
  testing::CommandResult check = CheckGraph({gexf});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(check.out.find("mixed graph"), std::string::npos) << check.out;
  EXPECT_EQ(ReportedCounts(check.out, gexf),
            std::make_pair(static_cast<long>(graph.nodes().size()),
                           static_cast<long>(graph.edges().size())));
}

// The JSON shape is networkx's node-link format (which d3 also reads).
TEST(GraphExporter, JsonLoadsInNetworkx) {
  ActorGraph graph = testing::SmallGraph();
  TempDir dir;
  ExportOptions options;
  options.output_dir = dir.path().string();
  options.formats = {ExportFormat::kJson};
  ExportGraph(graph, options);
  testing::CommandResult result = RunCommand(
      "python3 -c 'import json, sys, networkx as nx; "
      "g = nx.node_link_graph(json.load(open(sys.argv[1])), edges=\"links\"); "
      "print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())' " +
      ShellQuote(dir.path().string() + "/graph.json"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, std::to_string(graph.nodes().size()) + " " +
                            std::to_string(graph.edges().size()) + " True True\n");
}

TEST(GraphExporter, EmptyGraphLoadsInEveryClient) {
  GraphBuilder builder;
  ExpectClientsAgree(builder.Build());
}

TEST(GraphExporter, WritesTheFilesOfEachFormat) {
  TempDir dir;
  ExportOptions options;
  options.output_dir = (dir.path() / "a" / "b").string();  // created with its parent
  options.formats = ParseExportFormats("dot,graphml,gexf,csv,json,svg,png,pdf");
  std::vector<std::string> written = ExportGraph(testing::SmallGraph(), options);
  std::vector<std::string> names;
  for (const std::string& path : written) names.push_back(fs::path(path).filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"graph.dot", "graph.graphml", "graph.gexf",
                                             "nodes.csv", "edges.csv", "graph.json", "graph.svg",
                                             "graph.png", "graph.pdf"}));
  for (const std::string& path : written) EXPECT_GT(fs::file_size(path), 100u) << path;
  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(options.output_dir))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(GraphExporter, DefaultFormatsAreDotGraphmlGexfSvg) {
  TempDir dir;
  ExportOptions options;
  options.output_dir = dir.path().string();
  std::vector<std::string> written = ExportGraph(testing::SmallGraph(), options);
  ASSERT_EQ(written.size(), 4u);
  EXPECT_EQ(fs::path(written[3]).filename(), "graph.svg");
}

TEST(GraphExporter, ParsesFormatLists) {
  EXPECT_EQ(ParseExportFormats(" SVG, dot ,svg"),
            (std::vector<ExportFormat>{ExportFormat::kSvg, ExportFormat::kDot}));
  try {
    ParseExportFormats("dot,gml");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("unknown format 'gml'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ParseExportFormats(" , "), Error);
}

TEST(GraphExporter, UnwritableFolderIsAnErrorNamingIt) {
  TempDir dir;
  std::string file = dir.Write("a-file", "x");
  ExportOptions options;
  options.output_dir = file + "/out";
  try {
    ExportGraph(testing::SmallGraph(), options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(options.output_dir), std::string::npos) << e.what();
  }
}

TEST(GraphExporter, FailedRenderKeepsThePreviousFile) {
  TempDir dir;
  std::string svg = dir.Write("graph.svg", "previous");
  // A layout that is not an engine fails inside Graphviz, after the file was opened.
  ExportOptions options;
  options.output_dir = dir.path().string();
  options.formats = {ExportFormat::kSvg};
  options.layout = static_cast<Layout>(99);
  EXPECT_THROW(ExportGraph(testing::SmallGraph(), options), Error);
  std::ifstream in(svg);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "previous");
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
}

TEST(GraphExporter, ExportsAreByteIdenticalFromRunToRun) {
  TempDir a, b;
  ExportOptions options;
  options.formats = kDataFormats;
  options.output_dir = a.path().string();
  ExportGraph(testing::SmallGraph(), options);
  options.output_dir = b.path().string();
  ExportGraph(testing::SmallGraph(), options);
  for (const char* name : {"graph.dot", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json"}) {
    testing::CommandResult diff =
        RunCommand("cmp " + ShellQuote((a.path() / name).string()) + " " + ShellQuote((b.path() / name).string()));
    EXPECT_EQ(diff.exit_code, 0) << name << diff.out;
  }
}

// Enough edges for several chunks of the writers' threads (export/ordered_chunks.h).
TEST(GraphExporter, DataExportsAreTheSameForAnyThreadCount) {
  const char* types[] = {"met", "warned", "praised"};
  GraphBuilder builder;
  std::vector<testing::Mentioned> relations;
  for (int a = 0; a < 120; ++a) {
    for (int b = 0; b < 120; ++b) {
      if (a == b) continue;
      relations.push_back(testing::Rel(testing::Ref("Actor " + std::to_string(a), ActorType::kPerson),
                                       types[(a + b) % 3],
                                       testing::Ref("Actor " + std::to_string(b), ActorType::kCountry),
                                       "neutral", (a + b) % 3 == 0, false, false,
                                       "2022-0" + std::to_string(1 + a % 9)));
    }
  }
  builder.Add(testing::Extraction("big", "2022-01-01", relations));
  ActorGraph graph = builder.Build();
  ASSERT_GT(graph.edges().size(), 2 * 4096u);
  TempDir one, three;
  ExportOptions options;
  options.formats = kDataFormats;
  options.output_dir = one.path().string();
  options.threads = 1;
  ExportGraph(graph, options);
  options.output_dir = three.path().string();
  options.threads = 3;
  ExportGraph(graph, options);
  for (const char* name : {"graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.json"}) {
    testing::CommandResult diff = RunCommand("cmp " + ShellQuote((one.path() / name).string()) + " " +
                                             ShellQuote((three.path() / name).string()));
    EXPECT_EQ(diff.exit_code, 0) << name << diff.out;
  }
}

}  // namespace
}  // namespace actorgraph
