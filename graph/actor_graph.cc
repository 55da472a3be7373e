#include "graph/actor_graph.h"

#include <algorithm>
#include <cctype>

namespace actorgraph {

struct ActorGraph::Impl {
  std::vector<ActorNode> nodes;
  std::vector<RelationEdge> edges;
  std::size_t articles = 0;
};

ActorGraph::ActorGraph() : impl_(std::make_unique<Impl>()) {}
ActorGraph::~ActorGraph() = default;
ActorGraph::ActorGraph(ActorGraph&&) noexcept = default;
ActorGraph& ActorGraph::operator=(ActorGraph&&) noexcept = default;

const std::vector<ActorNode>& ActorGraph::nodes() const { return impl_->nodes; }
const std::vector<RelationEdge>& ActorGraph::edges() const { return impl_->edges; }
std::size_t ActorGraph::article_count() const { return impl_->articles; }

long ActorGraph::FindNode(const std::string& name) const {
  auto same = [](const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
  };
  for (std::size_t i = 0; i < impl_->nodes.size(); ++i) {
    const ActorNode& node = impl_->nodes[i];
    if (same(node.name, name)) return static_cast<long>(i);
    for (const std::string& seen : node.names)
      if (same(seen, name)) return static_cast<long>(i);
  }
  return -1;
}

}  // namespace actorgraph
