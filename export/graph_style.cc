#include "export/graph_style.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "export/text_escape.h"

namespace actorgraph {

std::string NodeId(std::size_t index) { return "n" + std::to_string(index); }
std::string EdgeId(std::size_t index) { return "e" + std::to_string(index); }

// Digits by hand: the DOT and JSON writers colour every edge, and snprintf cost them
// about 1,500 instructions a colour.
std::string HexColor(Rgb color) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text = "#000000";
  const int parts[3] = {color.r & 0xFF, color.g & 0xFF, color.b & 0xFF};
  for (int i = 0; i < 3; ++i) {
    text[1 + 2 * i] = kHex[parts[i] >> 4];
    text[2 + 2 * i] = kHex[parts[i] & 0xF];
  }
  return text;
}

Rgb ActorTypeColor(ActorType type) {
  switch (type) {
    case ActorType::kPerson: return {255, 243, 196};
    case ActorType::kCountry: return {207, 226, 255};
    case ActorType::kOrganisation: return {212, 237, 218};
    case ActorType::kGroup: return {248, 215, 218};
  }
  return {230, 230, 230};
}

const char* ActorTypeShape(ActorType type) {
  switch (type) {
    case ActorType::kPerson: return "ellipse";
    case ActorType::kCountry: return "box";
    case ActorType::kOrganisation: return "hexagon";
    case ActorType::kGroup: return "octagon";
  }
  return "ellipse";
}

Rgb EdgeColor(const RelationEdge& edge) {
  if (edge.negated) return {142, 36, 170};
  if (edge.family == "cooperation") return {46, 125, 50};
  if (edge.family == "conflict") return {198, 40, 40};
  return {117, 117, 117};
}

std::string EdgeRelationLabel(const RelationEdge& edge) {
  return edge.negated ? "not " + std::string(edge.relation) : std::string(edge.relation);
}

double EdgeWidth(int weight) {
  if (weight <= 1) return 1;
  double width = std::min(8.0, 1 + 1.5 * std::log2(static_cast<double>(weight)));
  return std::round(width * 100) / 100;  // two decimals read better in the files
}

double NodeSize(const ActorNode& node) {
  double size = 10 + 4 * std::log2(1 + std::max(0.0, node.weighted_degree));
  return std::round(size * 100) / 100;
}

std::string EvidenceExcerpt(const ActorGraph& graph, std::size_t edge, std::size_t max_chars) {
  if (graph.edges()[edge].evidence == 0) return "";
  const std::vector<EdgeEvidence> evidence = graph.Evidence(edge, 1);
  const EdgeEvidence& first = evidence.front();
  // Appended in place: one block for the line instead of a string per piece.
  char number[16];
  const std::size_t digits = static_cast<std::size_t>(
      std::to_chars(number, number + sizeof number, first.sentence).ptr - number);
  std::string line;
  line.reserve(first.doc.size() + digits + first.date.size() + first.text.size() + 6);
  line.append(first.doc).append("#").append(number, digits);
  if (!first.date.empty()) line.append(" (").append(first.date).append(")");
  line.append(": ").append(first.text);
  return TruncateText(line, max_chars);
}

std::string JoinedNames(const ActorNode& node) {
  std::string joined;
  for (const std::string& name : node.names) {
    if (!joined.empty()) joined += "; ";
    joined += name;
  }
  return joined;
}

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "0";
  // Edge weights and degrees are whole numbers; below 100000 the shortest form of one is
  // its digits (from 100000 on "1e+05" is shorter), which to_chars for an integer gives
  // at a fraction of the cost of the shortest-double search.
  if (value >= 1 && value < 100000 && value == std::floor(value))
    return std::to_string(static_cast<int>(value));
  char buf[32];
  auto result = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, result.ptr);
}

}  // namespace actorgraph
