// Relation rules: for each relation type ("met", "urged" ...), RE2 patterns written
// against a sentence in which every actor mention has been replaced by a placeholder.
// One pattern therefore covers every actor, and matching stays linear in the sentence.
// Format (extract/rules/README.md):
//
//   define PRE (?:,? (?:which|who))?(?: {AUX})* ?     # a macro, usable as {PRE} anywhere
//   relation met
//     symmetric yes                                   # yes | no (default no)
//     family cooperation                              # cooperation | conflict | neutral
//     cameo 04                                        # closest CAMEO code (documentation)
//     pattern {X}{PRE}(?:met|meets) (?:with )?{Y}
//
// In a pattern, {X} is the source and {Y} the target, each one actor or a coordinated
// list of them ("Putin and Zelensky", "both X and Y"); {P} is a list of participants of a
// symmetric relation, related pairwise ("talks between Russia and Ukraine"). A type after a
// colon restricts the actors: {Y:place} (a country, or a place named as a location),
// {X:person}, {Y:country}, {Y:organisation}, {Y:group}; several may be joined with '+'
// ({Y:country+organisation}). Without one, any actor but a location matches. Patterns
// ignore case.
#ifndef ACTORGRAPH_EXTRACT_RELATION_RULES_H_
#define ACTORGRAPH_EXTRACT_RELATION_RULES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/rule_source.h"

namespace actorgraph {

class RelationRules;

namespace relation_rules_internal {
// RelationRules::Load, except that a pattern whose lists alone can be placed in more than
// one way compiles its pieces to decide at the first such match, rather than leaving the
// capturing search to decide until it has done so often enough to make compiling pay.
// The same matches, differently found: tests compare the two ways.
RelationRules LoadCompilingPiecesAtFirstNeed(const std::vector<RuleSource>& sources);
}  // namespace relation_rules_internal

struct RelationType {
  std::string name;  // "met"
  bool symmetric = false;
  std::string family = "neutral";
  std::string cameo;
  std::string defined_at;  // file:line
};

// One match of one pattern. Mentions are given by their index in the sentence, as
// written in the placeholders.
struct RuleMatch {
  int type = 0;                   // index into RelationRules::types()
  std::size_t pattern = 0;        // index of the pattern, for RelationRules::pattern_location
  std::vector<int> sources;       // {X}
  std::vector<int> targets;       // {Y}
  std::vector<int> participants;  // {P}: related pairwise
  std::size_t begin = 0;          // byte range of the match in the placeholder sentence
  std::size_t end = 0;
  // Byte ranges of the captured actor lists ({X}, {Y}, {P}), sorted by position: the words
  // between them are the words of the relation itself (where negation and modality show).
  std::vector<std::pair<std::size_t, std::size_t>> lists;
};

// Immutable after Load; Match is const and thread-safe. Threads share the compiled
// patterns; each thread has its own scratch space and caches, which it keeps until it
// matches with other RelationRules or ends.
class RelationRules {
 public:
  // Parses the *.rules files of `sources`. Throws Error "file:line: what" for an unknown
  // field, a pattern outside a relation, an unknown macro or placeholder, a pattern
  // without {X} and {Y} or {P}, {P} in a relation that is not symmetric, a bad regex (with
  // RE2's message), a relation type defined twice, or a macro defined twice: the first
  // of them in the files. Compiles the patterns on `threads` threads, the caller's among
  // them; the rules and the error do not depend on it.
  static RelationRules Load(const std::vector<RuleSource>& sources, int threads = 1);

  RelationRules();
  ~RelationRules();
  RelationRules(RelationRules&&) noexcept;
  RelationRules& operator=(RelationRules&&) noexcept;

  const std::vector<RelationType>& types() const;
  // "file:line" of a pattern.
  const std::string& pattern_location(std::size_t pattern) const;

  // The placeholder that stands for mention `index` of a sentence, whose role letter is
  // one of P (person), C (country), O (organisation), G (group), L (location).
  static std::string Placeholder(int index, char role);
  // Appends Placeholder(index, role) to `sentence`, without a string of its own: the
  // extractor writes one for every mention of a sentence it matches.
  static void AppendPlaceholder(int index, char role, std::string* sentence);

  // Every match of every pattern in `sentence` (a sentence with placeholders), in order
  // of pattern, then position. Matches of one pattern do not overlap.
  std::vector<RuleMatch> Match(std::string_view sentence) const;
  // The same matches, in place of the contents of `*matches`. The RuleMatch elements it
  // already holds are overwritten rather than made anew, so that a caller matching
  // sentence after sentence with one vector reuses the memory of their lists.
  void Match(std::string_view sentence, std::vector<RuleMatch>* matches) const;

 private:
  friend RelationRules relation_rules_internal::LoadCompilingPiecesAtFirstNeed(const std::vector<RuleSource>&);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_RELATION_RULES_H_
