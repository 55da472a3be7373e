// The recogniser reads a list left to right with no backtracking. Every choice the
// regex offers is decided by the next few bytes: "both "/"either " or a placeholder's
// \x01; a determiner (his/her/their/its/the) or the \x01 of the item; after an item, the
// conjunctions ", and", " and", ", as well as", " & " ... differ in their first two
// words' letters from each other, from ", " followed by a determiner or \x01 (another
// comma item), and from anything else. So at each step at most one way goes on.
#include "extract/placeholder_list.h"

#include <algorithm>

#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

using namespace std::string_view_literals;  // a list of "..."sv needs no strlen per call

constexpr std::size_t kNone = std::string_view::npos;

// The position after `word` (lowercase ASCII) at text[pos, limit) compared ignoring case
// as RE2 compares: Unicode folds U+017F (long s, C5 BF) to 's' and U+212A (Kelvin sign,
// E2 84 AA) to 'k'; no other non-ASCII character folds to an ASCII one. kNone if absent.
std::size_t WordAt(std::string_view text, std::size_t pos, std::size_t limit, std::string_view word) {
  for (char c : word) {
    if (pos >= limit) return kNone;
    if (AsciiLower(text[pos]) == c) {
      ++pos;
    } else if (c == 's' && text[pos] == '\xC5' && pos + 1 < limit && text[pos + 1] == '\xBF') {
      pos += 2;
    } else if (c == 'k' && text[pos] == '\xE2' && pos + 2 < limit && text[pos + 1] == '\x84' &&
               text[pos + 2] == '\xAA') {
      pos += 3;
    } else {
      return kNone;
    }
  }
  return pos;
}

// The end of one placeholder of `letters` at `pos`: \x01, a role letter (either case),
// ASCII digits, \x02.
std::size_t ItemAt(std::string_view text, std::size_t pos, std::size_t limit, std::string_view letters) {
  if (pos == kNone || pos + 3 >= limit || text[pos] != kPlaceholderOpen) return kNone;
  if (!AdmitsRole(letters, AsciiUpper(text[pos + 1]))) return kNone;
  std::size_t q = pos + 2;
  while (q < limit && IsAsciiDigit(text[q])) ++q;
  if (q == pos + 2 || q >= limit || text[q] != kPlaceholderClose) return kNone;
  return q + 1;
}

// After an optional determiner at `pos`.
std::size_t AfterDeterminer(std::string_view text, std::size_t pos, std::size_t limit) {
  if (pos == kNone) return kNone;
  if (pos < limit && text[pos] == kPlaceholderOpen) return pos;  // the usual case: no determiner
  for (std::string_view word : {"his "sv, "her "sv, "their "sv, "its "sv, "the "sv}) {
    std::size_t after = WordAt(text, pos, limit, word);
    if (after != kNone) return after;
  }
  return pos;
}

// After a conjunction at `pos`, or kNone.
std::size_t AfterConjunction(std::string_view text, std::size_t pos, std::size_t limit) {
  // Each is "," or nothing, a space, then 'a', 'o' or '&': most items are followed by
  // something else, which two bytes tell without trying the nine words.
  std::size_t space = pos < limit && text[pos] == ',' ? pos + 1 : pos;
  if (space + 1 >= limit || text[space] != ' ') return kNone;
  char first = AsciiLower(text[space + 1]);
  if (first != 'a' && first != 'o' && first != '&') return kNone;
  for (std::string_view word : {", and "sv, " and "sv, ", as well as "sv, " as well as "sv, ", along with "sv,
                                " along with "sv, ", or "sv, " or "sv, " & "sv}) {
    std::size_t after = WordAt(text, pos, limit, word);
    if (after != kNone) return after;
  }
  return kNone;
}

}  // namespace

std::string PlaceholderListRegex(std::string_view letters, std::string_view name) {
  std::string one = std::string(1, kPlaceholderOpen) + "[" + std::string(letters) + "]\\d+" +
                    std::string(1, kPlaceholderClose);
  std::string determiner = "(?:(?:his|her|their|its|the) )?";
  std::string conjunction = "(?:,? and |,? as well as |,? along with |,? or | & )" + determiner;
  return "(?P<" + std::string(name) + ">(?:both |either )?" + one + "(?:(?:, " + determiner + one + ")*" +
         conjunction + one + ")?)";
}

void PlaceholderListEnds(std::string_view text, std::size_t start, std::size_t limit, std::string_view letters,
                         std::vector<std::size_t>* ends) {
  ends->clear();
  limit = std::min(limit, text.size());
  std::size_t pos = start;
  if (start < limit && text[start] != kPlaceholderOpen) {  // most lists start at their item
    pos = WordAt(text, start, limit, "both "sv);
    if (pos == kNone) pos = WordAt(text, start, limit, "either "sv);
    if (pos == kNone) pos = start;
  }
  std::size_t item_end = ItemAt(text, pos, limit, letters);
  if (item_end == kNone) return;
  ends->push_back(item_end);  // a list of one
  while (true) {
    // A conjunction brings the last item, which ends the list.
    std::size_t conjunction = AfterConjunction(text, item_end, limit);
    if (conjunction != kNone) {
      std::size_t last = ItemAt(text, AfterDeterminer(text, conjunction, limit), limit, letters);
      if (last != kNone) ends->push_back(last);
      return;
    }
    // ", " brings another item, after which the list must still go on to a conjunction.
    std::size_t comma = WordAt(text, item_end, limit, ", "sv);
    item_end = ItemAt(text, AfterDeterminer(text, comma, limit), limit, letters);
    if (item_end == kNone) return;
  }
}

}  // namespace actorgraph
