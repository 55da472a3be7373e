#include "extract/phrase_matcher.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "extract/word_bytes.h"

namespace actorgraph {

bool AtWordBoundaries(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && IsWordByte(text[begin - 1]) && IsWordByte(text[begin])) return false;
  if (end < text.size() && IsWordByte(text[end]) && IsWordByte(text[end - 1])) return false;
  if (end + 1 < text.size() && text[end] == '\'' && IsAsciiLetter(text[end + 1]) && text[end + 1] != 's' &&
      IsWordByte(text[end - 1])) {
    return false;
  }
  return true;
}

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) {
  std::unordered_set<std::string_view> seen;
  std::unordered_map<std::string_view, std::vector<int>> by_first_word;
  std::array<std::vector<int>, 256> by_first_byte;
  std::vector<std::uint32_t> offsets;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    offsets.push_back(static_cast<std::uint32_t>(bytes_.size()));
    bytes_ += phrases[i];
  }
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    std::string_view phrase = phrases[i];
    if (phrase.empty() || !seen.insert(phrase).second) continue;
    if (!IsWordByte(phrase.front())) {
      by_first_byte[static_cast<unsigned char>(phrase.front())].push_back(static_cast<int>(i));
      any_starts_with_other_byte_ = true;
      continue;
    }
    std::string_view first_word = phrase.substr(0, WordEnd(phrase, 0));
    by_first_word[first_word].push_back(static_cast<int>(i));
    signatures_[Signature(first_word)] = true;
  }
  // Files `list` (sorted here, as Slot says) as the candidates of one slot.
  auto file = [&](std::vector<int>& list, std::size_t word_size) {
    auto follow = [&](int phrase) {
      const std::string& text = phrases[phrase];
      auto byte = [&](std::size_t i) -> std::uint32_t {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : kNoByte;
      };
      return FollowKey(byte(word_size), byte(word_size + 1));
    };
    std::sort(list.begin(), list.end(), [&](int a, int b) {
      if (follow(a) != follow(b)) return follow(a) < follow(b);
      return phrases[a].size() != phrases[b].size() ? phrases[a].size() > phrases[b].size() : a < b;
    });
    Slot slot;
    slot.word_size = static_cast<std::uint32_t>(word_size);
    slot.first = static_cast<std::uint32_t>(candidates_.size());
    slot.count = static_cast<std::uint32_t>(list.size());
    for (int phrase : list) {
      candidates_.push_back(
          {offsets[phrase], static_cast<std::uint32_t>(phrases[phrase].size()), phrase, follow(phrase)});
    }
    return slot;
  };
  for (std::size_t byte = 0; byte < by_first_byte.size(); ++byte) {
    if (!by_first_byte[byte].empty()) by_first_byte_[byte] = file(by_first_byte[byte], 0);
  }
  std::size_t size = 2;
  while (size < 2 * by_first_word.size()) size *= 2;
  slots_.resize(size);
  slot_mask_ = size - 1;
  for (auto& [word, list] : by_first_word) {
    Slot slot = file(list, word.size());
    slot.hash = HashWord(word);
    std::size_t i = slot.hash & slot_mask_;
    while (slots_[i].count != 0) i = (i + 1) & slot_mask_;
    slots_[i] = slot;
  }
}

std::uint32_t PhraseMatcher::HashWord(std::string_view word) {
  // The first and last eight bytes (or four, or three) and the size: words longer than
  // sixteen bytes that differ only in the middle share a hash, and the byte comparison
  // after it tells them apart.
  const char* p = word.data();
  const std::size_t n = word.size();
  std::uint64_t head = 0, tail = 0;
  if (n >= 8) {
    std::memcpy(&head, p, 8);
    std::memcpy(&tail, p + n - 8, 8);
  } else if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    head = a;
    tail = b;
  } else if (n > 0) {
    auto byte = [](char c) { return static_cast<std::uint64_t>(static_cast<unsigned char>(c)); };
    head = byte(p[0]) | byte(p[n / 2]) << 8 | byte(p[n - 1]) << 16;
  }
  std::uint64_t h = head * 0x9E3779B97F4A7C15ull ^ (tail + n) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return static_cast<std::uint32_t>(h);
}

const PhraseMatcher::Slot* PhraseMatcher::CandidatesAt(std::string_view text, std::size_t pos,
                                                       std::size_t word_end) const {
  const char first = text[pos];
  if (!IsWordByte(first)) {
    const Slot& slot = by_first_byte_[static_cast<unsigned char>(first)];
    return slot.count == 0 ? nullptr : &slot;
  }
  const std::string_view word(text.data() + pos, word_end - pos);
  if (!signatures_[Signature(word)]) return nullptr;
  const std::uint32_t hash = HashWord(word);
  for (std::size_t i = hash & slot_mask_; slots_[i].count != 0; i = (i + 1) & slot_mask_) {
    const Slot& slot = slots_[i];
    if (slot.hash == hash && slot.word_size == word.size() &&
        std::memcmp(bytes_.data() + candidates_[slot.first].offset, word.data(), word.size()) == 0) {
      return &slot;
    }
  }
  return nullptr;
}

bool PhraseMatcher::IsAt(std::string_view text, std::size_t pos, std::size_t word_end,
                         const Candidate& candidate) const {
  const std::size_t matched = word_end - pos;
  if (candidate.size > text.size() - pos) return false;
  if (candidate.size == matched) return true;
  // The phrases under one first word mostly differ in their last byte ("United States",
  // "United Kingdom", "United Nations"): one byte turns most of them away without a call.
  const std::size_t last = candidate.size - 1;
  return text[pos + last] == bytes_[candidate.offset + last] &&
         std::memcmp(text.data() + word_end, bytes_.data() + candidate.offset + matched, last - matched) == 0;
}

namespace {
// Up to this many candidates, a look at each costs less than two binary searches.
constexpr std::uint32_t kFewCandidates = 8;
}  // namespace

template <typename Visit>
bool PhraseMatcher::ForEachCandidate(const Slot& slot, std::string_view text, std::size_t word_end,
                                     Visit visit) const {
  const Candidate* first = candidates_.data() + slot.first;
  const Candidate* last = first + slot.count;
  // Looked at one by one, those that may be the text come longest first too: of theirs,
  // `follow` only differs in where kNoByte stands, and a byte is less.
  if (slot.count <= kFewCandidates) {
    for (const Candidate* c = first; c != last; ++c) {
      if (visit(*c)) return true;
    }
    return false;
  }
  auto first_with = [&](std::uint32_t follow) {
    return std::lower_bound(first, last, follow, [](const Candidate& c, std::uint32_t f) { return c.follow < f; });
  };
  // Longest first: those that go on with the text's next two bytes, the one that ends
  // after the next byte, the first word alone.
  if (word_end < text.size()) {
    const std::uint32_t next = static_cast<unsigned char>(text[word_end]);
    if (word_end + 1 < text.size()) {
      const std::uint32_t follow = FollowKey(next, static_cast<unsigned char>(text[word_end + 1]));
      for (const Candidate* c = first_with(follow); c != last && c->follow == follow; ++c) {
        if (visit(*c)) return true;
      }
    }
    const Candidate* c = first_with(FollowKey(next, kNoByte));
    if (c != last && c->follow == FollowKey(next, kNoByte) && visit(*c)) return true;
  }
  return last[-1].follow == FollowKey(kNoByte, kNoByte) && visit(last[-1]);
}

void PhraseMatcher::PhrasesAt(std::string_view text, std::size_t pos, std::vector<Occurrence>* out) const {
  if (pos >= text.size()) return;
  AppendPhrasesAt(text, pos, WordEnd(text, pos), out);
}

void PhraseMatcher::AppendPhrasesAt(std::string_view text, std::size_t pos, std::size_t word_end,
                                    std::vector<Occurrence>* out) const {
  const Slot* slot = CandidatesAt(text, pos, word_end);
  if (slot == nullptr) return;
  ForEachCandidate(*slot, text, word_end, [&](const Candidate& candidate) {
    if (IsAt(text, pos, word_end, candidate)) out->push_back({pos, pos + candidate.size, candidate.phrase});
    return false;
  });
}

bool PhraseMatcher::LongestAt(std::string_view text, std::size_t pos, std::size_t word_end,
                              Occurrence* found) const {
  const Slot* slot = CandidatesAt(text, pos, word_end);
  if (slot == nullptr) return false;
  return ForEachCandidate(*slot, text, word_end, [&](const Candidate& candidate) {
    if (!IsAt(text, pos, word_end, candidate) || !AtWordBoundaries(text, pos, pos + candidate.size)) return false;
    *found = {pos, pos + candidate.size, candidate.phrase};
    return true;
  });
}

std::vector<PhraseMatcher::Occurrence> PhraseMatcher::FindAll(std::string_view text,
                                                              const std::vector<Word>& words) const {
  // Phrases that start with punctuation may start between words: those need every byte.
  if (any_starts_with_other_byte_) return FindAll(text);
  std::vector<Occurrence> found;
  Occurrence occurrence;
  std::size_t after = 0;  // the end of the last occurrence
  for (const Word& word : words) {
    // Most words start no phrase: the signature test here spares them the call.
    if (word.begin < after || !MayStartAt(word)) continue;
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
