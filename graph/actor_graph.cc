#include "graph/actor_graph.h"

#include <algorithm>
#include <cctype>
#include <cstring>
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

void EncodeEvidence(std::string_view doc, std::string_view date, int sentence,
                    std::string_view text, std::string& record) {
  std::uint32_t head[4] = {static_cast<std::uint32_t>(doc.size()),
                           static_cast<std::uint32_t>(date.size()),
                           static_cast<std::uint32_t>(sentence),
                           static_cast<std::uint32_t>(text.size())};
  record.assign(reinterpret_cast<const char*>(head), sizeof head);
  record.append(doc).append(date).append(text);
}

EdgeEvidence DecodeEvidence(std::string record) {
  std::uint32_t head[4];
  if (record.size() < sizeof head) throw Error("evidence record cut short");
  std::memcpy(head, record.data(), sizeof head);
  if (record.size() - sizeof head != std::size_t{head[0]} + head[1] + head[3])
    throw Error("evidence record of the wrong size");
  EdgeEvidence evidence;
  evidence.doc.assign(record, sizeof head, head[0]);
  evidence.date.assign(record, sizeof head + head[0], head[1]);
  evidence.sentence = static_cast<int>(head[2]);
  // The text keeps the record's block: the sentence is most of the record.
  record.erase(0, sizeof head + head[0] + head[1]);
  evidence.text = std::move(record);
  return evidence;
}

ActorGraph::ActorGraph() : impl_(std::make_unique<Impl>()) {}
ActorGraph::~ActorGraph() = default;
ActorGraph::ActorGraph(ActorGraph&&) noexcept = default;
ActorGraph& ActorGraph::operator=(ActorGraph&&) noexcept = default;

const std::vector<ActorNode>& ActorGraph::nodes() const { return impl_->nodes; }
const std::vector<RelationEdge>& ActorGraph::edges() const { return impl_->edges; }
std::size_t ActorGraph::article_count() const { return impl_->articles; }
const std::vector<std::string>& ActorGraph::dates() const { return impl_->dates; }

std::vector<EdgeEvidence> ActorGraph::Evidence(std::size_t edge, std::size_t limit) const {
  const RelationEdge& e = impl_->edges[edge];
  std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(e.evidence), limit);
  std::vector<EdgeEvidence> evidence;
  evidence.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    std::string record;
    impl_->spill->Read(impl_->evidence[impl_->evidence_begin[edge] + k], record);
    evidence.push_back(DecodeEvidence(std::move(record)));
  }
  return evidence;
}

long ActorGraph::FindNode(const std::string& name) const {
  return FindActorNode(impl_->nodes, name);
}

}  // namespace actorgraph
