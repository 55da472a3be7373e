#include "export/graphml_writer.h"

#include <set>
#include <string>

#include "export/graph_columns.h"
#include "export/graph_style.h"
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

void WriteData(std::ostream& out, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  out << "      <data key=\"" << XmlEscape(key) << "\">" << XmlEscape(value) << "</data>\n";
}

}  // namespace

void WriteGraphml(const ActorGraph& graph, std::ostream& out) {
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
  const auto& nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out << "    <node id=\"" << NodeId(i) << "\">\n";
    for (const NodeColumn& column : NodeColumns()) WriteData(out, column.name, column.value(graph, i));
    out << "    </node>\n";
  }
  const auto& edges = graph.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    out << "    <edge id=\"" << EdgeId(i) << "\" source=\"" << NodeId(edges[i].source)
        << "\" target=\"" << NodeId(edges[i].target) << "\">\n";
    for (std::size_t c = 0; c < EdgeColumns().size(); ++c)
      WriteData(out, edge_keys[c], EdgeColumns()[c].value(graph, i));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace actorgraph
