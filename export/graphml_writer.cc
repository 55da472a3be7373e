#include "export/graphml_writer.h"

#include <charconv>
#include <ostream>
#include <set>
#include <string>
#include <vector>

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

// The element text goes into one buffer, handed to the stream in large pieces: a
// GraphML file of a big corpus has millions of <data> elements, and an ostream insert
// (and a std::string from XmlEscape) per piece cost more than the rest of the writer.
class Buffer {
 public:
  explicit Buffer(std::ostream& out) : out_(out) { text_.reserve(2 * kFlushAt); }
  ~Buffer() = default;

  std::string& text() { return text_; }

  // Hands the text to the stream once enough has gathered; Flush hands over the rest.
  void MaybeFlush() {
    if (text_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

  // "<prefix><index>", as NodeId and EdgeId spell it.
  void AppendId(char prefix, std::size_t index) {
    char digits[24];
    digits[0] = prefix;
    auto result = std::to_chars(digits + 1, digits + sizeof digits, index);
    text_.append(digits, result.ptr);
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 18;
  std::ostream& out_;
  std::string text_;
};

// `      <data key="KEY">`, escaped once per column instead of once per value.
std::vector<std::string> DataOpenings(const std::vector<std::string>& keys) {
  std::vector<std::string> openings;
  for (const std::string& key : keys) openings.push_back("      <data key=\"" + XmlEscape(key) + "\">");
  return openings;
}

void AppendData(std::string& text, const std::string& opening, const std::string& value) {
  if (value.empty()) return;
  text += opening;
  AppendXmlEscaped(value, text);
  text += "</data>\n";
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
  std::vector<std::string> node_keys;
  for (const NodeColumn& column : NodeColumns()) node_keys.push_back(column.name);
  const std::vector<std::string> node_openings = DataOpenings(node_keys);
  const std::vector<std::string> edge_openings = DataOpenings(edge_keys);
  Buffer buffer(out);
  std::string& text = buffer.text();
  const auto& nodes = graph.nodes();
  const auto& node_columns = NodeColumns();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    text += "    <node id=\"";
    buffer.AppendId('n', i);
    text += "\">\n";
    for (std::size_t c = 0; c < node_columns.size(); ++c)
      AppendData(text, node_openings[c], node_columns[c].value(graph, i));
    text += "    </node>\n";
    buffer.MaybeFlush();
  }
  const auto& edges = graph.edges();
  const auto& edge_columns = EdgeColumns();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    text += "    <edge id=\"";
    buffer.AppendId('e', i);
    text += "\" source=\"";
    buffer.AppendId('n', edges[i].source);
    text += "\" target=\"";
    buffer.AppendId('n', edges[i].target);
    text += "\">\n";
    for (std::size_t c = 0; c < edge_columns.size(); ++c)
      AppendData(text, edge_openings[c], edge_columns[c].value(graph, i));
    text += "    </edge>\n";
    buffer.MaybeFlush();
  }
  text += "  </graph>\n</graphml>\n";
  buffer.Flush();
}

}  // namespace actorgraph
