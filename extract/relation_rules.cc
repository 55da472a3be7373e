// Parsing and matching relation rules. Macros are collected from every file before any
// pattern is expanded, so files may use each other's macros whatever their order. Each
// pattern becomes one RE2 with the named groups X, Y and P; the actors inside a group are
// read back from the placeholders it captured.
//
// Matching gives exactly what one capturing RE2::Match per match would, more cheaply:
// - a prefilter skips the patterns whose required literals are absent;
// - a pattern that starts with its first list can only match where such a list starts
//   (at a placeholder of an admitted role), so it is searched anchored there, not
//   unanchored over the whole sentence (whose DFA has many more states);
// - the match found, the bounds of its lists are placed by a recogniser of lists
//   (extract/placeholder_list.h) and, when that leaves a choice, anchored DFA checks of
//   the pattern's pieces (ListPlacer), rather than by RE2's backtracking capture, which
//   spent most of the time trying every alternative of {PRE} at every position; only
//   when the lists could be placed in more than one way does the capturing search decide;
// - the threads share the compiled patterns, each with a Matcher for its caches and
//   scratch space. Every search of a shared RE2 takes a reader lock whose cache line
//   moves between cores; when a sentence cost ~10 unanchored searches, that made a
//   compiled copy per thread worth its cost, but with the searches above a copy per
//   thread (compiled, and its DFA warmed up, again) took 5% more CPU at 100 MB on two
//   threads than sharing, and more at 1 GB.
#include "extract/relation_rules.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <thread>
#include <unordered_map>

#include "extract/error.h"
#include "extract/literal_scanner.h"
#include "extract/placeholder_list.h"
#include "extract/prefilter_outline.h"
#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

using namespace std::string_view_literals;  // a list of "..."sv needs no strlen per call

constexpr char kOpen = kPlaceholderOpen;
constexpr char kClose = kPlaceholderClose;

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(16 << 20);
  return options;
}

// The pieces of a split pattern (see Pattern), each compiled the first time a ListPlacer
// checks it, by whichever thread that is, then shared by all: few ever are, and a piece
// with {PRE} costs as much to compile as its whole pattern. Compiling them all on the
// pattern's first use was 400 M instructions of the first 1,500 articles of c20.jsonl,
// four times the searches themselves; compiling them once per thread, 435 M of the
// first 400 articles on two threads, where one thread compiled 217 M.
//
// Until then, the capturing search decides (see ListPlacer::Place). The pieces are
// compiled once the pattern has needed that search kSearchesBeforeCompiling times, when
// the searches have cost about as much as the compiling would: on c20.jsonl a capturing
// search of a match cost some 16 k instructions more than the piece checks, and a piece
// with {PRE} some 10 M to compile. So a short run never compiles a piece that it would
// use a few times (the 21 pieces compiled for c5.jsonl were 22% of its extraction), and
// a long one pays at most twice the cheaper of the two for each pattern.
class CompiledPieces {
 public:
  static constexpr std::uint32_t kSearchesBeforeCompiling = 512;

  explicit CompiledPieces(std::size_t count) : pieces_(count) {}

  // For tests: compile the pieces at their first need. REQUIRES: no Match has begun.
  void CompileAtFirstNeed() { searches_before_compiling_ = 0; }
  ~CompiledPieces() {
    for (std::atomic<RE2*>& piece : pieces_) delete piece.load();
  }
  CompiledPieces(const CompiledPieces&) = delete;
  CompiledPieces& operator=(const CompiledPieces&) = delete;

  // Piece i, `text`, compiled at the first call. Thread-safe: threads that ask for it at
  // once may each compile it, and all get the copy kept.
  const RE2& Get(std::size_t i, const std::string& text) {
    RE2* piece = pieces_[i].load(std::memory_order_acquire);
    if (piece) return *piece;
    auto compiled = std::make_unique<RE2>(text, PatternOptions());
    if (!pieces_[i].compare_exchange_strong(piece, compiled.get(), std::memory_order_acq_rel)) return *piece;
    return *compiled.release();
  }

  // Counts one more placement that the pieces would have to decide, and whether they
  // should now (rather than the capturing search). Thread-safe.
  // Past the count, only reads: no cache line moves between threads, and no overflow.
  bool Worthwhile() {
    if (undecided_.load(std::memory_order_relaxed) >= searches_before_compiling_) return true;
    return undecided_.fetch_add(1, std::memory_order_relaxed) >= searches_before_compiling_;
  }

 private:
  std::vector<std::atomic<RE2*>> pieces_;
  std::uint32_t searches_before_compiling_ = kSearchesBeforeCompiling;
  std::atomic<std::uint32_t> undecided_{0};
};

struct Pattern {
  std::unique_ptr<RE2> re;  // what Match searches with, shared by every thread
  int type = 0;
  std::string location;
  int x_group = 0, y_group = 0, p_group = 0;  // 1-based capture indices, 0 if absent
  int groups = 0;                             // capture groups, with group 0 (the whole match)
  // When the placeholders stand at the top level of the pattern (see SplitAtLists), the
  // pattern is the concatenation pieces[0] list 0 pieces[1] ... list n-1 pieces[n] (a
  // piece may be empty); list i admits the role letters list_letters[i] and is capture
  // group list_groups[i]. Empty otherwise.
  std::vector<std::string> pieces;
  std::vector<std::string> list_letters;
  std::vector<int> list_groups;
  // When the pattern starts with its first list (pieces[0] is empty): the role letters of
  // that list. Every match then starts where a list of them can (see ListStarts).
  std::string leading_letters;
  // The pieces, compiled as they are needed; a cache that Match fills, const as it is.
  std::unique_ptr<CompiledPieces> compiled_pieces;
};

// A placeholder's list in an expanded pattern: bytes [begin, end) of the regex.
struct Slot {
  std::size_t begin = 0, end = 0;
  std::string name;     // X, Y or P
  std::string letters;  // the role letters it admits
};

// The role letters a placeholder type admits.
bool RoleLetters(std::string_view types, std::string* letters) {
  letters->clear();
  std::size_t start = 0;
  while (start <= types.size()) {
    std::size_t plus = types.find('+', start);
    std::string_view type = types.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    if (type == "person") *letters += 'P';
    else if (type == "country") *letters += 'C';
    else if (type == "organisation" || type == "organization") *letters += 'O';
    else if (type == "group") *letters += 'G';
    else if (type == "place") *letters += "CL";
    else if (type == "actor") *letters += "PCOG";
    else return false;
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return !letters->empty();
}

// Sets `mentions` to the indices of the placeholders in `group`, keeping its memory.
void MentionsIn(std::string_view group, std::vector<int>* mentions) {
  mentions->clear();
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (group[i] != kOpen || i + 2 >= group.size()) continue;
    int index = 0;
    std::size_t j = i + 2;
    while (j < group.size() && group[j] >= '0' && group[j] <= '9') index = index * 10 + (group[j++] - '0');
    mentions->push_back(index);
    i = j;
  }
}

// Whether the expanded pattern `regex` is a plain concatenation around its slots: no '|'
// outside parentheses (an alternative could match without the lists), no flag group such
// as "(?i)" (it would change the pieces after it), each slot outside any parenthesis,
// class or \Q...\E, and no repetition right after a slot ("{X}?" would make the list
// optional). Then the pattern matches exactly where its pieces and lists match one after
// the other, which lets Match find the lists' bounds without a capturing search. Fills
// pattern->pieces, list_letters and list_groups.
void SplitAtLists(const std::string& regex, const std::vector<Slot>& slots,
                  const std::map<std::string, int>& groups, Pattern* pattern) {
  int depth = 0;
  std::size_t next = 0;  // the next slot
  std::size_t i = 0;
  while (i < regex.size()) {
    if (next < slots.size() && i == slots[next].begin) {
      if (depth != 0) return;
      i = slots[next++].end;
      if (i < regex.size() && std::strchr("*+?{", regex[i])) return;
      continue;
    }
    if (next < slots.size() && i > slots[next].begin) return;  // skipped over inside a class
    char c = regex[i];
    if (c == '\\') {
      if (i + 1 < regex.size() && regex[i + 1] == 'Q') {
        std::size_t e = regex.find("\\E", i + 2);
        i = e == std::string::npos ? regex.size() : e + 2;
      } else {
        i += 2;
      }
    } else if (c == '[') {
      std::size_t j = i + 1;
      if (j < regex.size() && regex[j] == '^') ++j;
      if (j < regex.size() && regex[j] == ']') ++j;  // a leading ']' is literal
      while (j < regex.size() && regex[j] != ']') {
        if (regex[j] == '\\') {
          j += 2;
        } else if (regex[j] == '[' && j + 1 < regex.size() && regex[j + 1] == ':') {
          std::size_t e = regex.find(":]", j + 2);
          j = e == std::string::npos ? regex.size() : e + 2;
        } else {
          ++j;
        }
      }
      i = j + 1;
    } else if (c == '(') {
      if (i + 1 < regex.size() && regex[i + 1] == '?') {
        std::size_t j = i + 2;
        while (j < regex.size() && std::strchr("imsU-", regex[j])) ++j;
        if (j < regex.size() && regex[j] == ')') return;  // (?i) and the like
      }
      ++depth;
      ++i;
    } else if (c == ')') {
      --depth;
      ++i;
    } else if (c == '|' && depth == 0) {
      return;
    } else {
      ++i;
    }
  }
  if (next != slots.size() || depth != 0 || slots.empty()) return;
  std::size_t from = 0;
  for (const Slot& slot : slots) {
    auto group = groups.find(slot.name);
    if (group == groups.end()) return;
    pattern->pieces.push_back(regex.substr(from, slot.begin - from));
    pattern->list_letters.push_back(slot.letters);
    pattern->list_groups.push_back(group->second);
    from = slot.end;
  }
  pattern->pieces.push_back(regex.substr(from));
  if (pattern->pieces[0].empty()) pattern->leading_letters = slots[0].letters;
}

// A pattern with its macros and placeholders expanded, checked but not yet compiled.
struct ExpandedPattern {
  std::string regex;
  int type = 0;
  std::string path;
  int line = 0;
  std::vector<Slot> slots;  // its lists, when they are written in the pattern itself
  bool splittable = false;  // no list comes from a macro (see SplitAtLists)
};

class RulesParser {
 public:
  void CollectMacros(const RuleSource& source) {
    for (const RuleLine& line : SplitRuleLines(source.text, /*keep_hash=*/true)) {
      if (line.field != "define") continue;
      std::string_view value = line.value;
      std::size_t space = value.find_first_of(" \t");
      if (space == std::string_view::npos) {
        throw Error(RuleError(source.path, line.number, "define needs a name and a pattern"));
      }
      std::string name(value.substr(0, space));
      std::string body(value.substr(value.find_first_not_of(" \t", space)));
      std::string at = source.path + ":" + std::to_string(line.number);
      if (name == "X" || name == "Y" || name == "P") {
        throw Error(RuleError(source.path, line.number, "'" + name + "' is a placeholder, not a macro name"));
      }
      auto [it, inserted] = macros_.try_emplace(name, Macro{body, at});
      if (!inserted) {
        throw Error(RuleError(source.path, line.number, "macro '" + name + "' already defined at " + it->second.at));
      }
    }
  }

  void ParseRelations(const RuleSource& source, std::vector<RelationType>* types,
                      std::vector<ExpandedPattern>* patterns) {
    int current = -1;
    for (const RuleLine& line : SplitRuleLines(source.text, /*keep_hash=*/true)) {
      std::string field(line.field);
      std::string value(line.value);
      auto error = [&](const std::string& message) { return Error(RuleError(source.path, line.number, message)); };
      if (field == "define") continue;
      if (field == "relation") {
        if (value.empty()) throw error("relation without a name");
        for (const RelationType& type : *types) {
          if (type.name == value) throw error("relation '" + value + "' already defined at " + type.defined_at);
        }
        RelationType type;
        type.name = value;
        type.defined_at = source.path + ":" + std::to_string(line.number);
        types->push_back(type);
        current = static_cast<int>(types->size()) - 1;
        continue;
      }
      if (current < 0) throw error("'" + field + "' outside a relation block");
      RelationType& type = (*types)[current];
      if (field == "symmetric") {
        if (value != "yes" && value != "no") throw error("symmetric must be yes or no: '" + value + "'");
        type.symmetric = value == "yes";
      } else if (field == "family") {
        if (value != "cooperation" && value != "conflict" && value != "neutral") {
          throw error("family must be cooperation, conflict or neutral: '" + value + "'");
        }
        type.family = value;
      } else if (field == "cameo") {
        type.cameo = value;
      } else if (field == "pattern") {
        if (value.empty()) throw error("empty pattern");
        patterns->push_back(ExpandPattern(value, current, type, source.path, line.number));
      } else {
        throw error("unknown field '" + field + "'");
      }
    }
  }

 private:
  struct Macro {
    std::string body;
    std::string at;
  };

  ExpandedPattern ExpandPattern(const std::string& text, int type_index, const RelationType& type,
                                const std::string& path, int line) {
    bool has_x = false, has_y = false, has_p = false;
    slots_.clear();
    ExpandedPattern pattern;
    pattern.regex = Expand(text, path, line, 0, &has_x, &has_y, &has_p);
    auto error = [&](const std::string& message) { return Error(RuleError(path, line, message)); };
    if (has_p && !type.symmetric) throw error("{P} is for symmetric relations; use {X} and {Y}");
    if (has_p && (has_x || has_y)) throw error("a pattern uses either {P} or {X} and {Y}");
    if (!has_p && !(has_x && has_y)) throw error("a pattern needs both {X} and {Y}, or {P}");
    pattern.type = type_index;
    pattern.path = path;
    pattern.line = line;
    pattern.slots = slots_;
    pattern.splittable = !slot_in_macro_;
    slot_in_macro_ = false;
    return pattern;
  }

  // Replaces {NAME} macros (recursively) and the placeholders {X}, {Y}, {P} (with an
  // optional ":type") in `text`. A '{' that does not start a name, as in "x{2,3}", stays.
  std::string Expand(const std::string& text, const std::string& path, int line, int depth,
                     bool* has_x, bool* has_y, bool* has_p) {
    if (depth > 10) throw Error(RuleError(path, line, "macros nest too deeply (a macro that uses itself?)"));
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        out += text.substr(i, 2);
        ++i;
        continue;
      }
      if (text[i] != '{') {
        out += text[i];
        continue;
      }
      std::size_t close = text.find('}', i);
      std::string inside = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
      bool is_name = !inside.empty() && (std::isalpha(static_cast<unsigned char>(inside[0])) || inside[0] == '_');
      if (!is_name) {
        out += text[i];
        continue;
      }
      std::string name = inside.substr(0, inside.find(':'));
      std::string types = inside.find(':') == std::string::npos ? "actor" : inside.substr(inside.find(':') + 1);
      if (name == "X" || name == "Y" || name == "P") {
        bool* seen = name == "X" ? has_x : name == "Y" ? has_y : has_p;
        if (*seen) throw Error(RuleError(path, line, "{" + name + "} used twice in one pattern"));
        *seen = true;
        std::string letters;
        if (!RoleLetters(types, &letters)) {
          throw Error(RuleError(path, line, "unknown actor type '" + types +
                                                "' (person, country, organisation, group, place, actor)"));
        }
        // A list written in the pattern itself is a slot; one inside a macro is wrapped
        // in the macro's group, and the pattern cannot be split (slot_in_macro_).
        std::string list = PlaceholderListRegex(letters, name);
        if (depth == 0) slots_.push_back({out.size(), out.size() + list.size(), name, letters});
        else slot_in_macro_ = true;
        out += list;
      } else {
        auto it = macros_.find(name);
        if (it == macros_.end()) throw Error(RuleError(path, line, "unknown macro {" + name + "}"));
        out += "(?:" + Expand(it->second.body, path, line, depth + 1, has_x, has_y, has_p) + ")";
      }
      i = close;
    }
    return out;
  }

  std::map<std::string, Macro> macros_;
  std::vector<Slot> slots_;  // of the pattern being expanded
  bool slot_in_macro_ = false;
};

// Each pattern compiled, on `threads` threads (the caller's among them) that take the
// patterns in turn. Every RE2 is compiled on its own, so the result does not depend on
// the threads; compiling is four fifths of the startup.
std::vector<std::unique_ptr<RE2>> CompilePatterns(const std::vector<ExpandedPattern>& patterns, int threads) {
  std::vector<std::unique_ptr<RE2>> compiled(patterns.size());
  std::atomic<std::size_t> next{0};
  auto compile = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < patterns.size();) {
      compiled[i] = std::make_unique<RE2>(patterns[i].regex, PatternOptions());
    }
  };
  std::vector<std::thread> helpers;
  for (int t = 1; t < threads && static_cast<std::size_t>(t) < patterns.size(); ++t) helpers.emplace_back(compile);
  compile();
  for (std::thread& helper : helpers) helper.join();
  return compiled;
}

// The pattern `expanded` compiled to `re`, whose outline it adds to `filter` (pattern i
// must be added i-th).
Pattern MakePattern(const ExpandedPattern& expanded, std::unique_ptr<RE2> re, re2::FilteredRE2* filter) {
  Pattern pattern;
  pattern.type = expanded.type;
  pattern.location = expanded.path + ":" + std::to_string(expanded.line);
  // The FilteredRE2 that finds the pattern's candidate sentences needs only its atoms,
  // which the outline has too: given the pattern, it compiled it a second time and took
  // as long again to derive them (together 60% of the startup of a run on 5 articles).
  int id = 0;
  if (filter->Add(PrefilterOutline(expanded.regex), PatternOptions(), &id) != RE2::NoError) {
    filter->Add(expanded.regex, PatternOptions(), &id);  // cannot fail: `re` compiled
  }
  const std::map<std::string, int>& groups = re->NamedCapturingGroups();
  auto group = [&](const char* name) {
    auto it = groups.find(name);
    return it == groups.end() ? 0 : it->second;
  };
  pattern.x_group = group("X");
  pattern.y_group = group("Y");
  pattern.p_group = group("P");
  pattern.groups = 1 + re->NumberOfCapturingGroups();
  if (expanded.splittable) SplitAtLists(expanded.regex, expanded.slots, groups, &pattern);
  if (!pattern.pieces.empty()) pattern.compiled_pieces = std::make_unique<CompiledPieces>(pattern.pieces.size());
  pattern.re = std::move(re);
  return pattern;
}

// A cheap first pass: the literal strings (atoms) a pattern cannot match without, as
// RE2's FilteredRE2 extracts them, found in one scan of the sentence (LiteralScanner);
// only the patterns whose atoms are all present run. The atoms are lowercase and are
// matched ignoring case, which can only let more patterns through, never fewer. The
// FilteredRE2 and the scanner are only read, and every thread shares them.
//
// The same holds for any stretch of the sentence: a match inside [from, end) holds its
// pattern's atoms inside [from, end) too. So a pattern searched anchored at a list
// start (see Match) need not run there when its atoms are not all in the rest of the
// sentence: "X said Y met Z" has "met" after X and Y, not after Z.
struct Prefilter {
  re2::FilteredRE2 filter;                // holds every pattern's outline (see RulesParser)
  std::unique_ptr<LiteralScanner> atoms;  // in the order of their ids; null: run every pattern
  std::vector<std::uint32_t> atom_lengths;

  // After every pattern is added: finds the atoms, or leaves the prefilter unusable.
  void Prepare() {
    if (filter.NumRegexps() == 0) return;
    std::vector<std::string> found;
    filter.Compile(&found);
    if (found.empty()) return;
    for (const std::string& atom : found) {
      // Atoms are lowercased by rune; a non-ASCII one might not match its text ignoring case.
      if (!LiteralScanner::IsAscii(atom)) return;
      atom_lengths.push_back(static_cast<std::uint32_t>(atom.size()));
    }
    atoms = std::make_unique<LiteralScanner>(found);
  }

  // The sets of atoms seen so far, as the bytes of their bitsets, and their candidates.
  // News repeats the same few hundred words, so most sentences hold a set seen before
  // (98% of the sentences of 20 MB of generated news), and AllPotentials allocates and
  // walks the whole tree.
  // A key is the bytes of whole 64-bit words (Lookup), which a multiply and a rotation per
  // word (so that the high bits reach the low ones that pick the bucket) mix well enough
  // for a table of at most kMaxCachedAtomSets keys, at a fraction of the cost of
  // std::hash's byte loop (1.5 M instructions a pass of BM_RelationRulesMatch/1).
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      std::uint64_t hash = key.size();
      for (std::size_t i = 0; i + sizeof(std::uint64_t) <= key.size(); i += sizeof(std::uint64_t)) {
        std::uint64_t word;
        std::memcpy(&word, key.data() + i, sizeof word);
        hash = std::rotl((hash ^ word) * 0x9E3779B97F4A7C15u, 29);
      }
      return static_cast<std::size_t>(hash ^ (hash >> 32));
    }
  };
  using Cache = std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>;

  // What the scan of one sentence found; reused from sentence to sentence.
  struct Found {
    std::vector<std::uint64_t> bits;       // the atoms in the sentence
    std::vector<std::uint32_t> last_ends;  // of each atom in `bits` (LiteralScanner::Scan)
    std::size_t last_starts_from = 0;      // every atom found occurs again from here on
    const std::vector<int>* candidates = nullptr;  // of the whole sentence
    std::vector<std::uint64_t> suffix_bits;        // scratch
    std::vector<int> ids;                          // scratch
  };

  // The patterns that may match `sentence`, ascending; null if every pattern must run.
  // Valid, as are those of SuffixCandidates, until the next call with `cache`.
  const std::vector<int>* Candidates(std::string_view sentence, Cache* cache, Found* found) const {
    found->candidates = nullptr;
    if (!atoms) return nullptr;
    if (cache->size() >= kMaxCachedAtomSets) cache->clear();
    atoms->Scan(sentence, &found->bits, &found->last_ends);
    found->last_starts_from = sentence.size();
    ForEachAtom(found->bits, [&](std::size_t atom) {
      found->last_starts_from = std::min<std::size_t>(found->last_starts_from, LastStart(*found, atom));
    });
    found->candidates = Lookup(found->bits, cache, &found->ids);
    return found->candidates;
  }

  // The patterns that may match inside sentence[from, end), of the sentence Candidates
  // was last given. REQUIRES: Candidates returned non-null.
  const std::vector<int>* SuffixCandidates(std::size_t from, Cache* cache, Found* found) const {
    if (from <= found->last_starts_from) return found->candidates;
    found->suffix_bits = found->bits;
    ForEachAtom(found->bits, [&](std::size_t atom) {
      if (LastStart(*found, atom) < from) found->suffix_bits[atom / 64] &= ~(std::uint64_t{1} << (atom % 64));
    });
    return Lookup(found->suffix_bits, cache, &found->ids);
  }

  static constexpr std::size_t kMaxCachedAtomSets = 1 << 14;

 private:
  template <typename Visit>
  static void ForEachAtom(const std::vector<std::uint64_t>& bits, Visit visit) {
    for (std::size_t word = 0; word < bits.size(); ++word) {
      for (std::uint64_t rest = bits[word]; rest != 0; rest &= rest - 1) {
        visit(word * 64 + static_cast<std::size_t>(__builtin_ctzll(rest)));
      }
    }
  }

  // Where the last occurrence of a found atom starts, or a little after: an occurrence
  // with a folded character is longer than the atom, which only lets more patterns run.
  std::size_t LastStart(const Found& found, std::size_t atom) const {
    return found.last_ends[atom] - atom_lengths[atom];
  }

  const std::vector<int>* Lookup(const std::vector<std::uint64_t>& bits, Cache* cache, std::vector<int>* ids) const {
    std::string_view key(reinterpret_cast<const char*>(bits.data()), bits.size() * sizeof(std::uint64_t));
    auto it = cache->find(key);
    if (it == cache->end()) {
      ids->clear();
      ForEachAtom(bits, [&](std::size_t atom) { ids->push_back(static_cast<int>(atom)); });
      std::vector<int> candidates;
      filter.AllPotentials(*ids, &candidates);
      std::sort(candidates.begin(), candidates.end());
      it = cache->emplace(std::string(key), std::move(candidates)).first;
    }
    return &it->second;
  }
};

// Where a list of placeholders (extract/placeholder_list.h) can start in text[begin, end):
// at a placeholder's \x01, or at "both " or "either " (any case) right before one;
// ascending. `role` of each is the placeholder's role letter, uppercase.
struct ListStart {
  std::size_t at;
  char role;
};

void FindListStarts(re2::StringPiece text, std::size_t begin, std::size_t end, std::vector<ListStart>* starts) {
  starts->clear();
  for (std::size_t q = begin; q < end; ++q) {
    // memchr skips the words between placeholders several bytes at a time.
    const void* open = std::memchr(text.data() + q, kOpen, end - q);
    if (!open) break;
    q = static_cast<const char*>(open) - text.data();
    char role = q + 1 < text.size() ? AsciiUpper(text[q + 1]) : 0;
    for (std::string_view before : {"either "sv, "both "sv}) {
      if (q - begin < before.size()) continue;
      if (EqualsIgnoringAsciiCase(std::string_view(text.data() + q - before.size(), before.size()), before)) {
        starts->push_back({q - before.size(), role});
      }
    }
    starts->push_back({q, role});
  }
}

// Whether the lists of a split pattern can be placed in starts[first, end) as far as
// their roles tell: each list needs a start of a role it admits after the start of the
// list before it. A cheap necessary condition for a match from there: a search fails
// without it, as it does at the last actor of "X met Y" for every pattern that needs an
// actor after the subject (a third of the anchored searches of c20.jsonl, and two fifths
// of those that fail).
bool RolesAllowLists(const Pattern& pattern, const std::vector<ListStart>& starts, std::size_t first) {
  std::size_t at = first;
  for (const std::string& letters : pattern.list_letters) {
    while (at < starts.size() && !AdmitsRole(letters, starts[at].role)) ++at;
    if (at == starts.size()) return false;
    ++at;
  }
  return true;
}

// The bounds of the lists of a split pattern in its match [begin, end) of `text`, without
// a capturing search. RE2 reports the groups of the highest-priority way the pattern
// matches [begin, end); if the lists can be placed in only one way such that every piece
// and list matches its stretch exactly, that way is the one. Lists start where
// FindListStarts says and end where PlaceholderListEnds says, which needs no RE2.
//
// Placing the lists alone first (an empty piece must be empty, a piece with text is not
// checked) usually leaves one placement: then it is the answer, as the pattern matched
// [begin, end), so at least one placement fits the pieces too, and every placement that
// does is among these. Only when the lists alone fit more than one way are the pieces
// checked, each with an anchored DFA search (cheaper than the backtracking of the
// capturing search over every alternative of {PRE}), once the pattern has needed them
// often enough to be worth compiling (CompiledPieces::Worthwhile). False when no
// placement or more than one fits, or the pieces are not compiled yet: then the
// capturing search decides, and Remember is told its answer.
//
// A choice once decided is remembered: the answer depends only on the pattern, the bytes
// of the match and the byte on either side of it (all that ^, $ and \b look at), and news
// repeats the same short constructions ("X urged Y and Z") in sentences that differ. A
// capturing search costs some 23,500 instructions and a miss here a few hundred, so this
// pays from about 2% of repeats; on 20 MB of generated news from which every repeated
// sentence shape was removed, it still saved 3% of the run's instructions.
//
// Reused from match to match, so that its vectors and what it remembers keep their memory.
class ListPlacer {
 public:
  static constexpr std::size_t kMaxLists = 3;  // {X}, {Y}, {P}: each at most once
  using Placement = std::array<std::pair<std::size_t, std::size_t>, kMaxLists>;

  // Pattern `index` of the rules. REQUIRES: `pattern` is split (pattern.pieces is not empty).
  bool Place(const Pattern& pattern, std::size_t index, re2::StringPiece text, std::size_t begin,
             std::size_t end, const std::vector<ListStart>& starts) {
    pattern_ = &pattern;
    text_ = std::string_view(text.data(), text.size());
    begin_ = begin;
    end_ = end;
    starts_ = &starts;
    check_pieces_ = false;
    broken_ = false;
    undecided_ = false;
    found_ = 0;
    Walk(0, begin);
    if (found_ > 1) {
      SetChoiceKey(index);
      if (auto decided = decided_.find(choice_key_); decided != decided_.end()) {
        for (std::size_t i = 0; i < kMaxLists; ++i) {
          first_[i] = {begin + decided->second[i].first, begin + decided->second[i].second};
        }
        return true;
      }
      if (pattern.compiled_pieces->Worthwhile()) {
        check_pieces_ = true;
        found_ = 0;
        Walk(0, begin);
      }
      if (check_pieces_ && found_ == 1 && !broken_) {
        Store(first_);
        return true;
      }
      undecided_ = true;
    }
    return found_ == 1 && !broken_;
  }

  // List i of the placement found, after Place returned true.
  std::pair<std::size_t, std::size_t> bounds(std::size_t i) const { return first_[i]; }

  // The bounds of the lists (in the text, as bounds() gives them) that the capturing
  // search found after Place returned false, kept for the next match of the same text.
  // Does nothing unless the last Place returned false for a choice the lists alone left.
  void Remember(const Placement& lists) {
    if (!undecided_) return;
    undecided_ = false;
    Store(lists);
  }

 private:
  // Enough for the few thousand constructions that news repeats, and a bound on the memory.
  static constexpr std::size_t kMaxDecided = 1 << 12;

  // The key under which the choice for pattern `index` at [begin_, end_) is remembered:
  // the index, whether the match starts the text and the byte before it, whether it ends
  // the text and the byte after it (each in a fixed number of bytes, so that no two keys
  // run together), then the match.
  void SetChoiceKey(std::size_t index) {
    const bool starts_text = begin_ == 0, ends_text = end_ == text_.size();
    const char sides[] = {starts_text, starts_text ? '\0' : text_[begin_ - 1],
                          ends_text, ends_text ? '\0' : text_[end_]};
    choice_key_.assign(reinterpret_cast<const char*>(&index), sizeof index);
    choice_key_.append(sides, sizeof sides);
    choice_key_.append(text_, begin_, end_ - begin_);
  }

  void Store(const Placement& lists) {
    if (decided_.size() >= kMaxDecided) decided_.clear();
    Placement from_begin{};
    for (std::size_t i = 0; i < pattern_->list_letters.size(); ++i) {
      from_begin[i] = {lists[i].first - begin_, lists[i].second - begin_};
    }
    decided_.emplace(choice_key_, from_begin);
  }

  // Whether piece i fits text[from, to); when only the lists are placed, any piece with
  // text does.
  bool Fits(std::size_t i, std::size_t from, std::size_t to) {
    if (pattern_->pieces[i].empty()) return from == to;
    if (!check_pieces_) return true;
    const RE2& piece = pattern_->compiled_pieces->Get(i, pattern_->pieces[i]);
    if (!piece.ok()) {  // a piece that does not compile alone: the capturing search decides
      broken_ = true;
      return false;
    }
    return piece.Match(re2::StringPiece(text_.data(), text_.size()), from, to, RE2::ANCHOR_BOTH, nullptr, 0);
  }

  // Places list i and the ones after it, from `from` (the end of the one before).
  void Walk(std::size_t i, std::size_t from) {
    if (broken_) return;
    if (i == pattern_->list_letters.size()) {
      if (Fits(i, from, end_) && ++found_ == 1) first_ = bounds_;
      return;
    }
    const bool empty_piece = pattern_->pieces[i].empty();
    std::string_view letters = pattern_->list_letters[i];
    for (const ListStart& list_start : *starts_) {
      std::size_t start = list_start.at;
      if (start < from) continue;
      if (start >= end_ || (empty_piece && start > from)) break;
      if (!AdmitsRole(letters, list_start.role) || !Fits(i, from, start)) continue;
      PlaceholderListEnds(text_, start, end_, letters, &ends_[i]);
      for (std::size_t stop : ends_[i]) {
        bounds_[i] = {start, stop};
        Walk(i + 1, stop);
        if (found_ > 1 || broken_) return;
      }
    }
  }

  const Pattern* pattern_ = nullptr;
  std::string_view text_;
  std::size_t begin_ = 0, end_ = 0;
  const std::vector<ListStart>* starts_ = nullptr;
  bool check_pieces_ = false;
  bool broken_ = false;
  int found_ = 0;
  std::array<std::vector<std::size_t>, kMaxLists> ends_;  // of list i at the start being tried
  Placement bounds_, first_;
  bool undecided_ = false;  // Place left the choice to the capturing search
  std::string choice_key_;  // of the last choice Place could not make by the lists alone
  // By choice key: the bounds of the lists, counted from the start of the match.
  std::unordered_map<std::string, Placement> decided_;
};

// What one thread matches with: the prefilter's cache and scratch space. The patterns
// and their pieces are shared.
struct Matcher {
  Prefilter::Cache candidates_of_atoms;  // see Prefilter
  // Reused from sentence to sentence, so that they keep their memory.
  Prefilter::Found atoms_found;
  std::vector<ListStart> starts;
  std::vector<const std::vector<int>*> candidates_from;  // SuffixCandidates of each start, once asked
  std::vector<re2::StringPiece> captured;
  ListPlacer placer;
};

// The matcher a thread last used, and the rules it was used with: Match runs once per
// sentence that names two actors, and a pool of matchers behind a mutex made two threads
// pass the mutex's cache line back and forth for each. The rules are told apart by an
// id never reused, since a matcher's caches point into the rules it served and another
// RelationRules may later live at the same address. A thread keeps one matcher until it
// matches with other rules or ends.
struct ThreadMatcher {
  std::uint64_t rules_id = 0;
  std::unique_ptr<Matcher> matcher;
};
thread_local ThreadMatcher thread_matcher;
std::atomic<std::uint64_t> next_rules_id{1};

}  // namespace

struct RelationRules::Impl {
  std::vector<RelationType> types;
  std::vector<Pattern> patterns;
  Prefilter prefilter;
  const std::uint64_t id = next_rules_id.fetch_add(1);

  std::unique_ptr<Matcher> Acquire() const {
    if (thread_matcher.rules_id == id && thread_matcher.matcher) return std::move(thread_matcher.matcher);
    return std::make_unique<Matcher>();
  }

  void Release(std::unique_ptr<Matcher> matcher) const {
    thread_matcher.rules_id = id;
    thread_matcher.matcher = std::move(matcher);
  }
};

RelationRules::RelationRules() : impl_(std::make_unique<Impl>()) {}
RelationRules::~RelationRules() = default;
RelationRules::RelationRules(RelationRules&&) noexcept = default;
RelationRules& RelationRules::operator=(RelationRules&&) noexcept = default;

RelationRules RelationRules::Load(const std::vector<RuleSource>& sources, int threads) {
  RelationRules rules;
  Impl& impl = *rules.impl_;
  RulesParser parser;
  std::vector<const RuleSource*> files = SourcesWithExtension(sources, ".rules");
  std::vector<ExpandedPattern> expanded;
  // An error stops the parse, but a bad regex among the patterns before it comes first
  // in the files, so it is the one to report: they are compiled first.
  std::exception_ptr parse_error;
  try {
    for (const RuleSource* source : files) parser.CollectMacros(*source);
    for (const RuleSource* source : files) parser.ParseRelations(*source, &impl.types, &expanded);
  } catch (const Error&) {
    parse_error = std::current_exception();
  }
  std::vector<std::unique_ptr<RE2>> compiled = CompilePatterns(expanded, threads);
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    if (!compiled[i]->ok()) {
      throw Error(RuleError(expanded[i].path, expanded[i].line, "bad pattern: " + compiled[i]->error()));
    }
  }
  if (parse_error) std::rethrow_exception(parse_error);
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    impl.patterns.push_back(MakePattern(expanded[i], std::move(compiled[i]), &impl.prefilter.filter));
  }
  impl.prefilter.Prepare();
  return rules;
}

namespace relation_rules_internal {

RelationRules LoadCompilingPiecesAtFirstNeed(const std::vector<RuleSource>& sources) {
  RelationRules rules = RelationRules::Load(sources);
  for (Pattern& pattern : rules.impl_->patterns) {
    if (pattern.compiled_pieces) pattern.compiled_pieces->CompileAtFirstNeed();
  }
  return rules;
}

}  // namespace relation_rules_internal

const std::vector<RelationType>& RelationRules::types() const { return impl_->types; }

const std::string& RelationRules::pattern_location(std::size_t pattern) const {
  return impl_->patterns[pattern].location;
}

std::string RelationRules::Placeholder(int index, char role) {
  std::string placeholder;
  AppendPlaceholder(index, role, &placeholder);
  return placeholder;
}

void RelationRules::AppendPlaceholder(int index, char role, std::string* sentence) {
  // Made whole here and appended at once: an append per byte checked the capacity and
  // wrote the terminating null four times over.
  char placeholder[16] = {kOpen, role};
  char* end = std::to_chars(placeholder + 2, placeholder + sizeof(placeholder) - 1, index).ptr;
  *end++ = kClose;
  sentence->append(placeholder, end);
}

std::vector<RuleMatch> RelationRules::Match(std::string_view sentence) const {
  std::vector<RuleMatch> matches;
  Match(sentence, &matches);
  return matches;
}

void RelationRules::Match(std::string_view sentence, std::vector<RuleMatch>* matches) const {
  const Impl& impl = *impl_;
  std::unique_ptr<Matcher> matcher = impl.Acquire();
  std::size_t found = 0;  // matches written to *matches
  re2::StringPiece input(sentence.data(), sentence.size());
  const std::vector<int>* candidates =
      impl.prefilter.Candidates(sentence, &matcher->candidates_of_atoms, &matcher->atoms_found);
  const std::size_t runs = candidates ? candidates->size() : impl.patterns.size();
  std::vector<re2::StringPiece>& captured = matcher->captured;
  std::vector<ListStart>& starts = matcher->starts;
  FindListStarts(input, 0, sentence.size(), &starts);
  // Whether pattern p may match from starts[i] on, as far as the prefilter can tell.
  matcher->candidates_from.assign(starts.size(), nullptr);
  auto may_match_from = [&](std::size_t i, std::size_t p) {
    if (!candidates) return true;
    const std::vector<int>*& from = matcher->candidates_from[i];
    if (!from) {
      from = impl.prefilter.SuffixCandidates(starts[i].at, &matcher->candidates_of_atoms, &matcher->atoms_found);
    }
    return std::binary_search(from->begin(), from->end(), static_cast<int>(p));
  };
  for (std::size_t k = 0; k < runs; ++k) {
    const std::size_t p = candidates ? static_cast<std::size_t>((*candidates)[k]) : k;
    const Pattern& pattern = impl.patterns[p];
    const RE2& re = *pattern.re;
    // Not cleared for each pattern: every group read is written first, group 0 by find, a
    // split pattern's lists (all of its X, Y and P) by the placer, and all of them by the
    // capturing search (cleared before it, in case it fails).
    if (captured.size() < static_cast<std::size_t>(pattern.groups)) captured.resize(pattern.groups);
    std::size_t pos = 0;
    // First where the pattern matches (a DFA search), then where its lists are.
    std::size_t next_start = 0;  // into starts, for a pattern that starts with a list
    auto find = [&]() {
      if (pattern.leading_letters.empty()) {
        // A match from pos on has its lists there too (after a match, often none is left).
        if (!pattern.pieces.empty()) {
          auto first = std::partition_point(starts.begin(), starts.end(),
                                            [&](const ListStart& start) { return start.at < pos; });
          if (!RolesAllowLists(pattern, starts, first - starts.begin())) return false;
        }
        return re.Match(input, pos, sentence.size(), RE2::UNANCHORED, captured.data(), 1);
      }
      // The leftmost match starts at the first list start from which an anchored search
      // matches, and is the match found from there.
      for (; next_start < starts.size(); ++next_start) {
        const ListStart& start = starts[next_start];
        if (start.at < pos || !AdmitsRole(pattern.leading_letters, start.role)) continue;
        if (!RolesAllowLists(pattern, starts, next_start) || !may_match_from(next_start, p)) continue;
        if (re.Match(input, start.at, sentence.size(), RE2::ANCHOR_START, captured.data(), 1)) return true;
      }
      return false;
    };
    while (pos < sentence.size() && find()) {
      const std::size_t begin = captured[0].data() - sentence.data();
      const std::size_t end = begin + captured[0].size();
      bool placed = false;
      if (!pattern.pieces.empty()) {
        if ((placed = matcher->placer.Place(pattern, p, input, begin, end, starts))) {
          for (std::size_t i = 0; i < pattern.list_letters.size(); ++i) {
            auto [from, to] = matcher->placer.bounds(i);
            captured[pattern.list_groups[i]] = re2::StringPiece(sentence.data() + from, to - from);
          }
        }
      }
      if (!placed) {
        std::fill(captured.begin() + 1, captured.begin() + pattern.groups, re2::StringPiece());
        re.Match(input, begin, end, RE2::ANCHOR_BOTH, captured.data(), pattern.groups);
        if (!pattern.pieces.empty()) {  // every list of a split pattern takes part in its match
          ListPlacer::Placement lists{};
          for (std::size_t i = 0; i < pattern.list_letters.size(); ++i) {
            const re2::StringPiece& list = captured[pattern.list_groups[i]];
            lists[i].first = list.data() - sentence.data();
            lists[i].second = lists[i].first + list.size();
          }
          matcher->placer.Remember(lists);
        }
      }
      // Room for four at the first, rather than growing to one, two, four: in generated news
      // a sentence with one match often has more.
      if (matches->capacity() == 0) matches->reserve(4);
      if (found == matches->size()) matches->emplace_back();
      RuleMatch& match = (*matches)[found++];
      match.type = pattern.type;
      match.pattern = p;
      match.begin = captured[0].data() - sentence.data();
      match.end = match.begin + captured[0].size();
      auto mentions = [&](int group, std::vector<int>* list) {
        if (group) MentionsIn(std::string_view(captured[group].data(), captured[group].size()), list);
        else list->clear();
      };
      mentions(pattern.x_group, &match.sources);
      mentions(pattern.y_group, &match.targets);
      mentions(pattern.p_group, &match.participants);
      match.lists.clear();
      match.lists.reserve(ListPlacer::kMaxLists);  // one allocation, not one per list
      for (int group : {pattern.x_group, pattern.y_group, pattern.p_group}) {
        // A list in an optional part ("(?:{X} )?met {Y}") may take no part in the match.
        if (group == 0 || captured[group].data() == nullptr) continue;
        std::size_t begin = captured[group].data() - sentence.data();
        match.lists.emplace_back(begin, begin + captured[group].size());
      }
      std::sort(match.lists.begin(), match.lists.end());
      // Go on after this match: an actor inside its gaps is not the subject of a second
      // reading of the same words ("X is to visit Russia for talks with Y" names no
      // meeting of Russia's).
      pos = std::max(match.end, match.begin + 1);
    }
  }
  matches->resize(found);
  impl.Release(std::move(matcher));
}

}  // namespace actorgraph
