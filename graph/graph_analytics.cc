// Node analytics. Boost.Graph's adjacency_list costs about 150 bytes per edge and its
// betweenness allocates a predecessor list per vertex and source, which made the
// analytics the largest serial step of `build` and its largest transient allocation at
// corpus scale. So each measure runs here on compact arrays (a CSR adjacency of the
// simple graph, the in-arcs of the directed multigraph), performing exactly the
// floating-point operations of Boost's algorithm in exactly its order:
//  - brandes_betweenness_centrality: breadth-first search from each source in vertex
//    order, neighbours in ascending order (the order of Boost's adjacency lists, whose
//    edges were added as sorted pairs), path counts as std::size_t, dependencies
//    accumulated in reverse search order, each source's dependencies added to the
//    centralities in source order, then halved and scaled by relative_betweenness.
//    The search runs level by level and tests a hub's neighbours 64 at a time against a
//    bitset of the level (BrandesPass): same visits in the same order, fewer branches.
//    A level that few vertices are left for is found from those vertices (bottom-up, as
//    in direction-optimizing BFS) and put in the order the queue would have given it.
//    Sources are independent, so with several threads each computes the dependencies of
//    a block of sources and the sums still happen in source order: the doubles do not
//    depend on the thread count.
//  - page_rank (the bidirectional step): a vertex's new rank sums rank/out-degree over
//    its in-arcs in the order the arcs were added (edge order, a symmetric edge's reverse
//    arc right after it).
//  - degrees sum the weights of a node's edges in edge order.
//  - connected components are a partition, whatever finds it; the numbering is ours.
// tests/graph/graph_analytics_test.cc checks the results bit for bit against Boost.
// The ego network view still runs Boost's breadth_first_search.
#include "graph/graph_analytics.h"

#include <algorithm>
#include <bit>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>
#include <utility>

namespace actorgraph {

namespace {

using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

std::vector<NodeLink> NodeLinks(const std::vector<RelationEdge>& edges) {
  std::vector<NodeLink> links;
  links.reserve(edges.size());
  for (const RelationEdge& edge : edges) links.emplace_back(edge.source, edge.target);
  return links;
}

// Each linked pair once, as (smaller, larger) index, sorted. Both indexes are below
// the node count, so two counting passes sort the pairs, by the larger index and then,
// keeping that order, by the smaller: at a million edges that is several times faster
// than a comparison sort.
std::vector<NodeLink> LinkedPairs(const std::vector<NodeLink>& links) {
  std::uint32_t bound = 0;
  for (const auto& [a, b] : links) bound = std::max({bound, a + 1, b + 1});
  std::vector<NodeLink> pairs(links.size()), by_larger(links.size());
  std::vector<std::size_t> next(bound + 1);
  auto counting_pass = [&](const auto& pair_at, auto key, std::vector<NodeLink>& out) {
    std::fill(next.begin(), next.end(), 0);
    for (std::size_t i = 0; i < links.size(); ++i) ++next[key(pair_at(i)) + 1];
    for (std::uint32_t k = 0; k < bound; ++k) next[k + 1] += next[k];
    for (std::size_t i = 0; i < links.size(); ++i) {
      const NodeLink pair = pair_at(i);
      out[next[key(pair)]++] = pair;
    }
  };
  counting_pass([&](std::size_t i) {
    return NodeLink(std::min(links[i].first, links[i].second), std::max(links[i].first, links[i].second));
  }, [](const NodeLink& pair) { return pair.second; }, by_larger);
  counting_pass([&](std::size_t i) { return by_larger[i]; }, [](const NodeLink& pair) { return pair.first; },
                pairs);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

// The undirected simple graph as compressed rows: the neighbours of v are
// neighbours[first[v] .. first[v + 1]), ascending.
struct Adjacency {
  std::vector<std::uint32_t> first;
  std::vector<std::uint32_t> neighbours;
};

Adjacency MakeAdjacency(std::size_t node_count, const std::vector<NodeLink>& pairs) {
  Adjacency adjacency;
  adjacency.first.assign(node_count + 1, 0);
  for (const auto& [a, b] : pairs) {
    ++adjacency.first[a + 1];
    ++adjacency.first[b + 1];
  }
  for (std::size_t v = 0; v < node_count; ++v) adjacency.first[v + 1] += adjacency.first[v];
  adjacency.neighbours.resize(adjacency.first[node_count]);
  std::vector<std::uint32_t> next(adjacency.first.begin(), adjacency.first.begin() + node_count);
  // Pairs are sorted, so each row fills in ascending order: for v, first the a < v of
  // the pairs (a, v), ascending, then the b > v of the pairs (v, b), ascending.
  for (const auto& [a, b] : pairs) {
    adjacency.neighbours[next[a]++] = b;
    adjacency.neighbours[next[b]++] = a;
  }
  return adjacency;
}

void ComputeDegrees(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges) {
  std::vector<int> degree(nodes.size(), 0);
  std::vector<double> weighted(nodes.size(), 0.0);
  for (const RelationEdge& edge : edges) {
    for (std::uint32_t end : {edge.source, edge.target}) {
      ++degree[end];
      weighted[end] += static_cast<double>(edge.weight);
    }
  }
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    nodes[v].degree = degree[v];
    nodes[v].weighted_degree = weighted[v];
  }
}

// The rows of the simple graph's high-degree vertices as bitsets over all vertices. In a
// dense graph most of a hub's neighbours are on neither the next nor the previous level
// of a search, and testing them one by one costs a mispredicted branch each; one AND of
// 64 bits at a time with a level's bitset finds the ones that are. Rows with fewer than
// kMinDegreePerWord neighbours per word of bitset stay lists: for them the list is
// cheaper.
class DenseRows {
 public:
  explicit DenseRows(const Adjacency& adjacency) {
    const std::size_t n = adjacency.first.size() - 1;
    words_ = (n + 63) / 64;
    row_of_.assign(n, kNoRow);
    for (std::size_t v = 0; v < n; ++v) {
      if (adjacency.first[v + 1] - adjacency.first[v] < kMinDegreePerWord * words_) continue;
      row_of_[v] = static_cast<std::uint32_t>(bits_.size() / words_);
      bits_.resize(bits_.size() + words_, 0);
      std::uint64_t* row = &bits_[bits_.size() - words_];
      for (std::uint32_t i = adjacency.first[v]; i < adjacency.first[v + 1]; ++i)
        row[adjacency.neighbours[i] / 64] |= std::uint64_t{1} << (adjacency.neighbours[i] % 64);
    }
  }

  bool any() const { return !bits_.empty(); }
  std::size_t words() const { return words_; }
  // v's neighbours as a bitset of words() words, or null if v's row is a list.
  const std::uint64_t* Row(std::uint32_t v) const {
    return row_of_[v] == kNoRow ? nullptr : &bits_[static_cast<std::size_t>(row_of_[v]) * words_];
  }

 private:
  static constexpr std::uint32_t kNoRow = static_cast<std::uint32_t>(-1);
  static constexpr std::size_t kMinDegreePerWord = 2;
  std::size_t words_ = 0;
  std::vector<std::uint32_t> row_of_;
  std::vector<std::uint64_t> bits_;
};

// Calls visit(v), ascending, for each v set in both bitsets of `words` words.
template <typename Visit>
void ForEachCommonBit(const std::uint64_t* a, const std::uint64_t* b, std::size_t words,
                      Visit visit) {
  for (std::size_t k = 0; k < words; ++k) {
    for (std::uint64_t word = a[k] & b[k]; word != 0; word &= word - 1)
      visit(static_cast<std::uint32_t>(k * 64 + std::countr_zero(word)));
  }
}

// A set of vertices as a bitset, emptied member by member: a search clears it once per
// level, and a sparse graph may have as many levels as vertices.
class VertexBits {
 public:
  explicit VertexBits(std::size_t words) : bits_(words, 0) {}
  const std::uint64_t* data() const { return bits_.data(); }
  void Add(std::uint32_t v) { bits_[v / 64] |= std::uint64_t{1} << (v % 64); }
  void Remove(std::uint32_t v) { bits_[v / 64] &= ~(std::uint64_t{1} << (v % 64)); }
  void AddAll(const std::uint32_t* begin, const std::uint32_t* end) {
    for (; begin != end; ++begin) Add(*begin);
  }
  void RemoveAll(const std::uint32_t* begin, const std::uint32_t* end) {
    for (; begin != end; ++begin) Remove(*begin);
  }

 private:
  std::vector<std::uint64_t> bits_;
};

// One source's pass of Brandes' algorithm: fills dependency[v] for every v (0 where
// unreached). The scratch vectors are reused across sources.
//
// The search goes level by level. Each vertex v of level d hands its path count to its
// neighbours on level d + 1, discovering the unreached ones in ascending order: the
// queue order of Boost's search, whose path counts are these sums (of integers, so
// in any order). A dense row finds its unreached neighbours and those on level d + 1
// with one AND per word; a list row tests each neighbour's distance.
class BrandesPass {
 public:
  BrandesPass(const Adjacency& adjacency, const DenseRows& dense)
      : adjacency_(adjacency),
        dense_(dense),
        distance_(adjacency.first.size() - 1, -1),
        paths_(adjacency.first.size() - 1, 0),
        path_doubles_(adjacency.first.size() - 1, 0.0),
        predecessors_(adjacency.first.size() - 1),
        position_(adjacency.first.size() - 1, 0),
        scan_cost_(adjacency.first.size() - 1),
        reached_(dense.words()),
        level_(dense.words()) {
    order_.reserve(distance_.size());
    for (std::uint32_t v = 0; v < scan_cost_.size(); ++v) {
      scan_cost_[v] = dense.Row(v) ? dense.words() : adjacency.first[v + 1] - adjacency.first[v];
      total_scan_cost_ += scan_cost_[v];
    }
  }

  // REQUIRES: dependency.size() == node count.
  void Run(std::uint32_t source, double* dependency) {
    Reset();
    std::fill(dependency, dependency + distance_.size(), 0.0);
    distance_[source] = 0;
    paths_[source] = 1;
    Reach(source);
    level_starts_.push_back(0);
    for (std::size_t begin = 0; begin < order_.size();) {
      const std::size_t end = order_.size();
      level_starts_.push_back(end);
      const int next = distance_[order_[begin]] + 1;
      if (CheaperBottomUp(begin, end)) {
        DiscoverBottomUp(begin, end, next);
      } else {
        // level_ gathers level `next` as it is discovered.
        for (std::size_t i = begin; i < end; ++i) HandOnPaths(order_[i], next);
        if (dense_.any()) level_.RemoveAll(order_.data() + end, order_.data() + order_.size());
      }
      begin = end;
    }
    // Each w hands its dependency to its predecessors (its neighbours one level up), in
    // reverse search order; the predecessors of one w are distinct, so the order among
    // them does not change any sum. The source (level 0) has no predecessors. Path
    // counts are converted to double once per vertex, not once per arc (an unsigned
    // 64-bit conversion is several instructions without AVX-512).
    for (std::uint32_t v : order_) path_doubles_[v] = static_cast<double>(paths_[v]);
    for (std::size_t d = level_starts_.size() - 2; d > 0; --d) {
      if (dense_.any()) SetLevelBits(d - 1);
      for (std::size_t k = level_starts_[d + 1]; k-- > level_starts_[d];)
        HandOnDependency(order_[k], dependency);
    }
    if (dense_.any()) ClearLevelBits();
  }

 private:
  void Reset() {
    for (std::uint32_t v : order_) {  // what the previous source touched
      distance_[v] = -1;
      paths_[v] = 0;
    }
    if (dense_.any()) reached_.RemoveAll(order_.data(), order_.data() + order_.size());
    order_.clear();
    level_starts_.clear();
    reached_scan_cost_ = 0;
  }

  // w joins the search, after every vertex already in it.
  void Reach(std::uint32_t w) {
    position_[w] = static_cast<std::uint32_t>(order_.size());
    order_.push_back(w);
    reached_scan_cost_ += scan_cost_[w];
    if (dense_.any()) reached_.Add(w);
  }

  // Whether the next level is cheaper to find from the unreached vertices, each looking
  // for a neighbour on the current level order_[begin, end), than from the current
  // level's vertices, each scanning its row (a dense row twice). In a dense graph the
  // second level holds nearly every vertex: handing on from it scans every row to find
  // the few still unreached. Needs the bitsets, kept only when some row is dense.
  bool CheaperBottomUp(std::size_t begin, std::size_t end) const {
    if (!dense_.any()) return false;
    std::size_t top_down = 0;
    for (std::size_t i = begin; i < end; ++i) top_down += 2 * scan_cost_[order_[i]];
    return total_scan_cost_ - reached_scan_cost_ + dense_.words() < top_down;
  }

  // Finds level `next` from the unreached vertices: each sums the path counts of its
  // neighbours on level next - 1 = order_[begin, end). The level joins the search in the
  // order the top-down search would have given it, by the first vertex of the level
  // above to reach it, then ascending, as each row is scanned in ascending order.
  void DiscoverBottomUp(std::size_t begin, std::size_t end, int next) {
    level_.AddAll(order_.data() + begin, order_.data() + end);
    found_.clear();
    const std::uint64_t* reached = reached_.data();
    const std::size_t n = distance_.size();
    for (std::size_t k = 0; k < dense_.words(); ++k) {
      for (std::uint64_t unreached = ~reached[k]; unreached != 0; unreached &= unreached - 1) {
        const std::uint32_t u = static_cast<std::uint32_t>(k * 64 + std::countr_zero(unreached));
        if (u >= n) break;
        std::size_t paths = 0;
        std::uint32_t first = kNoParent;
        auto parent = [&](std::uint32_t v) {
          paths += paths_[v];
          first = std::min(first, position_[v]);
        };
        if (const std::uint64_t* row = dense_.Row(u)) {
          ForEachCommonBit(row, level_.data(), dense_.words(), parent);
        } else {
          for (std::uint32_t i = adjacency_.first[u]; i < adjacency_.first[u + 1]; ++i) {
            const std::uint32_t v = adjacency_.neighbours[i];
            const bool on_level = distance_[v] == next - 1;  // no branch: see HandOnDependency
            paths += on_level ? paths_[v] : 0;
            first = std::min(first, on_level ? position_[v] : kNoParent);
          }
        }
        // Unreached, u is on no level that this scan reads the path counts of.
        paths_[u] = paths;
        if (first != kNoParent) found_.push_back(std::uint64_t{first} << 32 | u);
      }
    }
    level_.RemoveAll(order_.data() + begin, order_.data() + end);
    std::sort(found_.begin(), found_.end());  // by first parent, then vertex
    for (std::uint64_t found : found_) {
      const std::uint32_t vertex = static_cast<std::uint32_t>(found);
      distance_[vertex] = next;
      Reach(vertex);
    }
  }

  // level_ becomes the members of level d, for the backward pass.
  void SetLevelBits(std::size_t d) {
    ClearLevelBits();
    level_members_ = {level_starts_[d], level_starts_[d + 1]};
    level_.AddAll(order_.data() + level_members_.first, order_.data() + level_members_.second);
  }
  void ClearLevelBits() {
    level_.RemoveAll(order_.data() + level_members_.first, order_.data() + level_members_.second);
    level_members_ = {0, 0};
  }

  // v, on level next - 1, discovers its unreached neighbours and adds its path count to
  // each neighbour on level `next`. level_ holds level `next` as discovered so far.
  void HandOnPaths(std::uint32_t v, int next) {
    if (const std::uint64_t* row = dense_.Row(v)) {
      const std::uint64_t* reached = reached_.data();
      for (std::size_t k = 0; k < dense_.words(); ++k) {
        for (std::uint64_t fresh = row[k] & ~reached[k]; fresh != 0; fresh &= fresh - 1) {
          std::uint32_t w = static_cast<std::uint32_t>(k * 64 + std::countr_zero(fresh));
          distance_[w] = next;
          Reach(w);
          level_.Add(w);
        }
      }
      ForEachCommonBit(row, level_.data(), dense_.words(),
                       [&](std::uint32_t w) { paths_[w] += paths_[v]; });
      return;
    }
    const std::uint32_t* first = adjacency_.first.data();
    const std::uint32_t* neighbours = adjacency_.neighbours.data();
    for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) {
      std::uint32_t w = neighbours[i];
      if (distance_[w] < 0) {
        distance_[w] = next;
        paths_[w] = paths_[v];
        Reach(w);
        if (dense_.any()) level_.Add(w);
      } else if (distance_[w] == next) {
        paths_[w] += paths_[v];
      }
    }
  }

  // w hands its dependency to its neighbours one level up. level_ holds that level when
  // w's row is dense.
  void HandOnDependency(std::uint32_t w, double* dependency) {
    const double share = 1.0 + dependency[w];
    const double paths_w = path_doubles_[w];
    auto hand_to = [&](std::uint32_t v) {
      double factor = path_doubles_[v] / paths_w;
      factor *= share;
      dependency[v] = dependency[v] + factor;
    };
    if (const std::uint64_t* row = dense_.Row(w)) {
      ForEachCommonBit(row, level_.data(), dense_.words(), hand_to);
      return;
    }
    // The neighbours one level up, gathered without a branch per neighbour: whether a
    // neighbour is on that level follows no pattern a branch predictor could learn.
    const int previous = distance_[w] - 1;
    std::uint32_t* up = predecessors_.data();
    std::size_t count = 0;
    for (std::uint32_t i = adjacency_.first[w]; i < adjacency_.first[w + 1]; ++i) {
      std::uint32_t v = adjacency_.neighbours[i];
      up[count] = v;
      count += distance_[v] == previous;
    }
    for (std::size_t k = 0; k < count; ++k) hand_to(up[k]);
  }

  const Adjacency& adjacency_;
  const DenseRows& dense_;
  std::vector<int> distance_;
  std::vector<std::size_t> paths_;  // Boost's degree_size_type: wraps like it on overflow
  std::vector<double> path_doubles_;  // paths_ as double, for the backward pass
  std::vector<std::uint32_t> predecessors_;  // HandOnDependency's scratch
  std::vector<std::uint32_t> position_;  // v is order_[position_[v]]
  // What finding v's neighbours on a level costs: a dense row's words, or the degree.
  std::vector<std::size_t> scan_cost_;
  std::size_t total_scan_cost_ = 0;
  std::size_t reached_scan_cost_ = 0;  // of the vertices in order_
  static constexpr std::uint32_t kNoParent = static_cast<std::uint32_t>(-1);
  // DiscoverBottomUp's level before it is ordered: each vertex below the position in
  // order_ of its first parent, so that sorting the numbers orders the level.
  std::vector<std::uint64_t> found_;
  std::vector<std::uint32_t> order_;
  // order_[level_starts_[d] .. level_starts_[d + 1]) is level d of the search.
  std::vector<std::size_t> level_starts_;
  // Kept only when some row is dense.
  VertexBits reached_;
  VertexBits level_;
  std::pair<std::size_t, std::size_t> level_members_{0, 0};  // the range of order_ in level_
};

void ComputeBetweenness(std::vector<ActorNode>& nodes, const Adjacency& adjacency,
                        int threads) {
  const std::size_t n = nodes.size();
  std::vector<double> centrality(n, 0.0);
  // relative_betweenness_centrality divides by (n-1)(n-2)/2, which is 0 below 3 nodes;
  // no node can lie between two others there anyway.
  if (n >= 3) {
    // Sources go in blocks; block b's dependencies are added in source order before
    // block b + 1's, by the calling thread.
    const std::size_t workers =
        std::clamp<std::size_t>(threads > 0 ? threads : 1, 1, std::max<std::size_t>(1, n / 64));
    const std::size_t block = workers == 1 ? 1 : 16 * workers;
    std::vector<double> dependencies(block * n);
    const DenseRows dense(adjacency);
    std::vector<BrandesPass> passes;
    for (std::size_t t = 0; t < workers; ++t) passes.emplace_back(adjacency, dense);
    for (std::size_t begin = 0; begin < n; begin += block) {
      std::size_t end = std::min(n, begin + block);
      auto work = [&](std::size_t t) {
        for (std::size_t s = begin + t; s < end; s += workers) {
          passes[t].Run(static_cast<std::uint32_t>(s), &dependencies[(s - begin) * n]);
        }
      };
      if (workers == 1) {
        work(0);
      } else {
        std::vector<std::jthread> pool;
        for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work, t);
        work(0);
      }
      for (std::size_t s = begin; s < end; ++s) {
        const double* dependency = &dependencies[(s - begin) * n];
        // Boost adds each reached w != s once, in reverse search order; one addition per
        // w makes any order the same, and an unreached w adds 0.
        for (std::size_t w = 0; w < n; ++w)
          if (w != s) centrality[w] = centrality[w] + dependency[w];
      }
    }
    // brandes_betweenness_centrality halves on an undirected graph;
    // relative_betweenness_centrality then scales by 2 / ((n-1)(n-2)).
    for (double& c : centrality) c = c / 2.0;
    double factor = 2.0 / static_cast<double>(n * n - 3 * n + 2);
    for (double& c : centrality) c = factor * c;
  }
  for (std::size_t v = 0; v < n; ++v) nodes[v].betweenness = centrality[v];
}

void ComputeComponents(std::vector<ActorNode>& nodes, const Adjacency& adjacency) {
  const std::size_t n = nodes.size();
  if (n == 0) return;
  std::vector<int> component(n, -1);
  std::vector<std::uint32_t> stack;
  int count = 0;
  for (std::size_t start = 0; start < n; ++start) {
    if (component[start] >= 0) continue;
    component[start] = count;
    stack.push_back(static_cast<std::uint32_t>(start));
    while (!stack.empty()) {
      std::uint32_t v = stack.back();
      stack.pop_back();
      for (std::uint32_t i = adjacency.first[v]; i < adjacency.first[v + 1]; ++i) {
        std::uint32_t w = adjacency.neighbours[i];
        if (component[w] < 0) {
          component[w] = count;
          stack.push_back(w);
        }
      }
    }
    ++count;
  }
  // Renumber: largest first, ties by the first node (nodes are sorted by name).
  std::vector<std::size_t> size(count, 0), first(count, n);
  for (std::size_t v = 0; v < n; ++v) {
    ++size[component[v]];
    first[component[v]] = std::min(first[component[v]], v);
  }
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (size[a] != size[b]) return size[a] > size[b];
    return first[a] < first[b];
  });
  std::vector<int> renumbered(count);
  for (int i = 0; i < count; ++i) renumbered[order[i]] = i;
  for (std::size_t v = 0; v < n; ++v) nodes[v].component = renumbered[component[v]];
}

// page_rank's termination test: stop once no rank moved by more than a 1e-12 share of
// its value since the previous call, or after kMaxIterations.
class UntilStable {
 public:
  explicit UntilStable(std::size_t node_count) : previous_(node_count, -1.0) {}

  bool operator()(const std::vector<double>& rank) {
    bool stable = true;
    for (std::size_t v = 0; v < rank.size(); ++v) {
      double now = rank[v];
      if (std::fabs(now - previous_[v]) > 1e-12 * std::fabs(now)) stable = false;
      previous_[v] = now;
    }
    return stable || ++iterations_ > kMaxIterations;
  }

 private:
  static constexpr int kMaxIterations = 1000;
  std::vector<double> previous_;
  int iterations_ = 0;
};

// In-arcs per thread below which PageRank's sums stay on one thread: each iteration
// starts the threads anew, which costs more than summing a small graph's ranks.
constexpr std::size_t kPageRankArcsPerThread = 1 << 16;

void ComputePageRank(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                     int threads) {
  const std::size_t n = nodes.size();
  if (n == 0) return;
  // In-arcs by target, each row in the order Boost's bidirectional adjacency_list keeps
  // them: the order of add_edge, i.e. edge order with a symmetric edge's reverse arc
  // right after it.
  std::vector<std::uint32_t> first(n + 1, 0);
  std::vector<std::size_t> out_degree(first.size() - 1, 0);
  for (const RelationEdge& edge : edges) {
    ++first[edge.target + 1];
    ++out_degree[edge.source];
    if (edge.symmetric) {
      ++first[edge.source + 1];
      ++out_degree[edge.target];
    }
  }
  for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
  std::vector<std::uint32_t> sources(first[n]);
  std::vector<std::uint32_t> next(first.begin(), first.begin() + n);
  for (const RelationEdge& edge : edges) {
    sources[next[edge.target]++] = edge.source;
    if (edge.symmetric) sources[next[edge.source]++] = edge.target;
  }

  const double damping = kPageRankDamping;
  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next_rank(n), share(n);
  auto sum_rows = [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      double sum = 0;
      for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) sum += share[sources[i]];
      next_rank[v] = (1.0 - damping) + damping * sum;
    }
  };
  // The rows are cut into one part per thread with about as many in-arcs each. Each
  // rank is still summed by one thread in arc order, so it is the same double for any
  // thread count.
  const std::size_t parts = std::clamp<std::size_t>(threads > 0 ? threads : 1, 1,
                                                    1 + first[n] / kPageRankArcsPerThread);
  std::vector<std::size_t> cut(parts + 1, n);
  for (std::size_t p = 0; p < parts; ++p)
    cut[p] = static_cast<std::size_t>(
        std::lower_bound(first.begin(), first.end() - 1, first[n] / parts * p) - first.begin());
  UntilStable done(n);
  while (!done(rank)) {
    // Boost divides rank by out-degree for every in-arc; the quotient is the same
    // double each time, so it is computed once per vertex.
    for (std::size_t u = 0; u < n; ++u)
      share[u] = out_degree[u] == 0 ? 0.0 : rank[u] / static_cast<double>(out_degree[u]);
    {
      std::vector<std::jthread> pool;
      for (std::size_t p = 1; p < parts; ++p) pool.emplace_back(sum_rows, cut[p], cut[p + 1]);
      sum_rows(cut[0], cut[1]);
    }
    rank.swap(next_rank);
  }
  // Boost lets dangling nodes leak rank; normalising restores the classic PageRank (see
  // graph_analytics.h). Every rank is at least 1 - damping, so the sum is positive.
  double sum = 0;
  for (double r : rank) sum += r;
  for (std::size_t v = 0; v < n; ++v) nodes[v].pagerank = rank[v] / sum;
}

SimpleGraph MakeSimpleGraph(std::size_t node_count, const std::vector<RelationEdge>& edges) {
  SimpleGraph graph(node_count);
  for (const auto& [a, b] : LinkedPairs(NodeLinks(edges))) boost::add_edge(a, b, graph);
  return graph;
}

}  // namespace

void ComputeLinkAnalytics(std::vector<ActorNode>& nodes, const std::vector<NodeLink>& links,
                          int threads) {
  Adjacency simple = MakeAdjacency(nodes.size(), LinkedPairs(links));
  ComputeBetweenness(nodes, simple, threads);
  ComputeComponents(nodes, simple);
}

void ComputeEdgeAnalytics(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                          int threads) {
  ComputeDegrees(nodes, edges);
  ComputePageRank(nodes, edges, threads);
}

void ComputeAnalytics(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                      int threads) {
  ComputeLinkAnalytics(nodes, NodeLinks(edges), threads);
  ComputeEdgeAnalytics(nodes, edges, threads);
}

std::vector<bool> EgoNetwork(std::size_t node_count, const std::vector<RelationEdge>& edges,
                             std::size_t focus, int depth) {
  SimpleGraph graph = MakeSimpleGraph(node_count, edges);
  constexpr std::size_t kUnreached = static_cast<std::size_t>(-1);
  std::vector<std::size_t> distance(node_count, kUnreached);
  distance[focus] = 0;
  auto distance_map =
      boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph));
  boost::breadth_first_search(graph, focus,
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_distances(distance_map, boost::on_tree_edge()))));
  std::vector<bool> kept(node_count, false);
  for (std::size_t v = 0; v < node_count; ++v)
    kept[v] = distance[v] != kUnreached && distance[v] <= static_cast<std::size_t>(depth);
  return kept;
}

}  // namespace actorgraph
