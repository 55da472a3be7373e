// Builds a cgraph graph and lets agwrite print it: cgraph knows DOT's quoting rules
// (which strings need quotes, keywords, long-line continuations), we only escape what
// cgraph leaves to the caller: backslashes, which Graphviz reads as label escapes
// (\N, \n, \l, \G...), and ampersands, because Graphviz decodes HTML entities in plain
// labels too ("&lt;" would be drawn as "<"). Every attribute is declared with agattr before the first node or
// edge, because agset on an undeclared attribute silently does nothing.
#include "export/dot_writer.h"

#include <graphviz/cgraph.h>

#include <string>
#include <utility>
#include <vector>

#include "export/graph_style.h"
#include "export/text_escape.h"
#include "extract/error.h"

namespace actorgraph {
namespace {

// cgraph's API predates const; it copies every string it is given.
char* Mutable(const char* text) { return const_cast<char*>(text); }

// agwrite's output goes through this discipline to the caller's stream.
int PutString(void* channel, const char* text) {
  *static_cast<std::ostream*>(channel) << text;
  return 0;
}
int Flush(void*) { return 0; }
Agiodisc_t kStreamIo = {nullptr, PutString, Flush};
Agdisc_t kStreamDisc = {&AgMemDisc, &AgIdDisc, &kStreamIo};

// Owns an Agraph_t; move-only.
class CgraphGraph {
 public:
  explicit CgraphGraph(Agraph_t* graph) : graph_(graph) {}
  ~CgraphGraph() {
    if (graph_ != nullptr) agclose(graph_);
  }
  CgraphGraph(CgraphGraph&& other) noexcept : graph_(std::exchange(other.graph_, nullptr)) {}
  CgraphGraph& operator=(CgraphGraph&& other) noexcept {
    std::swap(graph_, other.graph_);
    return *this;
  }
  Agraph_t* get() const { return graph_; }

 private:
  Agraph_t* graph_;
};

// A name or label as a DOT escString that shows exactly the given text.
std::string DotText(std::string_view text) {
  std::string clean = SanitizeText(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '&': out += "&amp;"; break;  // Graphviz decodes entities in labels: keep "&lt;" literal
      case '\n': out += "\\n"; break;  // a centred line break
      case '\r': out += ' '; break;
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string EdgeLabel(const RelationEdge& edge) {
  std::string label = EdgeRelationLabel(edge);
  if (edge.weight > 1) label += " \xC3\x97" + std::to_string(edge.weight);  // ×N
  return DotText(label);
}

const char* EdgeStyle(const RelationEdge& edge) {
  if (edge.negated) return "dotted";
  if (edge.asserted == 0 && edge.planned > 0) return "dashed";
  return "solid";
}

std::string Row(const std::string& cell) { return "<tr><td align=\"left\">" + cell + "</td></tr>"; }

std::string LegendHtml() {
  auto colored = [](Rgb color, const std::string& text) {
    return "<font color=\"" + HexColor(color) + "\">" + text + "</font>";
  };
  RelationEdge cooperation, conflict, neutral, negated;
  cooperation.family = "cooperation";
  conflict.family = "conflict";
  neutral.family = "neutral";
  negated.negated = true;
  std::string html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"1\" cellpadding=\"2\">";
  html += Row("<b>Legend</b>");
  for (ActorType type : {ActorType::kPerson, ActorType::kCountry, ActorType::kOrganisation,
                         ActorType::kGroup}) {
    html += "<tr><td align=\"left\" bgcolor=\"" + HexColor(ActorTypeColor(type)) + "\">" +
            std::string(ActorTypeName(type)) + " (" + ActorTypeShape(type) + ")</td></tr>";
  }
  const std::string line = "\xE2\x80\x94\xE2\x80\x94 ";  // "—— "
  html += Row(colored(EdgeColor(cooperation), line + "cooperation"));
  html += Row(colored(EdgeColor(conflict), line + "conflict"));
  html += Row(colored(EdgeColor(neutral), line + "neutral"));
  html += Row(colored(EdgeColor(negated), "\xC2\xB7\xC2\xB7\xC2\xB7\xC2\xB7 not \xE2\x80\xA6 (negated, dotted)"));
  html += Row("- - - planned only (dashed)");
  html += Row("label: relation \xC3\x97mentions; width grows with mentions");
  html += Row("no arrow: symmetric relation");
  return html + "</table>";
}

void DeclareDefaults(Agraph_t* g) {
  auto graph_attr = [&](const char* name, const char* value) {
    agattr(g, AGRAPH, Mutable(name), Mutable(value));
  };
  graph_attr("charset", "UTF-8");
  graph_attr("fontname", "sans-serif");
  graph_attr("rankdir", "LR");
  graph_attr("overlap", "false");  // neato, fdp and sfdp: move overlapping nodes apart
  graph_attr("sep", "+12");        // ... and leave room for edge labels between them
  graph_attr("K", "1");            // fdp and sfdp: longer springs than sfdp's 0.3 inch
  graph_attr("outputorder", "edgesfirst");
  graph_attr("label", "");
  graph_attr("style", "");
  graph_attr("color", "black");
  auto node_attr = [&](const char* name, const char* value) {
    agattr(g, AGNODE, Mutable(name), Mutable(value));
  };
  node_attr("label", "\\N");
  node_attr("tooltip", "");
  node_attr("shape", "ellipse");
  node_attr("style", "filled");
  node_attr("fillcolor", "white");
  node_attr("fontname", "sans-serif");
  node_attr("fontsize", "11");
  auto edge_attr = [&](const char* name, const char* value) {
    agattr(g, AGEDGE, Mutable(name), Mutable(value));
  };
  edge_attr("label", "");
  edge_attr("color", "black");
  edge_attr("fontcolor", "black");
  edge_attr("penwidth", "1");
  edge_attr("style", "solid");
  edge_attr("dir", "forward");
  edge_attr("fontname", "sans-serif");
  edge_attr("fontsize", "9");
}

void Set(void* object, const char* name, const std::string& value) {
  agset(object, Mutable(name), Mutable(value.c_str()));
}

void AddLegend(Agraph_t* g) {
  Agraph_t* cluster = agsubg(g, Mutable("cluster_legend"), 1);
  Set(cluster, "label", "");
  Set(cluster, "style", "rounded");
  Set(cluster, "color", "#9E9E9E");
  Agnode_t* legend = agnode(cluster, Mutable("legend"), 1);
  std::string html = LegendHtml();
  char* label = agstrdup_html(g, Mutable(html.c_str()));
  agset(legend, Mutable("label"), label);
  agstrfree(g, label);
  Set(legend, "shape", "plain");
  Set(legend, "style", "");
  Set(legend, "tooltip", "Legend");
}

}  // namespace

void WriteDot(const ActorGraph& graph, std::ostream& out, const DotOptions& options) {
  CgraphGraph dot(agopen(Mutable("actors"), Agdirected, &kStreamDisc));
  if (dot.get() == nullptr) throw Error("Graphviz could not create a graph (out of memory?)");
  Agraph_t* g = dot.get();
  DeclareDefaults(g);

  const auto& nodes = graph.nodes();
  std::vector<Agnode_t*> dot_nodes;
  dot_nodes.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const ActorNode& node = nodes[i];
    Agnode_t* n = agnode(g, Mutable(NodeId(i).c_str()), 1);
    Set(n, "label", DotText(TruncateText(node.name, options.max_label_chars)));
    std::string tooltip = node.name + " (" + std::string(ActorTypeName(node.type));
    if (!node.country.empty()) tooltip += ", " + node.country;
    Set(n, "tooltip", DotText(tooltip + ")"));
    Set(n, "shape", ActorTypeShape(node.type));
    Set(n, "fillcolor", HexColor(ActorTypeColor(node.type)));
    dot_nodes.push_back(n);
  }

  const auto& edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const RelationEdge& edge = edges[i];
    if (edge.source >= dot_nodes.size() || edge.target >= dot_nodes.size()) {
      throw Error("internal error: edge " + EdgeId(i) + " names a node that does not exist");
    }
    Agedge_t* e = agedge(g, dot_nodes[edge.source], dot_nodes[edge.target],
                         Mutable(EdgeId(i).c_str()), 1);
    std::string color = HexColor(EdgeColor(edge));
    Set(e, "label", EdgeLabel(edge));
    Set(e, "color", color);
    Set(e, "fontcolor", color);
    Set(e, "penwidth", FormatNumber(EdgeWidth(edge.weight)));
    Set(e, "style", EdgeStyle(edge));
    if (edge.symmetric) Set(e, "dir", "none");
  }

  if (options.legend) AddLegend(g);
  agwrite(g, &out);
}

}  // namespace actorgraph
