#include "graph/actor_graph.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "extract/error.h"
#include "graph/actor_graph_impl.h"

namespace actorgraph {

bool SameActorName(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

long FindActorNode(const std::vector<ActorNode>& nodes, std::string_view name) {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (SameActorName(nodes[i].name, name)) return static_cast<long>(i);
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (const std::string& seen : nodes[i].names)
      if (SameActorName(seen, name)) return static_cast<long>(i);
  return -1;
}

bool NameHasWords(std::string_view name, std::string_view words) {
  if (words.empty() || words.size() > name.size()) return false;
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); };
  for (std::size_t at = 0; at + words.size() <= name.size(); ++at) {
    if (at > 0 && is_word(name[at - 1])) continue;
    std::size_t end = at + words.size();
    if (end < name.size() && is_word(name[end])) continue;
    if (SameActorName(name.substr(at, words.size()), words)) return true;
  }
  return false;
}

std::size_t ResolveActorNode(const std::vector<ActorNode>& nodes, std::string_view name) {
  long exact = FindActorNode(nodes, name);
  if (exact >= 0) return static_cast<std::size_t>(exact);
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    bool named = NameHasWords(nodes[i].name, name);
    for (const std::string& seen : nodes[i].names) named = named || NameHasWords(seen, name);
    if (named) found.push_back(i);
  }
  if (found.size() == 1) return found[0];
  std::string quoted = "'" + std::string(name) + "'";
  if (found.empty()) throw Error("no actor named " + quoted + " in the graph");
  std::string names;
  for (std::size_t i : found) names += (names.empty() ? "" : ", ") + nodes[i].name;
  throw Error(quoted + " could be any of: " + names + "; give more of the name");
}

ActorGraph::ActorGraph() : impl_(std::make_unique<Impl>()) {}
ActorGraph::~ActorGraph() = default;
ActorGraph::ActorGraph(ActorGraph&&) noexcept = default;
ActorGraph& ActorGraph::operator=(ActorGraph&&) noexcept = default;

const std::vector<ActorNode>& ActorGraph::nodes() const { return impl_->nodes; }
const std::vector<RelationEdge>& ActorGraph::edges() const { return impl_->edges; }
std::size_t ActorGraph::article_count() const { return impl_->articles; }

long ActorGraph::FindNode(const std::string& name) const {
  return FindActorNode(impl_->nodes, name);
}

}  // namespace actorgraph
