// The reports are tables: each section is built as rows of cells and written with
// columns padded to the widest cell, numbers right-aligned, so the output lines up in a
// terminal and stays easy to cut, grep or diff. Widths count UTF-8 characters, not
// bytes, so "Sergéi" aligns like "Sergei".
#include "graph/graph_report.h"

#include <algorithm>
#include <cctype>
#include <iomanip>
#include <map>
#include <numeric>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/actor_graph_impl.h"

namespace actorgraph {

namespace {

std::size_t DisplayWidth(std::string_view text) {
  // Count every byte that does not continue a UTF-8 sequence.
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

class Table {
 public:
  // `right[i]` aligns column i to the right (numbers).
  explicit Table(std::vector<bool> right) : right_(std::move(right)) {}

  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }

  // Each row on its own line after `indent`, columns two spaces apart, no trailing blanks.
  void Write(std::ostream& out, const std::string& indent) const {
    std::vector<std::size_t> width(right_.size(), 0);
    for (const auto& row : rows_)
      for (std::size_t i = 0; i < row.size(); ++i)
        width[i] = std::max(width[i], DisplayWidth(row[i]));
    for (const auto& row : rows_) {
      std::string line = indent;
      for (std::size_t i = 0; i < row.size(); ++i) {
        std::string pad(width[i] - DisplayWidth(row[i]), ' ');
        if (i > 0) line += "  ";
        line += right_[i] ? pad + row[i] : row[i] + pad;
      }
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
    }
  }

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

std::string Fixed(double value, int digits) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(digits) << value;
  return text.str();
}

std::string Count(long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string Plural(ActorType type) {
  switch (type) {
    case ActorType::kPerson:
      return "people";
    case ActorType::kCountry:
      return "countries";
    case ActorType::kOrganisation:
      return "organisations";
    case ActorType::kGroup:
      return "groups";
  }
  return "actors";
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

// Sentences may carry the line breaks of the article: one line per evidence.
std::string OneLine(std::string_view text) {
  std::string line;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

// The `top` nodes by `value`, highest first, ties by name (node order).
template <typename Value>
std::vector<std::size_t> TopNodes(const std::vector<ActorNode>& nodes, std::size_t top,
                                  Value value) {
  std::vector<std::size_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return value(nodes[a]) > value(nodes[b]); });
  if (order.size() > top) order.resize(top);
  return order;
}

void WriteRanking(const std::vector<ActorNode>& nodes, std::size_t top, const std::string& what,
                  const std::vector<std::string>& columns,
                  std::vector<std::string> (*cells)(const ActorNode&),
                  double (*value)(const ActorNode&), std::ostream& out) {
  out << "\ntop " << std::min(top, nodes.size()) << " actors by " << what << '\n';
  std::vector<bool> right = {true, false};
  right.resize(2 + columns.size(), true);
  Table table(right);
  std::vector<std::string> header = {"rank", "actor"};
  header.insert(header.end(), columns.begin(), columns.end());
  table.Add(header);
  std::size_t rank = 0;
  for (std::size_t i : TopNodes(nodes, top, value)) {
    std::vector<std::string> row = {std::to_string(++rank), nodes[i].name};
    for (std::string& cell : cells(nodes[i])) row.push_back(std::move(cell));
    table.Add(std::move(row));
  }
  table.Write(out, "  ");
}

void WriteActorLine(const ActorNode& node, std::ostream& out) {
  out << node.name << " (" << ActorTypeName(node.type);
  if (!node.country.empty()) out << ", " << node.country;
  out << "): " << Count(node.mentions, "mention", "mentions") << " in "
      << Count(node.articles, "article", "articles");
  std::vector<std::string> others;
  for (const std::string& name : node.names)
    if (name != node.name) others.push_back(name);
  if (!others.empty()) out << "; also named " << Join(others, ", ");
  out << '\n';
}

void WriteEdge(const ActorGraph& graph, std::size_t index, std::ostream& out) {
  const auto& nodes = graph.nodes();
  const RelationEdge& edge = graph.edges()[index];
  out << '\n'
      << nodes[edge.source].name << "  " << edge.relation << "  " << nodes[edge.target].name;
  if (edge.negated) out << "  [negated]";
  if (edge.symmetric) out << "  [symmetric]";
  out << '\n';
  out << "  weight " << edge.weight << " (" << edge.asserted << " asserted, " << edge.planned
      << " planned) in " << Count(edge.articles, "article", "articles");
  if (!edge.family.empty()) out << "; " << edge.family;
  out << '\n';
  std::vector<std::string> dates;
  for (DateId date : edge.dates) dates.push_back(graph.date(date));
  out << "  dates " << (dates.empty() ? std::string("unknown") : Join(dates, ", ")) << '\n';
  const std::vector<EdgeEvidence> evidence = graph.Evidence(index);
  if (evidence.empty()) {
    out << "  no evidence kept\n";
    return;
  }
  out << "  evidence";
  if (static_cast<int>(evidence.size()) < edge.weight)
    out << " (" << evidence.size() << " sentences kept for " << edge.weight
        << " mentions, earliest first)";
  out << '\n';
  Table table({false, false, false});
  for (const EdgeEvidence& item : evidence)
    table.Add({item.doc + ":" + std::to_string(item.sentence),
               item.date.empty() ? "undated" : item.date, OneLine(item.text)});
  table.Write(out, "    ");
}

}  // namespace

void WriteStats(const ActorGraph& graph, std::ostream& out, std::size_t top) {
  const auto& nodes = graph.nodes();
  const auto& edges = graph.edges();

  std::map<ActorType, long> by_type;
  for (const ActorNode& node : nodes) ++by_type[node.type];
  std::vector<std::string> types;
  for (const auto& [type, count] : by_type)
    types.push_back(Count(count, ActorTypeName(type), Plural(type)));

  struct TypeCount {
    long edges = 0, mentions = 0, negated = 0;
  };
  std::map<std::string_view, TypeCount> relations;
  long mentions = 0, negated_edges = 0;
  for (const RelationEdge& edge : edges) {
    TypeCount& count = relations[edge.relation];
    ++count.edges;
    count.mentions += edge.weight;
    if (edge.negated) {
      count.negated += edge.weight;
      ++negated_edges;
    }
    mentions += edge.weight;
  }
  int components = 0;
  for (const ActorNode& node : nodes) components = std::max(components, node.component + 1);

  Table summary({false, true, false});
  summary.Add({"articles", std::to_string(graph.article_count()), ""});
  summary.Add(
      {"actors", std::to_string(nodes.size()), types.empty() ? "" : "(" + Join(types, ", ") + ")"});
  summary.Add({"relations", std::to_string(edges.size()),
               "edges from " + Count(mentions, "mention", "mentions") + ", " +
                   std::to_string(negated_edges) + " negated"});
  summary.Add({"components", std::to_string(components), ""});
  summary.Write(out, "");
  if (nodes.empty()) return;

  out << "\nrelations by type\n";
  std::vector<std::pair<std::string_view, TypeCount>> rows(relations.begin(), relations.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.mentions > b.second.mentions;
  });
  Table by_relation({false, true, true, true});
  by_relation.Add({"relation", "edges", "mentions", "negated"});
  for (const auto& [type, count] : rows)
    by_relation.Add({std::string(type), std::to_string(count.edges), std::to_string(count.mentions),
                     std::to_string(count.negated)});
  by_relation.Write(out, "  ");

  WriteRanking(
      nodes, top, "degree", {"degree", "weighted"},
      [](const ActorNode& n) {
        return std::vector<std::string>{std::to_string(n.degree), Fixed(n.weighted_degree, 0)};
      },
      [](const ActorNode& n) { return static_cast<double>(n.degree); }, out);
  WriteRanking(
      nodes, top, "betweenness", {"betweenness"},
      [](const ActorNode& n) { return std::vector<std::string>{Fixed(n.betweenness, 4)}; },
      [](const ActorNode& n) { return n.betweenness; }, out);
  WriteRanking(
      nodes, top, "PageRank", {"pagerank"},
      [](const ActorNode& n) { return std::vector<std::string>{Fixed(n.pagerank, 4)}; },
      [](const ActorNode& n) { return n.pagerank; }, out);

  // Components, largest first (their ids already are), each with its best-connected members.
  std::vector<std::vector<std::size_t>> members(components);
  for (std::size_t i : TopNodes(nodes, nodes.size(),
                                [](const ActorNode& n) { return static_cast<double>(n.degree); }))
    members[nodes[i].component].push_back(i);
  std::size_t shown = std::min(top, members.size());
  out << "\ncomponents, largest " << shown << " of " << members.size() << '\n';
  Table table({true, true, false});
  table.Add({"id", "actors", "best connected"});
  constexpr std::size_t kNamed = 3;
  for (std::size_t c = 0; c < shown; ++c) {
    std::vector<std::string> names;
    for (std::size_t k = 0; k < std::min(kNamed, members[c].size()); ++k)
      names.push_back(nodes[members[c][k]].name);
    std::string listed = Join(names, ", ");
    if (members[c].size() > kNamed) listed += ", ...";
    table.Add({std::to_string(c), std::to_string(members[c].size()), listed});
  }
  table.Write(out, "  ");
}

void WriteExplain(const ActorGraph& graph, const std::string& actor, const std::string& other,
                  std::ostream& out) {
  const auto& nodes = graph.nodes();
  std::size_t a = ResolveActorNode(graph.nodes(), actor);
  bool pair = !other.empty();
  std::size_t b = pair ? ResolveActorNode(graph.nodes(), other) : a;

  WriteActorLine(nodes[a], out);
  if (pair && b != a) WriteActorLine(nodes[b], out);

  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const RelationEdge& edge = graph.edges()[i];
    bool touches =
        pair ? (edge.source == a && edge.target == b) || (edge.source == b && edge.target == a)
             : edge.source == a || edge.target == a;
    if (touches) chosen.push_back(i);
  }
  std::string whose =
      pair ? "between " + nodes[a].name + " and " + nodes[b].name : "of " + nodes[a].name;
  out << '\n'
      << (chosen.empty() ? std::string("no") : std::to_string(chosen.size()))
      << (chosen.size() == 1 ? " relation " : " relations ") << whose << '\n';
  for (std::size_t edge : chosen) WriteEdge(graph, edge, out);
}

}  // namespace actorgraph
