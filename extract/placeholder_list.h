// A coordinated list of actor placeholders, the text a relation rule's {X}, {Y} or {P}
// stands for: "A", "A and B", "both A and B", "A, B and his C". It is written once as
// an RE2 regex, which the rule's pattern embeds, and once as a hand-written recogniser
// of the same language, which tells RelationRules where a list can end without an RE2
// search (extract/relation_rules.cc). The two must accept exactly the same texts; the
// test compares them on random ones.
#ifndef ACTORGRAPH_EXTRACT_PLACEHOLDER_LIST_H_
#define ACTORGRAPH_EXTRACT_PLACEHOLDER_LIST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {

// The bytes around a placeholder: "\x01" role digits "\x02" (RelationRules::Placeholder).
inline constexpr char kPlaceholderOpen = '\x01';
inline constexpr char kPlaceholderClose = '\x02';

// Whether `letters` (a list's role letters, at most the five of "PCOGL") holds `role`.
// A loop over so few bytes is cheaper than the call to memchr of std::string_view::find,
// and RelationRules asks it for every list start of every candidate pattern.
inline bool AdmitsRole(std::string_view letters, char role) {
  for (char letter : letters) {
    if (letter == role) return true;
  }
  return false;
}

// The regex of a list of placeholders whose role letters are among `letters` (uppercase,
// from "PCOGL"), as the capturing group `name`. Commas join items only in a list that
// ends with a conjunction: in "Besides Singh, Truss held talks" the two are not one
// subject. Meant for a pattern compiled ignoring case, as relation rules are.
std::string PlaceholderListRegex(std::string_view letters, std::string_view name);

// Every `end` <= `limit` such that text[start, end) is a list of `letters`, exactly as
// PlaceholderListRegex(letters, ...) compiled ignoring case matches it (ANCHOR_BOTH): in
// ascending order, into `ends` (cleared first). Only bytes in [start, limit) are read.
// Ignoring case follows RE2's Unicode folding: an 's' of "his" also matches U+017F
// (long s), as RE2 would match it.
void PlaceholderListEnds(std::string_view text, std::size_t start, std::size_t limit, std::string_view letters,
                         std::vector<std::size_t>* ends);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_PLACEHOLDER_LIST_H_
