#include "extract/reported_name.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/error.h"
#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

// RE2's \w: [0-9A-Za-z_], ASCII only also in UTF-8 mode.
bool IsRegexWordChar(char c) { return c == '_' || (IsWordByte(c) && static_cast<unsigned char>(c) < 0x80); }

// RE2's \b at `pos`, with `text` as the whole context.
bool AtRegexWordBoundary(std::string_view text, std::size_t pos) {
  bool before = pos > 0 && IsRegexWordChar(text[pos - 1]);
  bool after = pos < text.size() && IsRegexWordChar(text[pos]);
  return before != after;
}

}  // namespace

ReportedNameMatcher::ReportedNameMatcher(const std::vector<std::string>& verbs) : verbs_(verbs) {
  std::stable_sort(verbs_.begin(), verbs_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  verbs_.erase(std::remove(verbs_.begin(), verbs_.end(), std::string()), verbs_.end());
  std::string alternation;
  for (const std::string& verb : verbs_) {
    if (!alternation.empty()) alternation += '|';
    alternation += RE2::QuoteMeta(verb);
  }
  if (alternation.empty()) alternation = "\\x01never\\x01";
  RE2::Options options;
  options.set_log_errors(false);
  regex_ = std::make_unique<RE2>(R"((\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}) (?:)" + alternation + R"()\b)", options);
  if (!regex_->ok()) throw Error("cannot compile the reporting verbs: " + regex_->error());
}

ReportedNameMatcher::~ReportedNameMatcher() = default;

bool ReportedNameMatcher::FindWithRegex(std::string_view text, std::size_t from, std::size_t to,
                                        Match* found) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[2];
  if (from >= to || !regex_->Match(input, from, to, RE2::UNANCHORED, match, 2)) return false;
  found->name_begin = match[1].data() - text.data();
  found->name_end = found->name_begin + match[1].size();
  found->end = match[0].data() - text.data() + match[0].size();
  return true;
}

bool ReportedNameMatcher::Find(std::string_view text, std::size_t from, std::size_t to, Match* found) const {
  // The leftmost match starts at the first position where an anchored match does. A
  // start is tried by hand as long as every byte that decides it is ASCII, where \p{Lu}
  // is [A-Z] and \p{Ll} is [a-z]; where a non-ASCII letter could decide it, the regex
  // answers for that start. UTF-8 continuation bytes start no letter.
  for (std::size_t start = from; start < to; ++start) {
    const auto c = static_cast<unsigned char>(text[start]);
    if (c < 0x80 ? !IsAsciiUpper(text[start]) : c < 0xC0) continue;
    const Outcome outcome = c < 0x80 ? MatchAsciiAt(text, start, to, found) : Outcome::kAskTheRegex;
    if (outcome == Outcome::kMatch) return true;
    if (outcome == Outcome::kAskTheRegex && MatchRegexAt(text, start, to, found)) return true;
  }
  return false;
}

ReportedNameMatcher::Outcome ReportedNameMatcher::MatchAsciiAt(std::string_view text, std::size_t start,
                                                              std::size_t to, Match* found) const {
  // A word's lowercase letters must all be taken (a space follows each word), so the
  // words from `start` are fixed; the regex then prefers three words to two, and the
  // verbs in their order.
  std::size_t word_ends[3];
  int words = 0;
  for (std::size_t p = start; words < 3 && p < to;) {
    if (static_cast<unsigned char>(text[p]) >= 0x80) return Outcome::kAskTheRegex;
    if (!IsAsciiUpper(text[p])) break;
    std::size_t q = p + 1;
    while (q < to && IsAsciiLower(text[q])) ++q;
    if (q < to && static_cast<unsigned char>(text[q]) >= 0x80) return Outcome::kAskTheRegex;
    if (q == p + 1 || q >= to || text[q] != ' ') break;
    word_ends[words++] = q;
    p = q + 1;
  }
  for (int n = words; n >= 2; --n) {
    const std::size_t verb_begin = word_ends[n - 1] + 1;
    for (const std::string& verb : verbs_) {
      const std::size_t end = verb_begin + verb.size();
      // The first byte turns most verbs away without a call to compare the rest.
      if (end <= to && text[verb_begin] == verb.front() && text.compare(verb_begin, verb.size(), verb) == 0 &&
          AtRegexWordBoundary(text, end)) {
        *found = {start, word_ends[n - 1], end};
        return Outcome::kMatch;
      }
    }
  }
  return Outcome::kNoMatch;
}

bool ReportedNameMatcher::MatchRegexAt(std::string_view text, std::size_t start, std::size_t to,
                                       Match* found) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match[2];
  if (!regex_->Match(input, start, to, RE2::ANCHOR_START, match, 2)) return false;
  found->name_begin = match[1].data() - text.data();
  found->name_end = found->name_begin + match[1].size();
  found->end = match[0].data() - text.data() + match[0].size();
  return true;
}

}  // namespace actorgraph
