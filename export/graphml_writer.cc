#include "export/graphml_writer.h"

#include <charconv>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "export/graph_columns.h"
#include "export/graph_style.h"
#include "export/ordered_chunks.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

// GraphML key ids are unique across node and edge keys; an edge column whose name a
// node column already uses gets "edge_" in front (only "articles" today).
std::vector<std::string> EdgeKeyNames() {
  std::set<std::string> node_names;
  for (const NodeColumn& column : NodeColumns()) node_names.insert(column.name);
  std::vector<std::string> names;
  for (const EdgeColumn& column : EdgeColumns()) {
    std::string name = column.name;
    names.push_back(node_names.count(name) ? "edge_" + name : name);
  }
  return names;
}

void WriteKey(std::ostream& out, const char* domain, const std::string& name, ColumnType type) {
  out << "  <key id=\"" << XmlEscape(name) << "\" for=\"" << domain << "\" attr.name=\""
      << XmlEscape(name) << "\" attr.type=\"" << GraphmlTypeName(type) << "\"/>\n";
}

// "<prefix><index>", as NodeId and EdgeId spell it, without a std::string of its own.
void AppendId(std::string& text, char prefix, std::size_t index) {
  char digits[24];
  digits[0] = prefix;
  auto result = std::to_chars(digits + 1, digits + sizeof digits, index);
  text.append(digits, result.ptr);
}

// `      <data key="KEY">`, escaped once per column instead of once per value.
std::vector<std::string> DataOpenings(const std::vector<std::string>& keys) {
  std::vector<std::string> openings;
  for (const std::string& key : keys) openings.push_back("      <data key=\"" + XmlEscape(key) + "\">");
  return openings;
}

void AppendData(std::string& text, const std::string& opening, ColumnType type,
                const std::string& value) {
  if (value.empty()) return;
  text += opening;
  AppendXmlValue(type, value, text);
  text += "</data>\n";
}

}  // namespace

void WriteGraphml(const ActorGraph& graph, std::ostream& out, int threads) {
  const std::vector<std::string> edge_keys = EdgeKeyNames();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const NodeColumn& column : NodeColumns()) WriteKey(out, "node", column.name, column.type);
  for (std::size_t i = 0; i < EdgeColumns().size(); ++i)
    WriteKey(out, "edge", edge_keys[i], EdgeColumns()[i].type);

  out << "  <graph id=\"actors\" edgedefault=\"directed\">\n";
  std::vector<std::string> node_keys;
  for (const NodeColumn& column : NodeColumns()) node_keys.push_back(column.name);
  const std::vector<std::string> node_openings = DataOpenings(node_keys);
  const std::vector<std::string> edge_openings = DataOpenings(edge_keys);
  // Element text is appended to strings, not streamed: a GraphML file of a big corpus has
  // millions of <data> elements, and an ostream insert (and a std::string from XmlEscape)
  // per piece cost more than the rest of the writer.
  const auto& node_columns = NodeColumns();
  WriteInOrder(out, graph.nodes().size(), threads, [&](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t i = begin; i < end; ++i) {
      text += "    <node id=\"";
      AppendId(text, 'n', i);
      text += "\">\n";
      for (std::size_t c = 0; c < node_columns.size(); ++c)
        AppendData(text, node_openings[c], node_columns[c].type, node_columns[c].value(graph, i));
      text += "    </node>\n";
    }
  });
  const auto& edges = graph.edges();
  const auto& edge_columns = EdgeColumns();
  WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end, std::string& text) {
    for (std::size_t i = begin; i < end; ++i) {
      text += "    <edge id=\"";
      AppendId(text, 'e', i);
      text += "\" source=\"";
      AppendId(text, 'n', edges[i].source);
      text += "\" target=\"";
      AppendId(text, 'n', edges[i].target);
      text += "\">\n";
      for (std::size_t c = 0; c < edge_columns.size(); ++c)
        AppendData(text, edge_openings[c], edge_columns[c].type, edge_columns[c].value(graph, i));
      text += "    </edge>\n";
    }
  });
  out << "  </graph>\n</graphml>\n";
}

}  // namespace actorgraph
