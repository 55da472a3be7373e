#include "extract/reported_name.h"

#include <re2/re2.h>

#include <algorithm>

#include "extract/error.h"
#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

bool IsAsciiLowerLetter(char c) { return c >= 'a' && c <= 'z'; }

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
  if (std::any_of(text.begin() + from, text.begin() + to,
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return FindWithRegex(text, from, to, found);
  }
  // In ASCII, \p{Lu} is [A-Z] and \p{Ll} is [a-z]. A word's lowercase letters must all be
  // taken (a space follows each word), so the words from a start are fixed; the regex
  // then prefers three words to two, and the verbs in their order.
  for (std::size_t start = from; start < to; ++start) {
    if (!IsAsciiUpper(text[start])) continue;
    std::size_t word_ends[3];
    int words = 0;
    for (std::size_t p = start; words < 3 && p < to && IsAsciiUpper(text[p]);) {
      std::size_t q = p + 1;
      while (q < to && IsAsciiLowerLetter(text[q])) ++q;
      if (q == p + 1 || q >= to || text[q] != ' ') break;
      word_ends[words++] = q;
      p = q + 1;
    }
    for (int n = words; n >= 2; --n) {
      const std::size_t verb_begin = word_ends[n - 1] + 1;
      for (const std::string& verb : verbs_) {
        const std::size_t end = verb_begin + verb.size();
        if (end <= to && text.compare(verb_begin, verb.size(), verb) == 0 && AtRegexWordBoundary(text, end)) {
          *found = {start, word_ends[n - 1], end};
          return true;
        }
      }
    }
  }
  return false;
}

}  // namespace actorgraph
