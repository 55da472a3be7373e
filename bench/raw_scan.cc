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
// Built with Hyperscan (libhyperscan-dev or libvectorscan-dev, found by bench/CMakeLists.txt),
// it also scans the bytes with a Hyperscan database of every name as a literal, the
// matcher built for many literals that issue 7 names beside RE2. Hyperscan reports every
// match of every name, overlapping ones included ("Putin" inside "Vladimir Putin"), so
// its count is the highest of the three.
//
// Prints one line: "bytes=N matches=M seconds=S mb_per_s=R phrase_matches=M2
// phrase_seconds=S2 phrase_mb_per_s=R2", then, with Hyperscan, " hs_matches=M3
// hs_seconds=S3 hs_mb_per_s=R3" (MB = 10^6 bytes); the seconds count the scans only, not
// compiling the patterns or building the matcher.
#include <re2/re2.h>
#ifdef ACTORGRAPH_HAVE_HYPERSCAN
#include <hs.h>
#endif

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

#ifdef ACTORGRAPH_HAVE_HYPERSCAN
// Every name as a case-sensitive literal (as the RE2 alternation takes them) in one
// Hyperscan block-mode database, and the scratch space to scan with it.
class HyperscanNames {
 public:
  explicit HyperscanNames(const std::vector<std::string>& names) {
    std::vector<const char*> texts;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags(names.size(), 0), ids(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
      texts.push_back(names[i].data());
      lengths.push_back(names[i].size());
      ids[i] = static_cast<unsigned>(i);
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(names.size()), HS_MODE_BLOCK, nullptr, &database_,
                             &error) != HS_SUCCESS) {
      std::string message = error ? error->message : "unknown error";
      hs_free_compile_error(error);
      throw actorgraph::Error("Hyperscan cannot compile the names: " + message);
    }
    if (hs_alloc_scratch(database_, &scratch_) != HS_SUCCESS)
      throw actorgraph::Error("Hyperscan cannot allocate its scratch space");
  }
  ~HyperscanNames() {
    hs_free_scratch(scratch_);
    hs_free_database(database_);
  }
  HyperscanNames(const HyperscanNames&) = delete;
  HyperscanNames& operator=(const HyperscanNames&) = delete;

  // REQUIRES: text.size() < 4 GB (hs_scan takes an unsigned length; chunks are 16 MB).
  std::size_t CountMatches(const std::string& text) const {
    std::size_t matches = 0;
    auto count = [](unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
      ++*static_cast<std::size_t*>(context);
      return 0;  // go on scanning
    };
    if (hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0, scratch_, count, &matches) !=
        HS_SUCCESS)
      throw actorgraph::Error("Hyperscan failed to scan");
    return matches;
  }

 private:
  hs_database_t* database_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
};
#endif

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
#ifdef ACTORGRAPH_HAVE_HYPERSCAN
    std::vector<std::string> distinct = names;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const HyperscanNames hyperscan(distinct);
    std::size_t hs_matches = 0;
    std::chrono::duration<double> hs_scanning{0};
#endif
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
#ifdef ACTORGRAPH_HAVE_HYPERSCAN
      auto hs_start = std::chrono::steady_clock::now();
      hs_matches += hyperscan.CountMatches(chunk);
      hs_scanning += std::chrono::steady_clock::now() - hs_start;
#endif
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
                "phrase_mb_per_s=%.1f",
                bytes, matches, scanning.count(), mb_per_s(scanning.count()), phrase_matches,
                phrase_scanning.count(), mb_per_s(phrase_scanning.count()));
#ifdef ACTORGRAPH_HAVE_HYPERSCAN
    std::printf(" hs_matches=%zu hs_seconds=%.3f hs_mb_per_s=%.1f", hs_matches, hs_scanning.count(),
                mb_per_s(hs_scanning.count()));
#endif
    std::printf("\n");
  } catch (const actorgraph::Error& e) {
    std::fprintf(stderr, "raw_scan: %s\n", e.what());
    return 1;
  }
  return 0;
}
