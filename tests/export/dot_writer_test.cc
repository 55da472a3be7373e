#include "export/dot_writer.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "export/graph_renderer.h"
#include "export/text_escape.h"
#include "tests/export/export_graphs.h"

namespace actorgraph {
namespace {

std::string Dot(const ActorGraph& graph, DotOptions options = {}) {
  std::ostringstream out;
  WriteDot(graph, out, options);
  return out.str();
}

TEST(DotWriter, StylesNodesAndEdges) {
  std::string dot = Dot(testing::SmallGraph());
  EXPECT_NE(dot.find("shape=box"), std::string::npos);      // countries
  EXPECT_NE(dot.find("shape=hexagon"), std::string::npos);  // organisations
  EXPECT_NE(dot.find("shape=octagon"), std::string::npos);  // groups
  EXPECT_NE(dot.find("label=\"met \xC3\x97" "2\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"not met\""), std::string::npos);
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);   // the negated edge
  EXPECT_NE(dot.find("style=dashed"), std::string::npos);   // the planned-only visit
  EXPECT_NE(dot.find("dir=none"), std::string::npos);       // symmetric relations
  EXPECT_NE(dot.find("cluster_legend"), std::string::npos);
  // Defaults are declared before the first node.
  EXPECT_LT(dot.find("node ["), dot.find("n0"));
}

TEST(DotWriter, LegendCanBeLeftOut) {
  DotOptions options;
  options.legend = false;
  EXPECT_EQ(Dot(testing::SmallGraph(), options).find("legend"), std::string::npos);
}

TEST(DotWriter, EscapesBackslashesSoNamesAreNotGraphvizEscapes) {
  std::string dot = Dot(testing::HostileGraph());
  EXPECT_NE(dot.find("Back\\\\slash \\\\N \\\\n \\\\l \\\\G \\\\\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("Quote \\\"Mark\\\" O'Neil"), std::string::npos);
}

// Graphviz draws every hostile name as written: "\N" stays "\N" (not the node id),
// "&amp;" stays "&amp;", and the SVG is well-formed XML.
TEST(DotWriter, HostileNamesSurviveRendering) {
  ActorGraph graph = testing::HostileGraph();
  std::ostringstream svg;
  std::string dot = Dot(graph);
  RenderDot(dot, Layout::kDot, RenderFormat::kSvg, svg);
  if (const char* keep = std::getenv("ACTORGRAPH_RENDER_DIR")) {  // for a person to look at
    std::ofstream(std::string(keep) + "/hostile.dot", std::ios::binary) << dot;
  }
  testing::TempDir dir;
  std::string file = dir.Write("graph.svg", svg.str());
  std::string script = dir.Write("texts.py", R"PY(
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for g in root.iter("{http://www.w3.org/2000/svg}g"):
    if g.get("class") == "node":
        texts = [t.text or "" for t in g.iter("{http://www.w3.org/2000/svg}text")]
        sys.stdout.buffer.write(("\n".join(texts) + "\x00").encode("utf-8"))
)PY");
  testing::CommandResult result = testing::RunCommand("python3 " + testing::ShellQuote(script) +
                                                      " " + testing::ShellQuote(file));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string drawn = result.out;
  for (const ActorNode& node : graph.nodes()) {
    if (node.name.find_first_of("\n\r\t") != std::string::npos) continue;  // drawn on lines
    std::string label = TruncateText(node.name, DotOptions().max_label_chars);
    EXPECT_NE(drawn.find(label + '\0'), std::string::npos) << "not drawn: " << label;
  }
}

}  // namespace
}  // namespace actorgraph
