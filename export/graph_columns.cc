#include "export/graph_columns.h"

#include <string>

#include "export/graph_style.h"

namespace actorgraph {
namespace {

std::string Int(int value) { return std::to_string(value); }
std::string Bool(bool value) { return value ? "true" : "false"; }

}  // namespace

const std::vector<NodeColumn>& NodeColumns() {
  using T = ColumnType;
  static const std::vector<NodeColumn> columns = {
      {"label", T::kString, [](const ActorNode& n) { return n.name; }},
      {"type", T::kString, [](const ActorNode& n) { return std::string(ActorTypeName(n.type)); }},
      {"country", T::kString, [](const ActorNode& n) { return n.country; }},
      {"mentions", T::kInt, [](const ActorNode& n) { return Int(n.mentions); }},
      {"articles", T::kInt, [](const ActorNode& n) { return Int(n.articles); }},
      {"degree", T::kInt, [](const ActorNode& n) { return Int(n.degree); }},
      {"weighted_degree", T::kDouble, [](const ActorNode& n) { return FormatNumber(n.weighted_degree); }},
      {"betweenness", T::kDouble, [](const ActorNode& n) { return FormatNumber(n.betweenness); }},
      {"pagerank", T::kDouble, [](const ActorNode& n) { return FormatNumber(n.pagerank); }},
      {"component", T::kInt, [](const ActorNode& n) { return Int(n.component); }},
      {"names", T::kString, [](const ActorNode& n) { return JoinedNames(n); }},
  };
  return columns;
}

const std::vector<EdgeColumn>& EdgeColumns() {
  using T = ColumnType;
  static const std::vector<EdgeColumn> columns = {
      {"relation", T::kString, [](const RelationEdge& e) { return e.relation; }},
      {"family", T::kString, [](const RelationEdge& e) { return e.family; }},
      // Gephi deletes an edge of weight 0; ActorGraph promises >= 1, and this keeps the
      // promise even if a future view breaks it.
      {"weight", T::kDouble, [](const RelationEdge& e) { return FormatNumber(e.weight > 0 ? e.weight : 1); }},
      {"symmetric", T::kBool, [](const RelationEdge& e) { return Bool(e.symmetric); }},
      {"negated", T::kBool, [](const RelationEdge& e) { return Bool(e.negated); }},
      {"asserted", T::kInt, [](const RelationEdge& e) { return Int(e.asserted); }},
      {"planned", T::kInt, [](const RelationEdge& e) { return Int(e.planned); }},
      {"first_date", T::kString, [](const RelationEdge& e) { return e.first_date; }},
      {"last_date", T::kString, [](const RelationEdge& e) { return e.last_date; }},
      {"articles", T::kInt, [](const RelationEdge& e) { return Int(e.articles); }},
      {"evidence", T::kString, [](const RelationEdge& e) { return EvidenceExcerpt(e); }},
  };
  return columns;
}

const char* GraphmlTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kString: return "string";
    case ColumnType::kInt: return "int";
    case ColumnType::kDouble: return "double";
    case ColumnType::kBool: return "boolean";
  }
  return "string";
}

}  // namespace actorgraph
