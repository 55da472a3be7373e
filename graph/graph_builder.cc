// GraphBuilder in two phases. Add folds each extraction into tallies, one per actor and
// one per (source, relation, target, negated) edge, so nothing it keeps depends on the
// order of the calls: counts are sums, dates and names are sets, and the evidence of an
// edge is the first max_evidence_per_edge entries of a total order. The views that judge
// a single mention (--relations, --since/--until, --no-negated) are applied there. Build
// applies the views that need the whole corpus (--countries, --min-weight,
// --focus/--depth), then lays out the nodes and edges in name order and computes the
// analytics on them.
//
// A corpus of a gigabyte gives about a million edges, most of them seen once, so the
// tallies are compact: actors, relation and family names, dates and document ids are
// interned as 32-bit ids; an edge tally is found through an open-addressing table of
// edge indices; its dates and evidence are small vectors that hold one or two entries
// without a heap block; and an evidence sentence lives in a temporary file (SpillFile)
// from the moment it is kept, memory holding only its place there. The graph reads its
// evidence from that file.
//
// Articles: an edge or actor counts a document when it differs from the last one it
// saw, which is exact while every document id comes once. Each such count is also
// logged to a second temporary file as (tally, document); when an id came twice, or
// when --countries merges tallies, Build counts distinct documents from that log.
#include "graph/graph_builder.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "extract/error.h"
#include "graph/actor_graph_impl.h"
#include "graph/graph_analytics.h"
#include "graph/spill_file.h"

namespace actorgraph {

namespace {

using Id = std::uint32_t;
constexpr Id kNone = UINT32_MAX;

// A string's slot hash for StringPool: sixteen bytes at a time, folded in by one 64x64 ->
// 128-bit multiply (wyhash's mixing step). std::hash, MurmurHash2 a byte at a time at the
// end, was two thirds of Intern, and Add interns a name and a surface per actor it meets.
std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t HashText(std::string_view text) {
  constexpr std::uint64_t k0 = 0xA0761D6478BD642Full, k1 = 0xE7037ED1A0B428DBull;
  auto load64 = [](const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
  };
  auto load32 = [](const char* p) {
    std::uint32_t word;
    std::memcpy(&word, p, 4);
    return std::uint64_t{word};
  };
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = k0 ^ n;
  for (; n > 16; p += 16, n -= 16) h = Mix(load64(p) ^ k1, load64(p + 8) ^ h);
  // The last 1 to 16 bytes, read as two words that may overlap.
  std::uint64_t a = 0, b = 0;
  if (n >= 8) {
    a = load64(p);
    b = load64(p + n - 8);
  } else if (n >= 4) {
    a = load32(p);
    b = load32(p + n - 4);
  } else if (n > 0) {
    auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    a = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  return Mix(k1 ^ text.size(), Mix(a ^ k1, b ^ h));
}

// Whether two strings are equal. GCC 12 calls string_view::compare out of line for ==,
// which cost Note as much as the memcmp itself. An empty view may have a null data(),
// which memcmp must not be given even for 0 bytes.
bool SameBytes(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

// An open-addressing table of the ids 0 .. count - 1 with twice as many slots as
// `min_slots` or 16, whichever is more, each id at the first free slot from
// hash_of(id): what the tables below grow into when they are half full.
template <typename HashOf>
std::vector<Id> SlotsFor(std::size_t count, std::size_t min_slots, HashOf hash_of) {
  std::vector<Id> slots(std::max<std::size_t>(16, min_slots * 2), kNone);
  const std::size_t mask = slots.size() - 1;
  for (Id id = 0; id < count; ++id) {
    std::size_t at = hash_of(id) & mask;
    while (slots[at] != kNone) at = (at + 1) & mask;
    slots[at] = id;
  }
  return slots;
}

// Interned strings: each distinct string once in one arena, found by an open-addressing
// table of ids.
class StringPool {
 public:
  // The id of `text`, adding it if new.
  Id Intern(std::string_view text) {
    if ((size() + 1) * 2 > slots_.size()) Grow();
    std::size_t mask = slots_.size() - 1;
    for (std::size_t at = HashText(text) & mask;; at = (at + 1) & mask) {
      Id id = slots_[at];
      if (id == kNone) {
        id = static_cast<Id>(size());
        arena_.append(text);
        start_.push_back(arena_.size());
        slots_[at] = id;
        return id;
      }
      if (SameBytes((*this)[id], text)) return id;
    }
  }

  // REQUIRES: id < size(). Valid until the next Intern.
  std::string_view operator[](Id id) const {
    return std::string_view(arena_.data() + start_[id], start_[id + 1] - start_[id]);
  }
  std::size_t size() const { return start_.size() - 1; }

  // Ids in the order of their strings.
  std::vector<Id> Sorted() const {
    std::vector<Id> ids(size());
    for (Id id = 0; id < ids.size(); ++id) ids[id] = id;
    std::sort(ids.begin(), ids.end(), [&](Id a, Id b) { return (*this)[a] < (*this)[b]; });
    return ids;
  }

 private:
  void Grow() {
    slots_ = SlotsFor(size(), slots_.size(), [&](Id id) { return HashText((*this)[id]); });
  }

  std::string arena_;
  std::vector<std::uint64_t> start_{0};
  std::vector<Id> slots_;
};

// A vector of trivially copyable values that holds up to N of them in place: most edges
// have one date and one or two evidence sentences, which then cost no heap block.
template <typename T, std::uint32_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  SmallVector() = default;
  ~SmallVector() { Release(); }
  SmallVector(SmallVector&& other) noexcept { Take(other); }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this != &other) {
      Release();
      Take(other);
    }
    return *this;
  }
  SmallVector(const SmallVector&) = delete;
  SmallVector& operator=(const SmallVector&) = delete;

  T* data() { return capacity_ > N ? storage_.heap : reinterpret_cast<T*>(storage_.in_place); }
  const T* data() const {
    return capacity_ > N ? storage_.heap : reinterpret_cast<const T*>(storage_.in_place);
  }
  std::uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  T& back() { return data()[size_ - 1]; }

  // Inserts `value` before position `at`; grows by doubling, but to at most `limit`
  // when the caller knows the vector never holds more.
  void Insert(std::size_t at, const T& value, std::size_t limit = SIZE_MAX) {
    if (size_ == capacity_)
      Reserve(static_cast<std::uint32_t>(
          std::max<std::size_t>(size_ + 1, std::min<std::size_t>(limit, std::size_t{capacity_} * 2))));
    T* items = data();
    std::memmove(items + at + 1, items + at, (size_ - at) * sizeof(T));
    items[at] = value;
    ++size_;
  }
  void PushBack(const T& value) { Insert(size_, value); }
  void Erase(std::size_t at) {
    T* items = data();
    std::memmove(items + at, items + at + 1, (size_ - at - 1) * sizeof(T));
    --size_;
  }
  void Truncate(std::size_t size) { size_ = std::min<std::uint32_t>(size_, static_cast<std::uint32_t>(size)); }
  // Empties the vector and gives its heap block back.
  void Clear() {
    Release();
    size_ = 0;
    capacity_ = N;
  }

 private:
  void Reserve(std::uint32_t capacity) {
    T* heap = static_cast<T*>(std::malloc(std::size_t{capacity} * sizeof(T)));
    if (heap == nullptr) throw std::bad_alloc();
    std::memcpy(heap, data(), size_ * sizeof(T));
    Release();
    storage_.heap = heap;
    capacity_ = capacity;
  }
  void Release() {
    if (capacity_ > N) std::free(storage_.heap);
  }
  void Take(SmallVector& other) {
    std::memcpy(&storage_, &other.storage_, sizeof storage_);
    size_ = other.size_;
    capacity_ = other.capacity_;
    other.size_ = 0;
    other.capacity_ = N;
  }

  union Storage {
    alignas(T) unsigned char in_place[N * sizeof(T)];
    T* heap;
  } storage_;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;
};

// A sentence an edge may keep as evidence. Its record (doc, date, sentence, text) is in
// the evidence file; date, doc and sentence are here too, for ordering without a read.
struct Candidate {
  Id date;  // in the date pool, or kNone when undated
  Id doc;   // in the document pool
  std::int32_t sentence;
  SpillRef record;
};

// Adds `id` to a set kept as a sorted vector of ids.
template <std::uint32_t N>
void InsertSorted(SmallVector<Id, N>& set, Id id) {
  auto at = std::lower_bound(set.begin(), set.end(), id);
  if (at == set.end() || *at != id) set.Insert(at - set.begin(), id);
}

struct ActorTally {
  int type_votes[4] = {0, 0, 0, 0};  // by ActorType: the type most refs gave wins
  std::string country;               // smallest non-empty code seen
  SmallVector<Id, 2> surfaces;       // surface forms, in the surface pool; sorted by id, unique
  int mentions = 0;
  int articles = 0;       // documents, counted when one differs from last_doc
  Id last_doc = kNone;

  ActorType type() const {
    int best = 0;
    for (int t = 1; t < 4; ++t)
      if (type_votes[t] > type_votes[best]) best = t;
    return static_cast<ActorType>(best);
  }
};

struct EdgeTally {
  Id source = 0;  // actors
  Id target = 0;
  Id relation = 0;      // in the name pool
  Id family = kNone;    // smallest non-empty family seen, in the name pool
  bool negated = false;
  bool symmetric = false;
  bool dropped = false;  // merged into another edge or dropped by a view (Build)
  int weight = 0;
  int asserted = 0;
  int planned = 0;
  int articles = 0;
  Id last_doc = kNone;
  SmallVector<Id, 2> dates;               // in the date pool; sorted by id, unique
  SmallVector<Candidate, 1> evidence;     // sorted by the evidence order, unique, capped
};

// The edge tallies: a growing array in chunks of 4096, so growth never copies and Build
// can free the front while it turns tallies into edges. (A std::deque's 512-byte chunks
// would waste a seventh of the space on 88-byte tallies.)
class TallyArena {
 public:
  static constexpr std::size_t kChunk = 4096;

  EdgeTally& operator[](std::size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  std::size_t size() const { return size_; }
  EdgeTally& EmplaceBack() {
    if (size_ % kChunk == 0) chunks_.push_back(std::make_unique<EdgeTally[]>(kChunk));
    return (*this)[size_++];
  }
  // Frees the chunks that hold only tallies below `end`; those may not be used again.
  void FreeBefore(std::size_t end) {
    for (std::size_t c = 0; c < end / kChunk && c < chunks_.size(); ++c) chunks_[c].reset();
  }
  void Clear() {
    chunks_.clear();
    size_ = 0;
  }

 private:
  std::vector<std::unique_ptr<EdgeTally[]>> chunks_;
  std::size_t size_ = 0;
};

// Mixes an edge key's bits into all 64 (std::hash of an integer is the identity, which
// would leave the source out of a masked slot index). The finaliser of MurmurHash3.
std::uint64_t EdgeHash(Id source, Id target, Id relation, bool negated) {
  std::uint64_t h = (std::uint64_t{source} << 32 | target) ^
                    ((std::uint64_t{relation} << 1 | negated) * 0x9E3779B97F4A7C15ull);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace
}  // namespace actorgraph

// gperftools' tcmalloc, which the actorgraph binary links in release builds; weak, so
// graph/ needs no tcmalloc and a program without it gets a null pointer.
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));

namespace actorgraph {
namespace {

// Gives freed heap memory back to the system. Allocators keep freed pages mapped (glibc
// inside its heap, tcmalloc in its page heap), so without this the tallies Build frees
// would stay resident while the graph's arrays fill: the peak would be tallies plus
// graph, not the larger of the two.
void ReturnFreedMemory() {
  if (MallocExtension_ReleaseFreeMemory != nullptr) {
    MallocExtension_ReleaseFreeMemory();
    return;
  }
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// The article log's keys: an edge tally's index, or an actor's id with this bit set.
constexpr Id kActorKey = 0x80000000u;

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

// Sets each node's dates to those of the edges at it, sorted and unique, kept in
// `storage`. A node's dates are marked in a bitset over the date ids and read out in
// order: at 1 GB the (node, date) pairs number tens of millions, and sorting them took
// longer than anything else Build does besides the analytics.
void SetNodeDates(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                  std::size_t date_count, std::vector<DateId>& storage) {
  // The edges at node v: incident[first[v] .. first[v + 1]).
  std::vector<std::uint32_t> first(nodes.size() + 1, 0);
  for (const RelationEdge& edge : edges) {
    ++first[edge.source + 1];
    ++first[edge.target + 1];
  }
  for (std::size_t v = 0; v < nodes.size(); ++v) first[v + 1] += first[v];
  std::vector<std::uint32_t> incident(first.back());
  {
    std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t e = 0; e < edges.size(); ++e) {
      incident[next[edges[e].source]++] = e;
      incident[next[edges[e].target]++] = e;
    }
  }
  std::vector<std::uint64_t> marked((date_count + 63) / 64, 0);
  std::vector<std::size_t> begin(nodes.size() + 1, 0);
  storage.clear();
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    std::size_t low = marked.size(), high = 0;  // the words marked, [low, high)
    for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) {
      for (DateId date : edges[incident[i]].dates) {
        marked[date / 64] |= std::uint64_t{1} << (date % 64);
        low = std::min<std::size_t>(low, date / 64);
        high = std::max<std::size_t>(high, date / 64 + 1);
      }
    }
    for (std::size_t word = low; word < high; ++word) {
      for (std::uint64_t bits = marked[word]; bits != 0; bits &= bits - 1)
        storage.push_back(static_cast<DateId>(word * 64 + std::countr_zero(bits)));
      marked[word] = 0;
    }
    begin[v + 1] = storage.size();
  }
  for (std::size_t v = 0; v < nodes.size(); ++v)
    nodes[v].dates = std::span<const DateId>(storage.data() + begin[v], begin[v + 1] - begin[v]);
}

}  // namespace

struct GraphBuilder::Impl {
  GraphOptions options;
  std::set<std::string> relation_types;  // options.relations, lower-cased
  bool built = false;

  StringPool actor_names;  // Id = index into actors
  std::vector<ActorTally> actors;
  StringPool names;        // relations and families
  StringPool surfaces;     // the words that named an actor
  // The (name, surface form) pairs Note has seen, found by an open-addressing table of
  // indices into ref_pairs: a corpus names the same actor the same way over and over
  // (20 MB of news: 395,000 refs, 5,800 pairs), so one lookup of the pair replaces
  // interning the name and the surface form each time.
  struct RefPair {
    std::uint64_t hash;
    Id actor;
    Id surface;  // in surfaces, or kNone when empty
  };
  std::vector<RefPair> ref_pairs;
  std::vector<Id> ref_slots;
  StringPool dates;
  StringPool docs;         // document ids, of added documents and of evidence
  std::vector<bool> added;  // by doc id: added as a document
  std::size_t articles = 0;
  bool repeated = false;    // a document id was added twice

  TallyArena edges;
  std::vector<Id> edge_slots;   // open addressing over edges, kNone when empty

  std::optional<SpillFile> evidence_file;
  std::optional<SpillFile> article_log;

  // Within one Add: the records spilled for (evidence doc, sentence, date), so relations
  // read in one sentence share one record.
  struct Spilled {
    Id doc;
    std::int32_t sentence;
    Id date;
    const std::string* text;
    SpillRef record;
  };
  std::vector<Spilled> spilled;
  std::string spill_buffer;  // Spill's record, one block for all of them

  // Within one Add: the kept relations, their ends resolved, waiting for their edges.
  struct Pending {
    const Relation* relation;
    Id source, target, type;
    std::uint64_t hash;  // EdgeHash of the edge key
  };
  std::vector<Pending> pending;

  // Within one Add: the actors the document names, for their article counts.
  std::vector<Id> named;

  bool Keeps(const Relation& relation) const;
  Id Note(const ActorRef& actor);
  EdgeTally& FindEdge(Id source, Id target, Id relation, bool negated, Id* index);
  void CountArticle(Id& last_doc, int& articles, Id key, Id doc);
  int CompareHead(const Candidate& a, const Candidate& b) const;
  const SpillRef* FindSpilled(const Candidate& item, const std::string& text) const;
  SpillRef Spill(const Candidate& item, const std::string& text);
  // `date` and `doc` are relation.date and relation.evidence.doc, interned (kNone: no date).
  void AddEvidence(EdgeTally& edge, const Relation& relation, Id date, Id doc);
  std::string_view TextOf(const Candidate& candidate, std::string& record) const;
  void MergeEvidence(EdgeTally& into, EdgeTally& from);
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

Id GraphBuilder::Impl::Note(const ActorRef& actor) {
  // The pair's hash from both strings' hashes, so no key string is built.
  const std::uint64_t hash = Mix(HashText(actor.name) ^ 0x9E3779B97F4A7C15ull, HashText(actor.surface));
  if ((ref_pairs.size() + 1) * 2 > ref_slots.size())
    ref_slots = SlotsFor(ref_pairs.size(), ref_slots.size(), [&](Id r) { return ref_pairs[r].hash; });
  const std::size_t mask = ref_slots.size() - 1;
  Id id = kNone;
  for (std::size_t at = hash & mask; id == kNone; at = (at + 1) & mask) {
    const Id r = ref_slots[at];
    if (r == kNone) {  // a new pair
      id = actor_names.Intern(actor.name);
      if (id == actors.size()) actors.emplace_back();
      Id surface = kNone;
      if (!actor.surface.empty()) {
        surface = surfaces.Intern(actor.surface);
        // Interned: a std::set<std::string> per actor cost a third of Add in string compares.
        InsertSorted(actors[id].surfaces, surface);
      }
      ref_slots[at] = static_cast<Id>(ref_pairs.size());
      ref_pairs.push_back(RefPair{hash, id, surface});
    } else if (const RefPair& pair = ref_pairs[r];
               pair.hash == hash && SameBytes(actor_names[pair.actor], actor.name) &&
               SameBytes(pair.surface == kNone ? std::string_view() : surfaces[pair.surface],
                         actor.surface)) {
      id = pair.actor;
    }
  }
  ActorTally& tally = actors[id];
  ++tally.type_votes[static_cast<int>(actor.type)];
  // Nearly always the code the actor already has, which SameBytes settles cheaply.
  if (!actor.country.empty() && !SameBytes(actor.country, tally.country) &&
      (tally.country.empty() || actor.country < tally.country))
    tally.country = actor.country;
  return id;
}

EdgeTally& GraphBuilder::Impl::FindEdge(Id source, Id target, Id relation, bool negated,
                                        Id* index) {
  if ((edges.size() + 1) * 2 > edge_slots.size()) {
    std::vector<Id> slots(std::max<std::size_t>(64, edge_slots.size() * 2), kNone);
    std::size_t mask = slots.size() - 1;
    for (Id e = 0; e < edges.size(); ++e) {
      const EdgeTally& t = edges[e];
      std::size_t at = EdgeHash(t.source, t.target, t.relation, t.negated) & mask;
      while (slots[at] != kNone) at = (at + 1) & mask;
      slots[at] = e;
    }
    edge_slots = std::move(slots);
  }
  std::size_t mask = edge_slots.size() - 1;
  for (std::size_t at = EdgeHash(source, target, relation, negated) & mask;; at = (at + 1) & mask) {
    Id e = edge_slots[at];
    if (e == kNone) {
      e = static_cast<Id>(edges.size());
      if (e >= kActorKey) throw Error("more than 2^31 edges");
      edge_slots[at] = e;
      EdgeTally& tally = edges.EmplaceBack();
      tally.source = source;
      tally.target = target;
      tally.relation = relation;
      tally.negated = negated;
      *index = e;
      return tally;
    }
    EdgeTally& tally = edges[e];
    if (tally.source == source && tally.target == target && tally.relation == relation &&
        tally.negated == negated) {
      *index = e;
      return tally;
    }
  }
}

void GraphBuilder::Impl::CountArticle(Id& last_doc, int& count, Id key, Id doc) {
  if (last_doc == doc) return;
  last_doc = doc;
  ++count;
  if (!article_log) article_log.emplace();
  char record[8];
  std::memcpy(record, &key, 4);
  std::memcpy(record + 4, &doc, 4);
  article_log->Append(std::string_view(record, 8));
}

// The evidence order without the text: earliest date first, undated last (an undated
// sentence tells the user least), then document and sentence number. 0 means the same
// sentence; the text decides between two of those.
int GraphBuilder::Impl::CompareHead(const Candidate& a, const Candidate& b) const {
  bool a_undated = a.date == kNone, b_undated = b.date == kNone;
  if (a_undated != b_undated) return a_undated ? 1 : -1;
  if (a.date != b.date) return dates[a.date] < dates[b.date] ? -1 : 1;
  if (a.doc != b.doc) return docs[a.doc] < docs[b.doc] ? -1 : 1;
  if (a.sentence != b.sentence) return a.sentence < b.sentence ? -1 : 1;
  return 0;
}

std::string_view GraphBuilder::Impl::TextOf(const Candidate& candidate, std::string& record) const {
  evidence_file->Read(candidate.record, record);
  std::uint32_t head[4];
  std::memcpy(head, record.data(), sizeof head);
  return std::string_view(record).substr(sizeof head + head[0] + head[1]);
}

// The record this Add already spilled for the same sentence and text, if among the last
// few (relations of one sentence come together).
const SpillRef* GraphBuilder::Impl::FindSpilled(const Candidate& item, const std::string& text) const {
  for (std::size_t k = spilled.size(); k-- > 0 && k + 16 >= spilled.size();) {
    const Spilled& s = spilled[k];
    if (s.doc == item.doc && s.sentence == item.sentence && s.date == item.date &&
        (s.text == &text || *s.text == text))
      return &s.record;
  }
  return nullptr;
}

SpillRef GraphBuilder::Impl::Spill(const Candidate& item, const std::string& text) {
  if (const SpillRef* record = FindSpilled(item, text)) return *record;
  if (!evidence_file) evidence_file.emplace();
  EncodeEvidence(docs[item.doc], item.date == kNone ? std::string_view() : dates[item.date],
                 item.sentence, text, spill_buffer);
  SpillRef record = evidence_file->Append(spill_buffer);
  spilled.push_back(Spilled{item.doc, item.sentence, item.date, &text, record});
  return record;
}

// Keeps the first max_evidence_per_edge sentences by (date, doc, sentence, text),
// undated last, each sentence (date, doc, sentence) once: the one with the smallest text.
void GraphBuilder::Impl::AddEvidence(EdgeTally& edge, const Relation& relation, Id date, Id doc) {
  const std::size_t cap = options.max_evidence_per_edge;
  if (cap == 0) return;
  Candidate item{date, doc, relation.evidence.sentence, SpillRef{}};
  if (item.doc >= added.size()) added.resize(item.doc + 1, false);
  const std::string& text = relation.evidence.sentence_text;
  auto& kept = edge.evidence;
  std::size_t at = 0;
  for (; at < kept.size(); ++at) {
    int order = CompareHead(item, kept[at]);
    if (order < 0) break;
    if (order == 0) {  // the same sentence again: keep the smaller text
      const SpillRef* same = FindSpilled(item, text);
      if (same != nullptr && same->offset() == kept[at].record.offset()) return;  // same text
      std::string record;
      if (text < TextOf(kept[at], record)) kept[at].record = Spill(item, text);
      return;
    }
  }
  if (at >= cap) return;
  item.record = Spill(item, text);
  kept.Truncate(cap - 1);  // room for the new one, which sorts before the last
  kept.Insert(at, item, cap);
}

// Merges two edges' evidence as if all their sentences had come to one edge.
void GraphBuilder::Impl::MergeEvidence(EdgeTally& into, EdgeTally& from) {
  const std::size_t cap = options.max_evidence_per_edge;
  std::string a, b;
  for (const Candidate& item : from.evidence) {
    auto& kept = into.evidence;
    std::size_t at = 0;
    bool done = false;
    for (; at < kept.size(); ++at) {
      int order = CompareHead(item, kept[at]);
      if (order < 0) break;
      if (order == 0) {
        if (TextOf(item, a) < TextOf(kept[at], b)) kept[at] = item;
        done = true;
        break;
      }
    }
    if (done || at >= cap) continue;
    kept.Truncate(cap - 1);
    kept.Insert(at, item, cap);
  }
  from.evidence.Clear();
}

GraphBuilder::GraphBuilder(GraphOptions options) : impl_(std::make_unique<Impl>()) {
  for (const std::string& type : options.relations) impl_->relation_types.insert(Lower(type));
  impl_->options = std::move(options);
}

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Add(const DocumentExtraction& extraction) {
  Impl& impl = *impl_;
  if (impl.built) throw std::logic_error("GraphBuilder::Add called after Build");
  Id doc = impl.docs.Intern(extraction.doc);
  if (doc >= impl.added.size()) impl.added.resize(doc + 1, false);
  if (impl.added[doc]) {
    impl.repeated = true;
  } else {
    impl.added[doc] = true;
    ++impl.articles;
  }
  impl.spilled.clear();
  std::vector<Id>& named = impl.named;
  named.clear();
  for (const ActorMention& mention : extraction.mentions) {
    if (mention.actor.name.empty()) continue;
    Id actor = impl.Note(mention.actor);
    ++impl.actors[actor].mentions;
    named.push_back(actor);
  }
  // Three passes, so the cache misses of the edge table overlap: the first resolves each
  // relation's edge key and prefetches its slot, the second reads the slots and prefetches
  // the tallies they name, the third folds the relations in. On a big corpus the table is
  // far larger than the cache, and a lookup at a time waited for two misses in a row.
  impl.pending.clear();
  for (const Relation& relation : extraction.relations) {
    if (relation.source.name.empty() || relation.target.name.empty()) continue;
    Id source = impl.Note(relation.source);
    Id target = impl.Note(relation.target);
    named.push_back(source);
    named.push_back(target);
    if (!impl.Keeps(relation)) continue;
    if (source == target) continue;  // an actor acting on itself says nothing
    if (relation.symmetric && impl.actor_names[target] < impl.actor_names[source])
      std::swap(source, target);
    Id type = impl.names.Intern(relation.type);
    std::uint64_t hash = EdgeHash(source, target, type, relation.negated);
    if (!impl.edge_slots.empty())
      __builtin_prefetch(&impl.edge_slots[hash & (impl.edge_slots.size() - 1)]);
    impl.pending.push_back(Impl::Pending{&relation, source, target, type, hash});
  }
  if (!impl.edge_slots.empty()) {
    const std::size_t mask = impl.edge_slots.size() - 1;
    for (const Impl::Pending& p : impl.pending) {
      Id e = impl.edge_slots[p.hash & mask];
      if (e != kNone) __builtin_prefetch(&impl.edges[e]);
    }
  }
  for (const Impl::Pending& p : impl.pending) {
    const Relation& relation = *p.relation;
    Id index = 0;
    EdgeTally& edge = impl.FindEdge(p.source, p.target, p.type, relation.negated, &index);
    if (!relation.family.empty()) {
      Id family = impl.names.Intern(relation.family);
      if (edge.family == kNone || impl.names[family] < impl.names[edge.family])
        edge.family = family;
    }
    edge.symmetric = edge.symmetric || relation.symmetric;
    ++edge.weight;
    ++(relation.modality == Modality::kPlanned ? edge.planned : edge.asserted);
    // Each string interned once per relation; the evidence is nearly always from the
    // document itself.
    const Id date = relation.date.empty() ? kNone : impl.dates.Intern(relation.date);
    if (date != kNone) InsertSorted(edge.dates, date);
    impl.CountArticle(edge.last_doc, edge.articles, index, doc);
    if (impl.options.max_evidence_per_edge > 0) {
      Id evidence_doc = relation.evidence.doc == extraction.doc
                            ? doc
                            : impl.docs.Intern(relation.evidence.doc);
      impl.AddEvidence(edge, relation, date, evidence_doc);
    }
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  for (Id actor : named) {
    ActorTally& tally = impl.actors[actor];
    impl.CountArticle(tally.last_doc, tally.articles, actor | kActorKey, doc);
  }
}

ActorGraph GraphBuilder::Build() {
  Impl& impl = *impl_;
  if (impl.built) throw std::logic_error("GraphBuilder::Build called twice");
  impl.built = true;
  const GraphOptions& options = impl.options;
  if (!options.focus.empty() && options.depth < 0)
    throw Error("the depth of a focus must be 0 or more, not " + std::to_string(options.depth));
  std::vector<Id>().swap(impl.edge_slots);
  std::vector<Impl::RefPair>().swap(impl.ref_pairs);
  std::vector<Id>().swap(impl.ref_slots);
  std::vector<Impl::Pending>().swap(impl.pending);
  std::vector<Id>().swap(impl.named);
  impl.spilled.clear();
  ReturnFreedMemory();  // what extraction freed, before Build allocates

  // Ranks: the order of actor, relation and date names.
  const std::size_t actor_count = impl.actors.size();
  std::vector<Id> actor_rank(actor_count);
  {
    std::vector<Id> sorted = impl.actor_names.Sorted();
    for (Id r = 0; r < sorted.size(); ++r) actor_rank[sorted[r]] = r;
  }
  std::vector<Id> name_rank(impl.names.size());
  {
    std::vector<Id> sorted = impl.names.Sorted();
    for (Id r = 0; r < sorted.size(); ++r) name_rank[sorted[r]] = r;
  }
  std::vector<Id> sorted_dates = impl.dates.Sorted();
  std::vector<DateId> date_rank(impl.dates.size());
  for (Id r = 0; r < sorted_dates.size(); ++r) date_rank[sorted_dates[r]] = r;

  // --countries: code -> the country's actor (the first by name that claims the code),
  // and each actor -> the actor its acts go to: a person whose country was named in the
  // input becomes that country; everyone else stays themselves.
  std::vector<Id> attributed(actor_count);
  for (Id a = 0; a < actor_count; ++a) attributed[a] = a;
  if (options.countries) {
    std::map<std::string, Id> country_of_code;
    for (Id a = 0; a < actor_count; ++a) {
      const ActorTally& tally = impl.actors[a];
      if (tally.type() != ActorType::kCountry || tally.country.empty()) continue;
      auto [slot, fresh] = country_of_code.emplace(tally.country, a);
      if (!fresh && actor_rank[a] < actor_rank[slot->second]) slot->second = a;
    }
    for (Id a = 0; a < actor_count; ++a) {
      const ActorTally& tally = impl.actors[a];
      if (tally.type() != ActorType::kPerson) continue;
      auto country = country_of_code.find(tally.country);
      if (country != country_of_code.end()) attributed[a] = country->second;
    }
  }

  // Edges in (source, target, relation, negated) order; under --countries each edge is
  // moved to the attributed actors first and edges that meet there are merged.
  struct SortKey {
    std::uint64_t high;  // source rank, target rank
    std::uint64_t low;   // relation rank, negated, tally index
  };
  std::vector<SortKey> order;
  order.reserve(impl.edges.size());
  for (Id e = 0; e < impl.edges.size(); ++e) {
    EdgeTally& edge = impl.edges[e];
    if (options.countries) {
      edge.source = attributed[edge.source];
      edge.target = attributed[edge.target];
      if (edge.source == edge.target) {  // a person of India meeting India
        edge.dropped = true;
        edge.dates.Clear();
        edge.evidence.Clear();
        continue;
      }
      if (edge.symmetric && actor_rank[edge.target] < actor_rank[edge.source])
        std::swap(edge.source, edge.target);
    }
    order.push_back(SortKey{(std::uint64_t{actor_rank[edge.source]} << 32) | actor_rank[edge.target],
                            (std::uint64_t{name_rank[edge.relation]} << 33) |
                                (std::uint64_t{edge.negated} << 32) | e});
  }
  std::sort(order.begin(), order.end(), [](const SortKey& a, const SortKey& b) {
    return std::tie(a.high, a.low) < std::tie(b.high, b.low);
  });
  // final_edge[e]: the index among kept edges of the edge tally e went into, or kNone.
  std::vector<Id> final_edge(impl.edges.size(), kNone);
  std::vector<Id> kept;  // tally index of each kept edge, in order
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && order[j].high == order[i].high &&
           (order[j].low >> 32) == (order[i].low >> 32))
      ++j;
    Id first = static_cast<Id>(order[i].low);
    EdgeTally& into = impl.edges[first];
    for (std::size_t k = i + 1; k < j; ++k) {
      EdgeTally& from = impl.edges[static_cast<Id>(order[k].low)];
      if (from.family != kNone &&
          (into.family == kNone || impl.names[from.family] < impl.names[into.family]))
        into.family = from.family;
      into.symmetric = into.symmetric || from.symmetric;
      into.weight += from.weight;
      into.asserted += from.asserted;
      into.planned += from.planned;
      into.articles += from.articles;  // recounted from the log below
      for (Id date : from.dates) InsertSorted(into.dates, date);
      from.dates.Clear();
      impl.MergeEvidence(into, from);
      from.dropped = true;
    }
    if (into.weight < options.min_weight) {
      into.dropped = true;
      into.dates.Clear();
      into.evidence.Clear();
    } else {
      for (std::size_t k = i; k < j; ++k) final_edge[static_cast<Id>(order[k].low)] = static_cast<Id>(kept.size());
      kept.push_back(first);
    }
    i = j;
  }
  std::vector<SortKey>().swap(order);

  // Nodes: the actors at either end of a kept edge, in name order; under --countries a
  // country node also counts the mentions and articles of the people attributed to it.
  std::vector<Id> node_of(actor_count, kNone);
  for (Id e : kept) {
    node_of[impl.edges[e].source] = 0;
    node_of[impl.edges[e].target] = 0;
  }
  std::vector<Id> node_actors;
  for (Id a : impl.actor_names.Sorted())
    if (node_of[a] != kNone) {
      node_of[a] = static_cast<Id>(node_actors.size());
      node_actors.push_back(a);
    }
  std::vector<ActorNode> nodes(node_actors.size());
  for (std::size_t i = 0; i < node_actors.size(); ++i) {
    const ActorTally& own = impl.actors[node_actors[i]];
    ActorNode& node = nodes[i];
    node.name = impl.actor_names[node_actors[i]];
    node.type = own.type();
    node.country = own.country;
    for (Id surface : own.surfaces) node.names.emplace_back(impl.surfaces[surface]);
    std::sort(node.names.begin(), node.names.end());
  }
  for (Id a = 0; a < actor_count; ++a) {
    Id node = node_of[attributed[a]];
    if (node == kNone) continue;
    nodes[node].mentions += impl.actors[a].mentions;
    nodes[node].articles += impl.actors[a].articles;  // exact unless recounted below
  }

  // Distinct articles from the log, when counting on the fly was not exact: a document
  // id came twice, or tallies were merged.
  if ((impl.repeated || options.countries) && impl.article_log) {
    std::vector<std::uint64_t> seen;
    const SpillFile& log = *impl.article_log;
    std::string chunk;
    constexpr std::uint64_t kChunk = 8 << 20;
    for (std::uint64_t at = 0; at < log.size(); at += kChunk) {
      std::uint64_t size = std::min(kChunk, log.size() - at);
      log.Read(SpillRef{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at >> 32),
                        static_cast<std::uint32_t>(size)},
               chunk);
      for (std::size_t k = 0; k + 8 <= chunk.size(); k += 8) {
        Id key, doc;
        std::memcpy(&key, chunk.data() + k, 4);
        std::memcpy(&doc, chunk.data() + k + 4, 4);
        Id target = key & kActorKey ? node_of[attributed[key & ~kActorKey]] : final_edge[key];
        if (target == kNone) continue;
        seen.push_back((std::uint64_t{target | (key & kActorKey)} << 32) | doc);
      }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (ActorNode& node : nodes) node.articles = 0;
    for (Id e : kept) impl.edges[e].articles = 0;
    for (std::uint64_t entry : seen) {
      Id key = static_cast<Id>(entry >> 32);
      if (key & kActorKey)
        ++nodes[key & ~kActorKey].articles;
      else
        ++impl.edges[kept[key]].articles;
    }
  }
  impl.article_log.reset();

  // --focus: keep the ego network of the focus node.
  if (!options.focus.empty()) {
    std::vector<RelationEdge> ends(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
      ends[i].source = node_of[impl.edges[kept[i]].source];
      ends[i].target = node_of[impl.edges[kept[i]].target];
    }
    // The node options.focus names. Under --countries a person is no node of their own,
    // so "Lavrov" names the node of Russia: people are searched after the nodes, by exact
    // name and then by words, before ResolveActorNode gives its answer or its error.
    const std::string& focus_name = options.focus;
    long focus = FindActorNode(nodes, focus_name);
    if (focus < 0 && options.countries) {
      for (bool by_words : {false, true}) {
        std::set<std::size_t> found;
        for (Id a : impl.actor_names.Sorted()) {
          auto named = [&](std::string_view candidate) {
            return by_words ? NameHasWords(candidate, focus_name)
                            : SameActorName(candidate, focus_name);
          };
          bool hit = named(impl.actor_names[a]);
          for (Id seen : impl.actors[a].surfaces) hit = hit || named(impl.surfaces[seen]);
          if (!hit) continue;
          if (node_of[attributed[a]] != kNone) found.insert(node_of[attributed[a]]);
        }
        if (found.size() == 1) focus = static_cast<long>(*found.begin());
        if (!found.empty()) break;
      }
    }
    if (focus < 0) focus = static_cast<long>(ResolveActorNode(nodes, focus_name));
    std::vector<bool> in_focus =
        EgoNetwork(nodes.size(), ends, static_cast<std::size_t>(focus), options.depth);
    std::vector<Id> renumbered(nodes.size(), kNone);
    std::vector<ActorNode> ego_nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (!in_focus[i]) continue;
      renumbered[i] = static_cast<Id>(ego_nodes.size());
      ego_nodes.push_back(std::move(nodes[i]));
    }
    std::vector<Id> ego_edges;
    for (std::size_t i = 0; i < kept.size(); ++i)
      if (in_focus[ends[i].source] && in_focus[ends[i].target]) ego_edges.push_back(kept[i]);
    for (Id& node : node_of)
      if (node != kNone) node = renumbered[node];
    nodes = std::move(ego_nodes);
    kept = std::move(ego_edges);
  }

  // Betweenness and components need only which nodes the edges link. With several
  // threads they are found while the edges are laid out below, a serial loop that took
  // as long as the betweenness at 1 GB of news; with one, when the edges are done.
  std::vector<NodeLink> links;
  links.reserve(kept.size());
  for (Id e : kept) links.emplace_back(node_of[impl.edges[e].source], node_of[impl.edges[e].target]);
  std::future<void> link_analytics =
      std::async(options.threads > 1 ? std::launch::async : std::launch::deferred,
                 [&nodes, links = std::move(links), threads = options.threads] {
                   ComputeLinkAnalytics(nodes, links, threads);
                 });

  // Move the kept tallies to the front in edge order (cycles of the permutation), so
  // the loop below reads them in order and frees them chunk by chunk: the tallies and
  // the edges made of them are never all in memory at once.
  {
    std::vector<Id> source(kept);  // position p takes the tally now at source[p]
    std::vector<bool> used(impl.edges.size(), false);
    for (Id e : kept) used[e] = true;
    for (Id e = 0; e < impl.edges.size(); ++e)
      if (!used[e]) source.push_back(e);
    std::vector<bool> done(source.size(), false);
    for (std::size_t p = 0; p < source.size(); ++p) {
      if (done[p] || source[p] == p) continue;
      EdgeTally held = std::move(impl.edges[p]);
      std::size_t at = p;
      while (true) {
        done[at] = true;
        std::size_t from = source[at];
        if (from == p) {
          impl.edges[at] = std::move(held);
          break;
        }
        impl.edges[at] = std::move(impl.edges[from]);
        at = from;
      }
    }
  }

  // The graph: names, dates, edges, evidence; each tally's blocks freed once copied.
  ActorGraph graph;
  ActorGraph::Impl& g = *graph.impl_;
  g.articles = impl.articles;
  for (Id id : sorted_dates) g.dates.emplace_back(impl.dates[id]);
  std::vector<std::string_view> name_views(impl.names.size());
  for (Id id = 0; id < impl.names.size(); ++id)
    name_views[id] = g.names.emplace_back(impl.names[id]);  // a deque: the views stay valid
  std::size_t date_total = 0, evidence_total = 0;
  for (std::size_t p = 0; p < kept.size(); ++p) {
    date_total += impl.edges[p].dates.size();
    evidence_total += impl.edges[p].evidence.size();
  }
  g.edge_dates.reserve(date_total);
  g.evidence.reserve(evidence_total);
  g.evidence_begin.reserve(kept.size());
  std::vector<RelationEdge> edges;
  edges.reserve(kept.size());
  for (std::size_t p = 0; p < kept.size(); ++p) {
    if (p % (32 * TallyArena::kChunk) == 0) {
      impl.edges.FreeBefore(p);
      ReturnFreedMemory();
    }
    EdgeTally& tally = impl.edges[p];
    RelationEdge edge;
    edge.source = node_of[tally.source];
    edge.target = node_of[tally.target];
    edge.relation = name_views[tally.relation];
    if (tally.family != kNone) edge.family = name_views[tally.family];
    edge.symmetric = tally.symmetric;
    edge.negated = tally.negated;
    edge.weight = tally.weight;
    edge.articles = tally.articles;
    edge.asserted = tally.asserted;
    edge.planned = tally.planned;
    std::size_t first_date = g.edge_dates.size();
    for (Id date : tally.dates) g.edge_dates.push_back(date_rank[date]);
    std::sort(g.edge_dates.begin() + first_date, g.edge_dates.end());
    edge.dates = std::span<const DateId>(g.edge_dates.data() + first_date, tally.dates.size());
    g.evidence_begin.push_back(static_cast<std::uint32_t>(g.evidence.size()));
    for (const Candidate& item : tally.evidence) g.evidence.push_back(item.record);
    edge.evidence = static_cast<int>(tally.evidence.size());
    tally.dates.Clear();
    tally.evidence.Clear();
    edges.push_back(edge);
  }
  impl.edges.Clear();
  ReturnFreedMemory();
  SetNodeDates(nodes, edges, g.dates.size(), g.node_dates);

  ComputeEdgeAnalytics(nodes, edges, options.threads);
  link_analytics.get();

  g.nodes = std::move(nodes);
  g.edges = std::move(edges);
  if (evidence_total > 0) g.spill = std::move(impl.evidence_file);
  return graph;
}

}  // namespace actorgraph
