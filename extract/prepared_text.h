// Text prepared for matching. Scraped news arrives with typographic quotes, dashes,
// non-breaking spaces, HTML entities and tags, and now and then invalid UTF-8. Rules are
// written against plain ASCII punctuation, so the text is normalised once; every byte of
// the normalised text keeps the offset of the original byte it came from, so evidence
// still points into the article as it was read.
#ifndef ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_
#define ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/diagnostics.h"

namespace actorgraph {

struct PreparedText {
  // Valid UTF-8. Typographic quotes and apostrophes become ' and ", dashes -, every
  // Unicode space and NBSP a plain space, HTML entities (named, decimal, hex, and common
  // mangled forms such as "&amp;quot;" or "&#8217" without ';') are decoded, tags
  // (<p>, <br/>, <a href=...>) are dropped (block tags become a newline so they still end
  // a paragraph), script/style content is dropped, invalid bytes become U+FFFD.
  std::string text;
  // original_offset[i] is the byte offset in the original of text[i]; one more entry at
  // the end maps text.size() to original.size(). So a range [b, e) of `text` is the range
  // [original_offset[b], original_offset[e]) of the original.
  std::vector<std::uint32_t> original_offset;

  std::size_t ToOriginal(std::size_t offset) const { return original_offset[offset]; }
};

// Prepares `original` (any bytes). `origin` names the document in warnings: at most one
// warning per document for invalid UTF-8, naming the byte offset of the first bad byte
// ("news.jsonl:3: invalid UTF-8 at byte 1042, replaced"). REQUIRES: original.size() < 4 GiB.
PreparedText PrepareText(std::string_view original, std::string_view origin,
                         Diagnostics& diagnostics);

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD; for copying original
// text (evidence sentences) into outputs that must be valid UTF-8.
std::string ValidUtf8(std::string_view bytes);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_PREPARED_TEXT_H_
