#include "graph/actor_graph.h"

#include <algorithm>
#include <cctype>

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
