// One case-insensitive RE2 of all the phrases finds them. The prefilter is sound because
// every match of that RE2 is one of the phrases (the \b around it match no bytes), and
// LiteralScanner reports a literal exactly where a case-insensitive RE2 would find it,
// case folding included: when it reports none, the RE2 cannot match.
#include "extract/cue_phrases.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdint>

namespace actorgraph {
namespace {

std::unique_ptr<RE2> CuePattern(const std::vector<std::string>& phrases) {
  std::string pattern;
  for (const std::string& phrase : phrases) {
    if (!pattern.empty()) pattern += '|';
    bool word_start = std::isalnum(static_cast<unsigned char>(phrase.front())) && phrase.rfind("n'", 0) != 0;
    pattern += (word_start ? "\\b" : "") + RE2::QuoteMeta(phrase) + "\\b";
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return std::make_unique<RE2>(pattern.empty() ? "\\x01never\\x01" : "(?:" + pattern + ")", options);
}

bool AllAscii(const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    if (!LiteralScanner::IsAscii(phrase)) return false;
  }
  return true;
}

}  // namespace

CuePhrases::CuePhrases(const std::vector<std::string>& phrases) : pattern_(CuePattern(phrases)) {
  // Without phrases the RE2 is a pattern that no phrase gives; let it answer for itself.
  if (!phrases.empty() && AllAscii(phrases)) literals_.emplace(phrases);
}

CuePhrases::~CuePhrases() = default;

std::optional<std::string_view> CuePhrases::Find(std::string_view text, std::size_t pos) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece cue;
  if (pos >= text.size() || !pattern_->Match(input, pos, text.size(), RE2::UNANCHORED, &cue, 1)) {
    return std::nullopt;
  }
  return std::string_view(cue.data(), cue.size());
}

bool CuePhrases::MayOccur(std::string_view text) const {
  if (!literals_) return true;
  // The words of a relation are short and the phrases few: one word of bits is enough
  // for most sets and keeps the scan free of allocations after the first.
  thread_local std::vector<std::uint64_t> found;
  literals_->Scan(text, &found);
  for (std::uint64_t bits : found) {
    if (bits != 0) return true;
  }
  return false;
}

}  // namespace actorgraph
