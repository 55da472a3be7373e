// raw_scan FILE: the practical upper limit for actor matching on this machine. Loads the
// built-in lexicon, compiles one RE2 alternation of every name (leftmost-longest, the same
// options as the actor finder's scan) and runs it once over the bytes of FILE, counting
// matches. No JSON parsing, text preparation, sentences or relations: just the scan.
// The file is read in 16 MB chunks cut after a newline, so memory stays small.
//
// The same bytes are then split into words and scanned by the PhraseMatcher the actor
// finder uses for names (first-word lookup, extract/phrase_matcher.h), as the finder
// does it, so both ways of single-pass matching
// are measured side by side: RE2 reports every match, PhraseMatcher only those on word
// boundaries, so its count is lower.
//
// Prints one line: "bytes=N matches=M seconds=S mb_per_s=R phrase_matches=M2
// phrase_seconds=S2 phrase_mb_per_s=R2" (MB = 10^6 bytes); the seconds count the scans
// only, not compiling the pattern or building the matcher.
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/lexicon.h"
#include "extract/phrase_matcher.h"
#include "extract/rule_source.h"

namespace {

std::string NamesPattern(const actorgraph::Lexicon& lexicon) {
  std::vector<std::string> names;
  for (const actorgraph::LexiconName& name : lexicon.names()) names.push_back(name.text);
  // Sorted alphabetically, so RE2 factors the common prefixes into a trie (with
  // leftmost-longest matching the order does not change what matches).
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string pattern = "(?:";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) pattern += '|';
    pattern += RE2::QuoteMeta(names[i]);
  }
  return pattern + ")";
}

std::size_t CountMatches(const RE2& re, const std::string& text) {
  std::size_t matches = 0, pos = 0;
  re2::StringPiece input(text), match;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    ++matches;
    std::size_t end = match.data() - text.data() + match.size();
    pos = end > pos ? end : pos + 1;
  }
  return matches;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: raw_scan FILE\n");
    return 2;
  }
  try {
    actorgraph::Lexicon lexicon = actorgraph::Lexicon::Load(actorgraph::LoadRuleSources(""));
    RE2::Options options;
    options.set_longest_match(true);
    options.set_log_errors(false);
    options.set_max_mem(512 << 20);
    RE2 re(NamesPattern(lexicon), options);
    std::vector<std::string> names;
    for (const actorgraph::LexiconName& name : lexicon.names()) names.push_back(name.text);
    const actorgraph::PhraseMatcher phrases(names);
    if (!re.ok()) {
      std::fprintf(stderr, "raw_scan: cannot compile the names: %s\n", re.error().c_str());
      return 1;
    }
    std::FILE* file = std::fopen(argv[1], "rb");
    if (file == nullptr) {
      std::perror(argv[1]);
      return 1;
    }
    constexpr std::size_t kChunk = 16 << 20;
    std::string chunk, carry;
    std::vector<char> buffer(kChunk);
    std::size_t bytes = 0, matches = 0, phrase_matches = 0;
    std::chrono::duration<double> scanning{0}, phrase_scanning{0};
    for (;;) {
      std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file);
      chunk.assign(carry);
      chunk.append(buffer.data(), n);
      carry.clear();
      if (n > 0) {
        // Keep the last, possibly incomplete line for the next chunk.
        std::size_t cut = chunk.rfind('\n');
        if (cut != std::string::npos) {
          carry.assign(chunk, cut + 1, std::string::npos);
          chunk.resize(cut + 1);
        }
      }
      auto start = std::chrono::steady_clock::now();
      matches += CountMatches(re, chunk);
      auto between = std::chrono::steady_clock::now();
      scanning += between - start;
      phrase_matches += phrases.FindAll(chunk, actorgraph::SplitWords(chunk)).size();
      phrase_scanning += std::chrono::steady_clock::now() - between;
      bytes += chunk.size();
      if (n == 0) break;
    }
    bool failed = std::ferror(file);
    std::fclose(file);
    if (failed) {
      std::fprintf(stderr, "raw_scan: %s: read failed\n", argv[1]);
      return 1;
    }
    auto mb_per_s = [&](double seconds) { return seconds > 0 ? bytes / seconds / 1e6 : 0.0; };
    std::printf("bytes=%zu matches=%zu seconds=%.3f mb_per_s=%.1f phrase_matches=%zu phrase_seconds=%.3f "
                "phrase_mb_per_s=%.1f\n",
                bytes, matches, scanning.count(), mb_per_s(scanning.count()), phrase_matches,
                phrase_scanning.count(), mb_per_s(phrase_scanning.count()));
  } catch (const actorgraph::Error& e) {
    std::fprintf(stderr, "raw_scan: %s\n", e.what());
    return 1;
  }
  return 0;
}
