// The attributes that every data export (GraphML, GEXF, CSV, JSON) carries for a node
// and an edge, in one table, so the formats cannot drift apart: a column added here
// appears in all four with the same name, type and value.
#ifndef ACTORGRAPH_EXPORT_GRAPH_COLUMNS_H_
#define ACTORGRAPH_EXPORT_GRAPH_COLUMNS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "graph/actor_graph.h"

namespace actorgraph {

enum class ColumnType { kString, kInt, kDouble, kBool };

// Value as text: ints in decimal, doubles by FormatNumber, bools "true"/"false", strings
// raw (each writer escapes them). An empty string means "no value" (no country, no date).
// `value` takes the graph and the index of the node or edge: some values (dates,
// evidence) are held by the graph, not by the element.
template <typename Element>
struct Column {
  const char* name;
  ColumnType type;
  std::string (*value)(const ActorGraph& graph, std::size_t index);
};
using NodeColumn = Column<ActorNode>;
using EdgeColumn = Column<RelationEdge>;

// label, type, country, mentions, articles, degree, weighted_degree, betweenness,
// pagerank, component, names. `label` is the canonical name.
const std::vector<NodeColumn>& NodeColumns();

// relation, family, weight, symmetric, negated, asserted, planned, first_date,
// last_date, articles, evidence. `weight` is the mention count as a double (never 0).
const std::vector<EdgeColumn>& EdgeColumns();

// `value`, of a column of `type`, appended to `out` as XML text for GraphML and GEXF:
// strings through AppendXmlEscaped, numbers and booleans as they are, since they hold no
// character XML escapes (escaping them cost the GraphML writer 6% of its instructions).
void AppendXmlValue(ColumnType type, const std::string& value, std::string& out);

// "string", "int", "double", "boolean": GraphML's attr.type names.
const char* GraphmlTypeName(ColumnType type);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GRAPH_COLUMNS_H_
