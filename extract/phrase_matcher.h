// Finds the phrases of a fixed list (actor names, titles) in text, at word boundaries,
// in one pass over its words. Every phrase is filed under its first word, so each word
// of the text costs one hash lookup, however long the list: the 10,000 names of the
// built-in lexicon as one RE2 alternation cost a forward and a reverse DFA pass per
// match, and a scan of the whole article besides, several times slower.
#ifndef ACTORGRAPH_EXTRACT_PHRASE_MATCHER_H_
#define ACTORGRAPH_EXTRACT_PHRASE_MATCHER_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/word_bytes.h"

namespace actorgraph {

// Whether [begin, end) of `text` starts and ends on word boundaries (extract/word_bytes.h
// says what a word byte is). An apostrophe followed by a letter inside a word continues
// it ("Xi'an"); a possessive ("Xi's") does not.
bool AtWordBoundaries(std::string_view text, std::size_t begin, std::size_t end);

// Immutable after construction; safe to share between threads. Matching is exact and
// case-sensitive.
class PhraseMatcher {
 public:
  struct Occurrence {
    std::size_t begin = 0;
    std::size_t end = 0;
    int phrase = 0;  // index into the list given to the constructor
  };

  // Empty phrases are ignored; of two equal phrases the first is reported.
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  // Every phrase occurrence that starts and ends on word boundaries, left to right and
  // not overlapping: at each start the longest such phrase wins, and the search goes on
  // after it. "United Nations Security Council" is one occurrence, not two.
  std::vector<Occurrence> FindAll(std::string_view text) const;
  // The same, given the words of `text` (SplitWords(text)), of which those that start no
  // phrase (MayStartAt is false) may be left out.
  std::vector<Occurrence> FindAll(std::string_view text, const std::vector<Word>& words) const;

  // Appends to `out` every phrase whose text starts at `pos`, whatever follows it, longest
  // first. `pos` must start a word or hold a byte some phrase starts with.
  void PhrasesAt(std::string_view text, std::size_t pos, std::vector<Occurrence>* out) const;
  // The same at the start of `word`, a word of `text`. Inline: most words start no
  // phrase, and are turned away here without a call.
  void PhrasesAt(std::string_view text, Word word, std::vector<Occurrence>* out) const {
    if (MayStartAt(word)) AppendPhrasesAt(text, word.begin, word.end, out);
  }
  // False when no phrase starts with `word` (as SplitWords gives it); true when one may.
  // A test of one bit, for callers that would otherwise set up a search at every word.
  bool MayStartAt(Word word) const { return MayStartAt(signatures_, word); }

  // The set of first-word signatures MayStartAt tests, a bit per WordSignature modulo
  // kSignatureBits. The union of several matchers' sets turns away, with one test, the
  // words that start a phrase of none of them.
  static constexpr std::size_t kSignatureBits = 1 << 16;
  using SignatureSet = std::bitset<kSignatureBits>;
  const SignatureSet& first_word_signatures() const { return signatures_; }
  static bool MayStartAt(const SignatureSet& signatures, Word word) {
    return signatures[word.signature % kSignatureBits];
  }

 private:
  // A phrase as the first-word table files it: its bytes are bytes_[offset, offset + size),
  // and `follow` is FollowKey of the two bytes after its first word.
  struct Candidate {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
    int phrase = 0;
    std::uint32_t follow = 0;
  };
  // Two bytes (as unsigned char) or kNoByte past the end of a phrase, as one key.
  static constexpr std::uint32_t kNoByte = 256;
  static std::uint32_t FollowKey(std::uint32_t first, std::uint32_t second) { return first * 257 + second; }
  // A slot of the first-word table: the candidates_[first, first + count) of one first
  // word, ordered by `follow` and, for equal ones, longest first; `count` 0 marks an empty
  // slot. The word is the first `word_size` bytes of each of them. Only the candidates
  // that go on with the two bytes the text goes on with, or that end after one of them or
  // with the first word, can be the text: under "A" wait hundreds of names ("A Goncz",
  // "A. Lieberman"), and the article "A" needs none of them compared.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t word_size = 0;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  // The slot of the phrases filed under the first word of the text at `pos` (or under its
  // byte, if it starts no word); null if none. `word_end` is the end of the word at `pos`,
  // if `pos` starts one.
  const Slot* CandidatesAt(std::string_view text, std::size_t pos, std::size_t word_end) const;
  // Whether `candidate` is the text at `pos`, given that its first word is [pos, word_end)
  // (empty for a phrase filed under its first byte): only the rest is compared.
  bool IsAt(std::string_view text, std::size_t pos, std::size_t word_end, const Candidate& candidate) const;
  // Calls visit(candidate) for each candidate of `slot` that may be the text whose first
  // word ends at `word_end`, longest first, until it returns true; returns whether it did.
  template <typename Visit>
  bool ForEachCandidate(const Slot& slot, std::string_view text, std::size_t word_end, Visit visit) const;
  void AppendPhrasesAt(std::string_view text, std::size_t pos, std::size_t word_end,
                       std::vector<Occurrence>* out) const;
  // The longest phrase at `pos` that ends on a word boundary, if `pos` starts one.
  bool LongestAt(std::string_view text, std::size_t pos, std::size_t word_end, Occurrence* found) const;
  bool any_starts_with_other_byte_ = false;

  // Every phrase's bytes, one after the other: candidates are compared with them here,
  // not through a pointer per phrase.
  std::string bytes_;
  std::vector<Candidate> candidates_;
  // First word of a phrase (its leading word bytes) -> its slot: open addressing with
  // linear probing, at most half full. Every word of every article that passes the
  // signature test is looked up here, so a slot keeps the word's hash and size and a
  // lookup costs a hash of a few loads (HashWord) and bytes compared only on a likely
  // hit; std::unordered_map with std::hash and its node walk cost twice as much. Phrases
  // that start with another byte ("(ISIS)") are filed under that byte instead.
  std::vector<Slot> slots_;
  std::size_t slot_mask_ = 0;
  static std::uint32_t HashWord(std::string_view word);
  std::array<Slot, 256> by_first_byte_;
  // Most words of a text start no phrase. A bit per WordSignature of the first words
  // (modulo kSignatureBits) turns them away before any hashing.
  static std::size_t Signature(std::string_view word) { return WordSignature(word) % kSignatureBits; }
  // A bitset in place, not std::vector<bool>: a test is a load and a mask, where the
  // vector's bit iterator cost twice the instructions and a pointer besides.
  SignatureSet signatures_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_PHRASE_MATCHER_H_
