// Extraction of one document: text preparation, sentences, actors, relations, and the
// attributes of each relation (negation, modality, date, evidence). This is the library's
// main entry point; the rule files it runs are extract/rules/ plus a user's --rules DIR.
#ifndef ACTORGRAPH_EXTRACT_EXTRACTOR_H_
#define ACTORGRAPH_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>

#include "extract/diagnostics.h"
#include "extract/document.h"
#include "extract/lexicon.h"
#include "extract/relation.h"

namespace actorgraph {

struct ExtractorOptions {
  std::string rules_dir;                  // extra rule files; empty: built-in only
  std::size_t max_sentence_bytes = 4096;  // longer sentences are cut (see SplitSentences), with a warning
  int threads = 1;                        // to compile the rules on; the Extractor does not depend on it
};

// Built once (it compiles every rule); Extract is const and safe to call from several
// threads at once.
class Extractor {
 public:
  // Loads and compiles the rules. Throws Error "file:line: what" for a bad rule file.
  explicit Extractor(const ExtractorOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Everything `document` says. Warnings go to `diagnostics`, at most one of each kind per
  // document, naming Document::origin: invalid UTF-8, and sentences cut at
  // max_sentence_bytes.
  DocumentExtraction Extract(const Document& document, Diagnostics& diagnostics) const;

  const Lexicon& lexicon() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_EXTRACTOR_H_
