// Splits news prose into sentences. News is hard on naive splitters: initials and
// abbreviations ("S. Jaishankar", "U.S.", "Mr.", "Dec. 5", "No. 10", "Gen."), decimals
// ("3.5 percent"), quotes that close after the stop ('... war."'), and headlines, datelines
// and captions that end without any stop. A blank line or a line without final
// punctuation that looks like a headline also ends a sentence.
#ifndef ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
#define ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace actorgraph {

// A sentence as a byte range of the text it was split from; leading and trailing
// whitespace is excluded, so begin < end.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The sentences of `text` (normally PreparedText::text), in order. Runs in linear time.
// Sentences longer than `max_sentence_bytes` are cut at a word boundary into pieces no
// longer than that, so one run-on line cannot blow up later stages.
std::vector<SentenceSpan> SplitSentences(std::string_view text,
                                         std::size_t max_sentence_bytes = 4096);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_SENTENCE_SPLITTER_H_
