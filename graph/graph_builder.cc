// GraphBuilder in two phases. Add folds each extraction into ordered maps keyed by
// names (one accumulator per actor, one per (source, target, relation, negated)), so
// nothing it keeps depends on the order of the calls: counts are sums, dates and names
// are sets, articles are sets of interned document ids, and the evidence of an edge is
// the first max_evidence_per_edge entries of a total order. The views that judge a single
// mention (--relations, --since/--until, --no-negated) are applied there, which keeps
// memory proportional to what the graph will show. Build applies the views that need the
// whole corpus (--countries, --min-weight, --focus/--depth), then lays out the nodes and
// edges in name order and computes the analytics on them.
#include "graph/graph_builder.h"

#include <algorithm>
#include <cctype>
#include <compare>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "extract/error.h"
#include "graph/actor_graph_impl.h"
#include "graph/graph_analytics.h"

namespace actorgraph {

namespace {

using DocId = std::uint32_t;

struct ActorTally {
  int type_votes[4] = {0, 0, 0, 0};  // by ActorType: the type most refs gave wins
  std::string country;               // smallest non-empty code seen
  std::set<std::string> names;       // surface forms
  int mentions = 0;
  std::vector<DocId> docs;  // one entry per Add that named the actor

  ActorType type() const {
    int best = 0;
    for (int t = 1; t < 4; ++t)
      if (type_votes[t] > type_votes[best]) best = t;
    return static_cast<ActorType>(best);
  }
};

struct EdgeKey {
  std::string source;
  std::string target;
  std::string relation;
  bool negated = false;
  auto operator<=>(const EdgeKey&) const = default;
};

struct EdgeTally {
  std::string family;  // smallest non-empty family seen
  bool symmetric = false;
  int weight = 0;
  int asserted = 0;
  int planned = 0;
  std::set<std::string> dates;
  std::vector<DocId> docs;
  std::vector<EdgeEvidence> evidence;  // sorted by EvidenceBefore, unique, capped
};

// The order in which evidence is kept: earliest date first, undated last (an undated
// sentence tells the user least), then document, sentence number and text.
bool EvidenceBefore(const EdgeEvidence& a, const EdgeEvidence& b) {
  return std::forward_as_tuple(a.date.empty(), a.date, a.doc, a.sentence, a.text) <
         std::forward_as_tuple(b.date.empty(), b.date, b.doc, b.sentence, b.text);
}

bool SameSentence(const EdgeEvidence& a, const EdgeEvidence& b) {
  return a.date == b.date && a.doc == b.doc && a.sentence == b.sentence;
}

// Sorts, drops a sentence seen twice (two rules, or two people of one country, can read
// one edge in one sentence) and keeps the first `cap`.
void KeepEarliest(std::vector<EdgeEvidence>& evidence, std::size_t cap) {
  std::sort(evidence.begin(), evidence.end(), EvidenceBefore);
  evidence.erase(std::unique(evidence.begin(), evidence.end(), SameSentence), evidence.end());
  if (evidence.size() > cap) evidence.resize(cap);
}

void AddEvidence(std::vector<EdgeEvidence>& evidence, EdgeEvidence item, std::size_t cap) {
  if (cap == 0) return;
  if (evidence.size() >= cap && !EvidenceBefore(item, evidence.back())) return;
  evidence.push_back(std::move(item));
  KeepEarliest(evidence, cap);
}

void KeepMin(std::string& kept, const std::string& seen) {
  if (!seen.empty() && (kept.empty() || seen < kept)) kept = seen;
}

void SortUnique(std::vector<DocId>& docs) {
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
}

std::vector<DocId> Union(const std::vector<DocId>& a, const std::vector<DocId>& b) {
  std::vector<DocId> both;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both;
}

void Merge(EdgeTally& into, EdgeTally&& from, std::size_t cap) {
  KeepMin(into.family, from.family);
  into.symmetric = into.symmetric || from.symmetric;
  into.weight += from.weight;
  into.asserted += from.asserted;
  into.planned += from.planned;
  into.dates.merge(from.dates);
  into.docs = Union(into.docs, from.docs);
  into.evidence.insert(into.evidence.end(), std::make_move_iterator(from.evidence.begin()),
                       std::make_move_iterator(from.evidence.end()));
  KeepEarliest(into.evidence, cap);
}

// Compares only as many characters as both dates have, so a bound "2022" admits
// "2022-03-31" and a date "2022" passes a bound "2022-03".
int CompareDatePrefix(const std::string& date, const std::string& bound) {
  std::size_t n = std::min(date.size(), bound.size());
  return date.compare(0, n, bound, 0, n);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

struct GraphBuilder::Impl {
  GraphOptions options;
  std::set<std::string> relation_types;  // options.relations, lower-cased
  std::unordered_map<std::string, DocId> doc_ids;
  std::map<std::string, ActorTally> actors;
  std::map<EdgeKey, EdgeTally> edges;
  bool built = false;

  bool Keeps(const Relation& relation) const;
  ActorTally& Note(const ActorRef& actor);
  std::string AttributedName(const std::string& name,
                             const std::map<std::string, std::string>& country_names) const;
  std::map<std::string, std::string> CountryNames() const;
  std::size_t FocusNode(const std::vector<ActorNode>& nodes,
                        const std::map<std::string, std::size_t>& index,
                        const std::map<std::string, std::string>& country_names) const;
};

bool GraphBuilder::Impl::Keeps(const Relation& relation) const {
  if (options.no_negated && relation.negated) return false;
  if (!relation_types.empty() && !relation_types.count(relation.type)) return false;
  if (!options.since.empty() || !options.until.empty()) {
    if (relation.date.empty()) return false;
    if (!options.since.empty() && CompareDatePrefix(relation.date, options.since) < 0) return false;
    if (!options.until.empty() && CompareDatePrefix(relation.date, options.until) > 0) return false;
  }
  return true;
}

ActorTally& GraphBuilder::Impl::Note(const ActorRef& actor) {
  ActorTally& tally = actors[actor.name];
  ++tally.type_votes[static_cast<int>(actor.type)];
  KeepMin(tally.country, actor.country);
  if (!actor.surface.empty()) tally.names.insert(actor.surface);
  return tally;
}

// code -> the country's canonical name, from every country the input named. Should two
// canonical names claim one code, the one that sorts first wins.
std::map<std::string, std::string> GraphBuilder::Impl::CountryNames() const {
  std::map<std::string, std::string> names;
  for (const auto& [name, tally] : actors) {
    if (tally.type() != ActorType::kCountry || tally.country.empty()) continue;
    names.emplace(tally.country, name);  // actors iterate in name order: first one stays
  }
  return names;
}

// The node an actor's acts go to: under --countries a person whose country was named in
// the input becomes that country; everyone else stays themselves.
std::string GraphBuilder::Impl::AttributedName(
    const std::string& name, const std::map<std::string, std::string>& country_names) const {
  if (!options.countries) return name;
  auto actor = actors.find(name);
  if (actor == actors.end() || actor->second.type() != ActorType::kPerson) return name;
  auto country = country_names.find(actor->second.country);
  return country == country_names.end() ? name : country->second;
}

// The node options.focus names. Under --countries a person is no node of their own, so
// "Lavrov" names the node of Russia: people are searched after the nodes, by exact name
// and then by words, before ResolveActorNode gives its answer or its error.
std::size_t GraphBuilder::Impl::FocusNode(
    const std::vector<ActorNode>& nodes, const std::map<std::string, std::size_t>& index,
    const std::map<std::string, std::string>& country_names) const {
  const std::string& focus = options.focus;
  long exact = FindActorNode(nodes, focus);
  if (exact >= 0) return static_cast<std::size_t>(exact);
  if (options.countries) {
    for (bool by_words : {false, true}) {
      std::set<std::size_t> found;
      for (const auto& [name, actor] : actors) {
        auto named = [&](const std::string& candidate) {
          return by_words ? NameHasWords(candidate, focus) : SameActorName(candidate, focus);
        };
        bool hit = named(name);
        for (const std::string& seen : actor.names) hit = hit || named(seen);
        if (!hit) continue;
        auto node = index.find(AttributedName(name, country_names));
        if (node != index.end()) found.insert(node->second);
      }
      if (found.size() == 1) return *found.begin();
      if (found.size() > 1) break;
    }
  }
  return ResolveActorNode(nodes, focus);
}

GraphBuilder::GraphBuilder(GraphOptions options) : impl_(std::make_unique<Impl>()) {
  for (const std::string& type : options.relations) impl_->relation_types.insert(Lower(type));
  impl_->options = std::move(options);
}

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Add(const DocumentExtraction& extraction) {
  Impl& impl = *impl_;
  if (impl.built) throw std::logic_error("GraphBuilder::Add called after Build");
  DocId doc =
      impl.doc_ids.emplace(extraction.doc, static_cast<DocId>(impl.doc_ids.size())).first->second;
  std::set<std::string> named;  // actors this document names, for their article counts
  for (const ActorMention& mention : extraction.mentions) {
    if (mention.actor.name.empty()) continue;
    ++impl.Note(mention.actor).mentions;
    named.insert(mention.actor.name);
  }
  for (const Relation& relation : extraction.relations) {
    if (relation.source.name.empty() || relation.target.name.empty()) continue;
    impl.Note(relation.source);
    impl.Note(relation.target);
    named.insert(relation.source.name);
    named.insert(relation.target.name);
    if (!impl.Keeps(relation)) continue;
    EdgeKey key{relation.source.name, relation.target.name, relation.type, relation.negated};
    if (key.source == key.target) continue;  // an actor acting on itself says nothing
    if (relation.symmetric && key.target < key.source) std::swap(key.source, key.target);
    EdgeTally& edge = impl.edges[key];
    KeepMin(edge.family, relation.family);
    edge.symmetric = edge.symmetric || relation.symmetric;
    ++edge.weight;
    ++(relation.modality == Modality::kPlanned ? edge.planned : edge.asserted);
    if (!relation.date.empty()) edge.dates.insert(relation.date);
    edge.docs.push_back(doc);
    AddEvidence(edge.evidence,
                EdgeEvidence{relation.evidence.doc, relation.date, relation.evidence.sentence,
                             relation.evidence.sentence_text},
                impl.options.max_evidence_per_edge);
  }
  for (const std::string& name : named) impl.actors[name].docs.push_back(doc);
}

ActorGraph GraphBuilder::Build() {
  Impl& impl = *impl_;
  if (impl.built) throw std::logic_error("GraphBuilder::Build called twice");
  impl.built = true;
  const GraphOptions& options = impl.options;
  if (!options.focus.empty() && options.depth < 0)
    throw Error("the depth of a focus must be 0 or more, not " + std::to_string(options.depth));

  for (auto& [name, actor] : impl.actors) SortUnique(actor.docs);
  for (auto& [key, edge] : impl.edges) SortUnique(edge.docs);

  // --countries: move each edge to the attributed names and merge edges that meet there.
  const std::map<std::string, std::string> country_names =
      options.countries ? impl.CountryNames() : std::map<std::string, std::string>{};
  std::map<EdgeKey, EdgeTally> edges;
  if (!options.countries) {
    edges = std::move(impl.edges);
  } else {
    for (auto& [old_key, edge] : impl.edges) {
      EdgeKey key{impl.AttributedName(old_key.source, country_names),
                  impl.AttributedName(old_key.target, country_names), old_key.relation,
                  old_key.negated};
      if (key.source == key.target) continue;  // a person of India meeting India
      if (edge.symmetric && key.target < key.source) std::swap(key.source, key.target);
      auto [slot, fresh] = edges.try_emplace(key);
      if (fresh)
        slot->second = std::move(edge);
      else
        Merge(slot->second, std::move(edge), options.max_evidence_per_edge);
    }
  }
  std::erase_if(edges, [&](const auto& entry) { return entry.second.weight < options.min_weight; });

  // Nodes: the actors at either end of a kept edge, in name order; under --countries a
  // country node also counts the mentions and articles of the people attributed to it.
  std::map<std::string, std::vector<const ActorTally*>> members;
  for (const auto& [key, edge] : edges) {
    members[key.source];
    members[key.target];
  }
  for (const auto& [name, actor] : impl.actors) {
    auto node = members.find(impl.AttributedName(name, country_names));
    if (node != members.end()) node->second.push_back(&actor);
  }
  std::vector<ActorNode> nodes;
  std::map<std::string, std::size_t> index;
  for (const auto& [name, tallies] : members) {
    const ActorTally& own = impl.actors.at(name);
    ActorNode node;
    node.name = name;
    node.type = own.type();
    node.country = own.country;
    node.names.assign(own.names.begin(), own.names.end());
    std::vector<DocId> docs;
    for (const ActorTally* member : tallies) {
      node.mentions += member->mentions;
      docs = Union(docs, member->docs);
    }
    node.articles = static_cast<int>(docs.size());
    index.emplace(name, nodes.size());
    nodes.push_back(std::move(node));
  }

  std::vector<RelationEdge> relation_edges;
  relation_edges.reserve(edges.size());
  for (auto& [key, tally] : edges) {  // map order is (source, target, relation, negated)
    RelationEdge edge;
    edge.source = index.at(key.source);
    edge.target = index.at(key.target);
    edge.relation = key.relation;
    edge.family = tally.family;
    edge.symmetric = tally.symmetric;
    edge.negated = key.negated;
    edge.weight = tally.weight;
    edge.articles = static_cast<int>(tally.docs.size());
    edge.asserted = tally.asserted;
    edge.planned = tally.planned;
    if (!tally.dates.empty()) {
      edge.first_date = *tally.dates.begin();
      edge.last_date = *tally.dates.rbegin();
    }
    edge.dates.assign(tally.dates.begin(), tally.dates.end());
    edge.evidence = std::move(tally.evidence);
    relation_edges.push_back(std::move(edge));
  }

  if (!options.focus.empty()) {
    std::size_t focus = impl.FocusNode(nodes, index, country_names);
    std::vector<bool> kept = EgoNetwork(nodes.size(), relation_edges, focus, options.depth);
    std::vector<std::size_t> renumbered(nodes.size());
    std::vector<ActorNode> ego_nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (!kept[i]) continue;
      renumbered[i] = ego_nodes.size();
      ego_nodes.push_back(std::move(nodes[i]));
    }
    std::vector<RelationEdge> ego_edges;
    for (RelationEdge& edge : relation_edges) {
      if (!kept[edge.source] || !kept[edge.target]) continue;
      edge.source = renumbered[edge.source];
      edge.target = renumbered[edge.target];
      ego_edges.push_back(std::move(edge));
    }
    nodes = std::move(ego_nodes);
    relation_edges = std::move(ego_edges);
  }

  // A node's dates are those of the edges it keeps.
  std::vector<std::set<std::string>> dates(nodes.size());
  for (const RelationEdge& edge : relation_edges) {
    dates[edge.source].insert(edge.dates.begin(), edge.dates.end());
    dates[edge.target].insert(edge.dates.begin(), edge.dates.end());
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    nodes[i].dates.assign(dates[i].begin(), dates[i].end());

  ComputeAnalytics(nodes, relation_edges, options.threads);

  ActorGraph graph;
  graph.impl_->nodes = std::move(nodes);
  graph.impl_->edges = std::move(relation_edges);
  graph.impl_->articles = impl.doc_ids.size();
  return graph;
}

}  // namespace actorgraph
