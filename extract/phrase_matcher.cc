#include "extract/phrase_matcher.h"

#include <algorithm>
#include <unordered_set>

#include "extract/word_bytes.h"

namespace actorgraph {
namespace {

}  // namespace

bool AtWordBoundaries(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && IsWordByte(text[begin - 1]) && IsWordByte(text[begin])) return false;
  if (end < text.size() && IsWordByte(text[end]) && IsWordByte(text[end - 1])) return false;
  if (end + 1 < text.size() && text[end] == '\'' && IsAsciiLetter(text[end + 1]) && text[end + 1] != 's' &&
      IsWordByte(text[end - 1])) {
    return false;
  }
  return true;
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) : signatures_(kSignatureBits) {
  std::unordered_set<std::string_view> seen;
  phrases_ = phrases;
  for (std::size_t i = 0; i < phrases_.size(); ++i) {
    std::string_view phrase = phrases_[i];
    if (phrase.empty() || !seen.insert(phrase).second) continue;
    if (!IsWordByte(phrase.front())) {
      by_first_byte_[static_cast<unsigned char>(phrase.front())].push_back(static_cast<int>(i));
      any_starts_with_other_byte_ = true;
      continue;
    }
    std::string_view first_word = phrase.substr(0, WordEnd(phrase, 0));
    by_first_word_[first_word].push_back(static_cast<int>(i));
    signatures_[Signature(first_word)] = true;
  }
  auto longest_first = [&](int a, int b) {
    return phrases_[a].size() != phrases_[b].size() ? phrases_[a].size() > phrases_[b].size() : a < b;
  };
  for (auto& [word, list] : by_first_word_) std::sort(list.begin(), list.end(), longest_first);
  for (auto& list : by_first_byte_) std::sort(list.begin(), list.end(), longest_first);
}

const std::vector<int>* PhraseMatcher::CandidatesAt(std::string_view text, std::size_t pos,
                                                    std::size_t word_end) const {
  const char first = text[pos];
  if (!IsWordByte(first)) {
    const std::vector<int>& list = by_first_byte_[static_cast<unsigned char>(first)];
    return list.empty() ? nullptr : &list;
  }
  std::string_view word = text.substr(pos, word_end - pos);
  if (!signatures_[Signature(word)]) return nullptr;
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? nullptr : &it->second;
}

void PhraseMatcher::PhrasesAt(std::string_view text, std::size_t pos, std::vector<Occurrence>* out) const {
  if (pos >= text.size()) return;
  AppendPhrasesAt(text, pos, WordEnd(text, pos), out);
}

void PhraseMatcher::AppendPhrasesAt(std::string_view text, std::size_t pos, std::size_t word_end,
                                    std::vector<Occurrence>* out) const {
  const std::vector<int>* candidates = CandidatesAt(text, pos, word_end);
  if (candidates == nullptr) return;
  for (int phrase : *candidates) {
    const std::string& p = phrases_[phrase];
    if (text.compare(pos, p.size(), p) == 0) out->push_back({pos, pos + p.size(), phrase});
  }
}

bool PhraseMatcher::LongestAt(std::string_view text, std::size_t pos, std::size_t word_end,
                              Occurrence* found) const {
  const std::vector<int>* candidates = CandidatesAt(text, pos, word_end);
  if (candidates == nullptr) return false;
  for (int phrase : *candidates) {
    const std::string& p = phrases_[phrase];
    if (text.compare(pos, p.size(), p) == 0 && AtWordBoundaries(text, pos, pos + p.size())) {
      *found = {pos, pos + p.size(), phrase};
      return true;
    }
  }
  return false;
}

std::vector<PhraseMatcher::Occurrence> PhraseMatcher::FindAll(std::string_view text,
                                                              const std::vector<Word>& words) const {
  // Phrases that start with punctuation may start between words: those need every byte.
  if (any_starts_with_other_byte_) return FindAll(text);
  std::vector<Occurrence> found;
  Occurrence occurrence;
  std::size_t after = 0;  // the end of the last occurrence
  for (const Word& word : words) {
    if (word.begin < after) continue;
    if (LongestAt(text, word.begin, word.end, &occurrence)) {
      found.push_back(occurrence);
      after = occurrence.end;
    }
  }
  return found;
}

std::vector<PhraseMatcher::Occurrence> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<Occurrence> found;
  Occurrence occurrence;
  for (std::size_t i = 0; i < text.size();) {
    // A phrase that starts with a word byte starts a word; one that starts with another
    // byte may start anywhere.
    const bool word_start = IsWordByte(text[i]);
    const std::size_t word_end = word_start ? WordEnd(text, i) : i;
    if (word_start && i > 0 && IsWordByte(text[i - 1])) {
      i = word_end;
      continue;
    }
    if (LongestAt(text, i, word_end, &occurrence)) {
      found.push_back(occurrence);
      i = occurrence.end;
    } else {
      i = word_start ? word_end : i + 1;
    }
  }
  return found;
}

}  // namespace actorgraph
